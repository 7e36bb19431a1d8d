/**
 * libxml2's XML Schema tests, schema + instance pairs: qxml (XSD reader + validator) must reach
 * the verdict libxml2 recorded (valid / invalid / schema error) on every pair it supports.
 * Pairs whose schema uses an unsupported feature are counted by feature; known disagreements are
 * in test-support/suites/schema-pair-skips.ts with a reason each.
 */
import { describe, expect, it } from "vitest";
import { formatSchemaSummary, loadSchemaCases, runSchemaSuite } from "../../test-support/suites/libxml2-schemas.js";
import { SCHEMA_PAIR_SKIPS } from "../../test-support/suites/schema-pair-skips.js";
import { qxmlSchemaRunner } from "../../test-support/suites/runners-qxml.js";

const { cases } = loadSchemaCases();
const summary = runSchemaSuite(cases, qxmlSchemaRunner(), SCHEMA_PAIR_SKIPS);
console.log(formatSchemaSummary("qxml on libxml2 test/schemas pairs", summary));

describe("libxml2 test/schemas pairs", () => {
  it("every supported pair gets libxml2's verdict", () => {
    expect(summary.failed).toEqual([]);
    // Guard against a silently shrinking suite: most pairs must actually run.
    expect(summary.run).toBeGreaterThanOrEqual(200);
    expect(summary.passed).toBe(summary.run);
  });

  it("each skipped pair still disagrees (remove it from the list when it is fixed)", () => {
    const runner = qxmlSchemaRunner();
    for (const id of Object.keys(SCHEMA_PAIR_SKIPS)) {
      const c = cases.find((x) => x.id === id);
      expect(c, `${id} is not a case any more`).toBeDefined();
      expect(runner(c!).verdict, id).not.toBe(c!.expected);
    }
  });

  it("names the unsupported feature of every pair it does not run", () => {
    for (const u of summary.unsupported) expect(u.features.length, u.id).toBeGreaterThan(0);
    expect(Object.values(summary.byFeature).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(summary.unsupported.length);
  });
});
