/**
 * A small element tree, for reading schema documents (XSD files), which are small and need
 * random access. Documents to validate never become trees: they stream.
 *
 * Built on the qxml streaming reader (src/xml/reader.ts).
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { StartTag } from "./events.js";
import { readString } from "./reader.js";

export interface XmlElement {
  /** Qualified name as written. */
  name: string;
  uri: string | null;
  local: string;
  /** Attributes by qualified name (xmlns declarations excluded). */
  attributes: Map<string, XmlTreeAttribute>;
  /** In-scope namespace bindings (prefix "" = default namespace), for resolving QName values. */
  namespaces: Map<string, string>;
  children: XmlNode[];
  parent: XmlElement | null;
  line: number;
  column: number;
}

export interface XmlTreeAttribute {
  name: string;
  uri: string | null;
  local: string;
  value: string;
  line: number;
  column: number;
}

export type XmlNode =
  | XmlElement
  | { kind: "text"; text: string; line: number; column: number }
  | { kind: "comment"; text: string; line: number; column: number };

export function isElement(n: XmlNode): n is XmlElement {
  return (n as XmlElement).local !== undefined;
}

export class XmlTreeError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${file}:${line}:${column}: ${message}`);
  }
}

/** Parses a whole document into a tree; throws XmlTreeError on a well-formedness error. */
export function parseTree(text: string, file: string): XmlElement {
  let root: XmlElement | null = null;
  let current: XmlElement | null = null;
  let error: Diagnostic | null = null;
  const push = (node: XmlNode) => current?.children.push(node);
  readString(
    text,
    {
      startElement(tag: StartTag) {
        const attributes = new Map<string, XmlTreeAttribute>();
        const namespaces = new Map<string, string>(current?.namespaces ?? []);
        for (const a of tag.attributes) {
          if (a.name === "xmlns") namespaces.set("", a.value);
          else if (a.name.startsWith("xmlns:")) namespaces.set(a.local, a.value);
          else attributes.set(a.name, { name: a.name, uri: a.uri, local: a.local, value: a.value, line: a.line, column: a.column });
        }
        const el: XmlElement = {
          name: tag.name,
          uri: tag.uri,
          local: tag.local,
          attributes,
          namespaces,
          children: [],
          parent: current,
          line: tag.line,
          column: tag.column,
        };
        if (current === null) root = el;
        else current.children.push(el);
        current = el;
      },
      endElement() {
        current = current?.parent ?? null;
      },
      text(t, pos) {
        // Adjacent pieces (chunks, references, CDATA) become one text node at the first position.
        const last = current?.children[current.children.length - 1];
        if (last !== undefined && !isElement(last) && last.kind === "text") last.text += t;
        else push({ kind: "text", text: t, line: pos.line, column: pos.column });
      },
      comment(t, pos) {
        push({ kind: "comment", text: t, line: pos.line, column: pos.column });
      },
      diagnostic(d) {
        if (d.severity === "error" && error === null) error = d;
      },
    },
    { file },
  );
  const e = error as Diagnostic | null;
  if (e !== null) throw new XmlTreeError(e.message, file, e.line, e.column);
  if (root === null) throw new XmlTreeError("no root element", file, 1, 1);
  return root;
}
