/**
 * What a report (SARIF's tool.driver.rules) says about a diagnostic code that is not a lint rule:
 * a title, a description and the fix, from the code registry (src/diagnostics/codes.ts), and the
 * docs page of the code's area where one exists. Lint rules describe themselves (src/lint).
 */
import { allCodes, type CodeDef } from "../diagnostics/codes.js";
import type { Severity } from "../diagnostics/diagnostic.js";

/** The part of a code before the slash, as readers know it. */
const AREAS: Readonly<Record<string, string>> = {
  xml: "XML reading",
  dtd: "DTD",
  xsd: "XSD",
  valid: "Validity",
  type: "Datatype value",
  qxml: "qxml",
  libxml2: "libxml2 reference engine",
};

/**
 * The page that documents an area's codes (relative to the repository root). The XML reader's
 * codes have no page of their own, so xml/ codes get no helpUri.
 */
export const AREA_DOCS: Readonly<Record<string, string>> = {
  dtd: "docs/dtd.md",
  xsd: "docs/xsd-support.md",
  valid: "docs/validation.md",
  type: "docs/datatypes.md",
  qxml: "docs/findings.md",
  libxml2: "docs/findings.md",
};

export interface CodeInfo {
  /** e.g. "Validity: unexpected element". */
  title: string;
  description: string;
  /** How to fix it, when the code has a hint. */
  fix?: string;
  /** The area's docs page (repository-relative), when there is one. */
  docs?: string;
  severity: Severity;
}

const area = (code: string) => code.slice(0, Math.max(0, code.indexOf("/")));

/** "valid/unexpected-element" → "Validity: unexpected element". */
function titleFromId(code: string): string {
  const a = area(code);
  const words = code.slice(code.indexOf("/") + 1).split(/[-_]+/).filter(Boolean).join(" ");
  const label = AREAS[a];
  return label === undefined ? words || code : `${label}: ${words}`;
}

/** A message template that is only a placeholder ("{message}") says nothing about the code. */
const informative = (template: string) => template.replace(/\{\w+\}/g, "").trim().length > 0;

export function codeInfo(code: string): CodeInfo {
  const def: CodeDef | undefined = allCodes().get(code);
  const title = def?.title ?? titleFromId(code);
  const docs = AREA_DOCS[area(code)];
  const info: CodeInfo = { title, description: `${title} (${code}).`, severity: def?.severity ?? "error" };
  // Templates keep their {placeholders}: they show which values each report fills in.
  if (def !== undefined && informative(def.message)) info.description = `${title} (${code}). Reported as: "${def.message}".`;
  if (def?.hint !== undefined) info.fix = def.hint;
  if (docs !== undefined) info.docs = docs;
  return info;
}
