/**
 * Writes an element tree (src/xml/tree.ts) back to XML text, and splits a document into its
 * prolog (XML declaration, comments, PIs, DOCTYPE with internal subset: kept verbatim) and the rest.
 * Iterative: documents of any depth serialise without recursion.
 */
import { isElement, type XmlElement, type XmlNode } from "../../src/xml/tree.js";

export function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttribute(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
}

/** Namespace declarations this element adds to its parent's scope. */
function declarations(el: XmlElement): string {
  const parent = el.parent?.namespaces ?? new Map<string, string>();
  let out = "";
  for (const [prefix, uri] of el.namespaces) {
    if (prefix === "xml" || prefix === "xmlns" || parent.get(prefix) === uri) continue;
    out += prefix === "" ? ` xmlns="${escapeAttribute(uri)}"` : ` xmlns:${prefix}="${escapeAttribute(uri)}"`;
  }
  return out;
}

function startTag(el: XmlElement, selfClose: boolean): string {
  let s = `<${el.name}${declarations(el)}`;
  for (const a of el.attributes.values()) s += ` ${a.name}="${escapeAttribute(a.value)}"`;
  return s + (selfClose ? "/>" : ">");
}

export function serializeElement(root: XmlElement): string {
  const parts: string[] = [];
  // Work items: a node to open, or an element whose end tag is due.
  const stack: (XmlNode | { close: string })[] = [root];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ("close" in item) {
      parts.push(`</${item.close}>`);
    } else if (isElement(item)) {
      const empty = item.children.length === 0;
      parts.push(startTag(item, empty));
      if (!empty) {
        stack.push({ close: item.name });
        for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i]);
      }
    } else if (item.kind === "text") {
      parts.push(escapeText(item.text));
    } else {
      parts.push(`<!--${item.text}-->`);
    }
  }
  return parts.join("");
}

/** Offset of the end of the construct starting at `i` that ends with `close`, or -1. */
function endOf(text: string, i: number, close: string): number {
  const j = text.indexOf(close, i);
  return j < 0 ? -1 : j + close.length;
}

/** End of a DOCTYPE declaration: the `>` outside quotes and outside the internal subset. */
function endOfDoctype(text: string, i: number): number {
  let quote = "";
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (quote !== "") {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "[") depth++;
    else if (c === "]") depth--;
    else if (c === ">" && depth === 0) return j + 1;
  }
  return -1;
}

/** The prolog as written and the offset where the root element starts. */
export function splitProlog(text: string): { prolog: string; rootOffset: number } {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s|\uFEFF/.test(text[i])) i++;
    let end = -1;
    if (text.startsWith("<?", i)) end = endOf(text, i, "?>");
    else if (text.startsWith("<!--", i)) end = endOf(text, i, "-->");
    else if (text.startsWith("<!DOCTYPE", i)) end = endOfDoctype(text, i);
    if (end < 0) return { prolog: text.slice(0, i), rootOffset: i };
    i = end;
  }
}

/** Clones a tree (iteratively), parents re-linked; attributes and namespace maps copied. */
export function cloneTree(root: XmlElement): XmlElement {
  const copyOf = (el: XmlElement, parent: XmlElement | null): XmlElement => ({
    ...el,
    attributes: new Map([...el.attributes].map(([k, a]) => [k, { ...a }])),
    namespaces: new Map(el.namespaces),
    children: [],
    parent,
  });
  const top = copyOf(root, null);
  const work: [XmlElement, XmlElement][] = [[root, top]];
  while (work.length > 0) {
    const [from, to] = work.pop()!;
    for (const child of from.children) {
      if (isElement(child)) {
        const c = copyOf(child, to);
        to.children.push(c);
        work.push([child, c]);
      } else {
        to.children.push({ ...child });
      }
    }
  }
  return top;
}
