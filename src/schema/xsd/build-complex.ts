/**
 * Complex types: ids are allocated first (so content may refer to its own type), content is
 * built later from a queue. Derivation: extension appends the extension's particle after the
 * base's (a sequence of the two) and adds attributes; restriction replaces the content and
 * refines the base's attributes by name. simpleContent carries a simple type as content.
 */
import { addComplexType, addSimpleType, builtinType } from "../build.js";
import { nameKey, XSD_NS, type AttributeDecl, type ComplexType, type Content, type Particle, type SourceLocation } from "../model.js";
import { resolveTypeRef, runTypeJob, type AttributeSet, type BuildContext } from "./build-context.js";
import { buildAttributeSet, unionWildcards } from "./build-attributes.js";
import { buildParticle, checkContentParticle, isEmptyParticle, isExplicitlyEmpty } from "./build-particles.js";
import { boundedModel } from "./particle-size.js";
import { buildAnonymousSimple, completeSimple } from "./build-simple.js";
import { restrictFacets } from "./restrict-facets.js";
import { checkAttributeRestriction } from "./restriction-checks.js";
import { simpleTypeDerivesFrom } from "./type-derivation.js";
import { isEmptiable } from "./value-constraints.js";
import type { XComplexContent, XComplexType, XParticle, XSchema } from "./syntax.js";

export function allocComplex(ctx: BuildContext, node: XComplexType, schema: XSchema): number {
  const t = addComplexType(ctx.model, {
    content: { kind: "empty" },
    attributes: [],
    abstract: node.abstract,
    location: node.loc,
    ...(node.block !== undefined ? { block: node.block } : {}),
    ...(node.final !== undefined ? { final: node.final } : {}),
    ...(node.name !== undefined ? { name: node.name, namespace: schema.targetNamespace } : {}),
    ...(node.doc !== undefined ? { doc: node.doc } : {}),
    ...(node.provenance !== undefined ? { provenance: node.provenance } : {}),
  });
  ctx.complexJobs.set(t.id, { node, schema, state: "pending", label: node.name ?? `anonymous complexType at ${node.loc.line}:${node.loc.column}` });
  ctx.queue.push(t.id);
  return t.id;
}

/** Builds complex type `id` if it is not built yet; `from` is where it is needed (for cycles). */
export function completeComplex(ctx: BuildContext, id: number, from: SourceLocation): void {
  runTypeJob(ctx, ctx.complexJobs.get(id), "complexType", from, (job) => fill(ctx, ctx.model.complexTypes[id], job.node, job.schema));
}

/** `particle` null: the effective content is empty (see effectiveParticle). */
function contentOf(particle: Particle | null, mixed: boolean): Content {
  if (mixed) return { kind: "mixed", particle: isEmptyParticle(particle) ? null : particle };
  // A particle that matches only nothing still makes the content element-only (white space allowed).
  return particle === null ? { kind: "empty" } : { kind: "elements", particle };
}

/** The particle of the explicit content, or null when that content is empty by its representation. */
function effectiveParticle(ctx: BuildContext, node: XParticle | null, particle: Particle | null): Particle | null {
  return isExplicitlyEmpty(ctx, node) ? null : particle;
}

/** Empty content, or element-only content whose model matches no child. */
function allowsNoChild(c: Content): boolean {
  return c.kind === "empty" || (c.kind === "elements" && isEmptyParticle(c.particle));
}

function particleOf(c: Content): Particle | null {
  return c.kind === "elements" || c.kind === "mixed" ? c.particle : null;
}

function setAttributes(t: ComplexType, set: AttributeSet): void {
  t.attributes = set.attributes;
  if (set.anyAttribute !== undefined) t.anyAttribute = set.anyAttribute;
  else delete t.anyAttribute;
}

function fill(ctx: BuildContext, t: ComplexType, node: XComplexType, schema: XSchema): void {
  const c = node.content;
  if (c.kind === "implicit") {
    const particle = c.particle === null ? null : buildParticle(ctx, c.particle, schema);
    checkContentParticle(ctx, particle);
    t.content = contentOf(effectiveParticle(ctx, c.particle, particle), node.mixed);
    const set = buildAttributeSet(ctx, c, schema);
    setAttributes(t, { ...set, attributes: withoutProhibited(set.attributes) });
    return;
  }
  const own = buildAttributeSet(ctx, c, schema);
  const base = resolveTypeRef(ctx, c.base, c.loc);
  if (base === undefined) {
    // Reported; keep the declared part so later diagnostics stay meaningful.
    t.content = c.kind === "complexContent" ? contentOf(effectiveParticle(ctx, c.particle, c.particle === null ? null : buildParticle(ctx, c.particle, schema)), c.mixed ?? node.mixed) : { kind: "simple", type: builtinType(ctx.model, "anySimpleType") };
    setAttributes(t, own);
    return;
  }
  const baseKey = base.kind === "complex" ? keyOfComplex(ctx, base.id) : keyOfSimple(ctx, base.id);
  t.base = { key: baseKey, derivation: c.derivation };
  const baseFinal = base.kind === "complex" ? ctx.model.complexTypes[base.id].final : undefined;
  if (baseFinal !== undefined && baseFinal.includes(c.derivation)) {
    // cos-ct-extends.1.1 / derivation-ok-restriction.1
    ctx.reporter.report("xsd/invalid-derivation", { message: `type "${c.base.raw}" is final for ${c.derivation} (final="${baseFinal.join(" ")}"), so no type may derive from it by ${c.derivation}` }, c.loc).hint =
      `derive from another type, or remove "${c.derivation}" from the final attribute of "${c.base.raw}"`;
  }
  if (c.kind === "complexContent") fillComplexContent(ctx, t, node, c, schema, base, own);
  else fillSimpleContent(ctx, t, c, schema, base, own);
}

function keyOfComplex(ctx: BuildContext, id: number): string {
  const b = ctx.model.complexTypes[id];
  return b.name === undefined ? `#complex${id}` : nameKey(b.namespace ?? null, b.name);
}

function keyOfSimple(ctx: BuildContext, id: number): string {
  const b = ctx.model.simpleTypes[id];
  return b.name === undefined ? `#simple${id}` : nameKey(b.namespace ?? null, b.name);
}

/** cos-ct-extends.1.4.3.2.2.1: an extension with content and its base are both mixed or both element-only. */
function mixedMismatch(ctx: BuildContext, c: Extract<XComplexContent, { kind: "complexContent" }>, mixed: boolean, baseMixed: boolean): void {
  const d = ctx.reporter.report(
    "xsd/invalid-derivation",
    { message: `the extension is ${mixed ? "mixed" : "element-only"} but its base "${c.base.raw}" is ${baseMixed ? "mixed" : "element-only"}; both must be the same` },
    c.loc,
  );
  d.hint = baseMixed ? `add mixed="true" to the extension's complexType (or complexContent)` : `remove mixed="true", or derive from a mixed base`;
}

function fillComplexContent(
  ctx: BuildContext,
  t: ComplexType,
  node: XComplexType,
  c: Extract<XComplexContent, { kind: "complexContent" }>,
  schema: XSchema,
  base: { kind: "complex" | "simple"; id: number },
  own: AttributeSet,
): void {
  const mixed = c.mixed ?? node.mixed;
  const ownParticle = c.particle === null ? null : buildParticle(ctx, c.particle, schema);
  checkContentParticle(ctx, ownParticle);
  if (base.kind === "simple") {
    ctx.reporter.report("xsd/invalid-derivation", { message: `complexContent cannot derive from simple type "${c.base.raw}"; use simpleContent` }, c.loc).hint =
      "replace xs:complexContent with xs:simpleContent (text plus attributes), or derive from a complex type";
    t.content = contentOf(effectiveParticle(ctx, c.particle, ownParticle), mixed);
    setAttributes(t, own);
    return;
  }
  completeComplex(ctx, base.id, c.loc);
  const b = ctx.model.complexTypes[base.id];
  if (c.derivation === "restriction") {
    t.content = contentOf(effectiveParticle(ctx, c.particle, ownParticle), mixed);
    // derivation-ok-restriction.5.4.1.1 (5.3 for empty): a mixed restriction needs a mixed base.
    if (t.content.kind === "mixed" && b.content.kind !== "mixed" && b.content.kind !== "any") {
      const d = ctx.reporter.report("xsd/invalid-derivation", { message: `the restriction is mixed but its base "${c.base.raw}" is ${b.content.kind === "empty" ? "empty" : b.content.kind === "simple" ? "of simple content" : "element-only"}; a restriction cannot allow text its base does not` }, c.loc);
      d.hint = `remove mixed="true" from the restriction, or restrict a mixed base`;
    }
    if (b.content.kind === "simple") ctx.reporter.report("xsd/invalid-derivation", { message: `complexContent cannot restrict "${c.base.raw}", which has simple content; use simpleContent` }, c.loc);
    else if (t.content.kind === "elements" && b.content.kind === "empty") {
      // derivation-ok-restriction.5: element-only content restricts only element-only or mixed
      // content (5.4.1.1), and only empty content restricts an empty base (5.3.2.1), even when
      // every particle has maxOccurs="0" (that is element-only content, §3.4.2 clause 2.1).
      // libxml2 2.15 accepts it (it does not check this clause).
      const what = isEmptyParticle(t.content.particle) ? `a content model (element-only content, even with every particle at maxOccurs="0")` : "a content model (element-only content)";
      const d = ctx.reporter.report("xsd/invalid-derivation", { message: `the restriction has ${what} but its base "${c.base.raw}" has empty content; a restriction of empty content must be empty` }, c.loc);
      d.hint = `remove the content model from the restriction (keep only its attributes), or derive by extension to add child elements`;
    } else if (allowsNoChild(t.content) && (b.content.kind === "elements" || b.content.kind === "mixed") && b.content.particle !== null && !isEmptiable(b.content.particle)) {
      // derivation-ok-restriction.5.2: empty content restricts only content that may be empty (libxml2
      // agrees); a model that matches no child restricts it no better (5.4.2, rcase-Recurse).
      const what = t.content.kind === "empty" ? "has empty content" : "allows no child element (its particles all have maxOccurs=\"0\")";
      const d = ctx.reporter.report("xsd/invalid-derivation", { message: `the restriction ${what} but its base "${c.base.raw}" requires child elements` }, c.loc);
      d.hint = `keep the base's required children in the restriction, or make them optional in "${c.base.raw}"`;
    }
    checkAttributeRestriction(ctx.model, b, c.base.raw, own.attributes, own.anyAttribute, c.loc, ctx.reporter);
    setAttributes(t, { attributes: refine(b.attributes, own.attributes), ...(own.anyAttribute !== undefined ? { anyAttribute: own.anyAttribute } : {}) });
    return;
  }
  // Extension: a particle that matches nothing still extends (cos-ct-extends.1.4, §3.4.2 clause 2.1).
  const extra = effectiveParticle(ctx, c.particle, ownParticle);
  // Adding only attributes keeps the base's simple content (cos-ct-extends.1.4.1: the same simple type).
  const keepsSimple = b.content.kind === "simple" && extra === null && !mixed;
  if (b.content.kind === "simple" && !keepsSimple) {
    const what = extra === null ? "mixed content" : isEmptyParticle(extra) ? `a content model (element-only content, even with every particle at maxOccurs="0")` : "elements";
    const d = ctx.reporter.report("xsd/invalid-derivation", { message: `complexContent cannot extend "${c.base.raw}", which has simple content, with ${what}` }, c.loc);
    d.hint = extra !== null && isEmptyParticle(extra) ? `remove the content model that allows no child, or use simpleContent to add attributes only` : `use simpleContent to add attributes only, or derive from a type with element content`;
  }
  if (keepsSimple) {
    t.content = b.content;
  } else if (b.content.kind === "any") {
    // xs:anyType is mixed: an element-only extension adding content is cos-ct-extends.1.4.3.2.2.1.
    if (extra !== null && !mixed) mixedMismatch(ctx, c, false, true);
    t.content = { kind: "any" };
  } else {
    const baseParticle = particleOf(b.content);
    const baseMixed = b.content.kind === "mixed";
    if (baseParticle !== null && extra !== null && (baseParticle.kind === "all" || extra.kind === "all")) {
      const which = baseParticle.kind === "all" ? `its base "${c.base.raw}" has an xs:all content model` : "the extension's content is an xs:all";
      ctx.reporter.report(
        "xsd/invalid-derivation",
        { message: `cannot extend "${c.base.raw}" with more content: ${which}, and extension would put it in a sequence, where xs:all is not allowed` },
        c.loc,
      );
    }
    // mixed="true" without particles still has content: an empty sequence (XSD 1.0 §3.4.2, complex
    // content, clause 2.1.1), so the derived type is mixed and its base must be too.
    if ((extra !== null || mixed) && b.content.kind !== "empty" && baseMixed !== mixed) mixedMismatch(ctx, c, mixed, baseMixed);
    // Each extension nests its base's model one level deeper: a long chain is refused like a deep group chain.
    const particle = boundedModel(
      ctx,
      baseParticle === null ? extra : extra === null ? baseParticle : { kind: "sequence", items: [baseParticle, extra], min: 1, max: 1, location: c.loc },
      "complexType",
      t.name ?? "(anonymous)",
      c.loc,
    );
    t.content = contentOf(particle, extra === null ? baseMixed || mixed : mixed);
  }
  const attributes = [...b.attributes];
  for (const a of withoutProhibited(own.attributes)) {
    if (attributes.some((x) => x.key === a.key)) ctx.reporter.report("xsd/duplicate-attribute", { name: a.key }, a.location);
    else attributes.push(a);
  }
  const wildcard = unionWildcards(b.anyAttribute, own.anyAttribute);
  setAttributes(t, { attributes, ...(wildcard !== undefined ? { anyAttribute: wildcard } : {}) });
}

/**
 * Restriction's attribute uses replace the base's of the same name; the rest are inherited. A
 * prohibited use is kept only where it removes an inherited attribute (so the validator can say
 * "prohibited"); elsewhere it contributes nothing (XSD 1.0 §3.4.2, {attribute uses}).
 */
function refine(base: AttributeDecl[], own: AttributeDecl[]): AttributeDecl[] {
  const out = base.map((b) => own.find((o) => o.key === b.key) ?? b);
  for (const o of withoutProhibited(own)) if (!base.some((b) => b.key === o.key)) out.push(o);
  return out;
}

/** Outside restriction, use="prohibited" adds nothing to a type's attribute uses. */
export function withoutProhibited(uses: AttributeDecl[]): AttributeDecl[] {
  return uses.filter((a) => a.use !== "prohibited");
}

function inlineNotDerived(ctx: BuildContext, c: Extract<XComplexContent, { kind: "simpleContent" }>, inline: number, content: number): void {
  const name = (id: number): string => {
    // An anonymous type is named by its nearest named ancestor.
    let t = ctx.model.simpleTypes[id];
    for (let n = 0; t.name === undefined && t.base !== undefined && n < 1000; n++) t = ctx.model.simpleTypes[t.base];
    return t.name === undefined ? "an anonymous type" : t.namespace === XSD_NS ? `xs:${t.name}` : t.name;
  };
  const d = ctx.reporter.report(
    "xsd/invalid-derivation",
    { message: `the simpleContent restriction of "${c.base.raw}" gives its text the type ${name(inline)}, which does not derive from the base's text type ${name(content)}` },
    c.loc,
  );
  d.hint = `restrict ${name(content)} (base="${name(content)}" on the inner xs:restriction), or drop the inner xs:simpleType and use facets`;
}

function fillSimpleContent(
  ctx: BuildContext,
  t: ComplexType,
  c: Extract<XComplexContent, { kind: "simpleContent" }>,
  schema: XSchema,
  base: { kind: "complex" | "simple"; id: number },
  own: AttributeSet,
): void {
  let contentType: number;
  let inherited: AttributeSet = { attributes: [] };
  if (base.kind === "simple") {
    completeSimple(ctx, base.id, c.loc);
    contentType = base.id;
    if (c.derivation === "restriction") {
      ctx.reporter.report("xsd/invalid-derivation", { message: `simpleContent restriction needs a complex base type; "${c.base.raw}" is a simple type (use extension)` }, c.loc);
    }
  } else {
    completeComplex(ctx, base.id, c.loc);
    const b = ctx.model.complexTypes[base.id];
    inherited = { attributes: b.attributes, ...(b.anyAttribute !== undefined ? { anyAttribute: b.anyAttribute } : {}) };
    if (c.derivation === "restriction") checkAttributeRestriction(ctx.model, b, c.base.raw, own.attributes, own.anyAttribute, c.loc, ctx.reporter);
    if (b.content.kind === "simple") contentType = b.content.type;
    else if (c.derivation === "restriction" && c.simpleType !== undefined && (b.content.kind === "any" || (b.content.kind === "mixed" && isEmptyParticle(b.content.particle)))) {
      // A mixed, emptiable base (anyType included) restricted to text: allowed with an inline type.
      contentType = builtinType(ctx.model, "anySimpleType");
    } else {
      ctx.reporter.report("xsd/invalid-derivation", { message: `simpleContent cannot derive from "${c.base.raw}", whose content is not simple` }, c.loc).hint =
        "derive with xs:complexContent, or choose a base with simple content (or a simple type)";
      contentType = builtinType(ctx.model, "anySimpleType");
    }
  }
  if (c.derivation === "restriction") {
    if (c.simpleType !== undefined) {
      const inline = buildAnonymousSimple(ctx, c.simpleType, schema);
      // The inline type restricts the base's content type (XSD 1.0 §3.4.2 simple content 1.1, derivation-ok-restriction.5.1).
      if (!simpleTypeDerivesFrom(ctx.model, inline, contentType)) inlineNotDerived(ctx, c, inline, contentType);
      contentType = inline;
    }
    if (c.facets.length > 0) {
      const b = ctx.model.simpleTypes[contentType];
      const derived = addSimpleType(ctx.model, {
        variety: b.variety,
        builtin: b.builtin,
        base: contentType,
        ...(b.itemType !== undefined ? { itemType: b.itemType } : {}),
        ...(b.memberTypes !== undefined ? { memberTypes: [...b.memberTypes] } : {}),
        facets: {},
        location: c.loc,
      });
      derived.facets = restrictFacets(ctx, contentType, c.facets, derived.id);
      contentType = derived.id;
    }
    t.content = { kind: "simple", type: contentType };
    setAttributes(t, { attributes: refine(inherited.attributes, own.attributes), ...(own.anyAttribute !== undefined ? { anyAttribute: own.anyAttribute } : {}) });
    return;
  }
  t.content = { kind: "simple", type: contentType };
  const attributes = [...inherited.attributes];
  for (const a of withoutProhibited(own.attributes)) {
    if (attributes.some((x) => x.key === a.key)) ctx.reporter.report("xsd/duplicate-attribute", { name: a.key }, a.location);
    else attributes.push(a);
  }
  const wildcard = unionWildcards(inherited.anyAttribute, own.anyAttribute);
  setAttributes(t, { attributes, ...(wildcard !== undefined ? { anyAttribute: wildcard } : {}) });
}
