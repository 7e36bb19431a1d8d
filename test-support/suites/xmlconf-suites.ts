/**
 * The W3C XML conformance suite loops, shared by the conformance report (and open to the
 * reader's and validator's tests): which cases are in scope for XML 1.0 fifth edition, the
 * well-formedness verdict (test-support/xmlconf-wf.ts) and the validity verdict (each document
 * against its own DTD, external entities from the xmlconf folder only).
 */
import { readFileSync } from "node:fs";
import { validateString } from "../../src/validate/index.js";
import { localResolver } from "../../src/xml/resolve.js";
import { appliesToXml10Fifth, XMLCONF_DIR, type XmlconfTest } from "../xmlconf.js";
import { checkWellFormed } from "../xmlconf-wf.js";

/** Why a case is out of scope for XML 1.0 fifth edition, or undefined when it applies. */
export function outOfScope(t: XmlconfTest): string | undefined {
  if (t.type === "error") return "TYPE=error: processors may or may not report these";
  if (t.version === "1.1" || t.recommendation === "XML1.1" || t.recommendation === "NS1.1") return "XML 1.1 / Namespaces 1.1: qxml implements XML 1.0";
  if (!appliesToXml10Fifth(t)) return "applies to editions 1-4 only";
  return undefined;
}

export interface CaseResult {
  id: string;
  type: string;
  ok: boolean;
  got: string;
  detail?: string;
}

/** not-wf cases must end in a fatal error; valid and invalid cases must read without one. */
export function wellFormednessResult(t: XmlconfTest): CaseResult {
  const v = checkWellFormed(t);
  const ok = t.type === "not-wf" ? v.fatal !== null : v.fatal === null;
  const got = v.fatal === null ? "well-formed" : "not-wf";
  return { id: t.id, type: t.type, ok, got, detail: v.fatal === null ? undefined : `${v.fatal.code} ${v.fatal.line}:${v.fatal.column} ${v.fatal.message}` };
}

/** valid cases validate against their own DTD; invalid ones are reported invalid while well-formed. */
export function validityResult(t: XmlconfTest): CaseResult {
  const resolveEntity = localResolver({ allow: [XMLCONF_DIR] });
  const r = validateString(new Uint8Array(readFileSync(t.file)), { file: t.file, resolveEntity, namespaces: t.namespace !== "no" });
  const got = !r.wellFormed ? "not-wf" : r.valid ? "valid" : "invalid";
  const d = r.diagnostics.find((x) => x.severity === "error");
  return { id: t.id, type: t.type, ok: got === t.type, got, detail: d === undefined ? undefined : `${d.code} ${d.line}:${d.column} ${d.message}` };
}

export interface RateByType {
  passed: number;
  total: number;
  byType: Record<string, { passed: number; total: number }>;
  failures: CaseResult[];
}

export function rates(results: CaseResult[]): RateByType {
  const out: RateByType = { passed: 0, total: 0, byType: {}, failures: [] };
  for (const r of results) {
    const b = (out.byType[r.type] ??= { passed: 0, total: 0 });
    out.total++;
    b.total++;
    if (r.ok) {
      out.passed++;
      b.passed++;
    } else out.failures.push(r);
  }
  return out;
}
