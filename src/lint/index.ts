/**
 * The linter's public API. `lintString`/`lintFile` run the rules alone in their own reader pass
 * (tests, library use); `qxml lint` feeds the same handler from the validator's pass instead.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { readFile, readString } from "../xml/reader.js";
import { rules } from "./registry.js";
import { createFileLinter, type RuleSettings } from "./runner.js";
import type { Rule } from "./types.js";

export { rules, ruleById, ruleIds } from "./registry.js";
export { createFileLinter, effectiveSeverity, type FileLinter, type RuleSettings } from "./runner.js";
export type { LintNode, Rule, RuleContext, RuleMeta } from "./types.js";

export interface LintOptions {
  file?: string;
  settings?: RuleSettings;
  /** Default: every rule. */
  rules?: readonly Rule[];
}

/** Rule diagnostics only (no schema validation; reader errors are not reported here). */
export function lintString(text: string, options: LintOptions = {}): Diagnostic[] {
  const file = options.file ?? "<string>";
  const linter = createFileLinter(file, options.rules ?? rules, options.settings);
  readString(text, linter.handler, { file });
  return linter.diagnostics();
}

export async function lintFile(path: string, options: LintOptions = {}): Promise<Diagnostic[]> {
  const file = options.file ?? path;
  const linter = createFileLinter(file, options.rules ?? rules, options.settings);
  await readFile(path, linter.handler, { file });
  return linter.diagnostics();
}
