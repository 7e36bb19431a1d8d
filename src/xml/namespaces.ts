/**
 * Namespaces in XML 1.0 (3rd edition): xmlns declarations bind prefixes for an element and its
 * descendants; element and attribute names resolve to (URI, local name). The bindings are a
 * linked list, one node per declaration, so an element without declarations costs nothing; a
 * map from each prefix to its innermost declaration makes a lookup one read however far up the
 * declaration is (walking the list cost up to the depth per prefixed name: 2.3 s for a 3 MB
 * document of attributes naming prefixes declared thousands of levels up).
 */
import type { Position, StartTag, XmlAttribute } from "./events.js";
import type { Parser } from "./parser.js";
import { scanName } from "./chars.js";

export const XML_NS = "http://www.w3.org/XML/1998/namespace";
export const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

export interface NsScope {
  prefix: string;
  /** "" undeclares the default namespace. */
  uri: string;
  parent: NsScope | null;
  /** The declaration of the same prefix this one hides, restored when its element ends. */
  shadowed: NsScope | undefined;
}

/** The innermost declaration of each prefix in scope. */
export type NsBindings = Map<string, NsScope>;

function declare(bindings: NsBindings, prefix: string, uri: string, parent: NsScope | null): NsScope {
  const node: NsScope = { prefix, uri, parent, shadowed: bindings.get(prefix) };
  bindings.set(prefix, node);
  return node;
}

/** Undoes an element's declarations when it ends: the nodes from its scope `inner` up to `outer`. */
export function undeclare(bindings: NsBindings, inner: NsScope | null, outer: NsScope | null): void {
  for (let s = inner; s !== null && s !== outer; s = s.parent) {
    if (s.shadowed === undefined) bindings.delete(s.prefix);
    else bindings.set(s.prefix, s.shadowed);
  }
}

function lookup(bindings: NsBindings, prefix: string): string | undefined {
  if (prefix === "xml") return XML_NS;
  return bindings.get(prefix)?.uri;
}

/** Index of the prefix colon, -1 without prefix; fails on a name that is not a QName. */
function colonOf(p: Parser, name: string, at: Position): number {
  const c = name.indexOf(":");
  if (c === -1) return -1;
  // LocalPart is an NCName: it must start with a NameStartChar (p:7a, p:-a and p:.a are not QNames).
  const localStarts = scanName(name, c + 1, name.length) > c + 1;
  if (c === 0 || !localStarts || name.indexOf(":", c + 1) !== -1) p.failAt("xml/qname", { name }, at);
  return c;
}

/** Declares, then resolves, the namespaces of a start tag; returns the element's scope. */
export function resolveNamespaces(p: Parser, tag: StartTag): NsScope | null {
  let scope = p.scope;
  const attrs = tag.attributes;
  // Common case, no namespaces in sight: nothing in scope and no ':' or xmlns in any name. The
  // tag keeps uri null and local = name, as the full path below would leave it.
  if (scope === null && tag.name.indexOf(":") === -1 && !anyNamespaceSyntax(attrs)) return null;
  for (const a of attrs) {
    const n = a.name;
    if (n === "xmlns") {
      if (a.value === XML_NS || a.value === XMLNS_NS) {
        p.failAt("xml/namespace-declaration", { problem: `the namespace ${a.value} may not be the default namespace` }, a);
      }
      scope = declare(p.nsBindings, "", a.value, scope);
      a.uri = XMLNS_NS;
      a.local = "xmlns";
    } else if (n.startsWith("xmlns:")) {
      const prefix = n.slice(6);
      colonOf(p, n, a);
      if (prefix === "xmlns") p.failAt("xml/namespace-declaration", { problem: "the prefix xmlns may not be declared" }, a);
      if (prefix === "xml" && a.value !== XML_NS) p.failAt("xml/namespace-declaration", { problem: `the prefix xml may only be bound to ${XML_NS}` }, a);
      if (prefix !== "xml" && a.value === XML_NS) p.failAt("xml/namespace-declaration", { problem: `${XML_NS} may only be bound to the prefix xml` }, a);
      if (a.value === XMLNS_NS) p.failAt("xml/namespace-declaration", { problem: `${XMLNS_NS} may not be bound to a prefix` }, a);
      if (a.value === "") p.failAt("xml/namespace-declaration", { problem: `xmlns:${prefix}="" is not allowed: Namespaces in XML 1.0 cannot undeclare a prefix` }, a);
      scope = declare(p.nsBindings, prefix, a.value, scope);
      a.uri = XMLNS_NS;
      a.local = prefix;
    }
  }
  const ec = colonOf(p, tag.name, tag);
  if (ec === -1) {
    const d = lookup(p.nsBindings, "");
    tag.uri = d === undefined || d === "" ? null : d;
    tag.local = tag.name;
  } else {
    const prefix = tag.name.slice(0, ec);
    const uri = lookup(p.nsBindings, prefix);
    if (uri === undefined || uri === "") p.failAt("xml/unbound-prefix", { prefix, name: `element <${tag.name}>` }, tag);
    tag.uri = uri;
    tag.local = tag.name.slice(ec + 1);
  }
  let prefixed = 0;
  for (const a of attrs) {
    if (a.uri === XMLNS_NS) continue;
    const c = colonOf(p, a.name, a);
    if (c === -1) continue;
    const prefix = a.name.slice(0, c);
    const uri = lookup(p.nsBindings, prefix);
    if (uri === undefined || uri === "") p.failAt("xml/unbound-prefix", { prefix, name: `attribute ${a.name}` }, a);
    a.uri = uri;
    a.local = a.name.slice(c + 1);
    prefixed++;
  }
  if (prefixed > 8) checkExpandedNames(p, tag);
  else if (prefixed > 1) {
    for (let x = 0; x < attrs.length; x++) {
      const a = attrs[x];
      if (a.uri === null || a.uri === XMLNS_NS) continue;
      for (let y = x + 1; y < attrs.length; y++) {
        const b = attrs[y];
        if (b.uri === a.uri && b.local === a.local) {
          p.failAt("xml/duplicate-expanded-attribute", { first: a.name, second: b.name, element: tag.name }, b);
        }
      }
    }
  }
  return scope;
}

/** No two attributes with the same expanded name, through a set (a pairwise scan is quadratic: 9,990 prefixed attributes took 0.3 s per tag). */
function checkExpandedNames(p: Parser, tag: StartTag): void {
  const seen = new Map<string, XmlAttribute>();
  for (const a of tag.attributes) {
    if (a.uri === null || a.uri === XMLNS_NS) continue;
    const key = `${a.local}\u0000${a.uri}`;
    const first = seen.get(key);
    if (first !== undefined) p.failAt("xml/duplicate-expanded-attribute", { first: first.name, second: a.name, element: tag.name }, a);
    seen.set(key, a);
  }
}

/** Whether an attribute name holds a ':' or is xmlns (a declaration or a prefixed name). */
function anyNamespaceSyntax(attrs: XmlAttribute[]): boolean {
  for (let i = 0; i < attrs.length; i++) {
    const n = attrs[i].name;
    if (n === "xmlns" || n.indexOf(":") !== -1) return true;
  }
  return false;
}
