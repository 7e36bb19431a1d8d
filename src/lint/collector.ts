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
  childCounts: Map<string, number>;
}

const NO_ATTRIBUTES: ReadonlyMap<string, LintAttribute> = new Map();

export class LintCollector implements XmlHandler {
  private readonly stack: Frame[] = [];
  constructor(private readonly table: ListenerTable) {}

  startElement(tag: StartTag): void {
    const parent = this.stack.length > 0 ? this.stack[this.stack.length - 1] : undefined;
    const n = (parent?.childCounts.get(tag.name) ?? 0) + 1;
    parent?.childCounts.set(tag.name, n);
    const path = `${parent?.node.path ?? ""}/${tag.name}${n > 1 ? `[${n}]` : ""}`;
    const collecting = parent?.collecting === true || this.table.subtree.has(tag.name);
    const needsAttributes = collecting || this.table.enter.has(tag.name) || this.table.exit.has(tag.name);
    const childCounts = new Map<string, number>();
    const node: LintNode = {
      name: tag.name,
      attributes: needsAttributes ? attributeMap(tag) : NO_ATTRIBUTES,
      children: [],
      text: "",
      line: tag.line,
      column: tag.column,
      path,
      parent: parent?.node.name ?? null,
      childCounts,
    };
    if (collecting && parent?.collecting === true) parent.node.children.push(node);
    this.stack.push({ node, collecting, childCounts });
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

function attributeMap(tag: StartTag): Map<string, LintAttribute> {
  const m = new Map<string, LintAttribute>();
  for (const a of tag.attributes) {
    if (a.name === "xmlns" || a.name.startsWith("xmlns:")) continue;
    m.set(a.name, { value: a.value, line: a.line, column: a.column });
  }
  return m;
}
