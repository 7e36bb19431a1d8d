/**
 * `qxml lint` over mutated payloads (test-support/lint-sweep.ts): no crash, located findings on
 * elements that exist, no duplicates, the validator's schema errors, determinism, messages that
 * name the document's values, under 1 s a mutant. QXML_LINT_SWEEP_SCALE=N multiplies the mutants.
 */
import { describe, expect, it } from "vitest";
import { runSweep, summary } from "../../test-support/lint-sweep.js";

const scale = Number(process.env.QXML_LINT_SWEEP_SCALE ?? "1");

describe("lint mutation sweep", () => {
  it(`keeps every invariant on the mutants of every seed (scale ${scale})`, async () => {
    const report = await runSweep(scale);
    console.log(summary(report));
    expect(report.seeds).toBeGreaterThan(50);
    expect(report.mutants).toBeGreaterThan(report.seeds * 5);
    expect(report.violations, summary(report)).toEqual([]);
  }, 600_000);
});
