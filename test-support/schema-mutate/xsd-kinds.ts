/**
 * XSD schema mutations: each kind lists every candidate change of one realistic mistake (or a
 * hostile variant) in a schema text, as splices of the original. The mutator samples them.
 */
import { applySplices, attr, childrenOf, insertFirstChild, removeAttr, renameElement, scanElements, setAttr, type El, type Splice } from "./markup.js";

export const XSD_KINDS = [
  "decl-drop",
  "decl-duplicate",
  "decl-rename",
  "type-undefined",
  "type-builtin",
  "facet-break",
  "occurs",
  "compositor-swap",
  "upa-duplicate",
  "self-reference",
  "derivation",
  "mixed",
  "element-props",
  "namespace",
  "include-dangling",
  "hostile-size",
] as const;
export type XsdKind = (typeof XSD_KINDS)[number];

export interface Candidate {
  kind: string;
  description: string;
  text: string;
}

interface Ctx {
  text: string;
  els: El[];
  /** The XSD namespace's prefix with its colon ("xs:"), or "" when it is the default namespace. */
  xs: string;
  root: El;
}

const XSD_NS = "http://www.w3.org/2001/XMLSchema";
const DECLS = new Set(["element", "attribute", "complexType", "simpleType", "group", "attributeGroup"]);
const PARTICLES = new Set(["element", "sequence", "choice", "all", "any", "group"]);
const COMPOSITORS = ["sequence", "choice", "all"];
const FACETS = new Set(["minInclusive", "maxInclusive", "minExclusive", "maxExclusive", "length", "minLength", "maxLength", "pattern", "enumeration", "totalDigits", "fractionDigits", "whiteSpace"]);

const where = (c: Ctx, el: El) => `line ${c.text.slice(0, el.start).split("\n").length}`;
const label = (c: Ctx, el: El) => `${el.local}${attr(el, "name") !== undefined ? ` '${attr(el, "name")}'` : attr(el, "ref") !== undefined ? ` ref='${attr(el, "ref")}'` : ""} (${where(c, el)})`;
const xsdEls = (c: Ctx, local?: string) => c.els.filter((e) => e.prefix === c.root.prefix && (local === undefined || e.local === local));
const make = (c: Ctx, kind: XsdKind, description: string, splices: (Splice | undefined)[]): Candidate => ({ kind, description, text: applySplices(c.text, splices.filter((s): s is Splice => s !== undefined)) });
const topLevel = (c: Ctx) => xsdEls(c).filter((e) => e.parent === c.els.indexOf(c.root));
/** A QName for a built-in type in this schema's prefix. */
const builtin = (c: Ctx, local: string) => `${c.xs}${local}`;
/** The prefix the schema's targetNamespace is bound to ("" with a colon when default), for references to its own components. */
function tnsPrefix(c: Ctx): string {
  const tns = attr(c.root, "targetNamespace");
  if (tns === undefined) return "";
  const a = c.root.attrs.find((x) => x.name.startsWith("xmlns") && x.value === tns);
  if (a === undefined) return "";
  return a.name === "xmlns" ? "" : `${a.name.slice(6)}:`;
}

function declDrop(c: Ctx): Candidate[] {
  return xsdEls(c).filter((e) => DECLS.has(e.local)).map((e) => make(c, "decl-drop", `drop ${label(c, e)}`, [{ start: e.start, end: e.end, text: "" }]));
}

function declDuplicate(c: Ctx): Candidate[] {
  return xsdEls(c)
    .filter((e) => DECLS.has(e.local) && (attr(e, "name") !== undefined || attr(e, "ref") !== undefined))
    .map((e) => make(c, "decl-duplicate", `duplicate ${label(c, e)}`, [{ start: e.end, end: e.end, text: c.text.slice(e.start, e.end) }]));
}

function declRename(c: Ctx): Candidate[] {
  return topLevel(c)
    .filter((e) => DECLS.has(e.local) && attr(e, "name") !== undefined)
    .map((e) => make(c, "decl-rename", `rename ${label(c, e)} to '${attr(e, "name")}X'`, [setAttr(e, "name", `${attr(e, "name")}X`)]));
}

const REF_ATTRS = ["type", "base", "ref", "itemType", "substitutionGroup"];

function typeUndefined(c: Ctx): Candidate[] {
  const out: Candidate[] = [];
  for (const e of xsdEls(c))
    for (const a of REF_ATTRS)
      if (attr(e, a) !== undefined) {
        const value = attr(e, a)!.includes(":") ? `${attr(e, a)!.split(":")[0]}:NoSuch${a}` : `NoSuch${a}`;
        out.push(make(c, "type-undefined", `${label(c, e)}: ${a}="${value}" (undefined)`, [setAttr(e, a, value)]));
      }
  return out;
}

const BUILTINS = ["int", "date", "boolean", "anyURI", "ID", "IDREF", "QName", "NOTATION", "anyType", "anySimpleType", "ENTITY", "decimal", "NMTOKENS", "hexBinary"];

function typeBuiltin(c: Ctx): Candidate[] {
  const out: Candidate[] = [];
  for (const e of xsdEls(c))
    for (const a of ["type", "base", "itemType"])
      if (attr(e, a) !== undefined)
        for (const b of BUILTINS) if (attr(e, a) !== builtin(c, b)) out.push(make(c, "type-builtin", `${label(c, e)}: ${a}="${builtin(c, b)}"`, [setAttr(e, a, builtin(c, b))]));
  return out;
}

/** Facet sets to add to a restriction (each a realistic contradiction or a bad value). */
const FACET_BREAKS: readonly [string, string[]][] = [
  ["minInclusive > maxInclusive", ['minInclusive value="10"', 'maxInclusive value="5"']],
  ["length with minLength", ['length value="3"', 'minLength value="1"']],
  ["minLength > maxLength", ['minLength value="5"', 'maxLength value="2"']],
  ["a bad pattern", ['pattern value="[a-"']],
  ["a pattern with an XSD-invalid escape", ['pattern value="\\p{IsNoSuchBlock}"']],
  ["enumeration of a non-number", ['enumeration value="not-a-number"']],
  ["fractionDigits > totalDigits", ['totalDigits value="2"', 'fractionDigits value="3"']],
  ["negative length", ['maxLength value="-1"']],
  ["whiteSpace of an unknown value", ['whiteSpace value="squash"']],
  ["a duplicate facet", ['maxLength value="3"', 'maxLength value="4"']],
  ["minExclusive with minInclusive", ['minExclusive value="1"', 'minInclusive value="2"']],
  ["totalDigits 0", ['totalDigits value="0"']],
  ["an empty enumeration value", ['enumeration value=""']],
];

function facetBreak(c: Ctx): Candidate[] {
  const out: Candidate[] = [];
  for (const e of xsdEls(c, "restriction")) {
    const parent = c.els[e.parent];
    if (parent?.local !== "simpleType" && parent?.local !== "simpleContent") continue;
    for (const [what, facets] of FACET_BREAKS) {
      // Facets come after an anonymous base simpleType, before attributes: insert at the end of the facets.
      const kids = childrenOf(c.els, c.els.indexOf(e)).map((i) => c.els[i]);
      const lastFacet = [...kids].reverse().find((k) => FACETS.has(k.local) || k.local === "simpleType");
      const markup = facets.map((f) => `<${c.xs}${f}/>`).join("");
      const splices = lastFacet !== undefined ? [{ start: lastFacet.end, end: lastFacet.end, text: markup }] : insertFirstChild(c.text, e, markup);
      out.push(make(c, "facet-break", `${label(c, e)} of ${label(c, parent)}: ${what}`, splices));
    }
  }
  return out;
}

const OCCURS: readonly [string | undefined, string | undefined][] = [
  ["0", "0"],
  ["0", "unbounded"],
  ["3", "2"],
  ["1000000", "1000000"],
  ["0", "1000000"],
  ["-1", undefined],
  [undefined, "abc"],
  ["2", undefined],
];

function occurs(c: Ctx): Candidate[] {
  const out: Candidate[] = [];
  for (const e of xsdEls(c)) {
    if (!PARTICLES.has(e.local) || c.els[e.parent] === c.root) continue;
    for (const [min, max] of OCCURS) {
      const splices = [min === undefined ? undefined : setAttr(e, "minOccurs", min), max === undefined ? undefined : setAttr(e, "maxOccurs", max)];
      out.push(make(c, "occurs", `${label(c, e)}: minOccurs=${min ?? "(as is)"} maxOccurs=${max ?? "(as is)"}`, splices));
    }
  }
  return out;
}

function compositorSwap(c: Ctx): Candidate[] {
  const out: Candidate[] = [];
  for (const e of xsdEls(c).filter((x) => COMPOSITORS.includes(x.local))) {
    for (const to of COMPOSITORS) if (to !== e.local) out.push(make(c, "compositor-swap", `${label(c, e)} → ${to}`, renameElement(c.text, e, to)));
    const kids = childrenOf(c.els, c.els.indexOf(e)).map((i) => c.els[i]);
    const first = kids.find((k) => k.local === "element");
    if (first !== undefined) out.push(make(c, "compositor-swap", `${label(c, e)} → all, ${label(c, first)} maxOccurs=2`, [...renameElement(c.text, e, "all"), setAttr(first, "maxOccurs", "2")]));
  }
  return out;
}

function upaDuplicate(c: Ctx): Candidate[] {
  const out: Candidate[] = [];
  for (const e of xsdEls(c).filter((x) => (x.local === "element" || x.local === "any") && COMPOSITORS.includes(c.els[x.parent]?.local ?? ""))) {
    const copy = c.text.slice(e.start, e.end);
    out.push(make(c, "upa-duplicate", `duplicate particle ${label(c, e)}`, [{ start: e.end, end: e.end, text: copy }]));
    out.push(make(c, "upa-duplicate", `duplicate particle ${label(c, e)}, the first optional`, [setAttr(e, "minOccurs", "0"), { start: e.end, end: e.end, text: copy }]));
    out.push(make(c, "upa-duplicate", `add a wildcard before ${label(c, e)}`, [{ start: e.start, end: e.start, text: `<${c.xs}any minOccurs="0" processContents="lax"/>` }]));
  }
  return out;
}

function selfReference(c: Ctx): Candidate[] {
  const out: Candidate[] = [];
  const p = tnsPrefix(c);
  for (const e of topLevel(c)) {
    const name = attr(e, "name");
    if (name === undefined) continue;
    const kids = childrenOf(c.els, c.els.indexOf(e)).map((i) => c.els[i]);
    if (e.local === "group") {
      const comp = kids.find((k) => COMPOSITORS.includes(k.local));
      if (comp !== undefined) out.push(make(c, "self-reference", `group '${name}' refers to itself`, insertFirstChild(c.text, comp, `<${c.xs}group ref="${p}${name}"/>`)));
    } else if (e.local === "attributeGroup") {
      out.push(make(c, "self-reference", `attributeGroup '${name}' refers to itself`, insertFirstChild(c.text, e, `<${c.xs}attributeGroup ref="${p}${name}"/>`)));
      // Through another: a new group B that refers back to this one.
      out.push(make(c, "self-reference", `attributeGroup '${name}' refers to itself through '${name}Loop'`, [...insertFirstChild(c.text, e, `<${c.xs}attributeGroup ref="${p}${name}Loop"/>`), { start: e.end, end: e.end, text: `<${c.xs}attributeGroup name="${name}Loop"><${c.xs}attributeGroup ref="${p}${name}"/></${c.xs}attributeGroup>` }]));
    } else if (e.local === "complexType") {
      const content = kids.find((k) => k.local === "complexContent" || k.local === "simpleContent");
      const deriv = content === undefined ? undefined : c.els[childrenOf(c.els, c.els.indexOf(content))[0]];
      if (deriv !== undefined) out.push(make(c, "self-reference", `complexType '${name}' derives from itself`, [setAttr(deriv, "base", `${p}${name}`)]));
      else out.push(make(c, "self-reference", `complexType '${name}' extends itself`, [{ start: e.tagEnd, end: e.end, text: `<${c.xs}complexContent><${c.xs}extension base="${p}${name}"/></${c.xs}complexContent></${e.qname}>` }].filter(() => !e.selfClosing)));
      // A local element of the type's own type, nested: legal recursion, both must accept.
      out.push(make(c, "self-reference", `complexType '${name}' recurses through an optional child`, e.selfClosing ? [] : [{ start: e.tagEnd, end: e.end, text: `<${c.xs}sequence><${c.xs}element name="self" type="${p}${name}" minOccurs="0"/></${c.xs}sequence></${e.qname}>` }]));
    } else if (e.local === "simpleType") {
      const r = kids.find((k) => k.local === "restriction" || k.local === "list" || k.local === "union");
      if (r?.local === "restriction") out.push(make(c, "self-reference", `simpleType '${name}' restricts itself`, [setAttr(r, "base", `${p}${name}`)]));
      if (r?.local === "list") out.push(make(c, "self-reference", `simpleType '${name}' is a list of itself`, [setAttr(r, "itemType", `${p}${name}`)]));
      if (r?.local === "union") out.push(make(c, "self-reference", `simpleType '${name}' is a union with itself`, [setAttr(r, "memberTypes", `${p}${name}`)]));
    } else if (e.local === "element" && !e.selfClosing) {
      out.push(make(c, "self-reference", `element '${name}' is its own substitution group head`, [setAttr(e, "substitutionGroup", `${p}${name}`)]));
    }
  }
  return out;
}

function derivation(c: Ctx): Candidate[] {
  const out: Candidate[] = [];
  const p = tnsPrefix(c);
  const types = topLevel(c).filter((e) => (e.local === "complexType" || e.local === "simpleType") && attr(e, "name") !== undefined);
  for (const e of types) {
    for (const f of ["#all", "extension", "restriction"]) out.push(make(c, "derivation", `${label(c, e)} final="${f}"`, [setAttr(e, "final", f)]));
    if (e.local === "complexType") out.push(make(c, "derivation", `${label(c, e)} block="#all"`, [setAttr(e, "block", "#all")]));
  }
  for (const r of xsdEls(c, "restriction").filter((x) => c.els[x.parent]?.local === "simpleType")) {
    const complex = types.find((t) => t.local === "complexType");
    if (complex !== undefined) out.push(make(c, "derivation", `${label(c, r)}: simple type restricting complexType '${attr(complex, "name")}'`, [setAttr(r, "base", `${p}${attr(complex, "name")}`)]));
  }
  for (const d of xsdEls(c).filter((x) => (x.local === "extension" || x.local === "restriction") && c.els[x.parent]?.local === "complexContent")) {
    const to = d.local === "extension" ? "restriction" : "extension";
    out.push(make(c, "derivation", `${label(c, d)} → ${to}`, renameElement(c.text, d, to)));
    if (d.local === "restriction") {
      // Widen the restriction: an extra optional element the base does not have.
      const comp = c.els[childrenOf(c.els, c.els.indexOf(d)).find((i) => COMPOSITORS.includes(c.els[i].local)) ?? -1];
      if (comp !== undefined) out.push(make(c, "derivation", `${label(c, d)} widened with an element the base lacks`, insertFirstChild(c.text, comp, `<${c.xs}element name="widened" minOccurs="0"/>`)));
    }
  }
  for (const s of xsdEls(c, "simpleContent")) {
    const d = c.els[childrenOf(c.els, c.els.indexOf(s))[0]];
    if (d !== undefined) out.push(make(c, "derivation", `${label(c, d)} of simpleContent based on xs:anyType`, [setAttr(d, "base", builtin(c, "anyType"))]));
  }
  return out;
}

function mixed(c: Ctx): Candidate[] {
  const out: Candidate[] = [];
  for (const e of xsdEls(c).filter((x) => x.local === "complexType" || x.local === "complexContent")) {
    const now = attr(e, "mixed") === "true";
    out.push(make(c, "mixed", `${label(c, e)} mixed="${!now}"`, [setAttr(e, "mixed", String(!now))]));
    if (now) out.push(make(c, "mixed", `${label(c, e)} mixed attribute removed`, [removeAttr(e, "mixed")]));
  }
  return out;
}

function elementProps(c: Ctx): Candidate[] {
  const out: Candidate[] = [];
  const p = tnsPrefix(c);
  const globals = topLevel(c).filter((e) => e.local === "element" && attr(e, "name") !== undefined);
  for (const e of xsdEls(c, "element")) {
    if (attr(e, "ref") !== undefined) continue;
    const edits: [string, (Splice | undefined)[]][] = [
      ['nillable="true"', [setAttr(e, "nillable", "true")]],
      ['abstract="true"', [setAttr(e, "abstract", "true")]],
      ['default="x"', [setAttr(e, "default", "x")]],
      ['fixed="not a value"', [setAttr(e, "fixed", "not a value")]],
      ['default and fixed', [setAttr(e, "default", "1"), setAttr(e, "fixed", "1")]],
      ['fixed="" with nillable', [setAttr(e, "fixed", ""), setAttr(e, "nillable", "true")]],
    ];
    if (globals.length > 0 && globals[0] !== e) edits.push([`substitutionGroup="${attr(globals[0], "name")}"`, [setAttr(e, "substitutionGroup", `${p}${attr(globals[0], "name")}`)]]);
    for (const [what, splices] of edits) out.push(make(c, "element-props", `${label(c, e)}: ${what}`, splices));
  }
  for (const a of xsdEls(c, "attribute").filter((x) => attr(x, "name") !== undefined)) {
    out.push(make(c, "element-props", `${label(c, a)}: fixed="not a value"`, [setAttr(a, "fixed", "not a value")]));
    out.push(make(c, "element-props", `${label(c, a)}: use="required" default="x"`, [setAttr(a, "use", "required"), setAttr(a, "default", "x")]));
    out.push(make(c, "element-props", `${label(c, a)}: use="prohibited"`, [setAttr(a, "use", "prohibited")]));
    out.push(make(c, "element-props", `${label(c, a)}: type xs:ID with default`, [setAttr(a, "type", builtin(c, "ID")), setAttr(a, "default", "a1")]));
  }
  return out;
}

function namespace(c: Ctx): Candidate[] {
  const r = c.root;
  const tns = attr(r, "targetNamespace");
  const out = [
    make(c, "namespace", `targetNamespace="urn:qxml:other"`, [setAttr(r, "targetNamespace", "urn:qxml:other")]),
    make(c, "namespace", `targetNamespace="" (empty: not allowed)`, [setAttr(r, "targetNamespace", "")]),
    make(c, "namespace", `elementFormDefault="${attr(r, "elementFormDefault") === "qualified" ? "unqualified" : "qualified"}"`, [setAttr(r, "elementFormDefault", attr(r, "elementFormDefault") === "qualified" ? "unqualified" : "qualified")]),
    make(c, "namespace", `attributeFormDefault="qualified"`, [setAttr(r, "attributeFormDefault", "qualified")]),
    make(c, "namespace", `elementFormDefault="sometimes" (bad value)`, [setAttr(r, "elementFormDefault", "sometimes")]),
  ];
  if (tns !== undefined) out.push(make(c, "namespace", "targetNamespace removed", [removeAttr(r, "targetNamespace")]));
  const xsDecl = r.attrs.find((a) => a.value === XSD_NS && a.name.startsWith("xmlns"));
  if (xsDecl !== undefined) out.push(make(c, "namespace", `${xsDecl.name} bound to a wrong URI`, [setAttr(r, xsDecl.name, "http://www.w3.org/2001/XMLSchema-wrong")]));
  return out;
}

function includeDangling(c: Ctx): Candidate[] {
  const x = c.xs;
  const add = (what: string, markup: string) => make(c, "include-dangling", what, insertFirstChild(c.text, c.root, markup));
  const out = [
    add("include of a missing file", `<${x}include schemaLocation="missing-qxml.xsd"/>`),
    add("import of a missing file", `<${x}import namespace="urn:qxml:missing" schemaLocation="missing-qxml.xsd"/>`),
    add("redefine of a missing file", `<${x}redefine schemaLocation="missing-qxml.xsd"/>`),
    add("include of an http URL (must not be fetched)", `<${x}include schemaLocation="http://qxml.invalid/x.xsd"/>`),
    add("include of the schema itself", `<${x}include schemaLocation="${"$SELF"}"/>`),
    add("import of the XSD namespace", `<${x}import namespace="${XSD_NS}"/>`),
    add("include of a directory", `<${x}include schemaLocation="."/>`),
  ];
  const defs = topLevel(c).filter((e) => DECLS.has(e.local));
  if (defs.length > 0) out.push(make(c, "include-dangling", `an xs:import after ${label(c, defs[defs.length - 1])} (directives must come first)`, [{ start: defs[defs.length - 1].end, end: defs[defs.length - 1].end, text: `<${x}import namespace="urn:qxml:late"/>` }]));
  for (const e of xsdEls(c).filter((y) => ["include", "import", "redefine"].includes(y.local) && attr(y, "schemaLocation") !== undefined))
    out.push(make(c, "include-dangling", `${label(c, e)} schemaLocation made dangling`, [setAttr(e, "schemaLocation", `missing-${attr(e, "schemaLocation")!.replace(/.*\//, "")}`)]));
  return out;
}

/** Where a new top-level definition goes: after the schema's include/import/redefine/annotation children (src: the schema for schemas). */
function definitionSplice(c: Ctx, markup: string): Splice[] {
  const kids = childrenOf(c.els, c.els.indexOf(c.root)).map((i) => c.els[i]);
  let last: El | undefined;
  for (const k of kids) {
    if (!["include", "import", "redefine", "annotation"].includes(k.local)) break;
    last = k;
  }
  return last === undefined ? insertFirstChild(c.text, c.root, markup) : [{ start: last.end, end: last.end, text: markup }];
}

function hostileSize(c: Ctx): Candidate[] {
  const x = c.xs;
  const nest = (n: number, open: string, close: string, inner: string) => open.repeat(n) + inner + close.repeat(n);
  const add = (what: string, markup: string) => make(c, "hostile-size", what, definitionSplice(c, markup));
  const seq = (n: number) => nest(n, `<${x}sequence>`, `</${x}sequence>`, `<${x}element name="leaf"/>`);
  const chain = (n: number) => Array.from({ length: n }, (_, i) => `<${x}complexType name="qxChain${i}"><${x}complexContent><${x}extension base="${tnsPrefix(c)}qxChain${i + 1}"/></${x}complexContent></${x}complexType>`).join("") + `<${x}complexType name="qxChain${n}"/>`;
  return [
    add("5,000 nested sequences", `<${x}complexType name="qxDeep">${seq(5000)}</${x}complexType>`),
    add("nested maxOccurs 1000 × 1000 × 1000", `<${x}complexType name="qxCount"><${x}sequence maxOccurs="1000"><${x}sequence maxOccurs="1000"><${x}element name="c" maxOccurs="1000"/></${x}sequence></${x}sequence></${x}complexType>`),
    add("a catastrophic pattern", `<${x}simpleType name="qxRe"><${x}restriction base="${x}string"><${x}pattern value="(a*)*(b+)+c{1,1000}{1,1000}"/></${x}restriction></${x}simpleType>`),
    add("250 types each extending the next (qxml's limit is 200)", chain(250)),
    add("3,000 sibling elements in a choice", `<${x}complexType name="qxWide"><${x}choice>${Array.from({ length: 3000 }, (_, i) => `<${x}element name="w${i}"/>`).join("")}</${x}choice></${x}complexType>`),
  ];
}

const BUILDERS: Record<XsdKind, (c: Ctx) => Candidate[]> = {
  "decl-drop": declDrop,
  "decl-duplicate": declDuplicate,
  "decl-rename": declRename,
  "type-undefined": typeUndefined,
  "type-builtin": typeBuiltin,
  "facet-break": facetBreak,
  occurs,
  "compositor-swap": compositorSwap,
  "upa-duplicate": upaDuplicate,
  "self-reference": selfReference,
  derivation,
  mixed,
  "element-props": elementProps,
  namespace,
  "include-dangling": includeDangling,
  "hostile-size": hostileSize,
};

/** Every candidate mutation of one kind; [] when the text has no XSD root the scanner can read. */
export function xsdCandidates(text: string, kind: XsdKind, selfName: string): Candidate[] {
  const els = scanElements(text);
  const root = els[0];
  if (root === undefined || root.local !== "schema") return [];
  const ctx: Ctx = { text, els, xs: root.prefix === "" ? "" : `${root.prefix}:`, root };
  return BUILDERS[kind](ctx).map((m) => ({ ...m, text: m.text.replace("$SELF", selfName) })).filter((m) => m.text !== text);
}
