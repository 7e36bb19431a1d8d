/** What the SARIF report says about each code: a lint rule's meta, else the code's registry entry. */
import { codeDef } from "../diagnostics/codes.js";
import type { RuleSetting } from "../config/config.js";
import type { SarifRuleInfo } from "../report/sarif.js";
import { RULE_DOCS_BASE, ruleHelpUri } from "./meta.js";
import { ruleById } from "./registry.js";
import { effectiveSeverity } from "./runner.js";

export function sarifRuleInfo(settings: Readonly<Record<string, RuleSetting>> = {}) {
  return (code: string): SarifRuleInfo => {
    const rule = ruleById(code);
    if (rule !== undefined) {
      return { shortDescription: rule.meta.description, helpUri: ruleHelpUri(rule.meta), severity: effectiveSeverity(rule, settings) ?? rule.meta.severity };
    }
    let description = `qxml diagnostic ${code}`;
    let severity: SarifRuleInfo["severity"] = "error";
    try {
      const def = codeDef(code);
      description = `${code}: ${def.message.replace(/\{\w+\}/g, "…")}`;
      severity = def.severity;
    } catch {
      // A code without a registry entry keeps the generic text.
    }
    return { shortDescription: description, helpUri: RULE_DOCS_BASE + "docs/findings.md", severity };
  };
}
