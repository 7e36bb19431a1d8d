/** The findings contract as JSON (docs/findings.md). */
import type { Findings } from "../diagnostics/diagnostic.js";

export function formatJson(findings: Findings): string {
  return JSON.stringify(findings, null, 2) + "\n";
}
