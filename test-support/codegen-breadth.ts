/**
 * `qxml generate` on schemas it was not written for (test-support/codegen-schemas.ts): for each,
 *   (a) refused with a schema diagnostic, or generated — never an exception;
 *   (b) every generated module compiles under `--strict` (one TypeScript program over all outputs);
 *   (c) the JSON Schema compiles in ajv 2020 strict mode;
 *   (d) on the documents paired with the schema, the generated parse + validator (transpiled with
 *       esbuild, imported) agree with `qxml validate` on the XML: verdict, and the first
 *       diagnostic where both reject. A difference a documented gap explains (codegen-known.ts)
 *       is counted as known with that reason; the rest are findings.
 * Used by test/generators/breadth.test.ts; `node dist/test-support/codegen-breadth.js` prints a
 * full report (QXML_BREADTH_FAMILIES=libxml2-xsd,... to narrow it; QXML_BREADTH_MUTATIONS=N adds N
 * seeded mutants per document, QXML_BREADTH_SEED=N picks other ones than the default 7).
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { performance } from "node:perf_hooks";
import Ajv2020Module from "ajv/dist/2020.js";
import { transformSync } from "esbuild";
import ts from "typescript";
import type { SchemaModel } from "../src/schema/model.js";
import { readSchemaFile } from "../src/schema/load.js";
import { compileSchema, validateString } from "../src/validate/index.js";
import { localResolver } from "../src/xml/resolve.js";
import { GenerateError } from "../generators/content.js";
import { childForm, schemaForm } from "../generators/form.js";
import { renderSchema } from "../generators/render.js";
import { schemaRefusals } from "../generators/refusals.js";
import { knownDifference } from "./codegen-known.js";
import { mutate } from "./mutate.js";
import { BREADTH_FAMILIES, breadthSchemas, type BreadthFamily, type BreadthSchema } from "./codegen-schemas.js";
import { REPO_ROOT } from "./paths.js";
import { strictOptions } from "./ts-strict.js";

type AjvClass = typeof Ajv2020Module.default;
const Ajv2020 = ((Ajv2020Module as unknown as { default?: AjvClass }).default ?? Ajv2020Module) as AjvClass;

/** Generated code imports the built runtime (`npm run build` first), as an installed package would. */
export const BUILT_RUNTIME = join(REPO_ROOT, "dist/src/runtime/index.js");

export type SchemaStatus = "refused" | "not-generated" | "crash" | "generated";

export interface DocumentOutcome {
  file: string;
  /** agree: same verdict (and same first diagnostic where both reject). */
  status: "agree" | "known" | "finding";
  /** For known: the gap's reason; for finding: what differs. */
  detail?: string;
  /** For known: what differs. */
  difference?: string;
  /** agree on a valid document: serialize's output of the object is valid for `qxml validate` and parses back deep-equal. */
  roundTrip?: true;
}

export interface SchemaOutcome {
  id: string;
  family: BreadthFamily;
  status: SchemaStatus;
  /** refused: first schema diagnostic (code: message); not-generated/crash: the error. */
  reason?: string;
  /** TypeScript diagnostics over this schema's outputs ("file(line): TSnnnn message"). */
  tsErrors: string[];
  /** ajv's refusal of schema.json, if any. */
  ajvError?: string;
  /** The generated modules were not type-checked (larger than BreadthOptions.compileMaxBytes). */
  compileSkipped?: boolean;
  /** schema.json was not given to ajv (larger than BreadthOptions.ajvMaxBytes). */
  ajvSkipped?: boolean;
  documents: DocumentOutcome[];
}

interface Generated {
  schema: BreadthSchema;
  model: SchemaModel;
  dir: string;
}

export interface BreadthOptions {
  families?: readonly BreadthFamily[];
  /** Scratch folder for the outputs (emptied first). */
  outDir: string;
  /** Compare documents (d); default true. */
  documents?: boolean;
  /** Only schemas whose id passes (e.g. a CI selection). */
  select?: (s: BreadthSchema) => boolean;
  /** ajv compiles only JSON Schemas up to this size (the XHTML DTDs' 0.5 MB take seconds each); default all. */
  ajvMaxBytes?: number;
  /** TypeScript checks only schemas whose generated .ts files total up to this size; default all. */
  compileMaxBytes?: number;
  /** Also compare this many seeded mutations of each document (test-support/mutate.ts); default 0. */
  mutations?: number;
  /** The mutator's seed (QXML_BREADTH_SEED); default 7, the one CI uses. */
  mutationSeed?: number;
  /** Filled with the milliseconds each phase took (generate, compile, ajv, documents). */
  timings?: Record<string, number>;
}

const message = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

function generate(schema: BreadthSchema, slot: string, outDir: string): { outcome: SchemaOutcome; generated?: Generated } {
  const outcome: SchemaOutcome = { id: schema.id, family: schema.family, status: "generated", tsErrors: [], documents: [] };
  try {
    const { model, diagnostics } = readSchemaFile(schema.file, schema.kind);
    const first = schemaRefusals(model, diagnostics)[0];
    if (model === null || first !== undefined) {
      outcome.status = "refused";
      outcome.reason = first === undefined ? "(no model, no diagnostic)" : `${first.code}: ${first.message}`;
      return { outcome };
    }
    const files = renderSchema(model, { name: slot, sourceLabel: schema.id, runtime: BUILT_RUNTIME });
    for (const f of files) {
      const path = join(outDir, f.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.source);
    }
    return { outcome, generated: { schema, model, dir: join(outDir, slot) } };
  } catch (e) {
    outcome.status = e instanceof GenerateError ? "not-generated" : "crash";
    outcome.reason = message(e) + (outcome.status === "crash" && e instanceof Error ? `\n${e.stack ?? ""}` : "");
    return { outcome };
  }
}

const MODULES = ["types.ts", "table.ts", "parse.ts", "validate.ts", "index.ts"];

/** (b): one strict program over every output; diagnostics go to the schema whose folder holds the file. */
function compileAll(all: Generated[], outcomes: Map<string, SchemaOutcome>, maxBytes: number): void {
  const generated = all.filter((g) => {
    const big = MODULES.reduce((n, f) => n + statSync(join(g.dir, f)).size, 0) > maxBytes;
    if (big) outcomes.get(g.schema.id)!.compileSkipped = true;
    return !big;
  });
  const rootNames = generated.flatMap((g) => MODULES.map((f) => join(g.dir, f)));
  if (rootNames.length === 0) return;
  const program = ts.createProgram(rootNames, strictOptions([]));
  const byDir = new Map(generated.map((g) => [g.dir + "/", outcomes.get(g.schema.id)!]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const file = d.file?.fileName ?? "";
    const dir = file.slice(0, file.lastIndexOf("/") + 1);
    const owner = byDir.get(dir);
    const line = d.file !== undefined && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    const text = `${file.slice(dir.length)}(${line}): TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
    if (owner !== undefined) owner.tsErrors.push(text);
    else for (const o of byDir.values()) o.tsErrors.push(`(outside the outputs) ${file}: ${text}`);
  }
}

type Ajv = InstanceType<AjvClass>;

function ajvCheck(ajv: Ajv, g: Generated, outcome: SchemaOutcome, maxBytes: number): void {
  const text = readFileSync(join(g.dir, "schema.json"), "utf8");
  if (text.length > maxBytes) {
    outcome.ajvSkipped = true;
    return;
  }
  const schema = JSON.parse(text) as { $id?: string };
  try {
    ajv.compile(schema);
  } catch (e) {
    outcome.ajvError = message(e);
  } finally {
    // One instance for all (its meta-schemas compile once); each schema's $id is its own, removed after.
    if (schema.$id !== undefined) ajv.removeSchema(schema.$id);
  }
}

/** A diagnostic as a generated validator returns it (plain data). */
export interface Diag {
  severity: string;
  code: string;
  message: string;
  path?: string;
}
/** What two engines' first diagnostics are compared by: code, path and message. */
export const key = (d: Diag | undefined): string => (d === undefined ? "(none)" : `${d.code} ${d.path ?? ""}: ${d.message}`);
type Module = Record<string, (...args: unknown[]) => unknown>;

/** The document as the generated parse takes it: a string (UTF-16 by its byte order mark, else UTF-8). */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder("utf-8").decode(bytes);
}

/** The root declarations a document's root name may select among the exported roots (XSD: by local name, the namespace is the parse function's to check; DTD: as written). */
function rootDecls(model: SchemaModel, roots: number[], name: string): number[] {
  const exact = roots.filter((id) => model.elements[id].name === name);
  if (exact.length > 0 || model.kind === "dtd") return exact;
  const local = name.slice(name.indexOf(":") + 1);
  return roots.filter((id) => model.elements[id].name === local);
}

async function transpiled(g: Generated): Promise<{ parse: Module; validate: Module }> {
  for (const f of ["types", "table", "parse", "validate"]) {
    const source = readFileSync(join(g.dir, `${f}.ts`), "utf8");
    writeFileSync(join(g.dir, `${f}.js`), transformSync(source, { loader: "ts", format: "esm", target: "es2022" }).code);
  }
  const load = async (f: string) => (await import(pathToFileURL(join(g.dir, `${f}.js`)).href)) as Module;
  return { parse: await load("parse"), validate: await load("validate") };
}

/** (d) for one document (`file` names it in outcomes; `bytes` are its text, a mutant's or the file's). */
function compareDocument(g: Generated, mods: { parse: Module; validate: Module }, doc: { id: string; source: string; bytes: Uint8Array }, compiled: ReturnType<typeof compileSchema>["schema"]): DocumentOutcome | null {
  const { id: file, bytes } = doc;
  // As `qxml validate` reads it: a DTD document by its own DOCTYPE (internal and external subset),
  // an XSD instance against the schema; external entities from the document's folder and its parent.
  const resolveEntity = localResolver({ allow: [dirname(dirname(doc.source))] });
  const byDoctype = g.schema.kind === "dtd" && g.schema.validateBy !== "schema";
  const xml = validateString(bytes, byDoctype ? { file: doc.source, resolveEntity } : { file: doc.source, schema: compiled, resolveEntity });
  const xmlErrors = (xml.diagnostics as Diag[]).filter((d) => d.severity === "error");
  // A mutant that lost the DOCTYPE its DTD came by has no grammar: nothing to compare.
  if (doc.id !== doc.source && xmlErrors.some((d) => d.code === "valid/no-grammar")) return null;
  const text = decode(bytes);
  const form = schemaForm(g.model);
  // Of two globals with one local name in different namespaces, the one whose parse takes the root.
  const candidates = xml.root === undefined ? [] : rootDecls(g.model, form.roots, xml.root);
  const takes = (id: number): boolean => {
    try {
      mods.parse[`parse${childForm(form, id).typeName}`](text);
      return true;
    } catch (e) {
      return !/expected root element/.test(message(e));
    }
  };
  const decl = candidates.length > 1 ? (candidates.find(takes) ?? candidates[0]) : candidates[0];
  const ctx = { schema: g.schema, model: g.model, xml: text, xmlErrors };
  const judge = (difference: string): DocumentOutcome => {
    const reason = knownDifference({ ...ctx, difference });
    return reason === undefined ? { file, status: "finding", detail: difference } : { file, status: "known", detail: reason, difference };
  };
  if (decl === undefined) {
    // No exported root for it: the generated code has nothing to offer; qxml validate must refuse it.
    return xml.valid ? judge(`root <${xml.root ?? "?"}> has no generated parse, but qxml validate accepts the document`) : { file, status: "agree" };
  }
  const t = childForm(form, decl).typeName;
  let value: unknown;
  try {
    value = mods.parse[`parse${t}`](text);
  } catch (e) {
    return xml.valid ? judge(`parse${t} throws (${message(e)}), qxml validate accepts`) : { file, status: "agree" };
  }
  let objectErrors: Diag[];
  try {
    objectErrors = (mods.validate[`validate${t}`](value) as Diag[]).filter((d) => d.severity === "error");
  } catch (e) {
    return judge(`validate${t} throws: ${message(e)}`);
  }
  if ((objectErrors.length === 0) !== xml.valid) return judge(`verdict: object ${key(objectErrors[0])} / xml ${key(xmlErrors[0])}`);
  if (!xml.valid && key(objectErrors[0]) !== key(xmlErrors[0])) return judge(`first diagnostic: object ${key(objectErrors[0])} / xml ${key(xmlErrors[0])}`);
  if (!xml.valid) return { file, status: "agree" };
  const trip = roundTrip(mods, t, value, compiled, doc.source);
  return trip === undefined ? { file, status: "agree", roundTrip: true } : judge(`round trip: ${trip}`);
}

/**
 * serialize's output of a valid document's object: `qxml validate` must accept it (against the
 * generated schema: serialize writes no DOCTYPE subset) and parse must give the same object back.
 * Undefined when it does; else what went wrong.
 */
function roundTrip(mods: { parse: Module; validate: Module }, t: string, value: unknown, compiled: ReturnType<typeof compileSchema>["schema"], source: string): string | undefined {
  let text: string;
  try {
    text = mods.parse[`serialize${t}`](value) as string;
  } catch (e) {
    return `serialize${t} throws (${message(e)})`;
  }
  const errors = (validateString(text, { file: source, schema: compiled }).diagnostics as Diag[]).filter((d) => d.severity === "error");
  if (errors.length > 0) return `qxml validate refuses serialize's output: ${key(errors[0])}`;
  let again: unknown;
  try {
    again = mods.parse[`parse${t}`](text);
  } catch (e) {
    return `parse${t} of serialize's output throws (${message(e)})`;
  }
  return isDeepStrictEqual(again, value) ? undefined : "parse(serialize(parse(x))) differs from parse(x)";
}

/** A document's seeded mutants, as (id, bytes); none where the mutator cannot read the document. */
function mutants(g: Generated, file: string, bytes: Uint8Array, max: number, seed: number): { id: string; bytes: Uint8Array }[] {
  if (max <= 0) return [];
  try {
    return mutate(g.model, decode(bytes), { max, seed, file }).map((m) => ({ id: `${file} ${m.id}`, bytes: new TextEncoder().encode(m.xml) }));
  } catch {
    return [];
  }
}

async function compareDocuments(g: Generated, outcome: SchemaOutcome, mutations: number, seed: number): Promise<void> {
  if (g.schema.documents.length === 0) return;
  let mods: { parse: Module; validate: Module };
  try {
    mods = await transpiled(g);
  } catch (e) {
    for (const file of g.schema.documents) outcome.documents.push({ file, status: "finding", detail: `generated modules do not load: ${message(e)}` });
    return;
  }
  const compiled = compileSchema(g.model).schema;
  for (const file of g.schema.documents) {
    const bytes = readFileSync(file);
    for (const doc of [{ id: file, bytes }, ...mutants(g, file, bytes, mutations, seed)]) {
      try {
        const compared = compareDocument(g, mods, { ...doc, source: file }, compiled);
        if (compared !== null) outcome.documents.push(compared);
      } catch (e) {
        outcome.documents.push({ file: doc.id, status: "finding", detail: `harness: ${message(e)}` });
      }
    }
  }
}

export async function runBreadth(options: BreadthOptions): Promise<SchemaOutcome[]> {
  rmSync(options.outDir, { recursive: true, force: true });
  mkdirSync(options.outDir, { recursive: true });
  const schemas = breadthSchemas(options.families ?? BREADTH_FAMILIES).filter(options.select ?? (() => true));
  const outcomes = new Map<string, SchemaOutcome>();
  const generated: Generated[] = [];
  const timings = options.timings ?? {};
  let t = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    timings[phase] = Math.round(now - t);
    t = now;
  };
  schemas.forEach((s, i) => {
    const r = generate(s, `s${i}`, options.outDir);
    outcomes.set(s.id, r.outcome);
    if (r.generated !== undefined) generated.push(r.generated);
  });
  lap("generate");
  compileAll(generated, outcomes, options.compileMaxBytes ?? Infinity);
  lap("compile");
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  for (const g of generated) ajvCheck(ajv, g, outcomes.get(g.schema.id)!, options.ajvMaxBytes ?? Infinity);
  lap("ajv");
  if (options.documents !== false) for (const g of generated) await compareDocuments(g, outcomes.get(g.schema.id)!, options.mutations ?? 0, options.mutationSeed ?? 7);
  lap("documents");
  return [...outcomes.values()];
}

export interface BreadthSummary {
  schemas: number;
  refused: number;
  /** Refusals by first diagnostic code (or GenerateError). */
  refusedBy: Record<string, number>;
  crashes: string[];
  generated: number;
  compiledClean: number;
  tsErrors: number;
  ajvRefused: string[];
  ajvSkipped: number;
  compileSkipped: number;
  documents: number;
  agree: number;
  /** Valid documents whose serialize output `qxml validate` accepts and parse reads back deep-equal. */
  roundTrips: number;
  known: number;
  /** Known differences by reason. */
  knownBy: Record<string, number>;
  findings: string[];
}

export function summarize(outcomes: SchemaOutcome[]): BreadthSummary {
  const s: BreadthSummary = { schemas: outcomes.length, refused: 0, refusedBy: {}, crashes: [], generated: 0, compiledClean: 0, tsErrors: 0, ajvRefused: [], ajvSkipped: 0, compileSkipped: 0, documents: 0, agree: 0, roundTrips: 0, known: 0, knownBy: {}, findings: [] };
  for (const o of outcomes) {
    if (o.status === "crash") s.crashes.push(`${o.id}: ${o.reason}`);
    else if (o.status !== "generated") {
      s.refused++;
      const by = o.status === "not-generated" ? "GenerateError" : (o.reason ?? "").split(":")[0];
      s.refusedBy[by] = (s.refusedBy[by] ?? 0) + 1;
    } else {
      s.generated++;
      if (o.compileSkipped === true) s.compileSkipped++;
      else if (o.tsErrors.length === 0) s.compiledClean++;
      s.tsErrors += o.tsErrors.length;
      if (o.ajvError !== undefined) s.ajvRefused.push(`${o.id}: ${o.ajvError}`);
      if (o.ajvSkipped === true) s.ajvSkipped++;
    }
    for (const d of o.documents) {
      s.documents++;
      if (d.roundTrip === true) s.roundTrips++;
      if (d.status === "agree") s.agree++;
      else if (d.status === "known") {
        s.known++;
        s.knownBy[d.detail!] = (s.knownBy[d.detail!] ?? 0) + 1;
      } else s.findings.push(`${o.id} ${d.file.split("/").pop()}: ${d.detail}`);
    }
  }
  return s;
}

export function formatSummary(s: BreadthSummary): string {
  const by = (r: Record<string, number>) => Object.entries(r).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(", ");
  return (
    `codegen breadth: ${s.schemas} schemas: ${s.refused} refused (${by(s.refusedBy)}), ${s.crashes.length} crashed, ${s.generated} generated, ` +
    `${s.compiledClean}/${s.generated - s.compileSkipped} compile clean under --strict (${s.tsErrors} TS diagnostics${s.compileSkipped > 0 ? `; ${s.compileSkipped} larger ones not compiled` : ""}), ` +
    `${s.generated - s.ajvSkipped - s.ajvRefused.length}/${s.generated - s.ajvSkipped} JSON Schemas compile in ajv strict${s.ajvSkipped > 0 ? ` (${s.ajvSkipped} larger ones not tried)` : ""}\n` +
    `  documents: ${s.documents}: ${s.agree} agree (${s.roundTrips} valid ones round-trip: serialize's output valid, parsed back deep-equal), ${s.known} known (${by(s.knownBy)}), ${s.findings.length} findings`
  );
}

async function main(): Promise<void> {
  const families = process.env.QXML_BREADTH_FAMILIES?.split(",") as BreadthFamily[] | undefined;
  const timings: Record<string, number> = {};
  const mutations = Number(process.env.QXML_BREADTH_MUTATIONS ?? "0");
  const mutationSeed = Number(process.env.QXML_BREADTH_SEED ?? "7");
  const outcomes = await runBreadth({ families: families ?? BREADTH_FAMILIES, outDir: join(REPO_ROOT, "test/generators/.out/breadth-deep"), timings, mutations, mutationSeed });
  const s = summarize(outcomes);
  console.log(formatSummary(s));
  console.log(`  ms: ${JSON.stringify(timings)}`);
  for (const c of s.crashes) console.log(`CRASH ${c}`);
  for (const o of outcomes.filter((x) => x.tsErrors.length > 0)) console.log(`TS ${o.id}:\n  ${o.tsErrors.slice(0, 5).join("\n  ")}`);
  for (const a of s.ajvRefused) console.log(`AJV ${a}`);
  for (const f of s.findings) console.log(`FINDING ${f}`);
  if (process.env.QXML_BREADTH_KNOWN !== undefined) for (const o of outcomes) for (const d of o.documents.filter((x) => x.status === "known")) console.log(`KNOWN ${o.id} ${d.file.split("/").pop()}: ${d.detail}\n    ${d.difference}`);
  if (process.env.QXML_BREADTH_REFUSED !== undefined) for (const o of outcomes.filter((x) => x.status === "refused" || x.status === "not-generated")) console.log(`REFUSED ${o.id}: ${o.reason}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
