/**
 * Differences between the generated parse + validator and `qxml validate` that a documented gap
 * (docs/codegen.md, "Known gaps") explains. Each entry matches narrowly: the schema or the
 * document must show the feature, and the difference must be of the kind the gap produces.
 * Anything else the breadth harness finds is a finding.
 */
import type { SchemaModel } from "../src/schema/model.js";
import type { BreadthSchema } from "./codegen-schemas.js";

export interface DifferenceContext {
  schema: BreadthSchema;
  model: SchemaModel;
  /** The document as text. */
  xml: string;
  xmlErrors: { code: string; message: string; path?: string }[];
  /** What differs, as the harness words it ("verdict: object ... / xml ...", "parseX throws (...)", ...). */
  difference: string;
}

interface KnownGap {
  reason: string;
  matches(c: DifferenceContext): boolean;
}

/** The document's DOCTYPE has an internal subset ("[" before the DOCTYPE's end). */
const internalSubset = (xml: string): boolean => /<!DOCTYPE[^>[]*\[/.test(xml);
const IDENTITY = new Set(["valid/duplicate-key", "valid/keyref-no-match", "valid/missing-key-field", "valid/key-field-multiple", "valid/key-field-not-simple", "valid/key-field-untyped"]);
const ID_IDREF = new Set(["valid/duplicate-id", "valid/unresolved-idref"]);
const objectAccepts = (c: DifferenceContext): boolean => c.difference.startsWith("verdict: object (none)");
/** The XML's first error, as the harness quotes it. */
const xmlFirst = (c: DifferenceContext): string | undefined => c.xmlErrors[0]?.code;

export const KNOWN_GAPS: readonly KnownGap[] = [
  {
    reason: "identity constraints (xs:unique, xs:key, xs:keyref) are not checked on the object form",
    matches: (c) => c.xmlErrors.some((d) => IDENTITY.has(d.code)) && (objectAccepts(c) || IDENTITY.has(xmlFirst(c) ?? "")),
  },
  {
    reason: "ID/IDREF uniqueness and resolution are not checked on the object form",
    matches: (c) => (objectAccepts(c) && c.xmlErrors.every((d) => ID_IDREF.has(d.code))) || (c.difference.startsWith("first diagnostic") && ID_IDREF.has(xmlFirst(c) ?? "")),
  },
  {
    reason: "order: serialize writes children grouped by name in schema order (a recorded order is for validation), so interleaved repeated children come back regrouped, which the content model may refuse",
    matches: (c) => /^round trip: qxml validate refuses serialize's output: valid\/unexpected-element /.test(c.difference) && interleaved(c.xml),
  },
  {
    reason: "DTD attribute defaults are not in the object form: a namespace declaration the DTD defaults (xmlns:p #FIXED) is not written back by serialize without a DOCTYPE",
    matches: (c) => c.model.kind === "dtd" && /^round trip: qxml validate refuses serialize's output: xml\/unbound-prefix /.test(c.difference) && c.model.complexTypes.some((t) => t.attributes.some((a) => a.name.startsWith("xmlns:") && (a.fixed ?? a.default) !== undefined)),
  },
  {
    reason: "the DOCTYPE name is not in the object form: the root is the one whose parse function was called (valid/root-mismatch)",
    matches: (c) => c.model.kind === "dtd" && xmlFirst(c) === "valid/root-mismatch" && !c.difference.startsWith("verdict"),
  },
  {
    reason: "xsi:type: the object form has no type substitution",
    matches: (c) => /\sxsi:type\s*=/.test(c.xml),
  },
  {
    reason: "internal subset: fast-xml-parser neither reads its declarations nor expands its entities (the external DTD alone is generated)",
    matches: (c) =>
      c.model.kind === "dtd" &&
      internalSubset(c.xml) &&
      (/has no generated parse/.test(c.difference) || /throws \(ParseError: (Invalid entity name|\d+:\d+: char)/.test(c.difference) || /&[\w.-]+;/.test(c.difference)),
  },
  {
    reason: "external entities are refused by the generated parse (documented: ParseError)",
    matches: (c) => /ParseError: External entities are not supported/.test(c.difference),
  },
];

/** Some element name occurs among its siblings, then another name, then it again (the order serialize cannot keep). A heuristic on the text: prefixes are compared as written. */
function interleaved(xml: string): boolean {
  // Start and end tags in document order; per open element, the child names seen and the last one.
  const stack: { seen: Set<string>; last: string | null }[] = [{ seen: new Set(), last: null }];
  for (const m of xml.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>/g, "").matchAll(/<(\/?)([^\s/>]+)[^>]*?(\/?)>/g)) {
    if (m[1] === "/") {
      stack.pop();
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) return false;
    // A default namespace declared on the tag makes it another name (<boo/>, <boo xmlns="urn:b"/>, <boo/>).
    const name = m[2] + (/\sxmlns\s*=\s*("[^"]*"|'[^']*')/.exec(m[0])?.[1] ?? "");
    if (top.last !== name && top.seen.has(name)) return true;
    top.seen.add(name);
    top.last = name;
    if (m[3] !== "/") stack.push({ seen: new Set(), last: null });
  }
  return false;
}

/** The reason of the first gap that explains the difference, or undefined (a finding). */
export function knownDifference(c: DifferenceContext): string | undefined {
  return KNOWN_GAPS.find((g) => g.matches(c))?.reason;
}
