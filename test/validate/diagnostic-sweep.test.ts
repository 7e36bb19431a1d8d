/**
 * `qxml validate`'s diagnostics over mutated documents (test-support/diagnostic-sweep.ts): every
 * seed of the validity differential, its validity and well-formedness mutants, and invariants on
 * the text of every diagnostic. QXML_DIAG_SWEEP_SCALE=N multiplies the mutants per seed;
 * QXML_DIAG_SWEEP_SEED=N picks others.
 */
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { diagnosticProblems, knownWhy, runPipelineSweep, runSweep, summary } from "../../test-support/diagnostic-sweep.js";

const scale = Number(process.env.QXML_DIAG_SWEEP_SCALE ?? "1");
const mutateSeed = Number(process.env.QXML_DIAG_SWEEP_SEED ?? "7");

describe("validate diagnostics under mutation", () => {
  it(`keep every invariant on every seed's mutants (scale ${scale}, seed ${mutateSeed})`, () => {
    const report = runSweep({ scale, mutateSeed });
    console.log(summary(report));
    expect(report.seeds).toBeGreaterThan(900);
    expect(report.mutants).toBeGreaterThan(report.seeds * 10);
    expect(report.skipped).toEqual([]);
    const unexplained = report.violations.filter((v) => knownWhy(v) === undefined);
    expect(unexplained, summary(report)).toEqual([]);
    // The families reach the reader's, the DTD reader's and the validator's codes.
    for (const code of ["xml/syntax", "xml/mismatched-end-tag", "dtd/syntax", "valid/unexpected-element", "valid/missing-element", "valid/text-type", "valid/attribute-value"]) expect(report.perCode.get(code)?.mutants ?? 0, code).toBeGreaterThan(0);
  }, 300_000);

  it(`keep them through validateDocument too (the pipeline's qxml/* codes; scale ${scale})`, async () => {
    const report = await runPipelineSweep({ scale, mutateSeed });
    console.log(summary(report));
    expect(report.mutants).toBeGreaterThan(500);
    expect(report.violations.filter((v) => knownWhy(v) === undefined), summary(report)).toEqual([]);
    for (const code of ["qxml/doctype-not-found", "qxml/unknown-doctype"]) expect(report.perCode.get(code)?.mutants ?? 0, code).toBeGreaterThan(0);
  }, 300_000);
});

describe("the sweep's invariants catch what they are for", () => {
  const xml = '<r>\n  <item kind="a&#9;b"/>\n</r>\n';
  const d = (over: Partial<Diagnostic>): Diagnostic => ({
    severity: "error",
    code: "valid/attribute-value",
    message: 'item: attribute kind: expected one of a or b; found "a\\tb"',
    hint: "Change the value of kind: expected one of a or b.",
    line: 2,
    column: 9,
    path: "/r/item",
    params: { element: "item", name: "kind", expected: "one of a or b", found: "a\tb" },
    ...over,
  });
  const kinds = (ds: Diagnostic[]) => diagnosticProblems(ds, xml).map((p) => `${p.kind}: ${p.detail.split(":")[0]}`);

  it("a diagnostic as the validator makes it passes (its value decoded from a character reference, escaped)", () => {
    expect(kinds([d({})])).toEqual([]);
  });
  it("positions and paths", () => {
    expect(kinds([d({ line: 9 })])).toEqual(["location: line outside the document (4 lines)", "path: position outside /r/item (2"]);
    expect(kinds([d({ column: 40 })])).toEqual(["location: column outside line 2 (23 characters)", "path: position outside /r/item (2"]);
    expect(kinds([d({ path: "/r/item[2]" })])).toEqual(["path: path not in the document"]);
    expect(kinds([d({ line: 1, column: 1 })])).toEqual(["path: position outside /r/item (2"]);
  });
  it("codes, duplicates", () => {
    expect(kinds([d({ code: "valid/no-such-code" })])).toEqual(["code: unknown code"]);
    expect(kinds([d({}), d({})])).toEqual(["duplicate: reported twice"]);
  });
  it("text: nonsense, empty quotes, raw tabs, doubled spaces, placeholders, length", () => {
    expect(kinds([d({ message: "item: attribute kind: expected undefined" })])).toEqual(["message: nonsense in the message"]);
    expect(kinds([d({ message: 'item: attribute kind: found ""' })])).toEqual(['message: "" quoting an empty value in the message']);
    expect(kinds([d({ message: 'item: found "a\tb"' })])).toEqual(["message: a raw line break or tab in the message"]);
    expect(kinds([d({ hint: "add one of  before <x>" })])).toEqual(["message: doubled punctuation or spaces, or an empty item, in the hint"]);
    expect(kinds([d({ message: "item: {found} here" })])).toEqual(["message: a placeholder left unfilled in the message"]);
    expect(kinds([d({ message: `item: ${"x".repeat(300)}` })])).toEqual(["length: 306 characters"]);
  });
  it("found values, expected lists, suggestions, hints", () => {
    expect(kinds([d({ message: 'item: found "zz"', params: { found: "zz" } })])).toEqual(['found: quoted found value "zz" is not in the document']);
    expect(kinds([d({ message: "item: expected one of a, a or b; found <c>" })])).toEqual(['expected-list: "a" twice in an expected list']);
    expect(kinds([d({ hint: "Did you mean <c>?", params: { found: "c", expected: ["a", "c"] } })])).toEqual(["suggestion: suggests what was found (c)"]);
    expect(kinds([d({ hint: "Did you mean <d>?", params: { found: "c", expected: ["a", "b"] } })])).toEqual(["suggestion: suggests d, not among the expected names"]);
    expect(kinds([d({ hint: undefined })])).toEqual(["hint: an error without a hint"]);
  });
});
