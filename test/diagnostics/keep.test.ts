/**
 * Kept strings must not keep their read chunk alive. Measured with the heap itself (after a full
 * GC): 200 slices of 1 MB strings hold 200 MB; kept copies hold next to nothing.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { defineCodes, diagnose } from "../../src/diagnostics/codes.js";
import { keep } from "../../src/diagnostics/keep.js";
import { IdTable } from "../../src/validate/ids.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

defineCodes({ "test/keep": { severity: "error", message: "found {value}" } });

/** Heap growth in MB while `hold` keeps something from each of 200 fresh 1 MB strings. */
function retainedMB(hold: (slice: string, i: number) => unknown): number {
  const held: unknown[] = [];
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 200; i++) {
    const chunk = Buffer.alloc(1_000_000, 97 + (i % 26)).toString("latin1");
    held.push(hold(chunk.slice(1000, 1040), i));
  }
  gc();
  const mb = (process.memoryUsage().heapUsed - before) / 1e6;
  expect(held).toHaveLength(200);
  return mb;
}

describe("kept strings hold no read chunk", () => {
  it("a plain slice holds its chunk (the problem), keep() does not", () => {
    expect(retainedMB((s) => s)).toBeGreaterThan(150);
    expect(retainedMB((s) => keep(s))).toBeLessThan(20);
    expect(keep("abcdefghijklmnopq")).toBe("abcdefghijklmnopq");
  });
  it("diagnostic params and ID tables keep copies", () => {
    expect(retainedMB((s) => diagnose("test/keep", { value: s, list: [s] }, { line: 1, column: 1 }))).toBeLessThan(20);
    const ids = new IdTable();
    expect(
      retainedMB((s, i) => {
        ids.define(s + i, 1);
        ids.reference({ value: s, element: "e", name: "r", line: 1, column: 1, path: "/e" });
        return null;
      }),
    ).toBeLessThan(20);
  });
});
