/** What the SARIF report says about each code: a lint rule's meta, else the code's registry entry. */
import type { RuleSetting } from "../config/config.js";
import { codeRuleInfo, type SarifRuleInfo } from "../report/sarif.js";
import { RULE_DOCS_BASE, ruleHelpUri } from "./meta.js";
import { ruleById } from "./registry.js";
import { effectiveSeverity } from "./runner.js";

/** Templates without their values: "{value}" becomes "…". */
const placeholders = (template: string) => template.replace(/\{\w+\}/g, "…");

/** "qualys/oracle-template-required" → "OracleTemplateRequired". */
export function friendlyName(code: string): string {
  const last = code.slice(code.lastIndexOf("/") + 1);
  return last.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join("");
}

export function sarifRuleInfo(settings: Readonly<Record<string, RuleSetting>> = {}) {
  return (code: string): SarifRuleInfo => {
    const rule = ruleById(code);
    if (rule !== undefined) {
      const helpUri = ruleHelpUri(rule.meta);
      return {
        name: friendlyName(rule.meta.id),
        shortDescription: rule.meta.description,
        fullDescription: `${rule.meta.description} Default severity: ${rule.meta.severity}.`,
        help: `${rule.meta.description} How to fix: ${placeholders(rule.meta.hint)}. Bad and good examples: ${helpUri}`,
        helpUri,
        severity: effectiveSeverity(rule, settings) ?? rule.meta.severity,
      };
    }
    return { name: friendlyName(code), ...codeRuleInfo(code, RULE_DOCS_BASE) };
  };
}
