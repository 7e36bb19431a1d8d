import { describe, expect, it } from "vitest";
import { compileSchema } from "../../src/validate/compile.js";
import { ValidationEngine } from "../../src/validate/engine.js";
import { choice, el } from "./particles.js";
import { model } from "./models.js";
import { feed } from "./feed.js";

// Positions among same-named siblings are derived from each parent's record of child names when a
// path is built, and counted as they come beyond the first 1,024 children: both must agree.
const list = model("dtd", {
  ROOT: { content: { kind: "elements", particle: choice([el("A"), el("B")], 0, "unbounded") } },
  A: { content: "PCDATA" },
  B: { content: "PCDATA" },
});

function paths(xml: string): string[] {
  const { schema } = compileSchema(list);
  const engine = new ValidationEngine({ file: "doc.xml", schema });
  feed(xml, engine);
  return engine.diagnostics.map((d) => `${d.code} ${d.path}`);
}

/** `n` children alternating A, B; the A children numbered in `bad` (1-based among the As) hold an <X/>. */
function doc(n: number, bad: number[]): string {
  let s = "<ROOT>";
  let a = 0;
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) s += bad.includes(++a) ? "<A><X/></A>" : "<A>t</A>";
    else s += "<B/>";
  }
  return s + "</ROOT>";
}

describe("engine: element paths", () => {
  it("count same-named siblings within the recorded children and beyond them", () => {
    expect(paths(doc(3000, [1, 2, 512, 513, 1300, 1500]))).toEqual([
      "valid/unexpected-element /ROOT/A/X",
      "valid/unexpected-element /ROOT/A[2]/X",
      "valid/unexpected-element /ROOT/A[512]/X",
      "valid/unexpected-element /ROOT/A[513]/X",
      "valid/unexpected-element /ROOT/A[1300]/X",
      "valid/unexpected-element /ROOT/A[1500]/X",
    ]);
  });
  it("a frame reused for a new element starts its count again", () => {
    const xml = `<ROOT><A><X/><X/></A><B/><A><X/></A></ROOT>`;
    expect(paths(xml)).toEqual(["valid/unexpected-element /ROOT/A/X", "valid/unexpected-element /ROOT/A/X[2]", "valid/unexpected-element /ROOT/A[2]/X"]);
  });
});
