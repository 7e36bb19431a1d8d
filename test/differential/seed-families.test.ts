/**
 * The validity differential over seeds beyond the Qualys schemas (test-support/differential-seeds.ts):
 * libxml2's test/schemas XSDs with their paired instances (schema mode), libxml2's test/valid
 * documents whose DOCTYPE names a local DTD, and the xmlconf `valid` cases with a DOCTYPE (both
 * doctype mode: each engine reads the document's own DTD, local files only). A few mutations per
 * seed here; `QXML_DIFF_SOURCES=libxml2-xsd,libxml2-dtd,xmlconf-valid npm run differential:deep`
 * runs every candidate. Verdicts must agree and qxml's first error must lie inside libxml2's
 * element, except known differences (test-support/differential-known.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { formatDifferential, runDifferential, summarizeDifferential, type DifferentialRun } from "../../test-support/differential.js";
import { EXTRA_SOURCES } from "../../test-support/differential-seeds.js";
import { explainDisagreement } from "../../test-support/differential-known.js";

/** Seeds that run as written but are not mutated, with why (the mutation generator builds a tree of the document alone). */
const NOT_MUTATED: Readonly<Record<string, string>> = {
  "libxml2-dtd/766956.xml": "its DTD is not well-formed (a PE reference without ';'), so there is no model to mutate against; both engines reject the seed",
  "libxml2-dtd/cond_sect2.xml": "its DTD is not well-formed (a parameter entity closes a conditional section), no model; both engines reject the seed",
  "libxml2-dtd/pe-in-text-decl.xml": "its DTD's text declaration holds a PE reference (not well-formed), no model; both engines reject the seed",
  "libxml2-dtd/127772.xml": "xmlns:xlink is declared only as a DTD attribute default, which the tree reader (no DTD) does not see",
  "xmlconf-valid/notation01": "the notation its unparsed entity names is declared in the external subset, which the tree reader does not read",
  "xmlconf-valid/rmt-e2e-18": "its internal subset references a parameter entity declared in the external subset, which the tree reader does not read",
};

let run: DifferentialRun;
beforeAll(async () => {
  run = await runDifferential({ sources: EXTRA_SOURCES, perFixture: 8, deepPerFixture: 8, pairsPerFixture: 2 });
  for (const source of EXTRA_SOURCES) console.log(`${source}: ${formatDifferential(summarizeDifferential(run.outcomes.filter((o) => o.source === source))).replace(/ \[.*\]$/, "")}`);
}, 300_000);

describe("validity differential on libxml2's and xmlconf's seeds", () => {
  it("runs every family's seeds, mutated, in the mode the family names", () => {
    const seeds = (source: string) => new Set(run.outcomes.filter((o) => o.source === source).map((o) => o.fixture)).size;
    expect(seeds("libxml2-xsd")).toBeGreaterThanOrEqual(170);
    expect(seeds("libxml2-dtd")).toBeGreaterThanOrEqual(16);
    expect(seeds("xmlconf-valid")).toBeGreaterThanOrEqual(700);
    for (const o of run.outcomes) expect(o.mode, o.id).toBe(o.source === "libxml2-xsd" ? "schema" : "doctype");
    const s = summarizeDifferential(run.outcomes);
    expect(s.total).toBeGreaterThan(8000);
    expect(s.bothInvalid).toBeGreaterThan(s.total / 3);
    for (const k of ["drop-element", "rename-element", "undeclared-attribute", "namespace", "xsi-attribute", "two-mutations"]) expect(s.byKind[k]?.total ?? 0, k).toBeGreaterThanOrEqual(50);
    expect(s.byKind["id-reference"]?.total ?? 0).toBeGreaterThanOrEqual(20);
  });

  it("mutates every seed except the listed ones, and leaves out only documents in other encodings or without namespaces", () => {
    expect(Object.fromEntries(run.problems.map((p) => [p.fixture, NOT_MUTATED[p.fixture] ?? p.reason]))).toEqual(NOT_MUTATED);
    const reasons = new Set(run.excluded.map((e) => e.reason.replace(/^declares encoding .*/, "declares encoding")));
    for (const r of reasons) expect(["UTF-16", "not UTF-8", "declares encoding", "NAMESPACE=no (libxml2-wasm always reads with namespaces)", "libxml2's expected result is a schema error"]).toContain(r);
  });

  it("agrees on every verdict, except known differences", () => {
    const disagreements = run.outcomes
      .filter((o) => !o.agree && explainDisagreement(o) === undefined)
      .map((o) => ({ id: o.id, qxml: o.qxml.first?.message ?? "valid", libxml2: o.libxml2.first?.message ?? "valid" }));
    expect(disagreements).toEqual([]);
  });

  it("puts qxml's first error inside the element libxml2 reports, except known differences", () => {
    const misplaced = run.outcomes
      .filter((o) => o.located === false && explainDisagreement(o) === undefined)
      .map((o) => ({ id: o.id, qxml: `${o.qxml.first?.path}: ${o.qxml.first?.message}`, libxml2: `${o.libxml2.first?.path}: ${o.libxml2.first?.message}` }));
    expect(misplaced).toEqual([]);
    expect(run.outcomes.filter((o) => o.located === true).length).toBeGreaterThan(4000);
  });
});
