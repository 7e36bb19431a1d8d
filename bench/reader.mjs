/**
 * Reader throughput, alone and under the validator, beside xmllint --stream and libxml2-wasm.
 *
 *   npm run build && node bench/reader.mjs [MB]
 *
 * Input: bench/out/policy-export.xml (the Qualys policy export of bench/generate.mjs, validated
 * against schemas/qualys/policy_export_output.dtd), generated at MB megabytes (default 100) when
 * missing or of another size. Measured:
 *
 * - warm, best of ROUNDS passes by CPU time, each kind in a node process of its own: qxml
 *   readFile (64 KiB chunks, the validator's path) and readString (whole text in memory), both
 *   with a no-op handler, and validateFile (reader + validator) against the compiled DTD;
 * - in child processes, cold, best of ROUNDS: xmllint --stream --noout (well-formedness only)
 *   and --stream --valid (DTD through the DOCTYPE and an XML catalog), `qxml validate` (the CLI
 *   end to end, with its start-up) and libxml2-wasm (qxml's libxml2 engine, DOM). CPU time,
 *   wall time and peak RSS from GNU time (bench/measure.mjs).
 *
 * CPU time is the figure to compare: wall time moves with the load of the shared machine.
 * Environment: ROUNDS (default 3), QXML_DIST (default ../dist), SKIP (comma list: xmllint,cli,libxml2).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { writePolicyExport } from "./generate.mjs";
import { measure } from "./measure.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = process.env.QXML_DIST ?? join(ROOT, "dist");
const ROUNDS = Math.max(1, Number(process.env.ROUNDS ?? 3));
const SKIP = new Set((process.env.SKIP ?? "").split(",").filter(Boolean));
const OUT = join(ROOT, "bench", "out");
const file = join(OUT, "policy-export.xml");
const dtd = join(ROOT, "schemas", "qualys", "policy_export_output.dtd");

if (process.argv[2] === "--in-process") await inProcess(process.argv[3]);
else await main(Number(process.argv[2] ?? 100));

/**
 * One in-process measurement, in its own node process so that each starts with a fresh JIT:
 * ROUNDS passes, then the fastest by CPU time as JSON on stdout.
 */
async function inProcess(what) {
  const imp = (m) => import(pathToFileURL(join(dist, m)).href);
  const { readFile, readString } = await imp("src/xml/reader.js");
  let errors = 0;
  const noop = { startElement() {}, endElement() {}, text() {}, diagnostic: (d) => void (d.severity === "error" && errors++) };
  let run;
  if (what === "readString") {
    const text = readFileSync(file, "utf8");
    run = () => readString(text, noop);
  } else if (what === "readFile") {
    run = () => readFile(file, noop);
  } else {
    const { validateFile, compileSchema } = await imp("src/validate/index.js");
    const { loadSchema } = await imp("src/schema/load.js");
    const { Catalog } = await imp("src/schema/catalog.js");
    const { localResolver } = await imp("src/xml/resolve.js");
    const compiled = compileSchema(loadSchema("policy_export_output", Catalog.bundled()).model).schema;
    run = async () => {
      const r = await validateFile(file, { file, schema: compiled, resolveEntity: localResolver({ allow: [dirname(dtd)] }) });
      if (!r.valid) errors++;
    };
  }
  let best = { cpu: Infinity, wall: Infinity };
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await run();
    const c = process.cpuUsage(c0);
    const cpu = (c.user + c.system) / 1e6;
    if (cpu < best.cpu) best = { cpu, wall: (performance.now() - t0) / 1000 };
  }
  if (errors > 0) throw new Error(`${what}: the input should be well-formed and valid`);
  process.stdout.write(JSON.stringify(best));
}

async function main(targetMB) {
  mkdirSync(OUT, { recursive: true });
  if (!existsSync(file) || Math.abs(statSync(file).size / 1e6 - targetMB) > 1) {
    process.stderr.write(`generating ${file} (${targetMB} MB)...\n`);
    writePolicyExport(file, targetMB * 1e6);
  }
  const mb = statSync(file).size / 1e6;
  const rows = [];
  const row = (label, cpuSeconds, wallSeconds, rssMB, note) => {
    rows.push({ label, cpuSeconds, wallSeconds, rssMB, note });
    process.stderr.write(`  ${label}: ${(mb / cpuSeconds).toFixed(1)} MB/s CPU\n`);
  };
  /** Best of ROUNDS child runs by CPU time. */
  const child = (label, cmd, args, env) => {
    let best;
    for (let r = 0; r < ROUNDS; r++) {
      const m = measure(cmd, args, { env });
      if (!m.ok) return row(label, NaN, NaN, NaN, `exit ${m.status}: ${m.stderr.split("\n")[0].slice(0, 120)}`);
      if (best === undefined || m.cpuSeconds < best.cpuSeconds) best = m;
    }
    row(label, best.cpuSeconds, best.seconds, best.maxRssMB, "child process, cold, best of runs");
  };
  /** A warm measurement in its own process; peak RSS is that process's (including the input for readString). */
  const warm = (label, what) => {
    const m = measure(process.execPath, [fileURLToPath(import.meta.url), "--in-process", what], { env: { QXML_DIST: dist, ROUNDS: String(ROUNDS) } });
    if (!m.ok) return row(label, NaN, NaN, NaN, `failed: ${m.stderr.split("\n").find((l) => l.trim() !== "")?.slice(0, 120)}`);
    const best = JSON.parse(m.stdout);
    row(label, best.cpu, best.wall, m.maxRssMB, `in process, warm: best of ${ROUNDS} passes`);
  };

  process.stderr.write(`${file}: ${mb.toFixed(1)} MB, ${ROUNDS} round(s) each\n`);
  warm("qxml readFile (reader alone, 64 KiB chunks)", "readFile");
  warm("qxml readString (reader alone, whole text in memory)", "readString");
  warm("qxml validateFile (reader + validator)", "validateFile");
  if (!SKIP.has("cli")) child("qxml validate (CLI, end to end)", process.execPath, [join(dist, "src/cli/main.js"), "validate", "--schema", "policy_export_output", file]);
  if (!SKIP.has("xmllint") && spawnSync("xmllint", ["--version"]).status === 0) {
    const catalog = join(OUT, "reader-bench-catalog.xml");
    const systemId = readFileSync(file, "latin1").slice(0, 400).match(/SYSTEM "([^"]+)"/)?.[1] ?? "";
    writeFileSync(catalog, `<?xml version="1.0"?>\n<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">\n  <system systemId="${systemId}" uri="${pathToFileURL(dtd).href}"/>\n</catalog>\n`);
    child("xmllint --stream --noout (well-formedness)", "xmllint", ["--nonet", "--noout", "--stream", file]);
    child("xmllint --stream --valid (DTD)", "xmllint", ["--nonet", "--noout", "--stream", "--valid", file], { XML_CATALOG_FILES: catalog });
  }
  if (!SKIP.has("libxml2")) child("libxml2-wasm (DOM, then DTD validation)", process.execPath, [join(ROOT, "bench", "child-libxml2.mjs"), "dtd", dtd, file]);

  const fmt = (n, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : "—");
  console.log(`| ${mb.toFixed(1)} MB policy export | CPU s | wall s | MB/s (CPU) | peak RSS MB | how |`);
  console.log("|---|---:|---:|---:|---:|---|");
  for (const r of rows) console.log(`| ${r.label} | ${fmt(r.cpuSeconds)} | ${fmt(r.wallSeconds)} | ${fmt(mb / r.cpuSeconds, 1)} | ${fmt(r.rssMB, 1)} | ${r.note} |`);
}
