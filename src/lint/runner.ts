/**
 * Runs the enabled rules over one document: each rule's create(context) is called once per file,
 * all listeners go into one table, and one LintCollector (an XmlHandler) feeds them from the
 * same reader pass as the validator. Reports become Diagnostics whose code is the rule id.
 */
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import { diagnose, render } from "../diagnostics/codes.js";
import type { RuleSetting } from "../config/config.js";
import { addListeners, emptyListenerTable, LintCollector } from "./collector.js";
import { lintCodes } from "./codes.js";
import type { Listener, LintNode, ReportDescriptor, Rule, RuleContext } from "./types.js";

export type RuleSettings = Readonly<Record<string, RuleSetting>>;

export interface FileLinter {
  handler: LintCollector;
  /** The diagnostics reported so far, in document order. */
  diagnostics(): Diagnostic[];
}

/** The severity a rule runs with: the config's setting, else its default; null when off. */
export function effectiveSeverity(rule: Rule, settings: RuleSettings): Severity | null {
  const s = settings[rule.meta.id];
  if (s === "off") return null;
  if (s === "warn") return "warning";
  if (s === "error") return "error";
  return rule.meta.severity;
}

function reporter(rule: Rule, severity: Severity, out: Diagnostic[]) {
  return (r: ReportDescriptor): void => {
    const template = rule.meta.messages[r.messageId];
    if (template === undefined) throw new Error(`rule ${rule.meta.id} reported unknown messageId "${r.messageId}"`);
    const params = r.params ?? {};
    const d: Diagnostic = {
      severity,
      code: rule.meta.id,
      message: render(template, params),
      line: r.at?.line ?? r.node.line,
      column: r.at?.column ?? r.node.column,
      path: r.node.path,
      hint: render(rule.meta.hint, params),
    };
    d.params = { messageId: r.messageId, ...params };
    out.push(d);
  };
}

/** A listener that turns a rule's crash into a diagnostic naming the rule, so one bug cannot stop the lint. */
function guarded(ruleId: string, fn: Listener, out: Diagnostic[]): Listener {
  return (node: LintNode) => {
    try {
      fn(node);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      out.push(diagnose(lintCodes["qxml/lint-rule-failed"], { rule: ruleId, element: node.name, reason }, { line: node.line, column: node.column, path: node.path }));
    }
  };
}

export function createFileLinter(file: string, rules: readonly Rule[], settings: RuleSettings = {}): FileLinter {
  const out: Diagnostic[] = [];
  const table = emptyListenerTable();
  for (const rule of rules) {
    const severity = effectiveSeverity(rule, settings);
    if (severity === null) continue;
    const context: RuleContext = { file, report: reporter(rule, severity, out) };
    const listeners: Record<string, Listener> = {};
    for (const [key, fn] of Object.entries(rule.create(context))) listeners[key] = guarded(rule.meta.id, fn, out);
    addListeners(table, listeners);
  }
  return {
    handler: new LintCollector(table),
    diagnostics: () => [...out].sort((a, b) => a.line - b.line || a.column - b.column),
  };
}
