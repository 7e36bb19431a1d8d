/**
 * Attribute uses: local declarations, references to global attributes, attribute group
 * references (expanded, memoised, cycles reported) and attribute wildcards.
 */
import { builtinType } from "../build.js";
import { nameKey, XML_NS, type AttributeDecl, type SourceLocation, type Wildcard } from "../model.js";
import { unresolvedIn, type AttributeSet, type BuildContext } from "./build-context.js";
import { buildAnonymousSimple, simpleTypeRef } from "./build-simple.js";
import { qnameKey } from "./globals.js";
import type { XAttribute, XAttributes, XSchema, XWildcard } from "./syntax.js";
import { queueValueConstraint } from "./value-constraints.js";
import { valueNamespaces } from "./value-namespaces.js";

/** The attributes of the xml: namespace, usable by ref without importing xml.xsd. */
const XML_ATTRIBUTES: Record<string, string> = { lang: "language", space: "NCName", base: "anyURI", id: "ID" };

export function buildWildcard(w: XWildcard, schema: XSchema): Wildcard {
  const tns = schema.targetNamespace;
  let namespaces: Wildcard["namespaces"];
  if (w.namespace.includes("##any")) namespaces = "##any";
  else if (w.namespace.includes("##other")) namespaces = "##other";
  else namespaces = w.namespace.map((n) => (n === "##targetNamespace" ? tns : n === "##local" ? null : n));
  return { namespaces, targetNamespace: tns, processContents: w.processContents };
}

function attributeType(ctx: BuildContext, node: XAttribute, schema: XSchema): number {
  if (node.simpleType !== undefined) return buildAnonymousSimple(ctx, node.simpleType, schema);
  if (node.type !== undefined) return simpleTypeRef(ctx, node.type, node.loc);
  return builtinType(ctx.model, "anySimpleType");
}

function decl(ctx: BuildContext, node: XAttribute, schema: XSchema, namespace: string | null): AttributeDecl {
  const name = node.name ?? "";
  const a: AttributeDecl = { name, namespace, key: nameKey(namespace, name), type: attributeType(ctx, node, schema), use: node.use, location: node.loc };
  if (node.default !== undefined) a.default = node.default;
  if (node.fixed !== undefined) a.fixed = node.fixed;
  keepValueBindings(ctx, a, node);
  if (node.doc !== undefined) a.doc = node.doc;
  if (node.provenance !== undefined) a.provenance = node.provenance;
  queueValueConstraint(ctx, node, { kind: "attribute", name, simpleType: a.type });
  return a;
}

/** A default or fixed value of a QName-based type keeps the schema's bindings (value-namespaces.ts). */
function keepValueBindings(ctx: BuildContext, a: AttributeDecl, node: XAttribute): void {
  const value = node.default ?? node.fixed;
  const namespaces = value === undefined ? undefined : valueNamespaces(ctx.model, a.type, value, node.valueSite);
  if (namespaces !== undefined) a.valueNamespaces = namespaces;
  else delete a.valueNamespaces;
}

/** A global attribute declaration, built once. */
function globalAttribute(ctx: BuildContext, node: XAttribute): AttributeDecl | undefined {
  const ref = node.ref!;
  const key = qnameKey(ref);
  const memo = ctx.globalAttributes.get(key);
  if (memo === "building") return undefined; // only via a type cycle, reported there
  if (memo !== undefined) return memo;
  const def = ctx.globals.attributes.get(key);
  if (def === undefined) {
    if (ref.namespace === XML_NS && XML_ATTRIBUTES[ref.local] !== undefined) {
      const a: AttributeDecl = { name: ref.local, namespace: XML_NS, key, type: builtinType(ctx.model, XML_ATTRIBUTES[ref.local]), use: "optional", location: node.loc };
      ctx.globalAttributes.set(key, a);
      return a;
    }
    unresolvedIn(ctx, "xsd/unresolved-attribute", ref, node.loc, ctx.globals.attributes.keys());
    return undefined;
  }
  ctx.globalAttributes.set(key, "building");
  const a = decl(ctx, def.node, def.schema, def.schema.targetNamespace);
  ctx.globalAttributes.set(key, a);
  return a;
}

function attributeUse(ctx: BuildContext, node: XAttribute, schema: XSchema): AttributeDecl | undefined {
  if (node.ref === undefined) return decl(ctx, node, schema, node.qualified ? schema.targetNamespace : null);
  const g = globalAttribute(ctx, node);
  if (g === undefined) return undefined;
  const a: AttributeDecl = { ...g, use: node.use, location: node.loc };
  // A use may set its own value constraint; a global fixed value cannot be changed.
  if (node.default !== undefined) {
    a.default = node.default;
    delete a.fixed;
  }
  if (node.fixed !== undefined) {
    a.fixed = node.fixed;
    delete a.default;
  }
  if (node.default !== undefined || node.fixed !== undefined) keepValueBindings(ctx, a, node);
  if (g.fixed !== undefined && node.fixed !== undefined && g.fixed !== node.fixed) {
    ctx.reporter.report("xsd/syntax", { message: `attribute "${g.name}" is fixed to "${g.fixed}" globally; a reference cannot fix it to "${node.fixed}"` }, node.loc);
  }
  if (node.doc !== undefined) a.doc = node.doc;
  queueValueConstraint(ctx, node, { kind: "attribute", name: g.name, simpleType: g.type });
  return a;
}

/**
 * Intersection of two attribute wildcards (attribute groups and local wildcards combine so).
 * The result keeps `a`'s processContents: XSD 1.0 §3.4.2 (complete wildcard) takes it from the
 * local wildcard, else from the first attribute group's, and callers pass that one as `a`.
 */
export function intersectWildcards(a: Wildcard | undefined, b: Wildcard | undefined): Wildcard | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (a.namespaces === "##any") return { ...b, processContents: a.processContents };
  if (b.namespaces === "##any") return a;
  const intersected = intersectNamespaces(a, b);
  return { ...intersected, processContents: a.processContents };
}

function intersectNamespaces(a: Wildcard, b: Wildcard): Wildcard {
  if (Array.isArray(a.namespaces) && Array.isArray(b.namespaces)) {
    const other = b.namespaces;
    return { ...a, namespaces: a.namespaces.filter((n) => other.includes(n)) };
  }
  const list = Array.isArray(a.namespaces) ? a : Array.isArray(b.namespaces) ? b : undefined;
  const neg = list === a ? b : a;
  if (list !== undefined) return { ...list, namespaces: (list.namespaces as (string | null)[]).filter((n) => n !== null && n !== neg.targetNamespace) };
  return a; // both ##other: equal when their target namespaces are; otherwise not expressible, keep the first
}

/** Union (extension adds the base type's wildcard to its own). */
export function unionWildcards(a: Wildcard | undefined, b: Wildcard | undefined): Wildcard | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (a.namespaces === "##any" || b.namespaces === "##any") return { ...a, namespaces: "##any" };
  if (Array.isArray(a.namespaces) && Array.isArray(b.namespaces)) {
    return { ...a, namespaces: [...new Set([...a.namespaces, ...b.namespaces])] };
  }
  return { ...a, namespaces: "##any" }; // ##other ∪ anything that adds its excluded names: widen, documented
}

function attributeGroup(ctx: BuildContext, ref: { key: string; raw: string }, loc: SourceLocation): AttributeSet | undefined {
  const memo = ctx.attributeGroups.get(ref.key);
  if (memo === "building") {
    ctx.reporter.report("xsd/circular", { kind: "attributeGroup", name: ref.raw, cycle: `${ref.raw} → ${ref.raw}` }, loc);
    return undefined;
  }
  if (memo !== undefined) return memo;
  const def = ctx.globals.attributeGroups.get(ref.key);
  if (def === undefined) return undefined;
  ctx.attributeGroups.set(ref.key, "building");
  const set = buildAttributeSet(ctx, def.node, def.schema);
  ctx.attributeGroups.set(ref.key, set);
  return set;
}

/** The attributes and wildcard a list of attribute uses contributes, duplicates reported. */
export function buildAttributeSet(ctx: BuildContext, uses: XAttributes, schema: XSchema): AttributeSet {
  const out: AttributeDecl[] = [];
  let wildcard: Wildcard | undefined;
  const groupWildcards: Wildcard[] = [];
  const add = (a: AttributeDecl, loc: SourceLocation) => {
    if (out.some((o) => o.key === a.key)) ctx.reporter.report("xsd/duplicate-attribute", { name: a.key }, loc);
    else out.push(a);
  };
  for (const u of uses.attributes) {
    if (u.kind === "attribute") {
      const a = attributeUse(ctx, u, schema);
      if (a !== undefined) add(a, u.loc);
    } else {
      const key = qnameKey(u.ref);
      if (!ctx.globals.attributeGroups.has(key)) {
        unresolvedIn(ctx, "xsd/unresolved-attribute-group", u.ref, u.loc, ctx.globals.attributeGroups.keys());
        continue;
      }
      const set = attributeGroup(ctx, { key, raw: u.ref.raw }, u.loc);
      if (set === undefined) continue;
      for (const a of set.attributes) add(a, u.loc);
      if (set.anyAttribute !== undefined) groupWildcards.push(set.anyAttribute);
    }
  }
  if (uses.anyAttribute !== undefined) wildcard = buildWildcard(uses.anyAttribute, schema);
  for (const g of groupWildcards) wildcard = wildcard === undefined ? g : intersectWildcards(wildcard, g);
  return wildcard === undefined ? { attributes: out } : { attributes: out, anyAttribute: wildcard };
}
