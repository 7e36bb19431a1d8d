/**
 * Test-only: turns a small, well-formed XML string (no DOCTYPE, no entities) into XmlHandler
 * calls with exact positions, so engine tests do not depend on the reader. Namespaces are
 * resolved from xmlns attributes.
 */
import type { StartTag, XmlAttribute, XmlHandler } from "../../src/xml/events.js";

const TOKEN = /<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|([^<]+)/g;
const ATTR = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const XMLNS = "http://www.w3.org/2000/xmlns/";

export function feed(xml: string, h: XmlHandler): void {
  let line = 1;
  let col = 1;
  const advance = (s: string): void => {
    for (const ch of s) {
      if (ch === "\n") {
        line++;
        col = 1;
      } else col++;
    }
  };
  const scopes: Map<string, string | null>[] = [new Map([["xml", "http://www.w3.org/XML/1998/namespace"]])];
  const resolve = (prefix: string, depth: number): string | null => {
    for (let i = depth; i >= 0; i--) if (scopes[i].has(prefix)) return scopes[i].get(prefix)!;
    return null;
  };
  let depth = 0;
  for (const m of xml.matchAll(TOKEN)) {
    const startLine = line;
    const startCol = col;
    if (m[1] !== undefined) {
      h.endElement(m[1], { line: startLine, column: startCol });
      scopes.pop();
      depth--;
    } else if (m[2] !== undefined) {
      const attrs: XmlAttribute[] = [];
      const scope = new Map<string, string | null>();
      const raw = m[3] ?? "";
      const attrStart = m.index! + 1 + m[2].length;
      for (const a of raw.matchAll(ATTR)) {
        const before = xml.slice(m.index!, attrStart + a.index!);
        let l = startLine;
        let c = startCol;
        for (const ch of before) {
          if (ch === "\n") {
            l++;
            c = 1;
          } else c++;
        }
        const name = a[1];
        const value = a[2] ?? a[3];
        if (name === "xmlns") scope.set("", value === "" ? null : value);
        else if (name.startsWith("xmlns:")) scope.set(name.slice(6), value);
        attrs.push({ name, value, uri: null, local: name, line: l, column: c, specified: true });
      }
      scopes.push(scope);
      depth++;
      for (const a of attrs) {
        const i = a.name.indexOf(":");
        if (a.name === "xmlns" || a.name.startsWith("xmlns:")) {
          a.uri = XMLNS;
          a.local = i < 0 ? "xmlns" : a.name.slice(i + 1);
        } else if (i >= 0) {
          a.uri = resolve(a.name.slice(0, i), depth);
          a.local = a.name.slice(i + 1);
        }
      }
      const i = m[2].indexOf(":");
      const tag: StartTag = {
        name: m[2],
        uri: resolve(i < 0 ? "" : m[2].slice(0, i), depth),
        local: i < 0 ? m[2] : m[2].slice(i + 1),
        attributes: attrs,
        line: startLine,
        column: startCol,
        selfClosing: m[4] === "/",
        depth,
      };
      h.startElement(tag);
      if (m[4] === "/") {
        advance(m[0]);
        h.endElement(m[2], { line, column: col });
        scopes.pop();
        depth--;
        continue;
      }
    } else if (m[5] !== undefined) {
      h.text(m[5], { line: startLine, column: startCol }, true);
    } else if (m[6] !== undefined && depth > 0) {
      h.text(m[6], { line: startLine, column: startCol }, false);
    }
    advance(m[0]);
  }
  h.end?.();
}
