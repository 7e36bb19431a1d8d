/**
 * The deep validity differential: the loop of test-support/differential.ts over many seeds and
 * every candidate mutation, for a run by hand (not CI):
 *
 *   npm run build && QXML_DIFF_SCALE=4 npm run differential:deep
 *
 * QXML_DIFF_SOURCES (default: all six seed families, fixture,corpus,typed,libxml2-xsd,libxml2-dtd,
 * xmlconf-valid) picks the seed families. QXML_DIFF_SCALE (default 1) is the number of seeds (1..N); QXML_DIFF_SEEDS=5,6 lists other seeds
 * instead (a new seed changes only the two-mutation documents, see below). Each seed runs every candidate mutation of
 * one change (QXML_DIFF_PER_FIXTURE, QXML_DIFF_DEEP_PER_FIXTURE: at most 1000 of the original
 * kinds and 100000 of the deep-run kinds per seed document; all of them on the bundled fixtures,
 * so every seed repeats them) plus QXML_DIFF_PAIRS_PER_FIXTURE (400) seeded documents with two
 * changes, which differ by seed. Prints the summary, the counts per schema and per mutation kind,
 * and every disagreement or misplaced first error not explained by a known difference (grouped,
 * with examples); writes them to QXML_DIFF_OUT (default /tmp/qxml-diff-deep.json).
 */
import { writeFileSync } from "node:fs";
import { formatDifferential, runDifferential, summarizeDifferential, type DifferentialOutcome, type SeedSource } from "./differential.js";
import { KNOWN_DIFFERENTIAL_DISAGREEMENTS, explainDisagreement } from "./differential-known.js";

const scale = Math.max(1, Number(process.env.QXML_DIFF_SCALE ?? "1") | 0);
const perFixture = Number(process.env.QXML_DIFF_PER_FIXTURE ?? "1000");
const deepPerFixture = Number(process.env.QXML_DIFF_DEEP_PER_FIXTURE ?? "100000");
const pairsPerFixture = Number(process.env.QXML_DIFF_PAIRS_PER_FIXTURE ?? "400");
// The new families' seeds: at most 32 M characters of mutants per kind group (libxml2's 160 KB REC-xml: 200 each).
const charsPerSeed = Number(process.env.QXML_DIFF_CHARS_PER_SEED ?? "32000000");
const out = process.env.QXML_DIFF_OUT ?? "/tmp/qxml-diff-deep.json";
const listed = (process.env.QXML_DIFF_SEEDS ?? "").split(",").filter((x) => x.trim() !== "").map(Number);
const sources = (process.env.QXML_DIFF_SOURCES ?? "fixture,corpus,typed,libxml2-xsd,libxml2-dtd,xmlconf-valid").split(",").map((x) => x.trim()) as SeedSource[];
const seeds = listed.length > 0 ? listed : Array.from({ length: scale }, (_, i) => i + 1);

const all: DifferentialOutcome[] = [];
const started = Date.now();
for (const seed of seeds) {
  const run = await runDifferential({ seed, perFixture, deepPerFixture, pairsPerFixture, doctypePerFixture: 200, sources, charsPerSeed });
  for (const p of run.problems) console.log(`problem: ${p.fixture}: ${p.reason}`);
  if (seed === seeds[0]) console.log(`excluded: ${run.excluded.length} documents (${[...new Set(run.excluded.map((e) => e.reason))].join("; ")})`);
  for (const o of run.outcomes) all.push(o); // not push(...): a large seed overflows the stack
  console.log(`seed ${seed}: ${run.outcomes.length} documents (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
const s = summarizeDifferential(all);
console.log(formatDifferential(s));
for (const source of sources) {
  const part = all.filter((o) => o.source === source);
  const seedCount = new Set(part.map((o) => o.fixture)).size;
  console.log(`  ${source}: ${seedCount} seeds; ${formatDifferential(summarizeDifferential(part)).replace(/ \[.*\]$/, "")}`);
}
// Seeds pick different samples, but a document with fewer candidates than the sample gives every seed the same ones.
console.log(`distinct documents: ${new Set(all.map((o) => o.id)).size} of ${all.length}`);
console.log("by mutation kind:");
for (const [k, v] of Object.entries(s.byKind).sort()) console.log(`  ${k.padEnd(28)} ${v.agree}/${v.total}`);

const unexplained = all.filter((o) => !o.agree && KNOWN_DIFFERENTIAL_DISAGREEMENTS[o.id] === undefined && explainDisagreement(o) === undefined);
const explained = all.filter((o) => (!o.agree || o.located === false) && explainDisagreement(o) !== undefined);
const misplaced = all.filter((o) => o.located === false && explainDisagreement(o) === undefined);
const group = (list: DifferentialOutcome[]) => {
  const g = new Map<string, DifferentialOutcome[]>();
  for (const o of list) {
    const key = `${o.schema} ${o.kind} qxml=${o.qxml.valid} libxml2=${o.libxml2.valid} ${o.qxml.first?.code ?? ""}`;
    g.set(key, [...(g.get(key) ?? []), o]);
  }
  return g;
};
const byKnown = new Map<string, number>();
for (const o of explained) byKnown.set(explainDisagreement(o)!.id, (byKnown.get(explainDisagreement(o)!.id) ?? 0) + 1);
console.log(`explained by a known difference: ${explained.length}`);
for (const [id, n] of byKnown) console.log(`  ${id}: ${n}`);
for (const [key, list] of group(unexplained)) {
  const o = list[0];
  console.log(`DISAGREE ×${list.length} ${key}\n    ${o.id}: ${o.description}\n    qxml: ${o.qxml.first?.message ?? "valid"}\n    libxml2: ${o.libxml2.first?.message ?? "valid"}`);
}
for (const [key, list] of group(misplaced)) {
  const o = list[0];
  console.log(`MISPLACED ×${list.length} ${key}\n    ${o.id}: qxml ${o.qxml.first?.path} (${o.qxml.first?.message}) | libxml2 ${o.libxml2.first?.path} (${o.libxml2.first?.message})`);
}
writeFileSync(out, JSON.stringify({ summary: s, unexplained, misplaced }, null, 1));
console.log(`${all.length} documents in ${((Date.now() - started) / 1000).toFixed(0)} s; details in ${out}`);
