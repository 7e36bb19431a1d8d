/**
 * Benchmark child: validates one file with qxml's libxml2 engine (libxml2-wasm, DOM) against a
 * DTD or XSD file. Usage: node bench/child-libxml2.mjs <dtd|xsd> <schema file> <xml file>.
 * Exit 0 valid, 1 invalid, 2 setup error.
 */
import { readFileSync } from "node:fs";

const [kind, schemaFile, file] = process.argv.slice(2);
try {
  const { Libxml2Engine } = await import("../dist/src/engines/libxml2.js");
  const engine = await Libxml2Engine.load();
  const prepared = engine.prepare({ kind, file: schemaFile });
  const r = prepared.validate(readFileSync(file), { file });
  prepared.dispose();
  for (const d of r.diagnostics.slice(0, 5)) process.stderr.write(`${file}:${d.line}:${d.column}: ${d.message}\n`);
  process.exit(r.valid ? 0 : 1);
} catch (e) {
  process.stderr.write(`libxml2 engine: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
}
