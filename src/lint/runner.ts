/**
 * Runs the enabled rules over one document: each rule's create(context) is called once per file,
 * all listeners go into one table, and one LintCollector (an XmlHandler) feeds them from the
 * same reader pass as the validator. Reports become Diagnostics whose code is the rule id.
 */
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import { diagnose, keptParams, render, type Params } from "../diagnostics/codes.js";
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

/**
 * Findings kept per file, like the validator's limit. A 164 MB policy export whose 50,000 UDCs
 * each had findings printed 139,039 of them and took 556 MB (1 GB as SARIF); past the limit they
 * are only counted, and one qxml/too-many-findings says how many, with the worst severity among them.
 */
export const MAX_LINT_FINDINGS = 10_000;

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The findings of one file: the first MAX_LINT_FINDINGS, then a count. */
class Findings {
  readonly list: Diagnostic[] = [];
  private left = 0;
  private worst: Severity = "info";
  private at: { line: number; column: number } | null = null;

  /** False (and counted) once the list is full: the caller need not build the diagnostic. */
  room(severity: Severity, line: number, column: number): boolean {
    if (this.list.length < MAX_LINT_FINDINGS) return true;
    this.left++;
    if (RANK[severity] > RANK[this.worst]) this.worst = severity;
    this.at ??= { line, column };
    return false;
  }

  /** The list in document order, with the limit's diagnostic when findings were left out. */
  sorted(): Diagnostic[] {
    const all = [...this.list];
    if (this.left > 0) all.push(diagnose(lintCodes["qxml/too-many-findings"], { limit: MAX_LINT_FINDINGS, notReported: this.left }, this.at!, this.worst));
    return all.sort((a, b) => a.line - b.line || a.column - b.column);
  }
}

/**
 * Params as a message shows them: line breaks and tabs in a value written as \n, \r, \t, since
 * a message is one line of the text output ('CHECK_TYPE "\n\tRegistry Key Existence\n"').
 * The finding's `params` keep the values as they are.
 */
function shownParams(params: Params): Params {
  const escape = (v: string) => v.replace(/[\r\n\t]/g, (c) => (c === "\n" ? "\\n" : c === "\r" ? "\\r" : "\\t"));
  const out: Params = {};
  for (const key in params) {
    const v = params[key];
    out[key] = typeof v === "string" ? escape(v) : Array.isArray(v) ? v.map(escape) : v;
  }
  return out;
}

function reporter(rule: Rule, severity: Severity, out: Findings) {
  return (r: ReportDescriptor): void => {
    const line = r.at?.line ?? r.node.line;
    const column = r.at?.column ?? r.node.column;
    if (!out.room(severity, line, column)) return;
    const template = rule.meta.messages[r.messageId];
    if (template === undefined) throw new Error(`rule ${rule.meta.id} reported unknown messageId "${r.messageId}"`);
    const params = r.params ?? {};
    const shown = shownParams(params);
    const d: Diagnostic = {
      severity,
      code: rule.meta.id,
      message: render(template, shown),
      line,
      column,
      path: r.node.path,
      hint: render(rule.meta.hint, shown),
    };
    d.params = { messageId: r.messageId, ...keptParams(params) };
    out.list.push(d);
  };
}

/** A listener that turns a rule's crash into a diagnostic naming the rule, so one bug cannot stop the lint. */
function guarded(ruleId: string, fn: Listener, out: Findings): Listener {
  return (node: LintNode) => {
    try {
      fn(node);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      if (out.room("error", node.line, node.column)) out.list.push(diagnose(lintCodes["qxml/lint-rule-failed"], { rule: ruleId, element: node.name, reason }, { line: node.line, column: node.column, path: node.path }));
    }
  };
}

export function createFileLinter(file: string, rules: readonly Rule[], settings: RuleSettings = {}): FileLinter {
  const out = new Findings();
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
    diagnostics: () => out.sorted(),
  };
}
