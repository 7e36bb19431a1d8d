/** Start tags: element name, attributes (§3.1), DTD defaults, namespaces, and the open-element stack. */
import type { StartTag, XmlAttribute } from "./events.js";
import { isSpace, scanName } from "./chars.js";
import { expandAttribute } from "./entities.js";
import { applyDeclaredAttributes } from "./attributes.js";
import { resolveNamespaces, undeclare } from "./namespaces.js";
import { State, type Parser } from "./parser.js";

/** A start tag at i. When the buffer ends inside it, p.eof() makes the caller retry with more input. */
export function parseStartTag(p: Parser, i: number): number {
  // A tag cut off by the end of the buffer ends in p.eof(), which makes run() retry it (with the
  // positions and entity budget it used undone) once more input has arrived.
  const buf = p.buf;
  const len = buf.length;
  const nameEnd = scanName(buf, i + 1, len);
  if (nameEnd === i + 1) return p.expected("an element name", "after '<'", i + 1, "A literal '<' in text is written &lt; (or put the text in a CDATA section).");
  const name = p.intern(i + 1, nameEnd);
  p.mark(i);
  const line = p.markLine;
  const column = p.markColumn;
  if (p.depth >= p.o.limits.maxDepth) p.fail("xml/too-deep", { limit: p.o.limits.maxDepth }, i);
  const attrs: XmlAttribute[] = [];
  let seen: Set<string> | null = null;
  let selfClosing = false;
  let k = nameEnd;
  for (;;) {
    const spaceStart = k;
    while (k < len && isSpace(buf.charCodeAt(k))) k++;
    if (k >= len) return p.eof(`the start tag <${name}>`, k);
    const c = buf.charCodeAt(k);
    if (c === 62) {
      k++;
      break;
    }
    if (c === 47) {
      if (k + 1 >= len || buf.charCodeAt(k + 1) !== 62) return p.expected("'>'", `after '/' in the start tag <${name}>`, k + 1);
      selfClosing = true;
      k += 2;
      break;
    }
    if (k === spaceStart) return p.expected("a space, '>' or '/>'", `in the start tag <${name}>`, k);
    const an = scanName(buf, k, len);
    if (an === k) return p.expected("an attribute name", `in the start tag <${name}>`, k);
    const aname = p.intern(k, an);
    p.mark(k);
    const aline = p.markLine;
    const acolumn = p.markColumn;
    k = an;
    while (k < len && isSpace(buf.charCodeAt(k))) k++;
    // Each read is checked against the end first: one past it would deoptimise this function.
    if (k >= len || buf.charCodeAt(k) !== 61) return p.expected("'='", `after the attribute name ${aname}`, k);
    k++;
    while (k < len && isSpace(buf.charCodeAt(k))) k++;
    const q = k < len ? buf.charCodeAt(k) : 0;
    if (q !== 34 && q !== 39) return p.expected("a quoted value", `for the attribute ${aname}`, k);
    const vs = k + 1;
    let v = vs;
    let special = false;
    for (; v < len; v++) {
      const d = buf.charCodeAt(v);
      if (d === q) break;
      if (d === 60) p.fail("xml/lt-in-attribute", { name: aname }, v);
      if (d === 38 || d === 9 || d === 10) special = true;
    }
    if (v >= len) return p.eof(`the value of attribute ${aname}`, v);
    const value = special ? expandAttribute(p, vs, v, aname) : buf.slice(vs, v);
    // Duplicates: a linear scan for few attributes, a set beyond.
    if (attrs.length < 8) {
      for (const a of attrs) {
        if (a.name === aname) p.failAt("xml/duplicate-attribute", { name: aname, element: name, firstLine: a.line, firstColumn: a.column }, { line: aline, column: acolumn });
      }
    } else {
      if (seen === null) seen = new Set(attrs.map((a) => a.name));
      if (seen.has(aname)) {
        const first = attrs.find((a) => a.name === aname)!;
        p.failAt("xml/duplicate-attribute", { name: aname, element: name, firstLine: first.line, firstColumn: first.column }, { line: aline, column: acolumn });
      }
      seen.add(aname);
    }
    if (attrs.length >= p.o.limits.maxAttributes) p.fail("xml/limit", { what: `the number of attributes on <${name}>`, limit: p.o.limits.maxAttributes }, k);
    attrs.push({ name: aname, value, uri: null, local: aname, line: aline, column: acolumn, specified: true });
    k = v + 1;
  }
  if (p.dtd !== null && p.attlists !== null) applyDeclaredAttributes(p, name, attrs, line, column);
  const tag: StartTag = {
    name,
    uri: null,
    local: name,
    attributes: attrs,
    line,
    column,
    selfClosing,
    depth: p.depth + 1,
  };
  const outer = p.scope;
  if (p.o.namespaces) p.scope = resolveNamespaces(p, tag);
  if (p.depth === 0) p.rootName = name;
  p.h.startElement(tag);
  if (selfClosing) {
    if (p.scope !== outer) undeclare(p.nsBindings, p.scope, outer);
    p.scope = outer;
    p.h.endElement(name, { line, column });
    if (p.depth === 0) p.state = State.Epilog;
  } else {
    p.open(name, line, column, outer);
  }
  return k;
}
