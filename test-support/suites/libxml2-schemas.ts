/**
 * libxml2's own XML Schema tests (test/schemas with expected output in result/schemas): the case
 * list, the expected verdict read from each .err file, and the loop that runs an engine over
 * them. The conformance test and `npm run conformance` share this loop, so they report the same.
 *
 * Pairing: result NAME_i_j.err is schema NAME_i.xsd with instance NAME_j.xml; a few cases are
 * named differently (attruse_0_1.err is attruse_0_0.xsd with attruse_0_1.xml) and are paired by
 * the instance the .err file names.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LIBXML2_DIR } from "../paths.js";

export type SchemaVerdict = "valid" | "invalid" | "schema-error";

export interface SchemaCase {
  /** The result file's name without ".err", e.g. "all_0_1". */
  id: string;
  xsd: string;
  xml: string;
  expected: SchemaVerdict;
  /** The expected libxml2 output, verbatim. */
  err: string;
}

/** The verdict libxml2's expected output states. */
export function verdictOf(err: string): SchemaVerdict | null {
  if (/ fails to validate\s*$/m.test(err)) return "invalid";
  if (/ validates\s*$/m.test(err)) return "valid";
  if (/Schemas parser error|failed to compile/.test(err)) return "schema-error";
  return null;
}

function pairOf(dir: string, id: string, err: string): { xsd: string; xml: string } | null {
  const m = /^(.*)_(\d+)_(\d+)$/.exec(id);
  if (m !== null) {
    const xsd = join(dir, `${m[1]}_${m[2]}.xsd`);
    const xml = join(dir, `${m[1]}_${m[3]}.xml`);
    if (existsSync(xsd) && existsSync(xml)) return { xsd, xml };
  }
  const named = /test\/schemas\/([^\s:/]+\.xml)/.exec(err)?.[1];
  const xml = join(dir, named ?? `${id}.xml`);
  const stem = id.replace(/_\d+$/, "");
  const xsd = [join(dir, `${id}.xsd`), join(dir, `${stem}_0.xsd`)].find((f) => existsSync(f));
  return xsd !== undefined && existsSync(xml) ? { xsd, xml } : null;
}

export interface SchemaCaseList {
  cases: SchemaCase[];
  /** Result files whose pair or verdict could not be found, with why. */
  unpaired: { id: string; reason: string }[];
}

export function loadSchemaCases(root = LIBXML2_DIR): SchemaCaseList {
  const dir = join(root, "test", "schemas");
  const resultDir = join(root, "result", "schemas");
  const cases: SchemaCase[] = [];
  const unpaired: SchemaCaseList["unpaired"] = [];
  for (const name of readdirSync(resultDir).filter((n) => n.endsWith(".err")).sort()) {
    const id = name.slice(0, -4);
    const err = readFileSync(join(resultDir, name), "utf8");
    const expected = verdictOf(err);
    const pair = pairOf(dir, id, err);
    if (expected === null) unpaired.push({ id, reason: "the .err file states no verdict" });
    else if (pair === null) unpaired.push({ id, reason: "no schema/instance pair found for it" });
    else cases.push({ id, ...pair, expected, err });
  }
  return { cases, unpaired };
}

/** What an engine made of one case. */
export interface SchemaOutcome {
  verdict: SchemaVerdict | "unsupported";
  /** For "unsupported": the schema features the engine does not model. */
  features?: string[];
  /** First diagnostic or error text, for reports. */
  detail?: string;
}

export type SchemaRunner = (c: SchemaCase) => SchemaOutcome;

export interface SchemaSuiteSummary {
  total: number;
  /** Cases run (not unsupported, not skipped). */
  run: number;
  passed: number;
  failed: { id: string; expected: SchemaVerdict; got: SchemaVerdict; detail?: string }[];
  skipped: { id: string; reason: string }[];
  unsupported: { id: string; features: string[] }[];
  /** Unsupported cases counted per feature. */
  byFeature: Record<string, number>;
}

export function runSchemaSuite(cases: SchemaCase[], runner: SchemaRunner, skips: Readonly<Record<string, string>> = {}): SchemaSuiteSummary {
  const s: SchemaSuiteSummary = { total: cases.length, run: 0, passed: 0, failed: [], skipped: [], unsupported: [], byFeature: {} };
  for (const c of cases) {
    const reason = skips[c.id];
    if (reason !== undefined) {
      s.skipped.push({ id: c.id, reason });
      continue;
    }
    let out: SchemaOutcome;
    try {
      out = runner(c);
    } catch (e) {
      // A crash is a failure with its message: never a silent pass.
      s.run++;
      s.failed.push({ id: c.id, expected: c.expected, got: "schema-error", detail: `crash: ${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
    if (out.verdict === "unsupported") {
      const features = out.features ?? ["(unnamed)"];
      s.unsupported.push({ id: c.id, features });
      for (const f of new Set(features)) s.byFeature[f] = (s.byFeature[f] ?? 0) + 1;
      continue;
    }
    const verdict: SchemaVerdict = out.verdict;
    s.run++;
    if (verdict === c.expected) s.passed++;
    else s.failed.push({ id: c.id, expected: c.expected, got: verdict, detail: out.detail });
  }
  return s;
}

export function formatSchemaSummary(name: string, s: SchemaSuiteSummary): string {
  const pct = s.run === 0 ? "n/a" : `${((100 * s.passed) / s.run).toFixed(1)}%`;
  const features = Object.entries(s.byFeature)
    .sort((a, b) => b[1] - a[1])
    .map(([f, n]) => `${f} ${n}`)
    .join(", ");
  return `${name}: ${s.passed}/${s.run} same verdict (${pct}); ${s.unsupported.length} unsupported${features ? ` (${features})` : ""}; ${s.skipped.length} skipped; ${s.total} cases`;
}
