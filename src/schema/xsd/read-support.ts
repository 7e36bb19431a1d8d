/**
 * Helpers the syntax reader uses on one XSD element: location, typed attribute values, QName
 * resolution through in-scope namespaces, the allowed-attribute/children checks, and the
 * documentation and provenance a declaration carries.
 */
import { XML_NS, XSD_NS, type DerivationMethod, type MaxOccurs, type Provenance, type SourceLocation } from "../model.js";
import { didYouMean } from "../../diagnostics/suggest.js";
import { oneOf } from "../../diagnostics/wording.js";
import { isElement, type XmlElement } from "../../xml/tree.js";
import { ALLOWED_ATTRIBUTES, ALLOWED_CHILDREN } from "./grammar.js";

/** Every XSD 1.0 element name the grammar knows (its keys are "local" or "local@scope"). */
const XSD_ELEMENTS: ReadonlySet<string> = new Set([...Object.keys(ALLOWED_ATTRIBUTES), ...Object.keys(ALLOWED_CHILDREN)].map((k) => k.split("@")[0]));
import type { Reporter } from "./report.js";
import type { QName, XValueSite } from "./syntax.js";
import "./import-codes.js";

export interface ReadContext {
  file: string;
  /** Effective target namespace of the document being read. */
  targetNamespace: string | null;
  /** Chameleon include: unqualified QName references take the includer's namespace. */
  chameleon: boolean;
  elementFormQualified: boolean;
  attributeFormQualified: boolean;
  /** The schema's blockDefault / finalDefault (absent: none). */
  blockDefault?: DerivationMethod[];
  finalDefault?: DerivationMethod[];
  reporter: Reporter;
  /** Provenance of elements preceded by a qxml:inferred comment, noted while walking children. */
  provenance: Map<XmlElement, Provenance>;
  /** The namespaces this document's xs:import elements name (null: an import without namespace), for src-resolve.4.2. */
  imported: ReadonlySet<string | null>;
}

export function locOf(ctx: ReadContext, el: { line: number; column: number }): SourceLocation {
  return { file: ctx.file, line: el.line, column: el.column };
}

export function attr(el: XmlElement, name: string): string | undefined {
  return el.attributes.get(name)?.value;
}

/** Reports attributes in no namespace that the schema for schemas does not allow here. */
export function checkAttributes(ctx: ReadContext, el: XmlElement, grammarKey: string): void {
  const allowed = ALLOWED_ATTRIBUTES[grammarKey] ?? ALLOWED_ATTRIBUTES[el.local] ?? [];
  for (const a of el.attributes.values()) {
    if (a.uri !== null) continue; // foreign attributes are permitted annotations
    if (!allowed.includes(a.name)) {
      const d = ctx.reporter.report("xsd/unknown-attribute", { name: a.name, element: el.local, allowed: [...allowed] }, locOf(ctx, a));
      const near = didYouMean(a.name, allowed);
      if (near !== undefined) {
        d.message += `; did you mean ${near}?`;
        d.hint = `rename it ${near}; ${d.hint}`;
      }
    }
  }
}

/** The XSD-namespace children of `el`, reporting any that do not belong there. */
export function xsdChildren(ctx: ReadContext, el: XmlElement, grammarKey: string): XmlElement[] {
  const allowed = ALLOWED_CHILDREN[grammarKey] ?? ALLOWED_CHILDREN[el.local] ?? [];
  const out: XmlElement[] = [];
  let comment: string | undefined; // the comment since the previous element, if only whitespace follows it
  for (const c of el.children) {
    if (!isElement(c) && c.kind === "comment") comment = c.text.trim();
    else if (!isElement(c) && c.text.trim() !== "") comment = undefined;
    if (isElement(c)) {
      if (comment !== undefined && comment.startsWith(INFERRED)) ctx.provenance.set(c, { inferred: true, note: comment });
      comment = undefined;
      if (c.uri !== XSD_NS || !allowed.includes(c.local)) {
        const d = ctx.reporter.report("xsd/unexpected-child", { found: c.name, parent: el.local, expected: allowed.map((n) => "xs:" + n) }, locOf(ctx, c));
        // A name XSD does not have at all is likely a misspelling of one allowed here (a real XSD element is misplaced instead).
        const near = c.uri === XSD_NS && !XSD_ELEMENTS.has(c.local) ? didYouMean(c.local, allowed) : undefined;
        if (near !== undefined) {
          d.message += `; did you mean xs:${near}?`;
          d.hint = `rename it xs:${near} (keeping your prefix); ${d.hint}`;
        }
        continue;
      }
      out.push(c);
    } else if (c.kind === "text" && c.text.trim() !== "") {
      const d = ctx.reporter.report("xsd/syntax", { message: `text is not allowed inside xs:${el.local}` }, locOf(ctx, c));
      d.hint = el.local === "annotation" ? "put the text in an xs:documentation (or xs:appinfo) inside the xs:annotation" : `remove the text, or make it a comment; to document xs:${el.local}, give it an xs:annotation with an xs:documentation`;
    }
  }
  return out;
}

export function requireAttr(ctx: ReadContext, el: XmlElement, name: string): string | undefined {
  const v = attr(el, name);
  if (v === undefined) ctx.reporter.report("xsd/missing-attribute", { element: el.local, name }, locOf(ctx, el));
  return v;
}

const NCNAME = /^[\p{L}_][\p{L}\p{N}._\-\u00B7\u0300-\u036F\u203F-\u2040]*$/u;

export function isNCName(s: string): boolean {
  return NCNAME.test(s);
}

/** The name attribute of a declaration, checked to be an NCName. */
export function nameAttr(ctx: ReadContext, el: XmlElement, required: boolean): string | undefined {
  const v = required ? requireAttr(ctx, el, "name") : attr(el, "name");
  if (v === undefined) return undefined;
  const name = v.trim();
  if (!isNCName(name)) {
    ctx.reporter.report("xsd/invalid-value", { name: "name", element: el.local, value: v, expected: "an NCName (a name without a colon)" }, locOfAttr(ctx, el, "name"));
  }
  return name;
}

export function locOfAttr(ctx: ReadContext, el: XmlElement, name: string): SourceLocation {
  const a = el.attributes.get(name);
  return locOf(ctx, a ?? el);
}

/** Where attribute `name`'s value is written, with the namespaces in scope for QName values. */
export function valueSite(ctx: ReadContext, el: XmlElement, name: string): XValueSite {
  return { loc: locOfAttr(ctx, el, name), namespaces: el.namespaces };
}

/** Resolves a QName value through the namespaces in scope on `el`; never compares prefixes. */
export function resolveQName(ctx: ReadContext, el: XmlElement, value: string, attrName: string): QName | undefined {
  const raw = value.trim();
  const colon = raw.indexOf(":");
  const prefix = colon < 0 ? "" : raw.slice(0, colon);
  const local = colon < 0 ? raw : raw.slice(colon + 1);
  if (!isNCName(local) || (prefix !== "" && !isNCName(prefix))) {
    ctx.reporter.report("xsd/invalid-value", { name: attrName, element: el.local, value, expected: "a QName" }, locOfAttr(ctx, el, attrName));
    return undefined;
  }
  let namespace: string | null;
  if (prefix === "xml") namespace = XML_NS;
  else {
    const uri = el.namespaces.get(prefix);
    if (uri === undefined && prefix !== "") {
      ctx.reporter.report("xsd/unknown-prefix", { prefix, qname: raw }, locOfAttr(ctx, el, attrName));
      return undefined;
    }
    namespace = uri === undefined || uri === "" ? null : uri;
  }
  if (namespace === null && ctx.chameleon) namespace = ctx.targetNamespace;
  const q: QName = { namespace, local, raw };
  if (!mayReferTo(ctx, namespace)) {
    const d = (q.unimported = ctx.reporter.report("xsd/namespace-not-imported", { qname: raw, attribute: attrName, namespace: namespace ?? "", target: namespace === null ? "no namespace" : `namespace "${namespace}"` }, locOfAttr(ctx, el, attrName)));
    d.hint = namespace === null ? 'add <xs:import/> (no namespace attribute) before the definitions, to refer to no-namespace components' : `add <xs:import namespace="${namespace}" schemaLocation="..."/> before the definitions`;
  }
  return q;
}

/**
 * src-resolve.4 (XSD 1.0 §3.15.3): a QName may name components of this document's target
 * namespace, of the XML Schema namespace, or of a namespace it imports (no namespace: when the
 * document has no target namespace, or imports no namespace). The XML namespace is no exception.
 */
function mayReferTo(ctx: ReadContext, namespace: string | null): boolean {
  return namespace === ctx.targetNamespace || namespace === XSD_NS || ctx.imported.has(namespace);
}

export function qnameAttr(ctx: ReadContext, el: XmlElement, name: string): QName | undefined {
  const v = attr(el, name);
  return v === undefined ? undefined : resolveQName(ctx, el, v, name);
}

export function boolAttr(ctx: ReadContext, el: XmlElement, name: string, fallback: boolean): boolean {
  const v = attr(el, name);
  if (v === undefined) return fallback;
  switch (v.trim()) {
    case "true":
    case "1":
      return true;
    case "false":
    case "0":
      return false;
  }
  ctx.reporter.report("xsd/invalid-value", { name, element: el.local, value: v, expected: "true or false" }, locOfAttr(ctx, el, name));
  return fallback;
}

export function enumAttr<T extends string>(ctx: ReadContext, el: XmlElement, name: string, values: readonly T[], fallback: T): T {
  const v = attr(el, name);
  if (v === undefined) return fallback;
  const t = v.trim() as T;
  if (values.includes(t)) return t;
  const expected = oneOf(values);
  const d = ctx.reporter.report("xsd/invalid-value", { name, element: el.local, value: v, expected }, locOfAttr(ctx, el, name));
  const near = didYouMean(t, values);
  if (near !== undefined) {
    d.message += `; did you mean ${near}?`;
    d.hint = `write ${name}="${near}"`;
  }
  return fallback;
}

export function occursAttrs(ctx: ReadContext, el: XmlElement): { min: number; max: MaxOccurs } {
  const minText = attr(el, "minOccurs");
  const maxText = attr(el, "maxOccurs");
  let min = 1;
  let max: MaxOccurs = 1;
  if (minText !== undefined) {
    if (/^\s*\+?\d+\s*$/.test(minText)) min = Number(minText.trim());
    else ctx.reporter.report("xsd/invalid-value", { name: "minOccurs", element: el.local, value: minText, expected: "a non-negative integer" }, locOfAttr(ctx, el, "minOccurs"));
  }
  if (maxText !== undefined) {
    if (maxText.trim() === "unbounded") max = "unbounded";
    else if (/^\s*\+?\d+\s*$/.test(maxText)) max = Number(maxText.trim());
    else ctx.reporter.report("xsd/invalid-value", { name: "maxOccurs", element: el.local, value: maxText, expected: "a non-negative integer or unbounded" }, locOfAttr(ctx, el, "maxOccurs"));
  }
  if (max !== "unbounded" && min > max) ctx.reporter.report("xsd/occurs", { min, max }, locOf(ctx, el));
  return { min, max };
}

/** The text of the xs:documentation children of `el`'s xs:annotation(s), markup dropped. */
export function docOf(el: XmlElement): string | undefined {
  const parts: string[] = [];
  for (const ann of el.children) {
    if (!isElement(ann) || ann.uri !== XSD_NS || ann.local !== "annotation") continue;
    for (const d of ann.children) {
      if (!isElement(d) || d.uri !== XSD_NS || d.local !== "documentation") continue;
      const text = textContent(d).trim();
      if (text !== "") parts.push(text);
    }
  }
  return parts.length === 0 ? undefined : parts.join("\n\n");
}

/** All descendant text, iteratively (documentation may hold XHTML). */
export function textContent(el: XmlElement): string {
  let out = "";
  const stack: { el: XmlElement; i: number }[] = [{ el, i: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.i >= top.el.children.length) {
      stack.pop();
      continue;
    }
    const c = top.el.children[top.i++];
    if (isElement(c)) stack.push({ el: c, i: 0 });
    else if (c.kind === "text") out += c.text;
  }
  return out;
}

/** A `qxml:inferred` comment right before a declaration (only whitespace between) marks it reconstructed. */
const INFERRED = "qxml:inferred";

/** Iterative depth of the tree, so hostile nesting is refused before any recursive pass. */
export function treeDepth(root: XmlElement): number {
  let max = 0;
  const stack: [XmlElement, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [el, d] = stack.pop()!;
    if (d > max) max = d;
    for (const c of el.children) if (isElement(c)) stack.push([c, d + 1]);
  }
  return max;
}
