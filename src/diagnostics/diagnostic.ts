/**
 * The diagnostic shape and the findings contract that `qxml validate` and `qxml lint` print with
 * `--format json` (documented in docs/findings.md). Diagnostics are data: a stable code, the
 * parameters the message was built from, and a location. Reports turn them into text.
 */

export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  severity: Severity;
  /** Stable id, e.g. "xml/unclosed-tag", "dtd/syntax", "valid/unexpected-element", "qualys/udc-id". */
  code: string;
  message: string;
  /** 1-based line and column of the start tag, attribute or text concerned. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Element path with 1-based positions among same-named siblings, e.g. "/POLICY/CONTROLS/CONTROL[2]". */
  path?: string;
  /** How to fix it, one sentence. */
  hint?: string;
  /** What the message was built from (expected names, found value...). Tests assert these. */
  params?: Record<string, string | number | boolean | string[]>;
  /** Where the rule or declaration that was violated lives, when known. */
  schemaLocation?: { file: string; line: number; column: number };
}

export interface FileResult {
  file: string;
  /** Schema name (bundled) or path; null when none was found or none applies. */
  schema: string | null;
  valid: boolean;
  diagnostics: Diagnostic[];
}

export interface Findings {
  version: 1;
  files: FileResult[];
  summary: {
    files: number;
    valid: number;
    invalid: number;
    errors: number;
    warnings: number;
  };
}

export function summarize(files: FileResult[]): Findings {
  let errors = 0;
  let warnings = 0;
  let valid = 0;
  for (const f of files) {
    if (f.valid) valid++;
    for (const d of f.diagnostics) {
      if (d.severity === "error") errors++;
      else if (d.severity === "warning") warnings++;
    }
  }
  return { version: 1, files, summary: { files: files.length, valid, invalid: files.length - valid, errors, warnings } };
}
