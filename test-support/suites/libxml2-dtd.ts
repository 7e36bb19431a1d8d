/**
 * libxml2's DTD validity tests (test/VC and test/valid, expected output in result/VC and
 * result/valid): the case list with the verdict libxml2 recorded, and the loop that runs an
 * engine over them. The verdict: "not-wf" when the output has a parser error (fatal), "invalid"
 * when it has a validity error, else "valid".
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { LIBXML2_DIR } from "../paths.js";

export type DtdVerdict = "valid" | "invalid" | "not-wf";

export interface DtdCase {
  /** "VC/ElementValid", "valid/id1.xml". */
  id: string;
  file: string;
  expected: DtdVerdict;
  /** libxml2's recorded output (empty when it had nothing to say). */
  err: string;
}

export function dtdVerdictOf(err: string): DtdVerdict {
  if (/parser error/.test(err)) return "not-wf";
  if (/validity error/.test(err)) return "invalid";
  return "valid";
}

function readIf(path: string): string {
  return existsSync(path) ? readFileSync(path, "utf8") : "";
}

export function loadDtdCases(root = LIBXML2_DIR): DtdCase[] {
  const cases: DtdCase[] = [];
  const vcDir = join(root, "test", "VC");
  for (const name of readdirSync(vcDir).sort()) {
    const file = join(vcDir, name);
    if (!statSync(file).isFile()) continue;
    const err = readIf(join(root, "result", "VC", name));
    cases.push({ id: `VC/${name}`, file, expected: dtdVerdictOf(err), err });
  }
  const validDir = join(root, "test", "valid");
  for (const name of readdirSync(validDir).sort()) {
    const file = join(validDir, name);
    // Only documents: the .dtd files there are external subsets (their .err is xmllint fed a DTD as XML).
    if (!statSync(file).isFile() || !/\.(xml|xhtml)$/.test(name)) continue;
    const err = readIf(join(root, "result", "valid", `${name}.err`));
    cases.push({ id: `valid/${name}`, file, expected: dtdVerdictOf(err), err });
  }
  return cases;
}

export type DtdRunner = (c: DtdCase) => { verdict: DtdVerdict; detail?: string };

export interface DtdSuiteSummary {
  total: number;
  run: number;
  passed: number;
  failed: { id: string; expected: DtdVerdict; got: DtdVerdict; detail?: string }[];
  skipped: { id: string; reason: string }[];
}

export function runDtdSuite(cases: DtdCase[], runner: DtdRunner, skips: Readonly<Record<string, string>> = {}): DtdSuiteSummary {
  const s: DtdSuiteSummary = { total: cases.length, run: 0, passed: 0, failed: [], skipped: [] };
  for (const c of cases) {
    const reason = skips[c.id];
    if (reason !== undefined) {
      s.skipped.push({ id: c.id, reason });
      continue;
    }
    s.run++;
    let got: { verdict: DtdVerdict; detail?: string };
    try {
      got = runner(c);
    } catch (e) {
      s.failed.push({ id: c.id, expected: c.expected, got: "not-wf", detail: `crash: ${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
    if (got.verdict === c.expected) s.passed++;
    else s.failed.push({ id: c.id, expected: c.expected, got: got.verdict, detail: got.detail });
  }
  return s;
}

export function formatDtdSummary(name: string, s: DtdSuiteSummary): string {
  const pct = s.run === 0 ? "n/a" : `${((100 * s.passed) / s.run).toFixed(1)}%`;
  return `${name}: ${s.passed}/${s.run} same verdict (${pct}); ${s.skipped.length} skipped; ${s.total} cases`;
}
