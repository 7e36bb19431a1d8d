/** Builds a rule's meta from its short name: the id, the docs page and its public URL. */
import type { Severity } from "../diagnostics/diagnostic.js";
import type { RuleMeta } from "./types.js";

/**
 * Where the rule pages are published, for SARIF helpUri (GitHub code scanning needs an absolute
 * URI). One constant so that the repository's real address is set in one place.
 */
export const RULE_DOCS_BASE = "https://github.com/qxml/qxml/blob/main/";

export function ruleMeta(m: {
  name: string;
  severity: Severity;
  description: string;
  messages: Record<string, string>;
  hint: string;
  restates?: readonly string[];
}): RuleMeta {
  return {
    id: `qualys/${m.name}`,
    severity: m.severity,
    description: m.description,
    docs: `docs/rules/qualys/${m.name}.md`,
    messages: m.messages,
    hint: m.hint,
    ...(m.restates !== undefined ? { restates: m.restates } : {}),
  };
}

export function ruleHelpUri(meta: RuleMeta): string {
  return RULE_DOCS_BASE + meta.docs;
}
