/**
 * Read: one schema document's element tree → XSD syntax objects (syntax.ts). Typed attributes,
 * resolved QNames and a location on every node; nothing cross-referenced yet. Recursion here
 * follows the schema's nesting, which the caller has bounded (treeDepth) beforehand.
 */
import { XSD_NS } from "../model.js";
import { isElement, type XmlElement } from "../../xml/tree.js";
import { FACET_SET } from "./grammar.js";
import {
  attr,
  boolAttr,
  checkAttributes,
  docOf,
  enumAttr,
  locOf,
  locOfAttr,
  nameAttr,
  occursAttrs,
  qnameAttr,
  requireAttr,
  resolveQName,
  valueSite,
  xsdChildren,
  type ReadContext,
} from "./read-support.js";
import type { Reporter } from "./report.js";
import { COMPLEX_SET, derivationSetAttr, effectiveSet, ELEMENT_BLOCK, ELEMENT_FINAL, FINAL_DEFAULT, SIMPLE_FINAL } from "./read-derivation-set.js";
import { readIdentity } from "./read-identity.js";
import type {
  FacetName,
  QName,
  XAny,
  XAttribute,
  XAttributeGroup,
  XAttributes,
  XAttributeUse,
  XComplexContent,
  XComplexType,
  XCompositor,
  XElement,
  XFacet,
  XGroup,
  XNotation,
  XParticle,
  XRedefinitions,
  XSchema,
  XSimpleType,
  XWildcard,
} from "./syntax.js";

type Scope = "global" | "local";

/** Documentation and provenance, set only when present (keeps the model free of undefined keys). */
function described<T extends object>(ctx: ReadContext, node: T, el: XmlElement): T {
  const doc = docOf(el);
  if (doc !== undefined) (node as { doc?: string }).doc = doc;
  const prov = ctx.provenance.get(el);
  if (prov !== undefined) (node as { provenance?: unknown }).provenance = prov;
  return node;
}

/**
 * Reads a schema document. `chameleonNamespace` is the includer's target namespace when this
 * document is included (a document without targetNamespace then takes it on).
 */
export function readSchema(root: XmlElement, file: string, reporter: Reporter, chameleonNamespace: string | null = null): XSchema {
  const declared = attr(root, "targetNamespace");
  const declaredTargetNamespace = declared === undefined || declared === "" ? null : declared;
  const chameleon = declaredTargetNamespace === null && chameleonNamespace !== null;
  const ctx: ReadContext = {
    file,
    targetNamespace: chameleon ? chameleonNamespace : declaredTargetNamespace,
    chameleon,
    elementFormQualified: false,
    attributeFormQualified: false,
    reporter,
    provenance: new Map(),
    imported: importedNamespaces(root),
  };
  checkAttributes(ctx, root, "schema");
  ctx.elementFormQualified = enumAttr(ctx, root, "elementFormDefault", ["qualified", "unqualified"], "unqualified") === "qualified";
  ctx.attributeFormQualified = enumAttr(ctx, root, "attributeFormDefault", ["qualified", "unqualified"], "unqualified") === "qualified";
  const blockDefault = derivationSetAttr(ctx, root, "blockDefault", ELEMENT_BLOCK);
  if (blockDefault !== undefined) ctx.blockDefault = blockDefault;
  const finalDefault = derivationSetAttr(ctx, root, "finalDefault", FINAL_DEFAULT);
  if (finalDefault !== undefined) ctx.finalDefault = finalDefault;
  const schema: XSchema = {
    file,
    targetNamespace: ctx.targetNamespace,
    declaredTargetNamespace,
    directives: [],
    elements: [],
    attributes: [],
    complexTypes: [],
    simpleTypes: [],
    groups: [],
    attributeGroups: [],
    notations: [],
    loc: locOf(ctx, root),
  };
  described(ctx, schema, root);
  let firstDefinition: XmlElement | undefined;
  for (const c of xsdChildren(ctx, root, "schema")) {
    switch (c.local) {
      case "include":
      case "import":
      case "redefine":
        if (firstDefinition !== undefined) directiveAfterDefinition(ctx, c, firstDefinition);
        schema.directives.push(readDirective(ctx, c));
        break;
      case "notation":
        schema.notations.push(readNotation(ctx, c));
        break;
      case "annotation":
        readAnnotation(ctx, c);
        break;
      case "element":
        schema.elements.push(readElement(ctx, c, "global"));
        break;
      case "attribute":
        schema.attributes.push(readAttribute(ctx, c, "global"));
        break;
      case "complexType":
        schema.complexTypes.push(readComplexType(ctx, c, "global"));
        break;
      case "simpleType":
        schema.simpleTypes.push(readSimpleType(ctx, c, "global"));
        break;
      case "group":
        schema.groups.push(readGroup(ctx, c));
        break;
      case "attributeGroup":
        schema.attributeGroups.push(readAttributeGroup(ctx, c));
        break;
    }
    if (c.local !== "annotation" && !DIRECTIVES.has(c.local)) firstDefinition ??= c;
  }
  return schema;
}

const DIRECTIVES = new Set(["include", "import", "redefine"]);

/** The namespaces the document's xs:import elements name, wherever they stand (one out of place is reported apart). */
function importedNamespaces(root: XmlElement): Set<string | null> {
  const out = new Set<string | null>();
  for (const c of root.children) {
    if (!isElement(c) || c.uri !== XSD_NS || c.local !== "import") continue;
    const ns = attr(c, "namespace");
    out.add(ns === undefined || ns === "" ? null : ns);
  }
  return out;
}

/**
 * The schema for schemas puts xs:include/import/redefine before every definition (XSD 1.0 §3.15.2,
 * `<schema>` content `((include | import | redefine | annotation)*, ...)`); libxml2 rejects the
 * schema too. The directive is still read, so one misplaced line is one error.
 */
function directiveAfterDefinition(ctx: ReadContext, directive: XmlElement, first: XmlElement): void {
  const at = locOf(ctx, first);
  const d = ctx.reporter.report(
    "xsd/syntax",
    { message: `xs:${directive.local} must come before the schema's definitions, and follows xs:${first.local} at line ${at.line}` },
    locOf(ctx, directive),
  );
  d.hint = `move the xs:${directive.local} up, above line ${at.line}, with the other include/import/redefine elements`;
}

function readAnnotation(ctx: ReadContext, el: XmlElement): void {
  checkAttributes(ctx, el, "annotation");
  for (const c of xsdChildren(ctx, el, "annotation")) checkAttributes(ctx, c, c.local);
}

/** Checks an xs:annotation child wherever it appears; the text itself is taken by docOf. */
function annotations(ctx: ReadContext, children: XmlElement[]): XmlElement[] {
  const rest: XmlElement[] = [];
  for (const c of children) {
    if (c.local === "annotation") readAnnotation(ctx, c);
    else rest.push(c);
  }
  return rest;
}

function readNotation(ctx: ReadContext, el: XmlElement): XNotation {
  checkAttributes(ctx, el, "notation");
  annotations(ctx, xsdChildren(ctx, el, "notation"));
  // public and system are both optional in the schema for schemas (libxml2 requires neither).
  const node: XNotation = { kind: "notation", name: nameAttr(ctx, el, true) ?? "", loc: locOf(ctx, el) };
  const pub = attr(el, "public");
  if (pub !== undefined) node.public = pub;
  const sys = attr(el, "system");
  if (sys !== undefined) node.system = sys;
  return described(ctx, node, el);
}

/** xs:redefine's children, read as global definitions of the redefining document. */
function readRedefinitions(ctx: ReadContext, children: XmlElement[]): XRedefinitions {
  const out: XRedefinitions = { simpleTypes: [], complexTypes: [], groups: [], attributeGroups: [] };
  for (const c of children) {
    if (c.local === "simpleType") out.simpleTypes.push(readSimpleType(ctx, c, "global"));
    else if (c.local === "complexType") out.complexTypes.push(readComplexType(ctx, c, "global"));
    else if (c.local === "group") out.groups.push(readGroup(ctx, c));
    else if (c.local === "attributeGroup") out.attributeGroups.push(readAttributeGroup(ctx, c));
  }
  return out;
}

function readDirective(ctx: ReadContext, el: XmlElement): XSchema["directives"][number] {
  const directive = el.local as "include" | "import" | "redefine";
  checkAttributes(ctx, el, directive);
  const children = annotations(ctx, xsdChildren(ctx, el, directive));
  const d: XSchema["directives"][number] = { directive, loc: locOf(ctx, el) };
  if (directive === "redefine") d.redefinitions = readRedefinitions(ctx, children);
  const location = directive !== "import" ? requireAttr(ctx, el, "schemaLocation") : attr(el, "schemaLocation");
  if (location !== undefined) d.schemaLocation = location.trim();
  if (directive === "import") {
    const ns = attr(el, "namespace");
    d.namespace = ns === undefined ? null : ns;
    if (d.namespace !== null && d.namespace === ctx.targetNamespace) {
      ctx.reporter.report("xsd/syntax", { message: `xs:import cannot import the schema's own target namespace ${d.namespace}; use xs:include` }, d.loc);
    } else if (d.namespace === null && ctx.targetNamespace === null) {
      ctx.reporter.report("xsd/syntax", { message: "a schema without a target namespace cannot import the no-namespace schema; use xs:include" }, d.loc);
    }
  }
  return d;
}

function exclusive(ctx: ReadContext, el: XmlElement, first: string, second: string, present: [boolean, boolean]): void {
  if (present[0] && present[1]) ctx.reporter.report("xsd/exclusive", { first, second, element: el.local }, locOf(ctx, el));
}

export function readElement(ctx: ReadContext, el: XmlElement, scope: Scope): XElement {
  checkAttributes(ctx, el, `element@${scope}`);
  const loc = locOf(ctx, el);
  const ref = scope === "local" ? qnameAttr(ctx, el, "ref") : undefined;
  const name = ref === undefined ? nameAttr(ctx, el, true) : undefined;
  exclusive(ctx, el, "ref", "name", [el.attributes.has("ref"), el.attributes.has("name")]);
  const node: XElement = {
    kind: "element",
    loc,
    ...(scope === "local" ? occursAttrs(ctx, el) : { min: 1, max: 1 }),
    nillable: boolAttr(ctx, el, "nillable", false),
    abstract: boolAttr(ctx, el, "abstract", false),
    qualified:
      scope === "global" || enumAttr(ctx, el, "form", ["qualified", "unqualified"], ctx.elementFormQualified ? "qualified" : "unqualified") === "qualified",
  };
  if (name !== undefined) node.name = name;
  if (ref !== undefined) node.ref = ref;
  const type = qnameAttr(ctx, el, "type");
  if (type !== undefined) node.type = type;
  const def = attr(el, "default");
  const fixed = attr(el, "fixed");
  exclusive(ctx, el, "default", "fixed", [def !== undefined, fixed !== undefined]);
  if (def !== undefined) node.default = def;
  if (fixed !== undefined) node.fixed = fixed;
  if (def !== undefined || fixed !== undefined) node.valueSite = valueSite(ctx, el, def !== undefined ? "default" : "fixed");
  if (scope === "global") {
    const sg = qnameAttr(ctx, el, "substitutionGroup");
    if (sg !== undefined) node.substitutionGroup = sg;
    const final = effectiveSet(ctx, el, "final", ELEMENT_FINAL, ctx.finalDefault);
    if (final !== undefined) node.final = final;
  }
  if (ref === undefined) {
    const block = effectiveSet(ctx, el, "block", ELEMENT_BLOCK, ctx.blockDefault);
    if (block !== undefined) node.block = block;
  }
  for (const c of annotations(ctx, xsdChildren(ctx, el, "element"))) {
    if (c.local === "complexType" || c.local === "simpleType") {
      if (node.complexType !== undefined || node.simpleType !== undefined || node.identity !== undefined) {
        const message = node.identity !== undefined ? "an anonymous type comes before the identity constraints" : "an element declaration has at most one anonymous type";
        ctx.reporter.report("xsd/syntax", { message }, locOf(ctx, c));
      } else if (c.local === "complexType") node.complexType = readComplexType(ctx, c, "local");
      else node.simpleType = readSimpleType(ctx, c, "local");
    } else {
      (node.identity ??= []).push(readIdentity(ctx, c));
    }
  }
  if (type !== undefined) exclusive(ctx, el, "the type attribute", "an anonymous type", [true, node.complexType !== undefined || node.simpleType !== undefined]);
  if (ref !== undefined) {
    for (const n of ["type", "nillable", "default", "fixed", "form", "block"]) {
      if (el.attributes.has(n)) ctx.reporter.report("xsd/exclusive", { first: "ref", second: n, element: "element" }, loc);
    }
    if (node.identity !== undefined) ctx.reporter.report("xsd/exclusive", { first: "ref", second: "identity constraints", element: "element" }, loc);
    if (node.complexType !== undefined || node.simpleType !== undefined) {
      ctx.reporter.report("xsd/exclusive", { first: "ref", second: "an anonymous type", element: "element" }, loc);
    }
  }
  return described(ctx, node, el);
}

export function readAttribute(ctx: ReadContext, el: XmlElement, scope: Scope): XAttribute {
  checkAttributes(ctx, el, `attribute@${scope}`);
  const loc = locOf(ctx, el);
  const ref = scope === "local" ? qnameAttr(ctx, el, "ref") : undefined;
  const name = ref === undefined ? nameAttr(ctx, el, true) : undefined;
  exclusive(ctx, el, "ref", "name", [el.attributes.has("ref"), el.attributes.has("name")]);
  const node: XAttribute = {
    kind: "attribute",
    loc,
    use: scope === "local" ? enumAttr(ctx, el, "use", ["required", "optional", "prohibited"], "optional") : "optional",
    qualified:
      scope === "global" || enumAttr(ctx, el, "form", ["qualified", "unqualified"], ctx.attributeFormQualified ? "qualified" : "unqualified") === "qualified",
  };
  if (name === "xmlns") ctx.reporter.report("xsd/syntax", { message: "an attribute cannot be named xmlns" }, loc).hint = "rename the attribute: xmlns declares namespaces and is never validated";
  if (name !== undefined) node.name = name;
  if (ref !== undefined) node.ref = ref;
  if (ctx.targetNamespace === "http://www.w3.org/2001/XMLSchema-instance" && node.qualified) {
    ctx.reporter.report("xsd/syntax", { message: "attributes cannot be declared in the XML Schema instance namespace" }, loc).hint =
      "xsi:type, xsi:nil, xsi:schemaLocation and xsi:noNamespaceSchemaLocation are built in: remove this declaration, or change the targetNamespace";
  }
  const type = qnameAttr(ctx, el, "type");
  if (type !== undefined) node.type = type;
  const def = attr(el, "default");
  const fixed = attr(el, "fixed");
  exclusive(ctx, el, "default", "fixed", [def !== undefined, fixed !== undefined]);
  if (def !== undefined) {
    node.default = def;
    if (el.attributes.has("use") && node.use !== "optional") {
      const d = ctx.reporter.report("xsd/syntax", { message: `an attribute with a default must have use="optional", not use="${node.use}"` }, locOfAttr(ctx, el, "use"));
      d.hint = node.use === "required" ? 'remove the default (a required attribute is always given), or remove use="required"' : 'remove the default, or remove use="prohibited"';
    }
  }
  if (fixed !== undefined) node.fixed = fixed;
  if (def !== undefined || fixed !== undefined) node.valueSite = valueSite(ctx, el, def !== undefined ? "default" : "fixed");
  for (const c of annotations(ctx, xsdChildren(ctx, el, "attribute"))) {
    if (node.simpleType !== undefined) ctx.reporter.report("xsd/syntax", { message: "an attribute declaration has at most one anonymous simple type" }, locOf(ctx, c));
    else node.simpleType = readSimpleType(ctx, c, "local");
  }
  if (type !== undefined) exclusive(ctx, el, "the type attribute", "an anonymous simpleType", [true, node.simpleType !== undefined]);
  if (ref !== undefined) {
    for (const n of ["type", "form"]) if (el.attributes.has(n)) ctx.reporter.report("xsd/exclusive", { first: "ref", second: n, element: "attribute" }, loc);
    if (node.simpleType !== undefined) ctx.reporter.report("xsd/exclusive", { first: "ref", second: "an anonymous simpleType", element: "attribute" }, loc);
  }
  return described(ctx, node, el);
}

function readWildcard(ctx: ReadContext, el: XmlElement): XWildcard {
  checkAttributes(ctx, el, el.local);
  annotations(ctx, xsdChildren(ctx, el, el.local));
  const ns = attr(el, "namespace");
  const namespace = ns === undefined ? ["##any"] : ns.trim().split(/\s+/).filter((s) => s !== "");
  if (namespace.length > 1 && (namespace.includes("##any") || namespace.includes("##other"))) {
    ctx.reporter.report("xsd/invalid-value", { name: "namespace", element: el.local, value: ns ?? "", expected: "##any, ##other, or a list of URIs, ##targetNamespace and ##local" }, locOfAttr(ctx, el, "namespace"));
  }
  return described(ctx, 
    { namespace, processContents: enumAttr(ctx, el, "processContents", ["strict", "lax", "skip"], "strict"), loc: locOf(ctx, el) },
    el,
  );
}

function readParticle(ctx: ReadContext, el: XmlElement): XParticle {
  switch (el.local) {
    case "element":
      return readElement(ctx, el, "local");
    case "any": {
      const w = readWildcard(ctx, el);
      const any: XAny = { kind: "any", ...w, ...occursAttrs(ctx, el) };
      return any;
    }
    case "group": {
      checkAttributes(ctx, el, "group@local");
      annotations(ctx, xsdChildren(ctx, el, "group@local"));
      const ref = requireAttr(ctx, el, "ref") === undefined ? undefined : qnameAttr(ctx, el, "ref");
      return described(ctx, { kind: "groupRef", ref: ref ?? { namespace: null, local: "", raw: "" }, loc: locOf(ctx, el), ...occursAttrs(ctx, el) }, el);
    }
    default:
      return readCompositor(ctx, el, true);
  }
}

function readCompositor(ctx: ReadContext, el: XmlElement, withOccurs: boolean): XCompositor {
  checkAttributes(ctx, el, el.local);
  const kind = el.local as XCompositor["kind"];
  const occurs = withOccurs ? occursAttrs(ctx, el) : { min: 1, max: 1 as const };
  if (kind === "all") {
    if (occurs.min > 1 || occurs.max !== 1) {
      ctx.reporter.report("xsd/all-occurs", { what: "xs:all", min: occurs.min, max: occurs.max }, locOf(ctx, el));
    }
  }
  const items = annotations(ctx, xsdChildren(ctx, el, kind)).map((c) => readParticle(ctx, c));
  if (kind === "all") {
    for (const it of items) {
      if (it.kind === "element" && (it.max === "unbounded" || it.max > 1 || it.min > 1)) {
        ctx.reporter.report("xsd/syntax", { message: "an element inside xs:all may occur at most once (minOccurs and maxOccurs 0 or 1)" }, it.loc).hint =
          "set maxOccurs to 1 (minOccurs 0 or 1), or use xs:sequence or xs:choice for a repeated element";
      }
    }
  }
  return described(ctx, { kind, items, loc: locOf(ctx, el), ...occurs }, el);
}

function readGroup(ctx: ReadContext, el: XmlElement): XGroup {
  checkAttributes(ctx, el, "group@global");
  const name = nameAttr(ctx, el, true) ?? "";
  const kids = annotations(ctx, xsdChildren(ctx, el, "group"));
  if (kids.length > 1) ctx.reporter.report("xsd/syntax", { message: "a named group holds exactly one of xs:sequence, xs:choice, xs:all" }, locOf(ctx, kids[1]));
  const particle = kids.length === 0 ? null : readCompositor(ctx, kids[0], false);
  if (particle !== null && (kids[0].attributes.has("minOccurs") || kids[0].attributes.has("maxOccurs"))) {
    ctx.reporter.report("xsd/syntax", { message: "the compositor of a named group cannot have minOccurs or maxOccurs" }, locOf(ctx, kids[0]));
  }
  return described(ctx, { kind: "group", name, particle, loc: locOf(ctx, el) }, el);
}

/** Reads attribute uses, attribute group refs and the anyAttribute from a list of children. */
function readAttributeUses(ctx: ReadContext, children: XmlElement[]): XAttributes {
  const out: XAttributes = { attributes: [] };
  for (const c of children) {
    if (c.local === "attribute") out.attributes.push(readAttribute(ctx, c, "local"));
    else if (c.local === "attributeGroup") {
      checkAttributes(ctx, c, "attributeGroup@local");
      annotations(ctx, xsdChildren(ctx, c, "attributeGroup@local"));
      const ref = requireAttr(ctx, c, "ref") === undefined ? undefined : qnameAttr(ctx, c, "ref");
      if (ref !== undefined) out.attributes.push({ kind: "attributeGroupRef", ref, loc: locOf(ctx, c) } satisfies XAttributeUse);
    } else if (c.local === "anyAttribute") {
      if (out.anyAttribute !== undefined) ctx.reporter.report("xsd/syntax", { message: "at most one xs:anyAttribute is allowed" }, locOf(ctx, c));
      out.anyAttribute = readWildcard(ctx, c);
    }
  }
  return out;
}

function readAttributeGroup(ctx: ReadContext, el: XmlElement): XAttributeGroup {
  checkAttributes(ctx, el, "attributeGroup@global");
  const name = nameAttr(ctx, el, true) ?? "";
  const uses = readAttributeUses(ctx, annotations(ctx, xsdChildren(ctx, el, "attributeGroup")));
  return described(ctx, { kind: "attributeGroup", name, loc: locOf(ctx, el), ...uses }, el);
}

/** Splits a content-model child list into the one particle and the attribute uses after it. */
function particleAndAttributes(ctx: ReadContext, kids: XmlElement[]): { particle: XParticle | null } & XAttributes {
  let particle: XParticle | null = null;
  const attrKids: XmlElement[] = [];
  for (const c of kids) {
    if (c.local === "attribute" || c.local === "attributeGroup" || c.local === "anyAttribute") attrKids.push(c);
    else if (particle !== null || attrKids.length > 0) {
      ctx.reporter.report("xsd/unexpected-child", { found: c.name, parent: c.parent?.local ?? "complexType", expected: ["xs:attribute", "xs:attributeGroup", "xs:anyAttribute"] }, locOf(ctx, c));
    } else particle = readParticle(ctx, c);
  }
  return { particle, ...readAttributeUses(ctx, attrKids) };
}

export function readComplexType(ctx: ReadContext, el: XmlElement, scope: Scope): XComplexType {
  checkAttributes(ctx, el, `complexType@${scope}`);
  const name = scope === "global" ? nameAttr(ctx, el, true) : undefined;
  const kids = annotations(ctx, xsdChildren(ctx, el, "complexType"));
  let content: XComplexContent;
  const first = kids[0];
  if (first !== undefined && (first.local === "simpleContent" || first.local === "complexContent")) {
    if (kids.length > 1) ctx.reporter.report("xsd/unexpected-child", { found: kids[1].name, parent: "complexType", expected: ["nothing after xs:" + first.local] }, locOf(ctx, kids[1]));
    content = readDerivedContent(ctx, first);
  } else {
    content = { kind: "implicit", ...particleAndAttributes(ctx, kids) };
  }
  const node: XComplexType = {
    kind: "complexType",
    loc: locOf(ctx, el),
    mixed: boolAttr(ctx, el, "mixed", false),
    abstract: boolAttr(ctx, el, "abstract", false),
    content,
  };
  if (name !== undefined) node.name = name;
  if (scope === "global") {
    const block = effectiveSet(ctx, el, "block", COMPLEX_SET, ctx.blockDefault);
    if (block !== undefined) node.block = block;
    const final = effectiveSet(ctx, el, "final", COMPLEX_SET, ctx.finalDefault);
    if (final !== undefined) node.final = final;
  }
  return described(ctx, node, el);
}

function readDerivedContent(ctx: ReadContext, el: XmlElement): XComplexContent {
  const which = el.local as "simpleContent" | "complexContent";
  checkAttributes(ctx, el, which);
  const kids = annotations(ctx, xsdChildren(ctx, el, which));
  const loc = locOf(ctx, el);
  const der = kids[0];
  const fallbackBase: QName = { namespace: XSD_NS, local: "anyType", raw: "xs:anyType" };
  if (der === undefined) {
    ctx.reporter.report("xsd/syntax", { message: `xs:${which} needs an xs:extension or xs:restriction child` }, loc);
    return { kind: "implicit", particle: null, attributes: [] };
  }
  if (kids.length > 1) ctx.reporter.report("xsd/unexpected-child", { found: kids[1].name, parent: which, expected: ["nothing after xs:" + der.local] }, locOf(ctx, kids[1]));
  const derivation = der.local as "extension" | "restriction";
  checkAttributes(ctx, der, derivation);
  const base = (requireAttr(ctx, der, "base") === undefined ? undefined : qnameAttr(ctx, der, "base")) ?? fallbackBase;
  const derKids = annotations(ctx, xsdChildren(ctx, der, `${derivation}@${which}`));
  if (which === "complexContent") {
    const out: XComplexContent = { kind: "complexContent", derivation, base, loc: locOf(ctx, der), ...particleAndAttributes(ctx, derKids) };
    if (el.attributes.has("mixed")) out.mixed = boolAttr(ctx, el, "mixed", false);
    return out;
  }
  const facets: XFacet[] = [];
  let simpleType: XSimpleType | undefined;
  const attrKids: XmlElement[] = [];
  for (const c of derKids) {
    if (c.local === "simpleType") simpleType = readSimpleType(ctx, c, "local");
    else if (FACET_SET.has(c.local)) facets.push(readFacet(ctx, c));
    else attrKids.push(c);
  }
  const out: XComplexContent = { kind: "simpleContent", derivation, base, facets, loc: locOf(ctx, der), ...readAttributeUses(ctx, attrKids) };
  if (simpleType !== undefined) out.simpleType = simpleType;
  return out;
}

function readFacet(ctx: ReadContext, el: XmlElement): XFacet {
  checkAttributes(ctx, el, "facet");
  annotations(ctx, xsdChildren(ctx, el, "facet"));
  const value = requireAttr(ctx, el, "value") ?? "";
  const f: XFacet = { facet: el.local as FacetName, value, loc: locOf(ctx, el), valueSite: valueSite(ctx, el, "value") };
  if (el.attributes.has("fixed") && boolAttr(ctx, el, "fixed", false)) f.fixed = true;
  const doc = docOf(el);
  if (doc !== undefined) f.doc = doc;
  return f;
}

export function readSimpleType(ctx: ReadContext, el: XmlElement, scope: Scope): XSimpleType {
  checkAttributes(ctx, el, `simpleType@${scope}`);
  const name = scope === "global" ? nameAttr(ctx, el, true) : undefined;
  const kids = annotations(ctx, xsdChildren(ctx, el, "simpleType"));
  const loc = locOf(ctx, el);
  const node: XSimpleType = { kind: "simpleType", loc, derivation: { kind: "restriction", facets: [] } };
  if (name !== undefined) node.name = name;
  if (scope === "global") {
    const final = effectiveSet(ctx, el, "final", SIMPLE_FINAL, ctx.finalDefault);
    if (final !== undefined) node.final = final;
  }
  const der = kids[0];
  if (der === undefined) {
    ctx.reporter.report("xsd/syntax", { message: "xs:simpleType needs an xs:restriction, xs:list or xs:union child" }, loc);
    node.derivation = { kind: "restriction", base: { namespace: XSD_NS, local: "anySimpleType", raw: "xs:anySimpleType" }, facets: [] };
    return described(ctx, node, el);
  }
  if (kids.length > 1) ctx.reporter.report("xsd/unexpected-child", { found: kids[1].name, parent: "simpleType", expected: ["nothing after xs:" + der.local] }, locOf(ctx, kids[1]));
  checkAttributes(ctx, der, der.local);
  const derKids = annotations(ctx, xsdChildren(ctx, der, der.local === "restriction" ? "restriction@simpleType" : der.local));
  if (der.local === "restriction") {
    const base = qnameAttr(ctx, der, "base");
    const facets: XFacet[] = [];
    let inline: XSimpleType | undefined;
    for (const c of derKids) {
      if (c.local === "simpleType") {
        if (inline !== undefined || facets.length > 0) ctx.reporter.report("xsd/unexpected-child", { found: c.name, parent: "restriction", expected: ["facets"] }, locOf(ctx, c));
        else inline = readSimpleType(ctx, c, "local");
      } else facets.push(readFacet(ctx, c));
    }
    exclusive(ctx, der, "the base attribute", "an anonymous simpleType", [base !== undefined, inline !== undefined]);
    if (base === undefined && inline === undefined && !der.attributes.has("base")) {
      ctx.reporter.report("xsd/syntax", { message: "xs:restriction needs a base attribute or an anonymous simpleType" }, locOf(ctx, der));
    }
    node.derivation = { kind: "restriction", facets, ...(base !== undefined ? { base } : {}), ...(inline !== undefined ? { simpleType: inline } : {}) };
  } else if (der.local === "list") {
    const itemType = qnameAttr(ctx, der, "itemType");
    const inline = derKids.length > 0 ? readSimpleType(ctx, derKids[0], "local") : undefined;
    exclusive(ctx, der, "the itemType attribute", "an anonymous simpleType", [itemType !== undefined, inline !== undefined]);
    if (itemType === undefined && inline === undefined) ctx.reporter.report("xsd/syntax", { message: "xs:list needs an itemType attribute or an anonymous simpleType" }, locOf(ctx, der));
    node.derivation = { kind: "list", ...(itemType !== undefined ? { itemType } : {}), ...(inline !== undefined ? { simpleType: inline } : {}) };
  } else {
    const raw = attr(der, "memberTypes") ?? "";
    const memberTypes = raw
      .trim()
      .split(/\s+/)
      .filter((s) => s !== "")
      .map((v) => resolveQName(ctx, der, v, "memberTypes"))
      .filter((q): q is QName => q !== undefined);
    const simpleTypes = derKids.map((c) => readSimpleType(ctx, c, "local"));
    if (memberTypes.length + simpleTypes.length === 0) ctx.reporter.report("xsd/syntax", { message: "xs:union needs memberTypes or anonymous simpleType members" }, locOf(ctx, der));
    node.derivation = { kind: "union", memberTypes, simpleTypes };
  }
  return described(ctx, node, el);
}

export type { Reporter };
