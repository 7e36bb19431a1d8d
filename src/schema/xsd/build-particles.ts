/**
 * Particles and element declarations: local elements become declarations of their own, element
 * references point at the global one, group references expand to the group's particle (built
 * once and shared; a group that contains itself other than through an element is an error).
 */
import { addElement } from "../build.js";
import { nameKey, type ElementDecl, type GroupParticle, type IdentityConstraint, type Particle, type SourceLocation } from "../model.js";
import { anyType, tooDeep, unresolvedIn, type BuildContext } from "./build-context.js";
import { buildWildcard } from "./build-attributes.js";
import { allocComplex } from "./build-complex.js";
import { buildAnonymousSimple } from "./build-simple.js";
import { resolveTypeRef } from "./build-context.js";
import { qnameKey } from "./globals.js";
import type { XCompositor, XElement, XGroupRef, XIdentity, XParticle, XSchema } from "./syntax.js";
import { queueValueConstraint } from "./value-constraints.js";
import { boundedModel } from "./particle-size.js";

/** The type of an element declaration: its anonymous type, its type attribute, else anyType. */
export function elementType(ctx: BuildContext, node: XElement, schema: XSchema): ElementDecl["type"] {
  if (node.complexType !== undefined) return { kind: "complex", id: allocComplex(ctx, node.complexType, schema) };
  if (node.simpleType !== undefined) return { kind: "simple", id: buildAnonymousSimple(ctx, node.simpleType, schema) };
  if (node.type !== undefined) {
    const ref = resolveTypeRef(ctx, node.type, node.loc);
    if (ref !== undefined) return ref;
  }
  return { kind: "complex", id: anyType(ctx) };
}

export function elementFields(node: XElement): Pick<ElementDecl, "nillable" | "abstract" | "default" | "fixed" | "block" | "final" | "identity" | "doc" | "provenance" | "location"> {
  const f: ReturnType<typeof elementFields> = { nillable: node.nillable, abstract: node.abstract, location: node.loc };
  if (node.default !== undefined) f.default = node.default;
  if (node.fixed !== undefined) f.fixed = node.fixed;
  if (node.block !== undefined) f.block = node.block;
  if (node.final !== undefined) f.final = node.final;
  if (node.identity !== undefined) f.identity = node.identity.map(identityConstraint);
  if (node.doc !== undefined) f.doc = node.doc;
  if (node.provenance !== undefined) f.provenance = node.provenance;
  return f;
}

function identityConstraint(x: XIdentity): IdentityConstraint {
  const c: IdentityConstraint = {
    kind: x.kind,
    name: x.name,
    namespace: x.namespace,
    key: nameKey(x.namespace, x.name),
    selector: x.selector,
    fields: x.fields,
    namespaces: x.namespaces,
    location: x.loc,
  };
  // A refer into a namespace not imported was reported when read; it names no key here.
  if (x.refer !== undefined && x.refer.unimported === undefined) c.refer = qnameKey(x.refer);
  return c;
}

function elementParticle(ctx: BuildContext, node: XElement, schema: XSchema): Particle | null {
  // maxOccurs="0": the particle corresponds to no component (XSD 1.0 §3.3.2), so its reference is
  // never resolved (libxml2 drops it before resolving too).
  if (node.ref !== undefined && node.max === 0) return null;
  if (node.ref !== undefined) {
    const key = qnameKey(node.ref);
    const id = ctx.globalElementIds.get(key);
    if (id === undefined) {
      unresolvedIn(ctx, "xsd/unresolved-element", node.ref, node.loc, ctx.globals.elements.keys());
      return null;
    }
    return { kind: "element", name: node.ref.local, namespace: node.ref.namespace, element: id, min: node.min, max: node.max, location: node.loc };
  }
  const namespace = node.qualified ? schema.targetNamespace : null;
  const el = addElement(ctx.model, { name: node.name ?? "", namespace, type: { kind: "complex", id: -1 }, global: false, ...elementFields(node) });
  el.type = elementType(ctx, node, schema);
  queueValueConstraint(ctx, node, { kind: "element", name: el.name, element: el.id });
  return { kind: "element", name: el.name, namespace, element: el.id, min: node.min, max: node.max, location: node.loc };
}

function groupParticle(ctx: BuildContext, node: XGroupRef): Particle | null {
  if (node.max === 0) return null; // no component, no reference to resolve (as for element refs)
  const key = qnameKey(node.ref);
  const def = ctx.globals.groups.get(key);
  if (def === undefined) {
    unresolvedIn(ctx, "xsd/unresolved-group", node.ref, node.loc, ctx.globals.groups.keys());
    return null;
  }
  let built = ctx.groups.get(key);
  if (built === "building") {
    ctx.reporter.report("xsd/circular", { kind: "group", name: node.ref.raw, cycle: `${node.ref.raw} contains a reference to itself` }, node.loc);
    return null;
  }
  if (built === undefined) {
    if (tooDeep(ctx, ctx.groupDepth, "group", node.ref.raw, node.loc)) return null;
    ctx.groups.set(key, "building");
    ctx.groupDepth++;
    try {
      const p = def.node.particle === null ? null : buildParticle(ctx, def.node.particle, def.schema);
      built = p === null || p.kind === "element" || p.kind === "any" ? null : p;
    } finally {
      ctx.groupDepth--;
    }
    built = boundedModel(ctx, built, "group", node.ref.raw, def.node.loc);
    ctx.groups.set(key, built);
  }
  if (built === null) return null;
  return { ...built, min: node.min, max: node.max, location: node.loc, group: node.ref.local };
}

/** A particle of the model, or null when it has no content (empty compositor, unresolved ref). */
export function buildParticle(ctx: BuildContext, node: XParticle, schema: XSchema): Particle | null {
  switch (node.kind) {
    case "element":
      return elementParticle(ctx, node, schema);
    case "any":
      return { kind: "any", wildcard: buildWildcard(node, schema), min: node.min, max: node.max, location: node.loc };
    case "groupRef":
      return groupParticle(ctx, node);
    default: {
      const items: Particle[] = [];
      for (const it of node.items) {
        const p = buildParticle(ctx, it, schema);
        // maxOccurs="0": the particle corresponds to no component at all (XSD 1.0 §3.3.2, §3.8.2,
        // §3.10.2), so it can neither match nor make the model ambiguous (cos-nonambig).
        if (p === null || p.max === 0) continue;
        // Only reachable through a group reference: the schema for schemas forbids a direct xs:all child.
        if (p.kind === "all") {
          const what = p.group !== undefined ? `the group "${p.group}" referenced here` : "this particle";
          ctx.reporter.report("xsd/all-not-allowed", { what, parent: node.kind }, p.location);
        }
        items.push(p);
      }
      const g: GroupParticle = { kind: node.kind, items, min: node.min, max: node.max, location: node.loc };
      return g;
    }
  }
}

/**
 * The content particle of a complex type: an xs:all reached through a group reference must occur
 * at most once, like xs:all itself (cos-all-limited 1.2). A direct xs:all is checked when read.
 */
export function checkContentParticle(ctx: BuildContext, p: Particle | null): void {
  if (p === null || p.kind !== "all" || p.group === undefined || (p.min <= 1 && p.max === 1)) return;
  ctx.reporter.report("xsd/all-occurs", { what: `the reference to group "${p.group}" (which holds an xs:all)`, min: p.min, max: p.max }, p.location);
}

/** True when a particle can match nothing but the empty sequence (no content at all). */
export function isEmptyParticle(p: Particle | null): boolean {
  if (p === null) return true;
  if (p.kind === "element" || p.kind === "any") return p.max === 0;
  return p.max === 0 || p.items.every(isEmptyParticle);
}

/**
 * Whether a complex type's explicit content is empty by its representation (XSD 1.0 §3.4.2,
 * complex content, clause 2.1): no particle, an <all>/<sequence> with no children, a <choice
 * minOccurs="0"> with none, or maxOccurs="0" on the particle itself. Judged on the syntax, not on
 * the particles left after dropping maxOccurs-0 ones: <sequence><element maxOccurs="0"/></sequence>
 * is element-only content that allows no child (white space allowed), not empty content. A group
 * reference counts as its model group's compositor (as libxml2 reads it); unresolved, as empty
 * (it was reported).
 */
export function isExplicitlyEmpty(ctx: BuildContext, node: XParticle | null): boolean {
  if (node === null || node.max === 0) return true;
  switch (node.kind) {
    case "element":
    case "any":
      return false;
    case "groupRef": {
      const compositor = ctx.globals.groups.get(qnameKey(node.ref))?.node.particle;
      return compositor === undefined || compositor === null || noChildren(compositor, node.min);
    }
    default:
      return noChildren(node, node.min);
  }
}

function noChildren(c: XCompositor, min: number): boolean {
  return c.items.length === 0 && (c.kind !== "choice" || min === 0 || c.min === 0);
}

export type { SourceLocation };
