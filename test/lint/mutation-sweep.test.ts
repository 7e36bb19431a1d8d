/**
 * `qxml lint` over mutated payloads (test-support/lint-sweep.ts): no crash, located findings on
 * elements that exist, no duplicates, the validator's schema errors, determinism, messages that
 * name the document's values, under 1 s a mutant. QXML_LINT_SWEEP_SCALE=N multiplies the mutants;
 * QXML_LINT_SWEEP_SEED=N picks others.
 */
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { findingProblems, runSweep, summary } from "../../test-support/lint-sweep.js";

const scale = Number(process.env.QXML_LINT_SWEEP_SCALE ?? "1");
const mutateSeed = Number(process.env.QXML_LINT_SWEEP_SEED ?? "7");

describe("lint mutation sweep", () => {
  it(`keeps every invariant on the mutants of every seed (scale ${scale}, seed ${mutateSeed})`, async () => {
    const report = await runSweep(scale, undefined, mutateSeed);
    console.log(summary(report));
    expect(report.seeds).toBeGreaterThan(50);
    expect(report.mutants).toBeGreaterThan(report.seeds * 5);
    expect(report.violations, summary(report)).toEqual([]);
  }, 600_000);
});

describe("the sweep's invariants catch what they are for", () => {
  const xml = '<CONTROL_LIST total="1">\n  <CONTROL><UDC_ID>x&#97;</UDC_ID></CONTROL>\n</CONTROL_LIST>\n';
  const finding = (over: Partial<Diagnostic>): Diagnostic => ({
    severity: "error",
    code: "qualys/udc-id",
    message: 'UDC_ID "xa" is not a UUID (8-4-4-4-12 hexadecimal digits, e.g. c50922a1-1482-df3f-83e2-bb96c99ffc48)',
    line: 2,
    column: 12,
    path: "/CONTROL_LIST/CONTROL/UDC_ID",
    params: { messageId: "notUuid", value: "xa" },
    ...over,
  });
  const kinds = (ds: Diagnostic[]) => findingProblems(ds, xml).map((p) => `${p.kind}: ${p.detail.split(":")[0]}`);

  it("a finding as lint makes it passes (its value decoded from a character reference)", () => {
    expect(kinds([finding({})])).toEqual([]);
  });
  it("a line past the end, a column past the line, a path not in the document, a position off the element", () => {
    // (Off the element too, which the last check says.)
    expect(kinds([finding({ line: 9 })])[0]).toBe("location: line outside the document (4 lines)");
    expect(kinds([finding({ column: 80 })])[0]).toBe("location: column outside line 2 (44 characters)");
    expect(kinds([finding({ path: "/CONTROL_LIST/CONTROL[2]/UDC_ID" })])).toEqual(["location: path not in the document"]);
    expect(kinds([finding({ column: 3 })])).toEqual(["location: not at the start tag or an attribute of /CONTROL_LIST/CONTROL/UDC_ID"]);
  });
  it("the same finding twice", () => {
    expect(kinds([finding({}), finding({})])).toEqual(["duplicate: reported twice"]);
  });
  it("an empty quoted value, a value not in the document, nonsense, an empty list item", () => {
    expect(kinds([finding({ message: 'UDC_ID "" is not a UUID', params: { messageId: "notUuid", value: "" } })])).toEqual(["message: empty quoted value"]);
    expect(kinds([finding({ message: 'UDC_ID "zz" is not a UUID', params: { messageId: "notUuid", value: "zz" } })])).toEqual(['message: quoted value "zz" is not in the document']);
    expect(kinds([finding({ message: "UDC_ID undefined is not a UUID" })])).toEqual(["message: nonsense in the message"]);
    expect(kinds([finding({ message: "TECHNOLOGIES (69, ) are" })])).toEqual(["message: an empty value in the message"]);
  });
  it("a value the reader joins across a PI or comment is in the document (deep run, eighth session: 'PI in value')", () => {
    const split = '<CONTROL_LIST total="1">\n  <CONTROL><UDC_ID>x<?p?>a<!--c--></UDC_ID></CONTROL>\n</CONTROL_LIST>\n';
    expect(findingProblems([finding({})], split).filter((p) => p.kind === "message")).toEqual([]);
    expect(findingProblems([finding({ message: 'UDC_ID "xp" is not a UUID', params: { messageId: "notUuid", value: "xp" } })], split).map((p) => p.detail.split(":")[0])).toEqual(['quoted value "xp" is not in the document']);
  });
});
