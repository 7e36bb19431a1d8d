/**
 * Build: a loaded schema set → SchemaModel. The order is the recipe, stated:
 *   1. collect global definitions (duplicates reported);
 *   2. allocate ids for named types and global elements, so any reference can be resolved;
 *   3. complete named simple types (derivation order follows base references, cycles reported);
 *   4. give global elements their types, build global attributes, groups and attribute groups
 *      (so errors inside unreferenced definitions are reported too);
 *   5. build complex types from the queue until it is empty (local element types are queued
 *      while their parents are built);
 *   6. resolve substitution groups: heads, cycles, inherited types, final, the head → members
 *      table (build-substitutions.ts); check identity-constraint names and keyref refers
 *      (build-identity.ts);
 *   7. notations: declarations into model.notations, xs:NOTATION only through an enumeration of
 *      declared notations (build-notations.ts); check default/fixed values against the now
 *      complete types (value-constraints.ts);
 *   8. compile every simple type, so none reaches the validator uncompilable (compile-check.ts).
 * Unresolved references are reported where they occur and replaced by anyType/anySimpleType
 * so that one mistake yields one diagnostic.
 */
import { addElement, emptyModel } from "../build.js";
import type { SchemaModel } from "../model.js";
import { buildAttributeSet } from "./build-attributes.js";
import type { BuildContext } from "./build-context.js";
import { allocComplex, completeComplex } from "./build-complex.js";
import { buildParticle, elementFields, elementType } from "./build-particles.js";
import { allocSimple, completeSimple } from "./build-simple.js";
import { checkCompilable } from "./compile-check.js";
import { checkIdentityConstraints } from "./build-identity.js";
import { buildNotations, checkNotationTypes } from "./build-notations.js";
import { buildSubstitutions } from "./build-substitutions.js";
import { collectGlobals } from "./globals.js";
import type { Reporter } from "./report.js";
import type { XSchema } from "./syntax.js";
import { checkValueConstraints, queueValueConstraint } from "./value-constraints.js";
import { checkIdAttributes } from "./id-attributes.js";

export function buildModel(docs: XSchema[], reporter: Reporter): SchemaModel {
  const root = docs[0];
  const model = emptyModel("xsd", root.file, root.targetNamespace);
  if (root.doc !== undefined) model.doc = root.doc;
  const globals = collectGlobals(docs, reporter);
  const ctx: BuildContext = {
    model,
    globals,
    reporter,
    complexJobs: new Map(),
    simpleJobs: new Map(),
    queue: [],
    derivationStack: [],
    groupDepth: 0,
    tooDeep: false,
    groups: new Map(),
    attributeGroups: new Map(),
    globalAttributes: new Map(),
    globalElementIds: new Map(),
    fixedFacets: new Map(),
    valueConstraints: [],
  };

  for (const def of globals.types.values()) {
    if (def.node.kind === "simpleType") allocSimple(ctx, def.node, def.schema);
    else allocComplex(ctx, def.node, def.schema);
  }
  for (const def of globals.elements.values()) {
    const el = addElement(model, {
      name: def.node.name ?? "",
      namespace: def.schema.targetNamespace,
      type: { kind: "complex", id: -1 },
      global: true,
      ...elementFields(def.node),
    });
    ctx.globalElementIds.set(def.key, el.id);
  }

  for (const [id, job] of ctx.simpleJobs) if (job.node.name !== undefined) completeSimple(ctx, id, job.node.loc);
  for (const def of globals.elements.values()) {
    const id = ctx.globalElementIds.get(def.key)!;
    model.elements[id].type = elementType(ctx, def.node, def.schema);
    queueValueConstraint(ctx, def.node, { kind: "element", name: def.node.name ?? "", element: id });
  }
  for (const def of globals.attributes.values()) {
    buildAttributeSet(ctx, { attributes: [{ kind: "attribute", ref: { namespace: def.schema.targetNamespace, local: def.node.name ?? "", raw: def.node.name ?? "" }, use: "optional", qualified: true, loc: def.node.loc }] }, def.schema);
  }
  // The validator checks attributes that an anyAttribute (lax/strict) admits against these.
  model.globalAttributes = {};
  for (const [key, a] of ctx.globalAttributes) if (a !== "building") model.globalAttributes[key] = a;
  for (const def of globals.attributeGroups.values()) {
    buildAttributeSet(ctx, { attributes: [{ kind: "attributeGroupRef", ref: { namespace: def.schema.targetNamespace, local: def.node.name, raw: def.node.name }, loc: def.node.loc }] }, def.schema);
  }
  for (const def of globals.groups.values()) {
    buildParticle(ctx, { kind: "groupRef", ref: { namespace: def.schema.targetNamespace, local: def.node.name, raw: def.node.name }, min: 1, max: 1, loc: def.node.loc }, def.schema);
  }

  for (let i = 0; i < ctx.queue.length; i++) {
    const id = ctx.queue[i];
    completeComplex(ctx, id, ctx.complexJobs.get(id)!.node.loc);
  }
  buildSubstitutions(ctx);
  checkIdentityConstraints(ctx);
  buildNotations(ctx);
  checkNotationTypes(ctx);
  checkValueConstraints(ctx);
  checkIdAttributes(ctx);
  checkCompilable(ctx);
  model.unsupported = reporter.unsupported;
  return model;
}
