/**
 * Differential fuzz of the content-model automata: seeded random XSD and DTD content models and
 * random child sequences, judged by qxml, libxml2 and the independent UPA oracle
 * (test-support/upa-oracle.ts). Determinism disagreements between qxml and libxml2 are classified
 * by the oracle (test-support/content-model-fuzz.ts says how); everything else must agree.
 *
 * QXML_FUZZ_SCALE (default 1) multiplies the number of models; deep runs with several seeds:
 * `npm run build && QXML_FUZZ_SCALE=30 npm run differential:models`.
 */
import { describe, expect, it } from "vitest";
import { formatFuzzSummary, runDtdFuzz, runXsdFuzz, type FuzzSummary } from "../../test-support/content-model-fuzz.js";

const SCALE = Math.max(1, Number(process.env.QXML_FUZZ_SCALE ?? "1") | 0);
const XSD = { seed: 20261122, models: 400 * SCALE, documents: 40 };
const DTD = { seed: 1122, models: 300 * SCALE, documents: 30 };

function report(kind: string, s: FuzzSummary, docs: number): void {
  console.log(formatFuzzSummary(kind, s, docs));
  for (const [cls, list] of Object.entries(s.known)) for (const f of list.slice(0, 3)) console.log(`  ${cls} #${f.index}: ${f.why}`);
  for (const p of s.problems.slice(0, 15)) console.log("  PROBLEM " + p);
}

describe("content models: qxml, libxml2 and the UPA oracle agree on random XSD content models", () => {
  it(`${XSD.models} schemas × ${XSD.documents} documents`, async () => {
    const s = await runXsdFuzz(XSD);
    report("XSD", s, XSD.documents);
    expect(s.problems).toEqual([]);
    expect(s.models).toBe(XSD.models);
    // The fuzz must exercise both sides of determinism and both known classes, or it proves little.
    expect(s.deterministic).toBeGreaterThan(XSD.models / 4);
    expect(s.nonDeterministic).toBeGreaterThan(XSD.models / 4);
    expect(s.known["duplicate-particles"].length).toBeGreaterThan(0);
    expect(s.known["exact-count"].length).toBeGreaterThan(0);
    expect(s.documents.threeWay).toBeGreaterThan(XSD.models * 10);
  }, 120_000 * SCALE);
});

describe("content models: qxml, libxml2 and the UPA oracle agree on random DTD content models", () => {
  it(`${DTD.models} DTDs × ${DTD.documents} documents (determinism and verdicts)`, async () => {
    const s = await runDtdFuzz(DTD);
    report("DTD", s, DTD.documents);
    expect(s.problems).toEqual([]);
    expect(s.deterministic).toBeGreaterThan(DTD.models / 4);
    expect(s.nonDeterministic).toBeGreaterThan(0);
    expect(s.known["duplicate-particles"].length).toBeGreaterThan(0);
    expect(s.documents.threeWay).toBeGreaterThan(DTD.models * 20);
  }, 120_000 * SCALE);
});
