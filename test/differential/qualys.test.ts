/**
 * qxml vs libxml2 on the bundled Qualys schemas: every fixture and hundreds of seeded mutations
 * per schema (test-support/mutate.ts) must get the same verdict from both engines, and qxml's
 * first error must lie inside the element libxml2 reports. Seeds: the fixtures, the real
 * payloads of ../shared/corpus the catalog has a schema for, and the typed schemas of
 * test/differential/schemas; mutations: the original kinds plus a sample of the deep-run kinds
 * (datatype edges, white space, references, CDATA, comments/PIs, xsi:*, namespaces, IDs,
 * defaults/fixed values, moves), and documents with two of them. The loop is shared with `npm run conformance`
 * (test-support/differential.ts); the deep run is `npm run differential:deep`.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { formatDifferential, runDifferential, summarizeDifferential, type DifferentialRun } from "../../test-support/differential.js";
import { explainDisagreement, KNOWN_DIFFERENTIAL_DISAGREEMENTS } from "../../test-support/differential-known.js";

let run: DifferentialRun;
beforeAll(async () => {
  // Defaults: 120 original-kind and 150 deep-kind mutations and 20 two-mutation documents per seed document, seed 1.
  run = await runDifferential();
  console.log(formatDifferential(summarizeDifferential(run.outcomes)));
}, 300_000);

describe("differential: qxml vs libxml2 on the bundled schemas", () => {
  it("reads every fixture's schema with both engines", () => {
    expect(run.problems).toEqual([]);
  });

  it("covers every bundled schema with hundreds of documents, and every mutation kind", () => {
    const s = summarizeDifferential(run.outcomes);
    for (const name of ["auth_oracle_list_output", "batch_return", "ImportableControl", "option_profile_info", "option_profiles", "policy_export_output", "simple_return", "typed.dtd", "typed.xsd"]) {
      expect(s.bySchema[name]?.total ?? 0, name).toBeGreaterThanOrEqual(100);
    }
    const kinds = ["datatype-value", "datatype-attribute", "enumeration-whitespace", "character-reference", "cdata-section", "comment-or-pi", "xsi-attribute", "namespace", "id-reference", "default-or-fixed", "move-level", "two-mutations"];
    for (const k of kinds) expect(s.byKind[k]?.total ?? 0, k).toBeGreaterThanOrEqual(20);
    expect(run.outcomes.filter((o) => o.source === "corpus" && o.kind === "original").length).toBeGreaterThanOrEqual(10);
    // The mutations must actually break things, and the fixtures must be valid (corpus payloads need not be).
    expect(s.bothInvalid).toBeGreaterThan(s.total / 2);
    for (const o of run.outcomes.filter((x) => x.kind === "original" && x.source !== "corpus")) expect(o.qxml.valid, o.id).toBe(true);
  });

  it("agrees on every verdict (known disagreements listed with a reason)", () => {
    const disagreements = run.outcomes
      .filter((o) => !o.agree && explainDisagreement(o) === undefined)
      .map((o) => ({ id: o.id, qxml: o.qxml.valid, libxml2: o.libxml2.valid, qxmlSays: o.qxml.first?.message, libxml2Says: o.libxml2.first?.message }));
    expect(disagreements.filter((d) => KNOWN_DIFFERENTIAL_DISAGREEMENTS[d.id] === undefined)).toEqual([]);
    for (const id of Object.keys(KNOWN_DIFFERENTIAL_DISAGREEMENTS)) expect(disagreements.map((d) => d.id), `${id} agrees now`).toContain(id);
  });

  it("puts qxml's first error inside the element libxml2 reports", () => {
    const misplaced = run.outcomes
      .filter((o) => o.located === false && explainDisagreement(o) === undefined)
      .map((o) => ({ id: o.id, qxml: o.qxml.first?.path, libxml2: o.libxml2.first?.path }));
    expect(misplaced).toEqual([]);
    expect(run.outcomes.filter((o) => o.located === true).length).toBeGreaterThan(1000);
  });
});
