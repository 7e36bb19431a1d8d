/**
 * The rule ids as diagnostic codes (so `allCodes()` lists them with their default severity and
 * description), and lookups by id. Rules build their diagnostics themselves (several messages
 * per id), with the same fields `diagnose` gives.
 */
import { defineCodes, type CodeDef } from "../diagnostics/codes.js";
import { rules } from "./rules/index.js";
import type { Rule } from "./types.js";

const defs: Record<string, CodeDef> = {};
for (const r of rules) defs[r.meta.id] = { severity: r.meta.severity, message: r.meta.description, hint: r.meta.hint };
defineCodes(defs);

export const ruleIds: ReadonlySet<string> = new Set(rules.map((r) => r.meta.id));

export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.meta.id === id);
}

export { rules };
