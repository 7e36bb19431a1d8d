/**
 * The deep schema-mutation differential, for a run by hand (not CI):
 *
 *   npm run build && QXML_SCHEMA_SCALE=10 npm run differential:schemas
 *
 * QXML_SCHEMA_SCALE (default 1) multiplies the CI size's mutations per kind (2) and runs every
 * seed schema of every family (CI samples them). Prints the summary, counts per family and per
 * kind, every crash, slow schema, disagreement not explained by a known difference (grouped, with
 * an example), and the rejections whose diagnostic lacks a file, line or hint; writes the
 * unexplained outcomes to QXML_SCHEMA_OUT (default /tmp/qxml-schema-deep.json).
 */
import { writeFileSync } from "node:fs";
import { formatSchemaDifferential, runSchemaDifferential, summarizeSchemaDifferential, SLOW_SCHEMA_MS, type SchemaOutcome } from "./schema-differential.js";
import { explainSchemaOutcome } from "./schema-known.js";

const scale = Math.max(1, Number(process.env.QXML_SCHEMA_SCALE ?? "1") | 0);
const seed = Number(process.env.QXML_SCHEMA_SEED ?? "1");
const out = process.env.QXML_SCHEMA_OUT ?? "/tmp/qxml-schema-deep.json";
const started = Date.now();
let n = 0;
const outcomes = await runSchemaDifferential({
  seed,
  perKind: 2 * scale,
  instancesPerSchema: 3,
  ...(process.env.QXML_SCHEMA_VERBOSE !== undefined ? { onStart: (id: string) => console.log(`start ${id}`) } : {}),
  onOutcome: (o) => {
    if (process.env.QXML_SCHEMA_VERBOSE !== undefined) console.log(`done ${o.id} qxml ${o.qxml.ms.toFixed(0)} ms libxml2 ${o.libxml2.ms.toFixed(0)} ms`);
    if (++n % 500 === 0) console.log(`${n} schemas (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  },
});
const s = summarizeSchemaDifferential(outcomes);
console.log(formatSchemaDifferential(s));

const problems = outcomes.filter((o) => o.qxml.verdict === "crash" || o.qxml.ms > SLOW_SCHEMA_MS || o.docs.some((d) => d.qxml.crash !== undefined));
for (const o of problems) console.log(`PROBLEM ${o.id} (${o.qxml.ms.toFixed(0)} ms): ${o.description}: ${o.qxml.first?.message ?? ""} ${o.docs.find((d) => d.qxml.crash)?.qxml.crash ?? ""}`);

const unexplained: SchemaOutcome[] = [];
const byKnown = new Map<string, number>();
for (const o of outcomes) {
  const disagree = !o.agree || o.docs.some((d) => !d.agree);
  if (!disagree) continue;
  const known = explainSchemaOutcome(o);
  if (known !== undefined) byKnown.set(known.id, (byKnown.get(known.id) ?? 0) + 1);
  else unexplained.push(o);
}
console.log(`explained by a known difference: ${[...byKnown.values()].reduce((a, b) => a + b, 0)}`);
for (const [id, k] of byKnown) console.log(`  ${id}: ${k}`);
const groups = new Map<string, SchemaOutcome[]>();
for (const o of unexplained) {
  const doc = o.docs.find((d) => !d.agree);
  const key = o.agree ? `${o.kind} doc qxml=${doc?.qxml.valid} libxml2=${doc?.libxml2.valid}` : `${o.kind} schema qxml=${o.qxml.verdict} libxml2=${o.libxml2.verdict} ${o.qxml.first?.code ?? ""}`;
  groups.set(key, [...(groups.get(key) ?? []), o]);
}
for (const [key, list] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
  const o = list[0];
  const doc = o.docs.find((d) => !d.agree);
  console.log(`DISAGREE ×${list.length} ${key}\n    ${o.id}: ${o.description}\n    qxml: ${doc?.qxml.first ?? o.qxml.first?.message ?? "accepted"}\n    libxml2: ${doc?.libxml2.first ?? o.libxml2.first?.message ?? "accepted"}`);
}
console.log("rejections whose first diagnostic lacks something:");
for (const [k, v] of Object.entries(s.gaps).sort((a, b) => b[1] - a[1])) console.log(`  ${v} ${k}`);
writeFileSync(out, JSON.stringify({ summary: s, problems, unexplained }, null, 1));
console.log(`${outcomes.length} schemas in ${((Date.now() - started) / 1000).toFixed(0)} s; details in ${out}`);
