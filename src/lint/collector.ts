/**
 * The one traversal all rules ride: an XmlHandler that keeps element paths and child counts on a
 * stack, builds small subtrees only for the element names some listener asked for (and their
 * descendants), and hands each to its listeners when it closes. Memory is bounded by document
 * depth plus the largest listened-to subtree, never by document size.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Position, StartTag, XmlHandler } from "../xml/events.js";
import type { LintAttribute, LintNode, Listener } from "./types.js";

export interface ListenerTable {
  subtree: Map<string, Listener[]>;
  enter: Map<string, Listener[]>;
  exit: Map<string, Listener[]>;
}

export function emptyListenerTable(): ListenerTable {
  return { subtree: new Map(), enter: new Map(), exit: new Map() };
}

/** Adds one rule's listeners ("NAME", "NAME:enter", "NAME:exit") to the table. */
export function addListeners(table: ListenerTable, listeners: Record<string, Listener>): void {
  for (const [key, fn] of Object.entries(listeners)) {
    const [name, phase] = key.split(":") as [string, string | undefined];
    const map = phase === undefined ? table.subtree : phase === "enter" ? table.enter : phase === "exit" ? table.exit : undefined;
    if (map === undefined) throw new Error(`lint listener key "${key}": the phase must be :enter or :exit`);
    const list = map.get(name) ?? [];
    list.push(fn);
    map.set(name, list);
  }
}

interface Frame {
  node: LintNode;
  /** true when the node keeps its children and text (it or an ancestor is listened to). */
  collecting: boolean;
  /** Made when the first child arrives (NO_CHILD_COUNTS until then): most elements have none. */
  childCounts: Map<string, number> | null;
}

// Shared by the nodes that have none: a Map and an array per element were most of what a lint
// run allocated (134 of 880 MB over 2,000 policy exports, for Maps alone).
const NO_ATTRIBUTES: ReadonlyMap<string, LintAttribute> = new Map();
const NO_CHILD_COUNTS: ReadonlyMap<string, number> = new Map();
const NO_CHILDREN: readonly LintNode[] = Object.freeze([]);

export class LintCollector implements XmlHandler {
  private readonly stack: Frame[] = [];
  constructor(private readonly table: ListenerTable) {}

  startElement(tag: StartTag): void {
    const parent = this.stack.length > 0 ? this.stack[this.stack.length - 1] : undefined;
    const n = parent === undefined ? 1 : countChild(parent, tag.name);
    const path = `${parent?.node.path ?? ""}/${tag.name}${n > 1 ? `[${n}]` : ""}`;
    const collecting = parent?.collecting === true || this.table.subtree.has(tag.name);
    const needsAttributes = collecting || this.table.enter.has(tag.name) || this.table.exit.has(tag.name);
    const node: LintNode = {
      name: tag.name,
      attributes: needsAttributes ? attributeMap(tag) : NO_ATTRIBUTES,
      children: collecting ? [] : (NO_CHILDREN as LintNode[]),
      text: "",
      line: tag.line,
      column: tag.column,
      path,
      parent: parent?.node.name ?? null,
      childCounts: NO_CHILD_COUNTS,
    };
    if (collecting && parent?.collecting === true) parent.node.children.push(node);
    this.stack.push({ node, collecting, childCounts: null });
    this.dispatch(this.table.enter.get(tag.name), node);
  }

  endElement(_name: string, _pos: Position): void {
    const frame = this.stack.pop();
    if (frame === undefined) return;
    this.dispatch(this.table.subtree.get(frame.node.name), frame.node);
    this.dispatch(this.table.exit.get(frame.node.name), frame.node);
  }

  text(text: string, _pos: Position, _cdata: boolean): void {
    const top = this.stack[this.stack.length - 1];
    if (top?.collecting) top.node.text += text;
  }

  diagnostic(_d: Diagnostic): void {
    // Reader errors belong to the validator's report; after a fatal one no more events arrive.
  }

  private dispatch(listeners: Listener[] | undefined, node: LintNode): void {
    if (listeners === undefined) return;
    for (const fn of listeners) fn(node);
  }
}

/** Counts one more child named `name` of the frame's element; returns its position among same-named siblings. */
function countChild(f: Frame, name: string): number {
  if (f.childCounts === null) f.node.childCounts = f.childCounts = new Map();
  const n = (f.childCounts.get(name) ?? 0) + 1;
  f.childCounts.set(name, n);
  return n;
}

function attributeMap(tag: StartTag): ReadonlyMap<string, LintAttribute> {
  if (tag.attributes.length === 0) return NO_ATTRIBUTES;
  const m = new Map<string, LintAttribute>();
  for (const a of tag.attributes) {
    if (a.name === "xmlns" || a.name.startsWith("xmlns:")) continue;
    m.set(a.name, { value: a.value, line: a.line, column: a.column });
  }
  return m;
}
