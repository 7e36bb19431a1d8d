/**
 * `npm run conformance`: runs every conformance loop the tests run (the same functions, from
 * test-support/suites and test-support/differential.ts) and prints the pass rates. Failing cases
 * are listed by id; the tests hold the reasons for the known ones (docs/conformance.md too).
 * Exit code 0 when it could run everything (it reports, it does not judge), 2 on a crash.
 */
// Each section imports what it needs when it runs, so one broken area is reported, not fatal.
import type { RateByType } from "./suites/xmlconf-suites.js";

const pct = (a: number, b: number) => (b === 0 ? "n/a" : `${((100 * a) / b).toFixed(1)}%`);

function formatRates(name: string, r: RateByType): string {
  const types = Object.entries(r.byType)
    .map(([t, b]) => `${t} ${b.passed}/${b.total}`)
    .join(", ");
  return `${name}: ${r.passed}/${r.total} (${pct(r.passed, r.total)}) — ${types}`;
}

function listIds(ids: string[], max = 12): string {
  if (ids.length === 0) return "";
  const shown = ids.slice(0, max).join(", ");
  return `\n    failing: ${shown}${ids.length > max ? `, … (${ids.length - max} more)` : ""}`;
}

async function section(title: string, run: () => Promise<string>): Promise<void> {
  const start = Date.now();
  try {
    console.log(`${await run()}  [${((Date.now() - start) / 1000).toFixed(1)} s]`);
  } catch (e) {
    process.exitCode = 2;
    console.log(`  ${title}: could not run: ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function main(): Promise<void> {
  console.log(`qxml conformance report (${new Date().toISOString().slice(0, 10)})\n`);
  console.log("W3C XML conformance suite (XML 1.0 5th edition; TYPE=error, XML 1.1 and editions 1-4 only are out of scope)");
  const xmlconf = async () => {
    const { loadXmlconf } = await import("./xmlconf.js");
    const suites = await import("./suites/xmlconf-suites.js");
    const all = loadXmlconf();
    return { all, inScope: all.filter((t) => suites.outOfScope(t) === undefined), suites };
  };
  await section("xmlconf well-formedness", async () => {
    const { all, inScope, suites } = await xmlconf();
    const r = suites.rates(inScope.map(suites.wellFormednessResult));
    return `  ${formatRates(`well-formedness (${inScope.length} of ${all.length} cases in scope)`, r)}${listIds(r.failures.map((f) => f.id))}`;
  });
  await section("xmlconf validity", async () => {
    const { inScope, suites } = await xmlconf();
    const r = suites.rates(inScope.filter((t) => t.type === "valid" || t.type === "invalid").map(suites.validityResult));
    return `  ${formatRates("validity", r)}${listIds(r.failures.map((f) => f.id))}`;
  });
  console.log("\nlibxml2's own tests (verdicts recorded in result/)");
  await section("libxml2 test/VC + test/valid", async () => {
    const { formatDtdSummary, loadDtdCases, runDtdSuite } = await import("./suites/libxml2-dtd.js");
    const { qxmlDtdRunner } = await import("./suites/runners-qxml.js");
    const s = runDtdSuite(loadDtdCases(), qxmlDtdRunner());
    return `  ${formatDtdSummary("DTD validity (test/VC + test/valid)", s)}${listIds(s.failed.map((f) => `${f.id} (expected ${f.expected}, got ${f.got})`))}`;
  });
  await section("libxml2 test/schemas", async () => {
    const { formatSchemaSummary, loadSchemaCases, runSchemaSuite } = await import("./suites/libxml2-schemas.js");
    const { qxmlSchemaRunner } = await import("./suites/runners-qxml.js");
    const s = runSchemaSuite(loadSchemaCases().cases, qxmlSchemaRunner());
    return `  ${formatSchemaSummary("XML Schema pairs (test/schemas)", s)}${listIds(s.failed.map((f) => `${f.id} (expected ${f.expected}, got ${f.got})`))}`;
  });
  console.log("\nDifferential (bundled schemas: fixtures + seeded mutations, qxml vs libxml2)");
  await section("differential", async () => {
    const { formatDifferential, runDifferential, summarizeDifferential } = await import("./differential.js");
    const { explainDisagreement } = await import("./differential-known.js");
    const run = await runDifferential();
    const bad = run.outcomes.filter((o) => (!o.agree || o.located === false) && explainDisagreement(o) === undefined).map((o) => o.id);
    const problems = run.problems.map((p) => `\n    problem: ${p.fixture}: ${p.reason}`).join("");
    return `  ${formatDifferential(summarizeDifferential(run.outcomes))}${listIds(bad)}${problems}`;
  });
  console.log("\nDifferential on other schemas (libxml2's test schemas and test/valid DTDs, xmlconf's valid documents: seeded mutations, as the CI test runs them)");
  await section("differential, other schemas", async () => {
    const { formatDifferential, runDifferential, summarizeDifferential } = await import("./differential.js");
    const { explainDisagreement } = await import("./differential-known.js");
    const { EXTRA_SOURCES } = await import("./differential-seeds.js");
    const run = await runDifferential({ sources: EXTRA_SOURCES, perFixture: 8, deepPerFixture: 8, pairsPerFixture: 2 });
    const lines = EXTRA_SOURCES.map((source) => {
      const outcomes = run.outcomes.filter((o) => o.source === source);
      const bad = outcomes.filter((o) => (!o.agree || o.located === false) && explainDisagreement(o) === undefined).map((o) => o.id);
      return `  ${source}: ${formatDifferential(summarizeDifferential(outcomes)).replace(/ \[.*\]$/, "")}${listIds(bad)}`;
    });
    return lines.join("\n");
  });
  console.log("\nWell-formedness differential (seed documents + seeded byte-level mutations, qxml's reader vs libxml2)");
  await section("well-formedness differential", async () => {
    const { formatWf, runWfDifferential, summarizeWf } = await import("./wf-differential.js");
    const outcomes = await runWfDifferential();
    const unexplained = outcomes.filter((o) => !o.agree && o.known === undefined).map((o) => o.id);
    return `  ${formatWf(summarizeWf(outcomes))}${listIds(unexplained)}`;
  });
}

await main();
