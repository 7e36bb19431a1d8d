/**
 * `qxml generate [<schema name|path>...] [--out <dir>] [--check] [--runtime <module>] [--config <file>]`
 *
 * With no schema named, every bundled schema (schemas/catalog.json); into <out>/<name>/, --out
 * defaulting to ./generated under the working directory. A name may also be one that the
 * config's catalog adds (qxml.config.json, as `qxml schema list` shows them).
 * Exit codes: 0 done (or up to date), 1 `--check` found generated files out of date, 2 usage or
 * schema errors.
 */
import { isAbsolute, relative, resolve } from "node:path";
import { loadCommandConfig } from "../src/cli/config-option.js";
import { Catalog, bundledCatalog, type CatalogEntry } from "../src/schema/catalog.js";
import { kindFromPath, readSchemaFile } from "../src/schema/load.js";
import { packageRoot } from "../src/package-root.js";
import { locationFile, shownPath } from "../src/diagnostics/location.js";
import { GenerateError } from "./content.js";
import { renderSchema, type RenderedFile } from "./render.js";
import { schemaRefusals } from "./refusals.js";
import { compareRendered, syncRendered } from "./write.js";

export interface GenerateArgs {
  schemas: string[];
  out: string;
  check: boolean;
  runtime?: string;
  /** qxml.config.json to read catalog names from (default: ./qxml.config.json when present). */
  config?: string;
}

export interface Io {
  stdout(line: string): void;
  stderr(line: string): void;
}

const consoleIo: Io = { stdout: (l) => console.log(l), stderr: (l) => console.error(l) };

export const USAGE = "usage: qxml generate [<schema name|path>...] [--out <dir>] [--check] [--runtime <module>] [--config <file>]";

export function parseGenerateArgs(args: string[]): GenerateArgs | string {
  const parsed: Omit<GenerateArgs, "out"> & { out?: string } = { schemas: [], check: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--check") parsed.check = true;
    else if (a === "--out" || a === "--runtime" || a === "--config") {
      const v = args[++i];
      if (v === undefined) return `${a} needs a value`;
      if (a === "--out") parsed.out = resolve(v);
      else if (a === "--runtime") parsed.runtime = v;
      else parsed.config = v;
    } else if (a.startsWith("--")) return `unknown option ${a}`;
    else parsed.schemas.push(a);
  }
  // ./generated where the user is, never into the installed package (this repository's own
  // generated/ is that folder when npm runs `generate` at the package root).
  return { ...parsed, out: parsed.out ?? resolve("generated") };
}

interface Job {
  name: string;
  file: string;
  kind: "dtd" | "xsd";
  roots?: string[];
}

function jobs(refs: string[], catalog: CatalogEntry[]): Job[] | string {
  if (refs.length === 0) return catalog.map((e) => ({ name: e.name, file: e.file, kind: e.kind, roots: e.roots }));
  const out: Job[] = [];
  for (const ref of refs) {
    const entry = catalog.find((e) => e.name === ref);
    if (entry !== undefined) {
      out.push({ name: entry.name, file: entry.file, kind: entry.kind, roots: entry.roots });
      continue;
    }
    const kind = kindFromPath(ref);
    if (kind === undefined) return `${ref}: not a schema name (${catalog.map((e) => e.name).join(", ")}) nor a .dtd/.xsd file`;
    const base = ref.replace(/\\/g, "/").split("/").pop()!.replace(/\.(dtd|xsd)$/i, "");
    out.push({ name: base, file: resolve(ref), kind });
  }
  return out;
}

/**
 * A schema file as messages and generated headers name it: a bundled one relative to the package
 * (the same on every machine), a user's one as the user would write it from the working directory.
 */
function schemaLabel(file: string): string {
  const inPackage = relative(packageRoot, file);
  if (!inPackage.startsWith("..") && !isAbsolute(inPackage)) return inPackage.replace(/\\/g, "/");
  return shownPath(file, process.cwd());
}

/** Renders every requested schema; schema errors are reported and make the result undefined. */
export function renderJobs(list: Job[], runtime: string | undefined, io: Io): RenderedFile[] | undefined {
  const files: RenderedFile[] = [];
  let failed = false;
  for (const job of list) {
    const { model, diagnostics } = readSchemaFile(job.file, job.kind);
    const label = schemaLabel(job.file);
    const refusals = schemaRefusals(model, diagnostics);
    for (const d of refusals) io.stderr(`${locationFile(label, d, process.cwd())}:${d.line}:${d.column}: ${d.code}: ${d.message}`);
    if (model === null || refusals.length > 0) {
      io.stderr(`${label}: not generated (schema errors)`);
      failed = true;
      continue;
    }
    try {
      files.push(...renderSchema(model, { name: job.name, sourceLabel: label, roots: job.roots, runtime }));
    } catch (err) {
      if (!(err instanceof GenerateError)) throw err;
      io.stderr(`${label}: not generated: ${err.message}`);
      failed = true;
    }
  }
  return failed ? undefined : files;
}

/** "1 file", "2 files": the summaries count in words, not "file(s)". */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

export async function runGenerate(args: string[], io: Io = consoleIo): Promise<number> {
  const parsed = parseGenerateArgs(args);
  if (typeof parsed === "string") {
    io.stderr(`qxml generate: ${parsed}\n${USAGE}`);
    return 2;
  }
  const config = loadCommandConfig(parsed.config, process.cwd());
  if (config === null) return 2;
  // Named schemas may come from the config's catalog; with none named, the bundled ones only.
  const list = parsed.schemas.length === 0 ? jobs([], bundledCatalog()) : jobs(parsed.schemas, Catalog.bundled().withEntries(config.catalog).entries);
  if (typeof list === "string") {
    io.stderr(`qxml generate: ${list}`);
    return 2;
  }
  const files = renderJobs(list, parsed.runtime, io);
  if (files === undefined) return 2;
  // With no schema named, the output folder holds exactly the bundled schemas: other folders are stale.
  const complete = parsed.schemas.length === 0;
  if (parsed.check) {
    const diffs = compareRendered(parsed.out, files, complete);
    for (const d of diffs) io.stderr(`${d.problem}: ${relative(process.cwd(), resolve(parsed.out, d.path))}`);
    if (diffs.length > 0) {
      io.stderr(`qxml generate --check: ${count(diffs.length, "generated file")} out of date; run \`qxml generate\``);
      return 1;
    }
    io.stdout(`qxml generate --check: ${count(files.length, "file")} up to date`);
    return 0;
  }
  const removed = syncRendered(parsed.out, files, complete);
  for (const d of removed) io.stdout(`removed stale ${d.path}`);
  io.stdout(`qxml generate: wrote ${count(files.length, "file")} for ${count(list.length, "schema")} to ${relative(process.cwd(), parsed.out) || "."}`);
  return 0;
}
