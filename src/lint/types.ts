/**
 * The shapes a lint rule is written against, in the manner of ESLint: `meta` (id, default
 * severity, docs, messages by id) and `create(context)` returning listeners keyed by element name.
 *
 * Listener keys:
 *   "NAME"        the element's small subtree (LintNode, with positions) when it closes;
 *   "NAME:enter"  a shallow node (no children) at the start tag; nothing is collected;
 *   "NAME:exit"   a shallow node at the end tag, with the counts of its child elements.
 * Only plain keys make the collector keep a subtree, so a rule on a big element (SECTIONS,
 * POLICY) uses :enter/:exit and stays streaming.
 */
import type { Severity } from "../diagnostics/diagnostic.js";
import type { Params } from "../diagnostics/codes.js";

export interface LintAttribute {
  value: string;
  line: number;
  column: number;
}

export interface LintNode {
  name: string;
  attributes: ReadonlyMap<string, LintAttribute>;
  /** Child elements in document order (empty for shallow nodes). */
  children: LintNode[];
  /** The element's own character data, pieces joined (empty for shallow nodes). */
  text: string;
  /** Position of the `<` of the start tag. */
  line: number;
  column: number;
  /** Element path with 1-based positions among same-named siblings ("[1]" left out). */
  path: string;
  /** Name of the parent element; null for the root. */
  parent: string | null;
  /** Number of child elements by name (complete only on :exit and on subtree nodes). */
  childCounts: ReadonlyMap<string, number>;
}

export interface RuleMeta {
  /** Stable id: the JSON `code` and the SARIF `ruleId`, e.g. "qualys/udc-id". */
  id: string;
  severity: Severity;
  /** One line, used as the SARIF shortDescription and in docs/rules/README.md. */
  description: string;
  /** Repository-relative path of the rule page, docs/rules/<name>.md. */
  docs: string;
  /** Message templates by message id; `{name}` placeholders are filled from params. */
  messages: Record<string, string>;
  /** How to fix it, one sentence (same placeholders). */
  hint: string;
  /**
   * Schema diagnostic codes this rule restates with a better message (e.g. the import XSD's
   * enumeration check on the same element): when the rule reports an element, a schema
   * diagnostic with one of these codes on the same element path is dropped, so one mistake
   * gives one finding.
   */
  restates?: readonly string[];
}

export interface ReportDescriptor {
  messageId: string;
  params?: Params;
  /** Where: the node's start tag, or an explicit position on it (an attribute). */
  node: LintNode;
  at?: { line: number; column: number };
}

export interface RuleContext {
  file: string;
  report(descriptor: ReportDescriptor): void;
}

export type Listener = (node: LintNode) => void;

export interface Rule {
  meta: RuleMeta;
  create(context: RuleContext): Record<string, Listener>;
}

/** Helpers rules share for reading small subtrees. */
export function child(node: LintNode, name: string): LintNode | undefined {
  return node.children.find((c) => c.name === name);
}

export function childrenNamed(node: LintNode, name: string): LintNode[] {
  return node.children.filter((c) => c.name === name);
}

/** Text of a child element, trimmed; undefined when the child is absent. */
export function childText(node: LintNode, name: string): string | undefined {
  const c = child(node, name);
  return c === undefined ? undefined : c.text.trim();
}

/** All descendants named `name`, in document order (iterative: subtrees may be deep). */
export function descendants(node: LintNode, name: string): LintNode[] {
  const out: LintNode[] = [];
  const stack = [...node.children].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.name === name) out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return out;
}
