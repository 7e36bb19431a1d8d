/**
 * The schema-mutation differential: each seed schema (test-support/schema-seeds.ts) is mutated
 * (test-support/schema-mutate.ts), written to a scratch copy of its folder (so its includes still
 * resolve), and read by qxml and by libxml2. qxml must not crash, and must take at most
 * SLOW_SCHEMA_MS; the two schema verdicts (accepted / rejected) are compared; where both accept,
 * the seed's instances are validated against the mutant by both and the document verdicts are
 * compared. Shared by test/differential/schema-mutations.test.ts and `npm run differential:schemas`.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Diagnostic } from "../src/diagnostics/diagnostic.js";
import { Libxml2Engine, type PreparedLibxml2Schema } from "../src/engines/libxml2.js";
import { readDtdSchema } from "../src/schema/dtd/index.js";
import { readXsdFile } from "../src/schema/xsd/index.js";
import { compileSchema, validateString, type CompiledSchema } from "../src/validate/index.js";
import { localResolver } from "../src/xml/resolve.js";
import { mutateSchema, type SchemaMutationKind } from "./schema-mutate.js";
import { sample, seededRng } from "./mutate/rng.js";
import { schemaSeeds, type SchemaSeed, type SeedFamily } from "./schema-seeds.js";

/** A schema taking longer than this to read and compile is a finding. */
export const SLOW_SCHEMA_MS = 1000;

export type SchemaVerdict = "accepted" | "rejected" | "crash";

export interface SchemaSide {
  verdict: SchemaVerdict;
  /** The first error (rejected), or the exception (crash). */
  first?: Pick<Diagnostic, "code" | "message" | "line" | "column" | "hint" | "schemaLocation">;
  ms: number;
  /** qxml: schema features it reads but does not model (documents are then not compared). */
  unsupported?: string[];
}

export interface DocVerdict {
  valid: boolean;
  wellFormed: boolean;
  first?: string;
  crash?: string;
}

export interface DocOutcome {
  instance: string;
  qxml: DocVerdict;
  libxml2: DocVerdict;
  agree: boolean;
}

export interface SchemaOutcome {
  /** "<seed name>#<kind>:<index>", or "<seed name>#original". */
  id: string;
  family: SeedFamily;
  seed: string;
  kind: SchemaMutationKind | "original";
  description: string;
  /** The mutated schema text (kept so a finding can be reproduced and pinned). */
  text: string;
  language: "xsd" | "dtd";
  qxml: SchemaSide;
  libxml2: SchemaSide;
  agree: boolean;
  docs: DocOutcome[];
  /** What qxml's rejection diagnostic lacks (file, line, hint), if anything. */
  diagnosticGaps: string[];
}

export interface SchemaDifferentialOptions {
  seed?: number;
  /** Mutations per kind per seed schema (default 2). */
  perKind?: number;
  /** Seed schemas sampled per family (default: all). */
  seedsPerFamily?: number;
  /** Instances validated per accepted mutant (default 3). */
  instancesPerSchema?: number;
  families?: readonly SeedFamily[];
  /** Only these mutation kinds. */
  kinds?: readonly SchemaMutationKind[];
  /** Called before each schema is read (to name the one that hangs, in the deep run). */
  onStart?: (id: string) => void;
  /** Called after each schema (progress for the deep run). */
  onOutcome?: (o: SchemaOutcome) => void;
}

const firstError = (ds: readonly Diagnostic[]) => ds.find((d) => d.severity === "error");
const pick = (d: Diagnostic): NonNullable<SchemaSide["first"]> => ({ code: d.code, message: d.message, line: d.line, column: d.column, ...(d.hint !== undefined ? { hint: d.hint } : {}), ...(d.schemaLocation !== undefined ? { schemaLocation: d.schemaLocation } : {}) });
const crash = (e: unknown, ms: number): SchemaSide => ({ verdict: "crash", ms, first: { code: "crash", message: e instanceof Error ? `${e.name}: ${e.message} ${e.stack?.split("\n")[1]?.trim() ?? ""}` : String(e), line: 0, column: 0 } });

/** qxml reads and compiles the schema file; never throws. */
export function qxmlReadSchema(language: "xsd" | "dtd", file: string): { side: SchemaSide; compiled?: CompiledSchema } {
  const t0 = performance.now();
  try {
    const read = language === "xsd" ? readXsdFile(file) : readDtdSchema(file, { recover: true });
    const internal = read.diagnostics.find((d) => /internal/i.test(d.code));
    if (internal !== undefined) return { side: { verdict: "crash", ms: performance.now() - t0, first: pick(internal) } };
    const err = firstError(read.diagnostics);
    if (read.model === null || err !== undefined) return { side: { verdict: "rejected", ms: performance.now() - t0, ...(err !== undefined ? { first: pick(err) } : {}) } };
    const compiled = compileSchema(read.model);
    const cerr = firstError(compiled.diagnostics);
    const ms = performance.now() - t0;
    if (cerr !== undefined) return { side: { verdict: "rejected", ms, first: pick(cerr) } };
    const unsupported = [...new Set(read.model.unsupported.map((u) => u.feature))];
    return { side: { verdict: "accepted", ms, ...(unsupported.length > 0 ? { unsupported } : {}) }, compiled: compiled.schema };
  } catch (e) {
    return { side: crash(e, performance.now() - t0) };
  }
}

/**
 * libxml2 checks a DTD's validity constraints (one ID per element type, ID defaults, notations,
 * attribute defaults, unique element declarations, deterministic content models) only when it
 * reads the DTD in a validating parse, not when it validates a document against a DTD given
 * apart (xmllint --dtdvalid). So the DTD is also read as the external subset of a validating
 * carrier document; the errors located in the DTD file are its verdict on the DTD itself.
 */
function libxml2DtdErrors(engine: Libxml2Engine, file: string): Diagnostic[] {
  const carrier = join(dirname(file), "qxml-carrier.xml");
  const r = engine.validateWithDoctype(`<!DOCTYPE qxml-carrier SYSTEM "${pathToFileURL(file).href}"><qxml-carrier/>`, { file: carrier, resolveEntity: localResolver({ allow: [dirname(file)] }) });
  // Reads refused by the resolver (an entity at an http: URL) were judged by prepare(): a warning there.
  return r.diagnostics.filter((d) => d.severity === "error" && d.params?.file !== carrier && !/^failed to load /.test(d.message));
}

function libxml2ReadSchema(engine: Libxml2Engine, language: "xsd" | "dtd", file: string): { side: SchemaSide; prepared?: PreparedLibxml2Schema } {
  const t0 = performance.now();
  try {
    const prepared = engine.prepare({ kind: language, file });
    const dtdErrors = language === "dtd" && prepared.ok ? libxml2DtdErrors(engine, file) : [];
    const ms = performance.now() - t0;
    if (dtdErrors.length > 0) {
      prepared.dispose();
      return { side: { verdict: "rejected", ms, first: pick(dtdErrors[0]) } };
    }
    const err = firstError(prepared.diagnostics);
    if (!prepared.ok) {
      prepared.dispose();
      return { side: { verdict: "rejected", ms, ...(err !== undefined ? { first: pick(err) } : {}) } };
    }
    return { side: { verdict: "accepted", ms }, prepared };
  } catch (e) {
    return { side: crash(e, performance.now() - t0) };
  }
}

/** What a rejection diagnostic lacks: the file (XSD), a line, a hint saying how to fix it. */
export function diagnosticGaps(side: SchemaSide, language: "xsd" | "dtd"): string[] {
  if (side.verdict !== "rejected") return [];
  const d = side.first;
  if (d === undefined) return ["no error diagnostic"];
  const gaps: string[] = [];
  if (language === "xsd" && d.schemaLocation?.file === undefined) gaps.push("no file");
  if (!(d.line > 0)) gaps.push("no line");
  if (d.hint === undefined || d.hint.trim() === "") gaps.push("no hint");
  return gaps;
}

function compareDocs(xml: Uint8Array, file: string, qxml: CompiledSchema, lib: PreparedLibxml2Schema): DocOutcome {
  let q: DocVerdict;
  try {
    const r = validateString(xml, { file, schema: qxml });
    const f = firstError(r.diagnostics);
    q = { valid: r.valid, wellFormed: r.wellFormed, ...(f !== undefined ? { first: `${f.code}: ${f.message}` } : {}) };
  } catch (e) {
    q = { valid: false, wellFormed: false, crash: e instanceof Error ? `${e.message} ${e.stack?.split("\n")[1]?.trim() ?? ""}` : String(e) };
  }
  const r = lib.validate(xml, { file });
  const f = firstError(r.diagnostics);
  const l: DocVerdict = { valid: r.valid, wellFormed: r.wellFormed, ...(f !== undefined ? { first: f.message } : {}) };
  return { instance: file, qxml: q, libxml2: l, agree: q.crash === undefined && q.valid === l.valid && q.wellFormed === l.wellFormed };
}

/** A seed's text, or null when it is not UTF-8 (a textual mutation would mangle it). */
export function utf8Text(bytes: Uint8Array): string | null {
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A scratch copy of each seed's folder, made once per run, where mutants are written (so includes resolve). */
export class Scratch {
  private readonly root: string;
  constructor(prefix = "qxml-schema-mut-") {
    this.root = mkdtempSync(join(tmpdir(), prefix));
  }
  private readonly copies = new Map<string, string>();
  dirFor(seedDir: string): string {
    let copy = this.copies.get(seedDir);
    if (copy === undefined) {
      copy = join(this.root, String(this.copies.size));
      cpSync(seedDir, copy, { recursive: true });
      this.copies.set(seedDir, copy);
    }
    return copy;
  }
  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

export async function runSchemaDifferential(options: SchemaDifferentialOptions = {}): Promise<SchemaOutcome[]> {
  const engine = await Libxml2Engine.load();
  const rng = seededRng(options.seed ?? 1);
  const scratch = new Scratch();
  const outcomes: SchemaOutcome[] = [];
  const byFamily = new Map<SeedFamily, SchemaSeed[]>();
  for (const s of schemaSeeds(options.families)) byFamily.set(s.family, [...(byFamily.get(s.family) ?? []), s]);
  try {
    for (const seeds of byFamily.values()) {
      for (const seed of options.seedsPerFamily === undefined ? seeds : sample(seeds, options.seedsPerFamily, rng)) {
        const text = utf8Text(readFileSync(seed.file));
        // Seeds in other encodings (a few libxml2 DTDs) would be mangled by a textual edit: skipped.
        if (text === null) continue;
        const ext = extname(seed.file);
        const selfName = `${basename(seed.file, ext)}.qxmut${ext}`;
        const target = join(scratch.dirFor(dirname(seed.file)), selfName);
        const mutants = [
          { id: "original", kind: "original" as const, description: "the seed as written", text },
          ...mutateSchema(seed.language, text, { seed: options.seed ?? 1, perKind: options.perKind ?? 2, selfName, ...(options.kinds !== undefined ? { kinds: options.kinds } : {}) }),
        ];
        let instances = sample(seed.instances, options.instancesPerSchema ?? 3, rng);
        for (const m of mutants) {
          options.onStart?.(`${seed.name}#${m.id}`);
          writeFileSync(target, m.text);
          const o = runOne(engine, seed, m, target, instances);
          // Instances the engines already disagree on with the seed as written are differences in
          // reading documents (the document differentials' business), not in reading schemas.
          if (m.id === "original") instances = instances.filter((f) => o.docs.find((d) => d.instance === f)?.agree !== false);
          outcomes.push(o);
          options.onOutcome?.(o);
        }
      }
    }
  } finally {
    scratch.dispose();
  }
  return outcomes;
}

/**
 * One schema text (and optional documents) through both engines, outside any seed: the pinned
 * examples of test-support/schema-known.ts are checked with this.
 */
export function runSchemaText(engine: Libxml2Engine, language: "xsd" | "dtd", text: string, xml: readonly string[] = []): SchemaOutcome {
  const dir = mkdtempSync(join(tmpdir(), "qxml-schema-example-"));
  try {
    const target = join(dir, `example.${language}`);
    writeFileSync(target, text);
    const instances = xml.map((x, i) => {
      const f = join(dir, `example-${i}.xml`);
      writeFileSync(f, x);
      return f;
    });
    const seed: SchemaSeed = { name: "example", family: "typed", language, file: target, instances };
    return runOne(engine, seed, { id: "example", kind: "original", description: "a pinned example", text }, target, instances);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A schema file as it is (a pinned example from the shared suites), through both engines. */
export function runSchemaFile(engine: Libxml2Engine, language: "xsd" | "dtd", file: string): SchemaOutcome {
  const seed: SchemaSeed = { name: "example", family: "typed", language, file, instances: [] };
  return runOne(engine, seed, { id: "example", kind: "original", description: "a pinned example", text: readFileSync(file, "utf8") }, file, []);
}

function runOne(engine: Libxml2Engine, seed: SchemaSeed, m: { id: string; kind: SchemaMutationKind | "original"; description: string; text: string }, target: string, instances: readonly string[]): SchemaOutcome {
  const q = qxmlReadSchema(seed.language, target);
  const l = libxml2ReadSchema(engine, seed.language, target);
  const docs: DocOutcome[] = [];
  try {
    // Documents are compared where both accept and qxml models everything the schema uses.
    if (q.compiled !== undefined && l.prepared !== undefined && q.side.unsupported === undefined)
      for (const file of instances) docs.push(compareDocs(readFileSync(file), file, q.compiled, l.prepared));
  } finally {
    l.prepared?.dispose();
  }
  return {
    id: `${seed.name}#${m.id}`,
    family: seed.family,
    seed: seed.name,
    kind: m.kind,
    description: m.description,
    text: m.text,
    language: seed.language,
    qxml: q.side,
    libxml2: l.side,
    agree: q.side.verdict === l.side.verdict,
    docs,
    diagnosticGaps: diagnosticGaps(q.side, seed.language),
  };
}

export interface SchemaDifferentialSummary {
  schemas: number;
  crashes: number;
  slow: number;
  schemaAgree: number;
  docs: number;
  docAgree: number;
  byFamily: Record<string, { schemas: number; agree: number; docs: number; docAgree: number }>;
  byKind: Record<string, { schemas: number; agree: number; docs: number; docAgree: number }>;
  /** Rejections whose first diagnostic lacks a file, line or hint, by diagnostic code. */
  gaps: Record<string, number>;
  qxmlMaxMs: number;
}

export function summarizeSchemaDifferential(outcomes: readonly SchemaOutcome[]): SchemaDifferentialSummary {
  const s: SchemaDifferentialSummary = { schemas: 0, crashes: 0, slow: 0, schemaAgree: 0, docs: 0, docAgree: 0, byFamily: {}, byKind: {}, gaps: {}, qxmlMaxMs: 0 };
  for (const o of outcomes) {
    const rows = [(s.byFamily[o.family] ??= { schemas: 0, agree: 0, docs: 0, docAgree: 0 }), (s.byKind[o.kind] ??= { schemas: 0, agree: 0, docs: 0, docAgree: 0 })];
    const docAgree = o.docs.filter((d) => d.agree).length;
    s.schemas++;
    s.docs += o.docs.length;
    s.docAgree += docAgree;
    if (o.agree) s.schemaAgree++;
    if (o.qxml.verdict === "crash" || o.docs.some((d) => d.qxml.crash !== undefined)) s.crashes++;
    if (o.qxml.ms > SLOW_SCHEMA_MS) s.slow++;
    s.qxmlMaxMs = Math.max(s.qxmlMaxMs, o.qxml.ms);
    for (const r of rows) {
      r.schemas++;
      r.docs += o.docs.length;
      r.docAgree += docAgree;
      if (o.agree) r.agree++;
    }
    if (o.diagnosticGaps.length > 0) {
      const key = `${o.qxml.first?.code ?? "(none)"}: ${o.diagnosticGaps.join(", ")}`;
      s.gaps[key] = (s.gaps[key] ?? 0) + 1;
    }
  }
  return s;
}

export function formatSchemaDifferential(s: SchemaDifferentialSummary): string {
  const rows = (r: SchemaDifferentialSummary["byFamily"]) => Object.entries(r).sort().map(([k, v]) => `  ${k.padEnd(24)} schemas ${v.agree}/${v.schemas} agree, documents ${v.docAgree}/${v.docs} agree`).join("\n");
  return [
    `schema mutations: ${s.schemas} schemas, ${s.crashes} crashes, ${s.slow} over ${SLOW_SCHEMA_MS} ms (qxml slowest ${s.qxmlMaxMs.toFixed(0)} ms); schema verdicts agree ${s.schemaAgree}/${s.schemas}; document verdicts agree ${s.docAgree}/${s.docs}`,
    "by family:",
    rows(s.byFamily),
    "by kind:",
    rows(s.byKind),
  ].join("\n");
}
