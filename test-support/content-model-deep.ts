/**
 * The deep content-model fuzz: test-support/content-model-fuzz.ts over more models and several
 * seeds, for a run by hand (not CI):
 *
 *   npm run build && QXML_FUZZ_SCALE=30 QXML_FUZZ_SEEDS=1,2,3 npm run differential:models
 *
 * QXML_FUZZ_SCALE (default 10) multiplies the CI size (400 XSD models × 40 documents, 300 DTD
 * models × 30 documents) per seed; QXML_FUZZ_SEEDS (default: the CI seeds) lists the seeds, each
 * used for both the XSD and the DTD run. Prints one summary per run, the totals per class, every
 * problem, and writes everything to QXML_FUZZ_OUT (default /tmp/qxml-fuzz-models.json). Exits 1
 * when any problem (a disagreement the oracle does not explain) was found.
 */
import { writeFileSync } from "node:fs";
import { formatFuzzSummary, runDtdFuzz, runXsdFuzz, type FuzzSummary } from "./content-model-fuzz.js";

const scale = Math.max(1, Number(process.env.QXML_FUZZ_SCALE ?? "10") | 0);
const seeds = (process.env.QXML_FUZZ_SEEDS ?? "").split(",").filter((x) => x.trim() !== "").map(Number);
const out = process.env.QXML_FUZZ_OUT ?? "/tmp/qxml-fuzz-models.json";

const runs: { kind: string; summary: FuzzSummary }[] = [];
const started = Date.now();
const xsdSeeds = seeds.length > 0 ? seeds : [20261122];
const dtdSeeds = seeds.length > 0 ? seeds : [1122];
for (const seed of xsdSeeds) {
  const summary = await runXsdFuzz({ seed, models: 400 * scale, documents: 40 });
  runs.push({ kind: "XSD", summary });
  console.log(`${formatFuzzSummary("XSD", summary, 40)} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
for (const seed of dtdSeeds) {
  const summary = await runDtdFuzz({ seed, models: 300 * scale, documents: 30 });
  runs.push({ kind: "DTD", summary });
  console.log(`${formatFuzzSummary("DTD", summary, 30)} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
for (const kind of ["XSD", "DTD"]) {
  const mine = runs.filter((r) => r.kind === kind).map((r) => r.summary);
  const sum = (f: (s: FuzzSummary) => number) => mine.reduce((n, s) => n + f(s), 0);
  console.log(
    `${kind} total: ${sum((s) => s.models)} models, ${sum((s) => s.deterministic)} deterministic and ${sum((s) => s.nonDeterministic)} non-deterministic for all three, ` +
      `duplicate-particles ${sum((s) => s.known["duplicate-particles"].length)}, exact-count ${sum((s) => s.known["exact-count"].length)}, ` +
      `documents ${sum((s) => s.documents.threeWay)} three-way + ${sum((s) => s.documents.qxmlOracle - s.documents.threeWay)} qxml/oracle only, problems ${sum((s) => s.problems.length)}`,
  );
}
const problems = runs.flatMap((r) => r.summary.problems);
for (const p of problems) console.log("PROBLEM " + p);
writeFileSync(out, JSON.stringify(runs, null, 1));
console.log(`${((Date.now() - started) / 1000).toFixed(0)} s; details in ${out}`);
process.exitCode = problems.length > 0 ? 1 : 0;
