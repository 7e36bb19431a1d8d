/**
 * The differential loop: each bundled-schema fixture (test/fixtures/qualys) and its mutations
 * (test-support/mutate.ts), validated by qxml and by libxml2 against the same schema file. Both
 * must reach the same verdict, and qxml's first error must lie inside the element libxml2
 * reports (same path, or a descendant of it). Shared by test/differential and
 * `npm run conformance`, so both report the same numbers.
 *
 * Modes: "schema" validates against the catalog's schema file (as `qxml validate --schema`);
 * "doctype" (DTD fixtures) lets each engine read the DOCTYPE's DTD through the catalog mapping.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../src/diagnostics/diagnostic.js";
import { Libxml2Engine, type EngineResult, type PreparedLibxml2Schema } from "../src/engines/libxml2.js";
import { sniffHead } from "../src/xml/head.js";
import { Catalog, bundledSchemasDir, type CatalogEntry } from "../src/schema/catalog.js";
import { readSchemaFile } from "../src/schema/load.js";
import { compileSchema, validateString, type CompiledSchema } from "../src/validate/index.js";
import { localResolver, type EntityResolver } from "../src/xml/resolve.js";
import { inside } from "./element-path.js";
import { mutate } from "./mutate.js";
import { REPO_ROOT } from "./paths.js";

export const FIXTURES_DIR = join(REPO_ROOT, "test", "fixtures", "qualys");

export type Mode = "schema" | "doctype";

export interface EngineVerdict {
  valid: boolean;
  wellFormed: boolean;
  first?: Diagnostic;
  errors: number;
}

export interface DifferentialOutcome {
  /** "<fixture>#<mutation id>" ("#original" for the fixture itself), plus "@doctype" in doctype mode. */
  id: string;
  fixture: string;
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
  /** Mutations per DTD fixture also run in doctype mode (default 20). */
  doctypePerFixture?: number;
  seed?: number;
  fixturesDir?: string;
}

export interface DifferentialRun {
  outcomes: DifferentialOutcome[];
  /** Fixtures with no catalog schema, or whose schema did not load/compile, with why. */
  problems: { fixture: string; reason: string }[];
}

function verdictOf(r: EngineResult): EngineVerdict {
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  return { valid: r.valid, wellFormed: r.wellFormed, first: errors[0], errors: errors.length };
}

function schemaFor(catalog: Catalog, text: string): CatalogEntry | undefined {
  const doctype = sniffHead(text).doctype;
  if (doctype?.systemId !== undefined) return catalog.bySystemId(doctype.systemId);
  const root = /<([A-Za-z_][\w.-]*)[\s>/]/.exec(text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ""))?.[1];
  return root === undefined ? undefined : catalog.byRoot(root)[0];
}

interface Prepared {
  entry: CatalogEntry;
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

  const prepare = (entry: CatalogEntry): Prepared | string => {
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

  try {
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".xml")).sort()) {
      const file = join(dir, name);
      const text = readFileSync(file, "utf8");
      const entry = schemaFor(catalog, text);
      if (entry === undefined) {
        problems.push({ fixture: name, reason: "no catalog schema for its DOCTYPE or root" });
        continue;
      }
      const p = prepare(entry);
      if (typeof p === "string") {
        problems.push({ fixture: name, reason: p });
        continue;
      }
      const model = readSchemaFile(entry.file, entry.kind).model!;
      const variants = [{ id: "original", description: "the fixture as written", xml: text }];
      try {
        variants.push(...mutate(model, text, { seed: options.seed ?? 1, max: options.perFixture ?? 120, file: name }));
      } catch (e) {
        problems.push({ fixture: name, reason: `mutate: ${(e as Error).message}` });
      }
      // Variants 0..doctypeMax (the fixture and its first mutations) also run in doctype mode; -1: none.
      const doctypeMax = entry.kind === "dtd" && sniffHead(text).doctype !== undefined ? (options.doctypePerFixture ?? 20) : -1;
      variants.forEach((v, i) => {
        const one = (mode: Mode, q: EngineResult, l: EngineResult) => {
          const qv = verdictOf(q);
          const lv = verdictOf(l);
          const agree = qv.valid === lv.valid && qv.wellFormed === lv.wellFormed;
          const located = agree && !qv.valid && qv.wellFormed ? inside(qv.first?.path, lv.first?.path) : null;
          const suffix = mode === "doctype" ? "@doctype" : "";
          outcomes.push({ id: `${name}#${v.id}${suffix}`, fixture: name, schema: entry.name, mode, description: v.description, qxml: qv, libxml2: lv, agree, located });
        };
        const where = { file };
        one("schema", validateString(v.xml, { ...where, schema: p.qxml }), p.libxml2.validate(v.xml, where));
        if (i <= doctypeMax) one("doctype", validateString(v.xml, { ...where, resolveEntity }), engine.validate(v.xml, { ...where, resolveEntity }));
      });
    }
  } finally {
    for (const p of prepared.values()) if (typeof p !== "string") p.libxml2.dispose();
  }
  return { outcomes, problems };
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
}

export function summarizeDifferential(outcomes: DifferentialOutcome[]): DifferentialSummary {
  const s: DifferentialSummary = { total: outcomes.length, agree: 0, bothInvalid: 0, located: 0, notLocated: 0, unlocatable: 0, qxmlMoreErrors: 0, errors: { qxml: 0, libxml2: 0 }, bySchema: {} };
  for (const o of outcomes) {
    const b = (s.bySchema[o.schema] ??= { total: 0, agree: 0 });
    b.total++;
    if (o.agree) {
      s.agree++;
      b.agree++;
    }
    if (o.agree && !o.qxml.valid && o.qxml.wellFormed) {
      s.bothInvalid++;
      s.errors.qxml += o.qxml.errors;
      s.errors.libxml2 += o.libxml2.errors;
      if (o.qxml.errors > o.libxml2.errors) s.qxmlMoreErrors++;
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
  return `differential qxml vs libxml2: verdicts agree ${s.agree}/${s.total} (${pct(s.agree, s.total)}); both invalid ${s.bothInvalid}, qxml's first error inside libxml2's element ${s.located}/${s.located + s.notLocated} (${pct(s.located, s.located + s.notLocated)}), ${s.unlocatable} without a libxml2 path; errors reported ${s.errors.qxml} by qxml vs ${s.errors.libxml2} by libxml2, qxml reports more in ${s.qxmlMoreErrors} [${schemas}]`;
}
