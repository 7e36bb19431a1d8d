/**
 * `qxml lint` under mutation: seeds (examples, the rule tests' documents, the Qualys fixtures and
 * corpus files lint takes as import payloads) → mutants (test-support/mutate.ts, used as a
 * library, plus a few lint-specific kinds below) → lintDocument in process → invariants:
 *   crash      no exception, no qxml/lint-rule-failed
 *   location   code, severity, message; 1 ≤ line ≤ lines, 1 ≤ column ≤ line length + 1;
 *              a rule finding's path is an element of the document
 *   duplicate  no two findings with the same code, line, column and message
 *   schema     lint's schema diagnostics are validateDocument's on the same schema, less the
 *              ones a rule restates on the same element (withoutRestated)
 *   determinism  the same file twice gives the same diagnostics
 *   message    a quoted value in a rule message ("{value}") is non-empty and occurs in the
 *              document; no "undefined", "NaN", "[object Object]"
 *   time       no mutant takes more than 1 s
 *   meaning    markup that keeps the content (a comment or PI, a value written as CDATA, an
 *              empty CDATA section) gives the same rule findings as the seed, positions aside
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { emptyConfig } from "../src/config/config.js";
import type { Diagnostic } from "../src/diagnostics/diagnostic.js";
import { rules } from "../src/lint/index.js";
import { IMPORT_SCHEMAS, lintDocument, withoutRestated } from "../src/lint/lint-document.js";
import { validateDocument } from "../src/pipeline/validate-document.js";
import { emptyModel } from "../src/schema/build.js";
import { Catalog } from "../src/schema/catalog.js";
import { loadEntry, loadSchema, type LoadedSchema } from "../src/schema/load.js";
import type { SchemaModel } from "../src/schema/model.js";
import type { StartTag, XmlHandler } from "../src/xml/events.js";
import { readString } from "../src/xml/reader.js";
import { isElement, parseTree, type XmlElement } from "../src/xml/tree.js";
import { mutate } from "./mutate.js";
import { setAttribute, setText, textOf } from "./mutate/candidate.js";
import { seededRng, type Rng } from "./mutate/rng.js";
import { cloneTree, serializeElement, splitProlog } from "./mutate/serialize.js";
import { tallyCodes, type CodeCount, type SweepViolation } from "./sweep-tally.js";

const repo = resolve(import.meta.dirname, "..");
const shared = resolve(repo, "../shared");

export interface Seed {
  name: string;
  xml: string;
}

export interface Mutant {
  seed: string;
  id: string;
  xml: string;
}

export type InvariantKind = "crash" | "location" | "duplicate" | "schema" | "determinism" | "message" | "time" | "meaning";

export type Violation = SweepViolation<InvariantKind>;

export interface SweepReport {
  seeds: number;
  mutants: number;
  violations: Violation[];
  /** Rule id → findings (occurrences) and mutants with at least one finding. */
  perRule: Map<string, CodeCount>;
  /** Mutants by kind (the id's first part: the generator's kinds, ours, "two-mutations", "seed"). */
  byKind: Map<string, number>;
  slowestMs: number;
}

/** Roots whose documents the rules read: the import roots and the Oracle record lists. */
const LINT_ROOTS = new Set([...Object.keys(IMPORT_SCHEMAS), "POLICY_EXPORT_OUTPUT", "AUTH_ORACLE_LIST_OUTPUT"]);

const rootName = (xml: string): string | undefined => /<([A-Za-z_][\w.:-]*)[\s/>]/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/g, ""))?.[1];

const xmlFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".xml"))
    .sort()
    .map((f) => join(dir, f));

/** The documents of the rule tests' case tables (`xml: "..."` literals; template literals are left out). */
function ruleTestDocuments(): Seed[] {
  const dir = join(repo, "test/lint/rules");
  const out: Seed[] = [];
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".test.ts")).sort()) {
    const src = readFileSync(join(dir, f), "utf8");
    let n = 0;
    for (const m of src.matchAll(/xml: ("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')\s*[,}]/g)) {
      // A plain string literal of our own test file: evaluating it is reading it.
      const xml = new Function(`return ${m[1]};`)() as string;
      out.push({ name: `test/lint/rules/${f}#${++n}`, xml });
    }
  }
  return out;
}

export function sweepSeeds(): Seed[] {
  const read = (path: string): Seed => ({ name: path.startsWith(repo) ? path.slice(repo.length + 1) : path.slice(shared.length - "shared".length), xml: readFileSync(path, "utf8") });
  const examples = [...xmlFiles(join(repo, "examples/good")), ...xmlFiles(join(repo, "examples/bad"))].map(read);
  const fixtures = xmlFiles(join(repo, "test/fixtures/qualys")).map(read).filter((s) => LINT_ROOTS.has(rootName(s.xml) ?? ""));
  const corpusDir = join(shared, "corpus");
  const corpus = readdirSync(corpusDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => xmlFiles(join(corpusDir, d.name)))
    .map(read)
    .filter((s) => LINT_ROOTS.has(rootName(s.xml) ?? ""));
  return [...examples, ...ruleTestDocuments(), ...fixtures, ...corpus];
}

/** The model lint validates the seed against (as lintDocument and validateDocument choose it); an empty one when none. */
function seedModel(xml: string, catalog: Catalog): SchemaModel {
  const root = rootName(xml) ?? "";
  let loaded: LoadedSchema | undefined;
  if (IMPORT_SCHEMAS[root] !== undefined) loaded = loadSchema(IMPORT_SCHEMAS[root], catalog);
  const systemId = /<!DOCTYPE\s+\S+\s+(?:SYSTEM|PUBLIC\s+"[^"]*")\s+"([^"]+)"/.exec(xml)?.[1];
  if (loaded === undefined && systemId !== undefined) {
    const entry = catalog.bySystemId(systemId);
    if (entry !== undefined) loaded = loadEntry(entry);
  }
  if (loaded === undefined) {
    const byRoot = catalog.byRoot(root);
    if (byRoot.length > 0) loaded = loadEntry(byRoot[0]);
  }
  return loaded?.model ?? emptyModel("dtd", "none");
}

// ---- lint-specific mutants -------------------------------------------------------------------

/** Elements a half-edited file copies whole. */
const RECORDS = new Set(["USER_DEFINED_CONTROL", "CONTROL", "OPTION_PROFILE", "AUTH_ORACLE", "SECTION", "TECHNOLOGY", "DEFAULT_VALUE"]);
const COUNTS = ["0", "-1", "1e2", " 3 ", "", "99999999999999999999999", "0x10", "2.0"];

function elements(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const work = [root];
  while (work.length > 0) {
    const el = work.pop()!;
    out.push(el);
    for (const c of el.children) if (isElement(c)) work.push(c);
  }
  return out.reverse();
}

const isLeaf = (el: XmlElement) => !el.children.some(isElement);

/** One copy of the tree per change; `change` gets the copy's elements in the same order as the original's. */
function variant(root: XmlElement, prolog: string, change: (els: XmlElement[]) => void): string {
  const copy = cloneTree(root);
  change(elements(copy));
  return prolog + serializeElement(copy) + "\n";
}

function ownMutants(seed: Seed, rng: Rng, max: number): Mutant[] {
  let root: XmlElement;
  try {
    root = parseTree(seed.xml, seed.name);
  } catch {
    return [];
  }
  const { prolog } = splitProlog(seed.xml);
  const els = elements(root);
  const out: Mutant[] = [];
  const add = (id: string, xml: string) => out.push({ seed: seed.name, id, xml });
  add("empty-every-text", variant(root, prolog, (c) => c.filter(isLeaf).forEach((el) => setText(el, ""))));
  // A file cut short (a half-saved edit): the rules see the elements up to the reader's error.
  for (let k = 1; k <= 3; k++) {
    const at = Math.floor((seed.xml.length * k) / 4);
    add(`truncated-at:${at}`, seed.xml.slice(0, at));
  }
  els.forEach((el, i) => {
    if (RECORDS.has(el.name) && el.parent !== null) {
      add(`duplicate-record:${el.name}#${i}`, variant(root, prolog, (c) => {
        const sibs = c[i].parent!.children;
        const copy = cloneTree(c[i]);
        copy.parent = c[i].parent;
        sibs.splice(sibs.indexOf(c[i]) + 1, 0, copy);
      }));
      // Pasted one level too deep: a copy of the record as its own last child.
      add(`nest-record:${el.name}#${i}`, variant(root, prolog, (c) => {
        const copy = cloneTree(c[i]);
        copy.parent = c[i];
        c[i].children.push(copy);
      }));
    }
    if (el.attributes.has("total")) {
      for (const v of COUNTS) add(`count:${el.name}#${i}=${JSON.stringify(v)}`, variant(root, prolog, (c) => setAttribute(c[i], "total", v)));
    }
    const sibs = el.children.filter(isElement).filter(isLeaf);
    for (let a = 0; a + 1 < sibs.length; a++) {
      const [x, y] = [sibs[a], sibs[a + 1]];
      if (textOf(x).trim() === textOf(y).trim()) continue;
      const [ix, iy] = [els.indexOf(x), els.indexOf(y)];
      add(`swap-values:${x.name}#${ix}<->${y.name}#${iy}`, variant(root, prolog, (c) => {
        const tx = textOf(c[ix]);
        setText(c[ix], textOf(c[iy]));
        setText(c[iy], tx);
      }));
    }
  });
  // Seeded choice: the empty-text and truncated variants and each record name's first nesting always, then a sample of the rest.
  const nested = new Set<string>();
  const firstNest = (m: Mutant) => {
    const name = /^nest-record:(\w+)#/.exec(m.id)?.[1];
    if (name === undefined || nested.has(name)) return false;
    nested.add(name);
    return true;
  };
  const always = out.filter((m) => m.id === "empty-every-text" || m.id.startsWith("truncated-at:") || firstNest(m));
  const rest = out.filter((m) => !always.includes(m));
  for (let i = rest.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [rest[i], rest[j]] = [rest[j], rest[i]];
  }
  return [...always, ...rest.slice(0, max)];
}

/** The seed as the generator writes its mutants, unchanged: what a meaning-keeping mutant is compared with. */
function identity(seed: Seed): Mutant | undefined {
  try {
    const root = parseTree(seed.xml, seed.name);
    return { seed: seed.name, id: "identity", xml: splitProlog(seed.xml).prolog + serializeElement(root) + "\n" };
  } catch {
    return undefined;
  }
}

/** Mutants that change markup but not content: the rules must find the same. */
const KEEPS_MEANING = /^comment-or-pi:|^cdata-section:.*:(value as CDATA|value half CDATA|empty)$/;

/** A rule finding without its position: what it says about which element. */
const meaning = (d: Diagnostic) => `${d.code} ${d.path} ${JSON.stringify(d.params)}`;

/** Mutants of one seed: the generator's kinds (scaled), then the lint-specific ones. */
export function seedMutants(seed: Seed, catalog: Catalog, scale: number, mutateSeed = 7): Mutant[] {
  const model = seedModel(seed.xml, catalog);
  let generated: Mutant[] = [];
  try {
    generated = mutate(model, seed.xml, { seed: mutateSeed, max: 12 * scale, deepMax: 6 * scale, pairMax: 3 * scale, file: seed.name }).map((m) => ({ seed: seed.name, id: m.id, xml: m.xml }));
  } catch {
    // Not well-formed (a hostile rule case) or not a tree the generator takes: the seed itself and our kinds still run.
  }
  return [{ seed: seed.name, id: "seed", xml: seed.xml }, ...generated, ...ownMutants(seed, seededRng(mutateSeed + 4), 6 * scale)];
}

// ---- invariants ------------------------------------------------------------------------------

const RULE_IDS = new Set(rules.map((r) => r.meta.id));
const LINT_OWN = new Set(["qxml/too-many-findings", "qxml/lint-rule-failed"]);
const TEMPLATES = new Map(rules.map((r) => [r.meta.id, r.meta.messages]));
const HINTS = new Map(rules.map((r) => [r.meta.id, r.meta.hint]));

/**
 * Every element path of a document as the collector writes them ("[1]" left out), up to a fatal
 * error, with the positions a finding on that element may have: its start tag's `<` and its attributes.
 */
export function elementPaths(xml: string): Map<string, Set<string>> {
  const paths = new Map<string, Set<string>>();
  const stack: { path: string; counts: Map<string, number> }[] = [];
  const handler: XmlHandler = {
    startElement(tag: StartTag) {
      const top = stack[stack.length - 1];
      const n = top === undefined ? 1 : (top.counts.get(tag.name) ?? 0) + 1;
      top?.counts.set(tag.name, n);
      const path = `${top?.path ?? ""}/${tag.name}${n > 1 ? `[${n}]` : ""}`;
      paths.set(path, new Set([`${tag.line}:${tag.column}`, ...tag.attributes.map((a) => `${a.line}:${a.column}`)]));
      stack.push({ path, counts: new Map() });
    },
    endElement: () => void stack.pop(),
    text: () => undefined,
    diagnostic: () => undefined,
  };
  readString(xml, handler, { file: "paths.xml" });
  return paths;
}

const key = (d: Diagnostic) => `${d.code} ${d.line}:${d.column} ${d.message}`;
const shown = (d: Diagnostic) => `${d.line}:${d.column} ${d.code} ${d.message}${d.path ? ` @${d.path}` : ""}`;

function locationProblems(ds: Diagnostic[], xml: string): string[] {
  const lines = xml.split(/\r\n|\r|\n/);
  const paths = elementPaths(xml);
  const out: string[] = [];
  for (const d of ds) {
    if (!d.code || !d.severity || !d.message) out.push(`incomplete diagnostic: ${JSON.stringify(d)}`);
    const line = lines[d.line - 1];
    if (!(d.line >= 1) || line === undefined) out.push(`line outside the document (${lines.length} lines): ${shown(d)}`);
    else if (!(d.column >= 1) || d.column > [...line].length + 1) out.push(`column outside line ${d.line} (${[...line].length} characters): ${shown(d)}`);
    if (!RULE_IDS.has(d.code)) continue;
    const at = d.path === undefined ? undefined : paths.get(d.path);
    if (at === undefined) out.push(`path not in the document: ${shown(d)}`);
    else if (!at.has(`${d.line}:${d.column}`)) out.push(`not at the start tag or an attribute of ${d.path}: ${shown(d)}`);
  }
  return out;
}

function duplicates(ds: Diagnostic[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const d of ds) {
    if (seen.has(key(d))) out.push(`reported twice: ${shown(d)}`);
    seen.add(key(d));
  }
  return out;
}

const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The document's character data as the reader gives it: character references and the predefined entities replaced. */
function decoded(xml: string): string {
  return xml.replace(/&#x([0-9a-f]+);|&#(\d+);|&(amp|lt|gt|quot|apos);/gi, (m, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    const code = hex !== undefined ? parseInt(hex, 16) : dec !== undefined ? Number(dec) : -1;
    if (code >= 0) return code <= 0x10ffff ? String.fromCodePoint(code) : m;
    return PREDEFINED[name!.toLowerCase()] ?? m;
  });
}

/**
 * The texts a value may be found in: the document as written and as the reader decodes it, that
 * with comments, PIs and CDATA delimiters taken out (the reader joins a value across them: the
 * mutant "PI in value" quotes "preOracle Template" from "preOracle Temp<?p?>late"), each also with
 * white space runs as one space.
 */
function searchable(xml: string): string[] {
  const joined = decoded(xml).replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[|\]\]>/g, "");
  const texts = [xml, decoded(xml), joined];
  return [...texts, ...texts.map((t) => t.replace(/\s+/g, " "))];
}

function occurs(value: string, texts: string[]): boolean {
  const v = value.replace(/\s+/g, " ");
  return texts.some((text) => text.includes(value) || text.includes(v));
}

function messageProblems(ds: Diagnostic[], xml: string): string[] {
  const out: string[] = [];
  let texts: string[] | undefined;
  for (const d of ds) {
    if (!RULE_IDS.has(d.code)) continue;
    if (/\bundefined\b|\bNaN\b|\[object Object\]/.test(d.message)) out.push(`nonsense in the message: ${shown(d)}`);
    // One line: the text format prints "file:line:col: severity code: message".
    if (/[\r\n]/.test(d.message)) out.push(`a line break in the message: ${JSON.stringify(d.message)}`);
    const template = TEMPLATES.get(d.code)?.[String(d.params?.messageId)] ?? "";
    // An empty value in an unquoted place leaves two spaces or an empty list item behind.
    // (The values themselves are taken out first: a value may hold two spaces of its own.)
    let rest = d.message;
    for (const v of Object.values(d.params ?? {})) if (typeof v === "string" && v.trim() !== "") rest = rest.split(v).join("\u0000");
    if ((/ {2}/.test(rest) && !/ {2}/.test(template)) || /\(, |, \)|, ,| [;,]|\s$/.test(rest) || Object.values(d.params ?? {}).includes("?")) out.push(`an empty value in the message: ${shown(d)}`);
    // The hint is built from the same params, for every message of the rule.
    const hint = d.hint ?? "";
    const hintTemplate = HINTS.get(d.code) ?? "";
    let hintRest = hint;
    for (const v of Object.values(d.params ?? {})) if (typeof v === "string" && v.trim() !== "") hintRest = hintRest.split(v).join("\u0000");
    if (/\bundefined\b|\bNaN\b|\[object Object\]|[\r\n]/.test(hint) || (/ {2}/.test(hintRest) && !/ {2}/.test(hintTemplate)) || /<(\w+)><\/\1>|""/.test(hint)) out.push(`an empty or broken value in the hint: ${JSON.stringify(hint)} (${shown(d)})`);
    // "first at line N" must point back, not forward: the second occurrence is the one reported.
    const firstLine = d.params?.firstLine;
    if (typeof firstLine === "number" && firstLine > d.line) out.push(`"first" at line ${firstLine}, after the finding: ${shown(d)}`);
    for (const m of template.matchAll(/(=?)"\{(\w+)\}"/g)) {
      // A did-you-mean names the rule's own value, not the document's.
      if (m[2] === "suggestion") continue;
      const v = d.params?.[m[2]];
      const value = v === undefined ? undefined : String(v);
      if (value === undefined) continue; // not kept in params (keptParams); the message check above stands
      // name="" is the attribute as written; "" anywhere else is a value the message failed to name.
      if (value.trim() === "" && m[1] === "") out.push(`empty quoted ${m[2]}: ${shown(d)}`);
      else if (value !== "" && !occurs(value, (texts ??= searchable(xml)))) out.push(`quoted ${m[2]} "${value}" is not in the document: ${shown(d)}`);
    }
  }
  return out;
}

/** The invariants on one document's diagnostics alone (location, duplicate, message), by kind. */
export function findingProblems(ds: Diagnostic[], xml: string): { kind: InvariantKind; detail: string }[] {
  return [
    ...locationProblems(ds, xml).map((detail) => ({ kind: "location" as const, detail })),
    ...duplicates(ds).map((detail) => ({ kind: "duplicate" as const, detail })),
    ...messageProblems(ds, xml).map((detail) => ({ kind: "message" as const, detail })),
  ];
}

export interface SweepContext {
  dir: string;
  catalog: Catalog;
}

export function sweepContext(): SweepContext {
  return { dir: mkdtempSync(join(tmpdir(), "qxml-lint-sweep-")), catalog: Catalog.bundled() };
}

async function lintOnce(file: string, ctx: SweepContext, xml?: string): Promise<Diagnostic[]> {
  if (xml !== undefined) writeFileSync(file, xml);
  return (await lintDocument(file, { catalog: ctx.catalog, config: emptyConfig(), cwd: ctx.dir, rules })).result.diagnostics;
}

/** validateDocument on the schema lint chooses: the import schema for the import roots, else the validator's own choice. */
async function validated(file: string, xml: string, ctx: SweepContext): Promise<Diagnostic[]> {
  const name = IMPORT_SCHEMAS[rootName(xml) ?? ""];
  const schema = name === undefined ? undefined : loadSchema(name, ctx.catalog);
  const r = await validateDocument(file, { catalog: ctx.catalog, config: emptyConfig(), cwd: ctx.dir, engine: "qxml", ...(schema ? { schema } : {}) });
  return r.result.diagnostics;
}

function schemaProblems(linted: Diagnostic[], validatedDs: Diagnostic[]): string[] {
  const findings = linted.filter((d) => RULE_IDS.has(d.code));
  const want = withoutRestated(validatedDs, findings, rules).map(key).sort();
  const got = linted.filter((d) => !RULE_IDS.has(d.code) && !LINT_OWN.has(d.code)).map(key).sort();
  const missing = want.filter((k) => !got.includes(k));
  const extra = got.filter((k) => !want.includes(k));
  return [...missing.map((k) => `validate reports, lint does not: ${k}`), ...extra.map((k) => `lint reports, validate does not: ${k}`)];
}

/** Lints one mutant (twice, and validates it once) and returns the invariants it breaks plus its diagnostics. */
export async function checkMutant(m: Mutant, ctx: SweepContext, timeLimitMs = 1000): Promise<{ violations: Violation[]; diagnostics: Diagnostic[]; ms: number }> {
  const file = join(ctx.dir, `${basename(m.seed).replace(/[^\w.-]/g, "_")}.xml`);
  writeFileSync(file, m.xml);
  const v = (kind: InvariantKind, detail: string): Violation => ({ kind, seed: m.seed, mutant: m.id, detail });
  const violations: Violation[] = [];
  let first: Diagnostic[];
  const t0 = performance.now();
  try {
    first = await lintOnce(file, ctx);
  } catch (e) {
    return { violations: [v("crash", e instanceof Error ? (e.stack ?? e.message) : String(e))], diagnostics: [], ms: performance.now() - t0 };
  }
  const ms = performance.now() - t0;
  if (ms > timeLimitMs) violations.push(v("time", `${ms.toFixed(0)} ms`));
  for (const d of first) if (d.code === "qxml/lint-rule-failed") violations.push(v("crash", shown(d)));
  violations.push(...findingProblems(first, m.xml).map((p) => v(p.kind, p.detail)));
  try {
    violations.push(...schemaProblems(first, await validated(file, m.xml, ctx)).map((s) => v("schema", s)));
    const again = await lintOnce(file, ctx);
    if (again.map(shown).join("\n") !== first.map(shown).join("\n")) violations.push(v("determinism", "a second run gave other diagnostics"));
  } catch (e) {
    violations.push(v("crash", e instanceof Error ? e.message : String(e)));
  }
  return { violations, diagnostics: first, ms };
}

/** `mutateSeed`: the generators' seed (another one picks other mutants of the same kinds). */
export async function runSweep(scale = 1, seeds: Seed[] = sweepSeeds(), mutateSeed = 7): Promise<SweepReport> {
  const ctx = sweepContext();
  const report: SweepReport = { seeds: seeds.length, mutants: 0, violations: [], perRule: new Map(rules.map((r) => [r.meta.id, { occurrences: 0, mutants: 0 }])), byKind: new Map(), slowestMs: 0 };
  for (const seed of seeds) {
    // Untimed first run: schemas are read and compiled once, then cached.
    writeFileSync(join(ctx.dir, "warm.xml"), seed.xml);
    await lintOnce(join(ctx.dir, "warm.xml"), ctx).catch(() => undefined);
    const same = identity(seed);
    const baseline = same === undefined ? undefined : (await lintOnce(join(ctx.dir, "identity.xml"), ctx, same.xml)).filter((d) => RULE_IDS.has(d.code)).map(meaning).sort();
    for (const m of seedMutants(seed, ctx.catalog, scale, mutateSeed)) {
      report.mutants++;
      const kind = m.id.split(":")[0];
      report.byKind.set(kind, (report.byKind.get(kind) ?? 0) + 1);
      const r = await checkMutant(m, ctx);
      report.violations.push(...r.violations);
      if (baseline !== undefined && KEEPS_MEANING.test(m.id)) {
        const got = r.diagnostics.filter((d) => RULE_IDS.has(d.code)).map(meaning).sort();
        const lost = baseline.filter((x) => !got.includes(x));
        const gained = got.filter((x) => !baseline.includes(x));
        if (lost.length + gained.length > 0) report.violations.push({ kind: "meaning", seed: seed.name, mutant: m.id, detail: [...lost.map((x) => `lost ${x}`), ...gained.map((x) => `gained ${x}`)].join("; ") });
      }
      report.slowestMs = Math.max(report.slowestMs, r.ms);
      tallyCodes(report.perRule, r.diagnostics.map((d) => d.code), true);
    }
  }
  return report;
}

/** A short text of a report, for a failing test and for docs/lint.md. */
export function summary(r: SweepReport, maxViolations = 30): string {
  const byKind = new Map<string, number>();
  for (const v of r.violations) byKind.set(v.kind, (byKind.get(v.kind) ?? 0) + 1);
  const rulesLine = [...r.perRule].map(([id, c]) => `${id.replace("qualys/", "")} ${c.occurrences}/${c.mutants}`).join(", ");
  return [
    `${r.seeds} seeds, ${r.mutants} mutants, slowest ${r.slowestMs.toFixed(0)} ms, ${r.violations.length} violations ${JSON.stringify(Object.fromEntries(byKind))}`,
    `findings/mutants per rule: ${rulesLine}`,
    `mutants by kind: ${[...r.byKind].map(([k, n]) => `${k} ${n}`).join(", ")}`,
    ...r.violations.slice(0, maxViolations).map((v) => `  [${v.kind}] ${v.seed} :: ${v.mutant} :: ${v.detail.split("\n").slice(0, 3).join(" | ")}`),
  ].join("\n");
}
