/**
 * The deep well-formedness differential: runWfDifferential (test-support/wf-differential.ts) over
 * several rng seeds, for a run by hand (not CI; there is no npm script):
 *
 *   npm run build && QXML_WF_SEEDS=500,501 node dist/test-support/wf-differential-deep.js
 *
 * QXML_WF_SEEDS (default 1, the CI seed) lists the rng seeds; QXML_WF_PER_SEED (default
 * DEFAULT_PER_SEED) the variants per seed document. Each seed also cuts every mutant's bytes in two
 * at a seeded place and checks qxml's verdict and first error do not change (as the CI test does).
 * Prints the summary per seed and every disagreement no known difference explains (grouped by
 * edit kind and verdicts, with an example); writes those to QXML_WF_OUT (default
 * /tmp/qxml-wf-deep.json).
 */
import { writeFileSync } from "node:fs";
import { DEFAULT_PER_SEED, formatWf, runWfDifferential, summarizeWf, type WfOutcome } from "./wf-differential.js";
import { qxmlVerdict } from "./wf-verdicts.js";
import { utf8Bytes } from "./wf-mutate.js";
import { seededRng } from "./mutate/rng.js";

const seeds = (process.env.QXML_WF_SEEDS ?? "1").split(",").filter((x) => x.trim() !== "").map(Number);
const perSeed = Number(process.env.QXML_WF_PER_SEED ?? String(DEFAULT_PER_SEED));
const out = process.env.QXML_WF_OUT ?? "/tmp/qxml-wf-deep.json";

const started = Date.now();
const unexplained: WfOutcome[] = [];
const chunkDiffers: { id: string; split: number }[] = [];
let total = 0;
for (const seed of seeds) {
  const outcomes = await runWfDifferential({ seed, perSeed });
  total += outcomes.length;
  const rng = seededRng(seed + 5);
  for (const o of outcomes) {
    if (!o.agree && o.known === undefined) unexplained.push(o);
    const bytes = o.bytes ?? utf8Bytes(o.text);
    const split = rng.int(bytes.length + 1);
    const v = qxmlVerdict(bytes, "mutant.xml", split);
    if (v.wellFormed !== o.qxml.wellFormed || v.first?.line !== o.qxml.first?.line || v.first?.column !== o.qxml.first?.column || v.first?.code !== o.qxml.first?.code)
      chunkDiffers.push({ id: `${seed}:${o.id}`, split });
  }
  console.log(`seed ${seed} (${((Date.now() - started) / 1000).toFixed(0)} s): ${formatWf(summarizeWf(outcomes))}`);
}
const groups = new Map<string, WfOutcome[]>();
for (const o of unexplained) {
  const key = `${o.kind} ${o.encoding} qxml=${o.qxml.wellFormed} libxml2=${o.libxml2.wellFormed} ${o.qxml.first?.code ?? ""}`;
  groups.set(key, [...(groups.get(key) ?? []), o]);
}
for (const [key, list] of groups) {
  const o = list[0];
  console.log(`DISAGREE ×${list.length} ${key}\n    ${o.id}: ${o.description}\n    qxml: ${o.qxml.first?.message ?? "well-formed"}\n    libxml2: ${o.libxml2.first?.message ?? "well-formed"}\n    text: ${JSON.stringify(o.text.slice(0, 400))}`);
}
for (const c of chunkDiffers) console.log(`CHUNKING changes the verdict: ${c.id} split ${c.split}`);
writeFileSync(out, JSON.stringify({ unexplained, chunkDiffers }, null, 1));
console.log(`${total} documents, ${unexplained.length} unexplained, ${chunkDiffers.length} chunking differences, in ${((Date.now() - started) / 1000).toFixed(0)} s; details in ${out}`);
