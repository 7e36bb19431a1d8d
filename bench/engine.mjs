#!/usr/bin/env node
/**
 * Validation engine throughput (docs/benchmarks.md "Engine"). Two measurements, both by CPU time:
 *
 * 1. End to end: `qxml validate --schema ...` of the 100 MB bench inputs (bench/out/, made by
 *    `npm run bench` / bench/generate.mjs) with one or more builds, beside `xmllint --stream`
 *    invoked exactly as bench/run.mjs does; runs interleaved, the fastest of BENCH_RUNS kept.
 * 2. In process: the engine's own cost on a 10 MB prefix-sized input held in memory: reader with
 *    a handler that keeps each event (so the reader's allocations are not optimised away) vs reader
 *    + engine, the fastest of 12 passes each, per build.
 *
 * Usage: npm run build && node bench/engine.mjs [name=distDir ...]   (default: current=dist)
 * A "before" build: copy dist/ elsewhere under the repository (node_modules must resolve) and
 * replace its src/validate/ with the older one.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { writeControlList, writePolicyExport } from "./generate.mjs";
import { measure } from "./measure.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "bench", "out");
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const builds = (process.argv.length > 2 ? process.argv.slice(2) : ["current=dist"]).map((b) => {
  const [name, dir] = b.split("=");
  return { name, dir: resolve(ROOT, dir) };
});
const INPUTS = [
  { file: "policy-export.xml", small: "policy-export-10mb.xml", make: writePolicyExport, kind: "dtd", catalog: "policy_export_output", schema: join(ROOT, "schemas/qualys/policy_export_output.dtd") },
  { file: "control-list.xml", small: "control-list-10mb.xml", make: writeControlList, kind: "xsd", catalog: "ImportableControl", schema: join(ROOT, "schemas/qualys/ImportableControl.xsd") },
];

// Child mode: one in-process measurement, printed as JSON.
if (process.env.QXML_ENGINE_CHILD !== undefined) {
  const [dist, file, schemaPath, kind] = process.env.QXML_ENGINE_CHILD.split("|");
  const { readFileSync } = await import("node:fs");
  const { readString } = await import(join(dist, "src/xml/reader.js"));
  const { readSchemaFile } = await import(join(dist, "src/schema/load.js"));
  const { compileSchema } = await import(join(dist, "src/validate/compile.js"));
  const { ValidationEngine } = await import(join(dist, "src/validate/engine.js"));
  const xml = readFileSync(file, "utf8");
  const { schema } = compileSchema(readSchemaFile(schemaPath, kind).model);
  class Keep {
    startElement(t) { this.t = t; }
    endElement(n, p) { this.e = p; }
    text(s, p) { this.s = s; this.p = p; }
    diagnostic() {}
  }
  const cpu = (f) => {
    const t = process.cpuUsage();
    f();
    const u = process.cpuUsage(t);
    return (u.user + u.system) / 1e3;
  };
  let reader = Infinity;
  let engine = Infinity;
  let diagnostics = 0;
  for (let k = 0; k < 12; k++) {
    reader = Math.min(reader, cpu(() => readString(xml, new Keep(), { file })));
    engine = Math.min(engine, cpu(() => {
      const e = new ValidationEngine({ file, schema, namespaces: true });
      readString(xml, e, { file });
      diagnostics += e.diagnostics.length;
    }));
  }
  process.stdout.write(JSON.stringify({ reader, engine, diagnostics }));
  process.exit(0);
}

mkdirSync(OUT, { recursive: true });
const catalog = join(OUT, "xml-catalog.xml");
if (!existsSync(catalog)) throw new Error("bench/out/xml-catalog.xml is missing: run `npm run bench` once (it writes the inputs and the catalog)");
for (const input of INPUTS) {
  const path = join(OUT, input.file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run bench\` once`);
  const mb = statSync(path).size / 1e6;
  const engines = [
    ...builds.map((b) => ({ name: `qxml (${b.name})`, run: () => measure(process.execPath, [join(b.dir, "src/cli/main.js"), "validate", "--schema", input.catalog, path]) })),
    {
      name: "xmllint --stream",
      run: () =>
        input.kind === "dtd"
          ? measure("xmllint", ["--nonet", "--noout", "--stream", "--valid", path], { env: { XML_CATALOG_FILES: catalog } })
          : measure("xmllint", ["--nonet", "--noout", "--stream", "--schema", input.schema, path]),
    },
  ];
  const best = new Map();
  for (let k = 0; k < RUNS; k++) {
    for (const e of engines) {
      const r = e.run();
      if (!r.ok) throw new Error(`${e.name} on ${input.file}: exit ${r.status} ${r.stderr.slice(0, 300)}`);
      if (!(best.get(e.name)?.cpuSeconds <= r.cpuSeconds)) best.set(e.name, r);
    }
  }
  const xmllint = best.get("xmllint --stream").cpuSeconds;
  for (const [name, r] of best) {
    console.log(`${input.file}\t${name}\tCPU ${r.cpuSeconds.toFixed(2)} s\t${(mb / r.cpuSeconds).toFixed(1)} MB/s\twall ${r.seconds.toFixed(2)} s\t${(r.cpuSeconds / xmllint).toFixed(2)}× xmllint`);
  }
  const small = join(OUT, input.small);
  if (!existsSync(small)) input.make(small, 10e6);
  for (const b of builds) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url)], { env: { ...process.env, QXML_ENGINE_CHILD: [b.dir, small, input.schema, input.kind].join("|") }, encoding: "utf8" });
    const { reader, engine, diagnostics } = JSON.parse(out);
    if (diagnostics !== 0) throw new Error(`${b.name}: ${diagnostics} diagnostics on ${input.small}`);
    console.log(`${input.small}\t${b.name}\treader ${reader.toFixed(0)} ms\treader + engine ${engine.toFixed(0)} ms\tengine ${(engine - reader).toFixed(0)} ms (${((100 * (engine - reader)) / engine).toFixed(0)} %)`);
  }
}
