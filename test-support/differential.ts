/**
 * The differential loop: each bundled-schema fixture (test/fixtures/qualys) and its mutations
 * (test-support/mutate.ts), validated by qxml and by libxml2 against the same schema file. Both
 * must reach the same verdict, and qxml's first error must lie inside the element libxml2
 * reports (same path, or a descendant of it). Shared by test/differential and
 * `npm run conformance`, so both report the same numbers.
 *
 * Modes: "schema" validates against the catalog's schema file (as `qxml validate --schema`);
 * "doctype" (DTD fixtures) lets each engine read the DOCTYPE's DTD through the catalog mapping.
 *
 * Seed documents come from three sources: the bundled fixtures; the real payloads of
 * ../shared/corpus whose root or DOCTYPE the catalog knows (they need not be valid: only
 * agreement is asked); and the small typed schemas of test/differential/schemas, which have the
 * IDs, datatypes, defaults, fixed values and namespaces the Qualys schemas lack.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../src/diagnostics/diagnostic.js";
import { Libxml2Engine, type EngineResult, type PreparedLibxml2Schema } from "../src/engines/libxml2.js";
import { sniffHead } from "../src/xml/head.js";
import { Catalog, bundledSchemasDir, type CatalogEntry } from "../src/schema/catalog.js";
import { readSchemaFile } from "../src/schema/load.js";
import type { SchemaModel } from "../src/schema/model.js";
import { compileSchema, validateString, type CompiledSchema } from "../src/validate/index.js";
import { localResolver, type EntityResolver } from "../src/xml/resolve.js";
import { explainDisagreement } from "./differential-known.js";
import { inside, libxml2PathInTree } from "./element-path.js";
import { parseTree } from "../src/xml/tree.js";
import { mutate } from "./mutate.js";
import type { MutationKind } from "./mutate.js";
import { REPO_ROOT, SHARED_DIR } from "./paths.js";
import { extraSeeds, type ExcludedSeed, type ExtraSeed, type ExtraSource } from "./differential-seeds.js";

export const FIXTURES_DIR = join(REPO_ROOT, "test", "fixtures", "qualys");
export const TYPED_DIR = join(REPO_ROOT, "test", "differential", "schemas");
export const CORPUS_DIR = join(SHARED_DIR, "corpus");

export type SeedSource = "fixture" | "corpus" | "typed" | ExtraSource;

/** A seed document and the schema it is validated against. */
interface Seed {
  name: string;
  file: string;
  text: string;
  source: SeedSource;
  schema: SchemaRef;
}

/** The schema of a seed: a catalog entry, or one of the typed schemas (no catalog entry). */
interface SchemaRef {
  name: string;
  file: string;
  kind: "dtd" | "xsd";
}

export type Mode = "schema" | "doctype";

export interface EngineVerdict {
  valid: boolean;
  wellFormed: boolean;
  first?: Diagnostic;
  errors: number;
  /** Paths of the first few errors (for documents with two mistakes, whose order the engines may choose differently). */
  paths: (string | undefined)[];
}

export interface DifferentialOutcome {
  /** "<fixture>#<mutation id>" ("#original" for the fixture itself), plus "@doctype" in doctype mode. */
  id: string;
  fixture: string;
  source: SeedSource;
  /** The mutation kind, or "original" for the seed itself. */
  kind: MutationKind | "original";
  schema: string;
  mode: Mode;
  description: string;
  qxml: EngineVerdict;
  libxml2: EngineVerdict;
  agree: boolean;
  /** Both invalid: qxml's first error is inside libxml2's first error element (null: libxml2 gave no path). */
  located: boolean | null;
}

export interface DifferentialOptions {
  /** Mutations per fixture (default 120). */
  perFixture?: number;
  /** Mutations of the deep-run kinds per seed (default 150, the CI size; see MutateOptions.deepMax). */
  deepPerFixture?: number;
  /** Documents with two mutations per seed (default 20; see MutateOptions.pairMax). */
  pairsPerFixture?: number;
  /** Mutations per DTD fixture also run in doctype mode (default 20). */
  doctypePerFixture?: number;
  seed?: number;
  fixturesDir?: string;
  /**
   * Seeds of the new families (test-support/differential-seeds.ts) get at most this many
   * characters of mutated documents per kind group (original kinds, deep kinds, pairs): mutations
   * are materialised together, and a 160 KB seed (libxml2's REC-xml) with every candidate would
   * not fit in memory. Default: no limit.
   */
  charsPerSeed?: number;
  /** Which seeds to use (default: the three Qualys-side sources; the others are test-support/differential-seeds.ts). */
  sources?: readonly SeedSource[];
}

export interface DifferentialRun {
  outcomes: DifferentialOutcome[];
  /** Fixtures with no catalog schema, or whose schema did not load/compile, with why. */
  problems: { fixture: string; reason: string }[];
  /** Documents a seed family leaves out (encoding, namespaces off), with why. */
  excluded: ExcludedSeed[];
}

export function verdictOf(r: EngineResult): EngineVerdict {
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  return { valid: r.valid, wellFormed: r.wellFormed, first: errors[0], errors: errors.length, paths: errors.slice(0, 8).map((d) => d.path) };
}

/**
 * qxml's first error inside libxml2's element? Paths are compared as written first; when they
 * differ, libxml2's is re-read against the document (its "*[n]" steps for namespaced elements);
 * null when libxml2's path names no element of the document.
 */
export function locate(qxmlPath: string | undefined, libxml2Path: string | undefined, xml: string, file: string): boolean | null {
  const direct = inside(qxmlPath, libxml2Path);
  if (direct !== false || libxml2Path === undefined) return direct;
  let tree;
  try {
    tree = parseTree(xml, file);
  } catch {
    return null; // a document the tree reader cannot build alone (a namespace declared by a DTD default)
  }
  const rewritten = libxml2PathInTree(libxml2Path, tree);
  return rewritten === undefined ? null : inside(qxmlPath, rewritten);
}

/**
 * libxml2's DTD checks while parsing (doctype mode) name an element not yet linked into the tree
 * by its name alone ("/ID" for a deep <ID>, "/note" for <pfx:note>): the same element when qxml's
 * path ends with that name (or local name) and both errors are on the same line; null when libxml2's path is not of that form.
 */
function locateDetached(q: Diagnostic | undefined, l: Diagnostic | undefined): boolean | null {
  const name = l?.path === undefined ? undefined : /^\/([^/[\]]+)(?:\[\d+\])?$/.exec(l.path)?.[1];
  if (name === undefined || q?.path === undefined) return null;
  const last = q.path.slice(q.path.lastIndexOf("/") + 1).replace(/\[\d+\]$/, "");
  // Such an element has no namespace yet either: libxml2 names <pfx:note> "/note".
  return (last === name || last.endsWith(`:${name}`)) && q.line === l!.line;
}

/**
 * With two mistakes in one document (two mutations, or one in a seed that is invalid already),
 * each engine may report either first (libxml2 checks a DTD content model at the parent, qxml at
 * the child): qxml's first error must then lie inside one of the elements libxml2 reports.
 */
function locatePart(several: boolean, q: EngineVerdict, l: EngineVerdict, xml: string, file: string): boolean | null {
  if (!several) return locate(q.first?.path, l.first?.path, xml, file) ?? locateDetached(q.first, l.first);
  // Unlocatable (null) when one of libxml2's errors names no element it could be matched with.
  let out: boolean | null = l.paths.length === 0 ? null : false;
  for (const p of l.paths) {
    const r = locate(q.first?.path, p, xml, file);
    if (r === true) return true;
    if (r === null) out = null;
  }
  return out;
}

function schemaFor(catalog: Catalog, text: string): CatalogEntry | undefined {
  const doctype = sniffHead(text).doctype;
  const byId = doctype?.systemId === undefined ? undefined : catalog.bySystemId(doctype.systemId);
  if (byId !== undefined || doctype?.systemId !== undefined) return byId;
  const root = /<([A-Za-z_][\w.-]*)[\s>/]/.exec(text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ""))?.[1];
  return root === undefined ? undefined : catalog.byRoot(root)[0];
}

/** The corpus payloads (MANIFEST.tsv names the sources) whose schema the catalog has. */
function corpusSeeds(catalog: Catalog): Seed[] {
  if (!existsSync(CORPUS_DIR)) return [];
  const out: Seed[] = [];
  for (const dir of readdirSync(CORPUS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const name of readdirSync(join(CORPUS_DIR, dir)).filter((n) => n.endsWith(".xml")).sort()) {
      const file = join(CORPUS_DIR, dir, name);
      const text = readFileSync(file, "utf8");
      const entry = schemaFor(catalog, text);
      if (entry !== undefined) out.push({ name: `corpus/${dir}/${name}`, file, text, source: "corpus", schema: entry });
    }
  }
  return out;
}

/** The typed schemas' seeds: NAME-dtd.xml / NAME-xsd.xml beside NAME.dtd / NAME.xsd. */
function typedSeeds(): Seed[] {
  const out: Seed[] = [];
  for (const name of readdirSync(TYPED_DIR).filter((n) => /-(dtd|xsd)\.xml$/.test(n)).sort()) {
    const m = /^(.*)-(dtd|xsd)\.xml$/.exec(name)!;
    const kind = m[2] as "dtd" | "xsd";
    const file = join(TYPED_DIR, name);
    out.push({ name: `typed/${name}`, file, text: readFileSync(file, "utf8"), source: "typed", schema: { name: `typed.${kind}`, file: join(TYPED_DIR, `${m[1]}.${kind}`), kind } });
  }
  return out;
}

interface Prepared {
  entry: SchemaRef;
  qxml: CompiledSchema;
  libxml2: PreparedLibxml2Schema;
}

export async function runDifferential(options: DifferentialOptions = {}): Promise<DifferentialRun> {
  const engine = await Libxml2Engine.load();
  const catalog = Catalog.bundled();
  const resolveEntity: EntityResolver = localResolver({ allow: [bundledSchemasDir], map: catalog.mapSystemId });
  const dir = options.fixturesDir ?? FIXTURES_DIR;
  const prepared = new Map<string, Prepared | string>();
  const outcomes: DifferentialOutcome[] = [];
  const problems: DifferentialRun["problems"] = [];

  const prepare = (entry: SchemaRef): Prepared | string => {
    const hit = prepared.get(entry.file);
    if (hit !== undefined) return hit;
    const read = readSchemaFile(entry.file, entry.kind);
    let out: Prepared | string;
    if (read.model === null) out = `qxml could not read ${entry.name}: ${read.diagnostics.find((d) => d.severity === "error")?.message}`;
    else {
      const compiled = compileSchema(read.model);
      const err = compiled.diagnostics.find((d) => d.severity === "error");
      const lib = engine.prepare({ kind: entry.kind, file: entry.file });
      if (err !== undefined) out = `qxml rejects ${entry.name}: ${err.message}`;
      else if (!lib.ok) out = `libxml2 rejects ${entry.name}: ${lib.diagnostics[0]?.message}`;
      else out = { entry, qxml: compiled.schema, libxml2: lib };
    }
    prepared.set(entry.file, out);
    return out;
  };

  const sources = new Set(options.sources ?? ["fixture", "corpus", "typed"]);
  const seeds: (Seed | { name: string; problem: string })[] = [];
  if (sources.has("fixture"))
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".xml")).sort()) {
      const file = join(dir, name);
      const text = readFileSync(file, "utf8");
      const entry = schemaFor(catalog, text);
      seeds.push(entry === undefined ? { name, problem: "no catalog schema for its DOCTYPE or root" } : { name, file, text, source: "fixture", schema: entry });
    }
  if (sources.has("corpus")) seeds.push(...corpusSeeds(catalog));
  if (sources.has("typed")) seeds.push(...typedSeeds());

  const extra = extraSeeds([...sources].filter((x): x is ExtraSource => x !== "fixture" && x !== "corpus" && x !== "typed"));
  try {
    for (const seed of [...seeds, ...extra.seeds]) {
      if ("problem" in seed) {
        problems.push({ fixture: seed.name, reason: seed.problem });
        continue;
      }
      const plan = planOf(seed, prepare, resolveEntity, options.doctypePerFixture ?? 20);
      if (typeof plan === "string") {
        problems.push({ fixture: seed.name, reason: plan });
        continue;
      }
      const { name, file, text } = seed;
      const variants: { id: string; kind: MutationKind | "original"; description: string; xml: string }[] = [{ id: "original", kind: "original", description: "the fixture as written", xml: text }];
      try {
        if (plan.model === null) throw new Error("no schema model to mutate against (the DTD did not read)");
        const cap = "mode" in seed && options.charsPerSeed !== undefined ? Math.max(20, Math.floor(options.charsPerSeed / text.length)) : Number.POSITIVE_INFINITY;
        const counts = { max: Math.min(cap, options.perFixture ?? 120), deepMax: Math.min(cap, options.deepPerFixture ?? 150), pairMax: Math.min(cap, options.pairsPerFixture ?? 20) };
        variants.push(...mutate(plan.model, text, { seed: options.seed ?? 1, ...counts, file: name }));
      } catch (e) {
        problems.push({ fixture: name, reason: `mutate: ${(e as Error).message}` });
      }
      // A seed invalid as written (only the new families' may be) makes each mutant a two-mistake document.
      let seedInvalid = false;
      variants.forEach((v, i) => {
        const one = (mode: Mode, q: EngineResult, l: EngineResult) => {
          const qv = verdictOf(q);
          const lv = verdictOf(l);
          const agree = qv.valid === lv.valid && qv.wellFormed === lv.wellFormed;
          if (i === 0 && (!qv.valid || !lv.valid)) seedInvalid = true;
          const several = v.kind === "two-mutations" || (i > 0 && seedInvalid);
          const located = agree && !qv.valid && qv.wellFormed ? locatePart(several, qv, lv, v.xml, name) : null;
          const suffix = mode === "doctype" ? "@doctype" : "";
          outcomes.push({ id: `${name}#${v.id}${suffix}`, fixture: name, source: seed.source, kind: v.kind, schema: plan.schemaName, mode, description: v.description, qxml: qv, libxml2: lv, agree, located });
        };
        const where = { file };
        if (plan.schema !== undefined) one("schema", validateString(v.xml, { ...where, schema: plan.schema.qxml }), plan.schema.libxml2.validate(v.xml, where));
        const d = plan.doctype;
        if (d !== undefined && i <= d.max) one("doctype", validateString(v.xml, { ...where, resolveEntity: d.resolveEntity }), engine.validate(v.xml, { ...where, resolveEntity: d.resolveEntity }));
      });
    }
  } finally {
    for (const p of prepared.values()) if (typeof p !== "string") p.libxml2.dispose();
  }
  return { outcomes, problems, excluded: extra.excluded };
}

/** How a seed runs: the model its mutations are made from, and the modes it is validated in. */
interface Plan {
  schemaName: string;
  model: SchemaModel | null;
  /** Schema mode: both engines validate against this schema file. */
  schema?: Prepared;
  /** Doctype mode: each engine reads the document's own DTD; variants 0..max run (the seed and its first mutations). */
  doctype?: { resolveEntity: EntityResolver; max: number };
}

function planOf(seed: Seed | ExtraSeed, prepare: (entry: SchemaRef) => Prepared | string, catalogResolver: EntityResolver, doctypeMax: number): Plan | string {
  if ("mode" in seed && seed.mode === "doctype") return { schemaName: seed.schemaName, model: seed.model, doctype: { resolveEntity: seed.resolveEntity, max: Number.POSITIVE_INFINITY } };
  const entry = seed.schema;
  const p = prepare(entry);
  if (typeof p === "string") return p;
  const plan: Plan = { schemaName: entry.name, model: readSchemaFile(entry.file, entry.kind).model!, schema: p };
  // The Qualys DTD fixtures with a DOCTYPE also run their first mutations in doctype mode, through the catalog.
  if (entry.kind === "dtd" && seed.source !== "typed" && sniffHead(seed.text).doctype !== undefined) plan.doctype = { resolveEntity: catalogResolver, max: doctypeMax };
  return plan;
}

export interface DifferentialSummary {
  total: number;
  agree: number;
  bothInvalid: number;
  located: number;
  notLocated: number;
  /** libxml2 gave no path for its first error. */
  unlocatable: number;
  /** Both invalid, and qxml reports more errors than libxml2 for the one mutation (a cascade to look at). */
  qxmlMoreErrors: number;
  /** Both invalid: errors reported in all, by each engine. */
  errors: { qxml: number; libxml2: number };
  bySchema: Record<string, { total: number; agree: number }>;
  /** Disagreements and misplaced first errors a known difference explains (test-support/differential-known.ts). */
  known: { disagree: number; misplaced: number };
  /** By mutation kind ("original" for the seeds themselves). */
  byKind: Record<string, { total: number; agree: number }>;
}

export function summarizeDifferential(outcomes: DifferentialOutcome[]): DifferentialSummary {
  const s: DifferentialSummary = { total: outcomes.length, agree: 0, bothInvalid: 0, located: 0, notLocated: 0, unlocatable: 0, qxmlMoreErrors: 0, errors: { qxml: 0, libxml2: 0 }, known: { disagree: 0, misplaced: 0 }, bySchema: {}, byKind: {} };
  for (const o of outcomes) {
    const b = (s.bySchema[o.schema] ??= { total: 0, agree: 0 });
    const k = (s.byKind[o.kind] ??= { total: 0, agree: 0 });
    b.total++;
    k.total++;
    if (o.agree) {
      s.agree++;
      b.agree++;
      k.agree++;
    } else if (explainDisagreement(o) !== undefined) s.known.disagree++;
    if (o.agree && !o.qxml.valid && o.qxml.wellFormed) {
      s.bothInvalid++;
      s.errors.qxml += o.qxml.errors;
      s.errors.libxml2 += o.libxml2.errors;
      if (o.qxml.errors > o.libxml2.errors) s.qxmlMoreErrors++;
      if (o.located === false && explainDisagreement(o) !== undefined) s.known.misplaced++;
      if (o.located === true) s.located++;
      else if (o.located === false) s.notLocated++;
      else s.unlocatable++;
    }
  }
  return s;
}

export function formatDifferential(s: DifferentialSummary): string {
  const pct = (a: number, b: number) => (b === 0 ? "n/a" : `${((100 * a) / b).toFixed(1)}%`);
  const schemas = Object.entries(s.bySchema)
    .map(([k, v]) => `${k} ${v.agree}/${v.total}`)
    .join(", ");
  const known = `${s.known.disagree} of the ${s.total - s.agree} others and ${s.known.misplaced} of the ${s.notLocated} misplaced are known differences`;
  return `differential qxml vs libxml2: verdicts agree ${s.agree}/${s.total} (${pct(s.agree, s.total)}); ${known}; both invalid ${s.bothInvalid}, qxml's first error inside libxml2's element ${s.located}/${s.located + s.notLocated} (${pct(s.located, s.located + s.notLocated)}), ${s.unlocatable} without a libxml2 path; errors reported ${s.errors.qxml} by qxml vs ${s.errors.libxml2} by libxml2, qxml reports more in ${s.qxmlMoreErrors} [${schemas}]`;
}
