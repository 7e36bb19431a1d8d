/**
 * A small element tree, for reading schema documents (XSD files), which are small and need
 * random access. Documents to validate never become trees: they stream.
 *
 * INTERIM: built on saxes until the qxml reader (src/xml/reader.ts) lands; the interface stays.
 */
import { SaxesParser } from "saxes";

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
  const parser = new SaxesParser({ xmlns: true, position: true, fileName: file });
  let root: XmlElement | null = null;
  let current: XmlElement | null = null;
  let error: XmlTreeError | null = null;
  // saxes reports the position after the token; remember where the previous token ended.
  let tokenLine = 1;
  let tokenColumn = 1;
  const mark = () => {
    tokenLine = parser.line;
    tokenColumn = parser.column + 1;
  };
  parser.on("error", (e) => {
    if (error === null) error = new XmlTreeError(e.message.replace(/^[^:]*:\d+:\d+: /, ""), file, parser.line, parser.column);
  });
  parser.on("opentag", (tag) => {
    const attributes = new Map<string, XmlTreeAttribute>();
    const namespaces = new Map<string, string>(current?.namespaces ?? []);
    for (const [prefix, uri] of Object.entries(tag.ns ?? {})) namespaces.set(prefix, uri);
    for (const a of Object.values(tag.attributes)) {
      const attr = a as { name: string; uri: string; local: string; value: string; prefix: string };
      if (attr.name === "xmlns" || attr.prefix === "xmlns") continue;
      attributes.set(attr.name, {
        name: attr.name,
        uri: attr.uri === "" ? null : attr.uri,
        local: attr.local,
        value: attr.value,
        line: tokenLine,
        column: tokenColumn,
      });
    }
    const el: XmlElement = {
      name: tag.name,
      uri: tag.uri === "" ? null : (tag.uri ?? null),
      local: tag.local ?? tag.name,
      attributes,
      namespaces,
      children: [],
      parent: current,
      line: tokenLine,
      column: tokenColumn,
    };
    if (current === null) root = el;
    else current.children.push(el);
    current = el;
    mark();
  });
  parser.on("closetag", () => {
    current = current?.parent ?? null;
    mark();
  });
  parser.on("text", (t) => {
    current?.children.push({ kind: "text", text: t, line: tokenLine, column: tokenColumn });
    mark();
  });
  parser.on("cdata", (t) => {
    current?.children.push({ kind: "text", text: t, line: tokenLine, column: tokenColumn });
    mark();
  });
  parser.on("comment", (t) => {
    current?.children.push({ kind: "comment", text: t, line: tokenLine, column: tokenColumn });
    mark();
  });
  parser.on("processinginstruction", mark);
  parser.on("doctype", mark);
  parser.on("xmldecl", mark);
  parser.write(text).close();
  if (error !== null) throw error;
  if (root === null) throw new XmlTreeError("no root element", file, 1, 1);
  return root;
}
