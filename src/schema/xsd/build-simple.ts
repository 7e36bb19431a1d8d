/**
 * Simple types: allocate ids first (named ones before anything refers to them), then complete
 * each — a restriction merges its base's facets, a list names its item type, a union its
 * members. A type that derives from itself, directly or not, is an error.
 */
import { addSimpleType, builtinType } from "../build.js";
import { XSD_NS, type SchemaModel, type SimpleType, type SourceLocation } from "../model.js";
import { reportLimitOnce, resolveTypeRef, runTypeJob, type BuildContext } from "./build-context.js";
import { restrictFacets } from "./restrict-facets.js";
import type { QName, XSchema, XSimpleType } from "./syntax.js";

export function allocSimple(ctx: BuildContext, node: XSimpleType, schema: XSchema): number {
  const t = addSimpleType(ctx.model, {
    variety: "atomic",
    builtin: "anySimpleType",
    facets: {},
    location: node.loc,
    ...(node.name !== undefined ? { name: node.name, namespace: schema.targetNamespace } : {}),
    ...(node.doc !== undefined ? { doc: node.doc } : {}),
    ...(node.provenance !== undefined ? { provenance: node.provenance } : {}),
  });
  ctx.simpleJobs.set(t.id, { node, schema, state: "pending", label: node.name ?? `anonymous simpleType at ${node.loc.line}:${node.loc.column}` });
  return t.id;
}

/** An anonymous simple type, allocated and completed in place. */
export function buildAnonymousSimple(ctx: BuildContext, node: XSimpleType, schema: XSchema): number {
  const id = allocSimple(ctx, node, schema);
  completeSimple(ctx, id, node.loc);
  return id;
}

/** A simple type reference: a named simple type or built-in, else a diagnostic and anySimpleType. */
export function simpleTypeRef(ctx: BuildContext, q: QName, loc: SourceLocation): number {
  const ref = resolveTypeRef(ctx, q, loc);
  if (ref === undefined) return builtinType(ctx.model, "anySimpleType");
  if (ref.kind === "complex") {
    ctx.reporter.report("xsd/invalid-derivation", { message: `type "${q.raw}" is a complex type; a simple type is needed here` }, loc).hint =
      "name a simple type (a built-in such as xs:string, or an xs:simpleType), or use the complex type on an element";
    return builtinType(ctx.model, "anySimpleType");
  }
  return ref.id;
}

/** Completes simple type `id` (a no-op for built-ins and finished types); `from` is where it is needed. */
export function completeSimple(ctx: BuildContext, id: number, from: SourceLocation): void {
  runTypeJob(ctx, ctx.simpleJobs.get(id), "simpleType", from, (job) => fill(ctx, id, job.node, job.schema));
}

function operand(ctx: BuildContext, q: QName | undefined, inline: XSimpleType | undefined, schema: XSchema, loc: SourceLocation): number {
  if (inline !== undefined) return buildAnonymousSimple(ctx, inline, schema);
  if (q !== undefined) {
    const id = simpleTypeRef(ctx, q, loc);
    completeSimple(ctx, id, loc);
    return id;
  }
  return builtinType(ctx.model, "anySimpleType");
}

/**
 * Whether a base or itemType reference is xs:anySimpleType as written: an unresolved reference
 * also falls back to it, and its error was reported already (one error, not two).
 */
function namesAnySimpleType(q: QName | undefined): boolean {
  return q !== undefined && q.namespace === XSD_NS && q.local === "anySimpleType";
}

function fill(ctx: BuildContext, id: number, node: XSimpleType, schema: XSchema): void {
  const t = ctx.model.simpleTypes[id];
  const d = node.derivation;
  if (d.kind === "restriction") {
    const baseId = operand(ctx, d.base, d.simpleType, schema, node.loc);
    checkFinal(ctx, baseId, "restriction", node.loc);
    const base = ctx.model.simpleTypes[baseId];
    t.variety = base.variety;
    t.builtin = base.builtin;
    t.base = baseId;
    if (base.itemType !== undefined) t.itemType = base.itemType;
    if (base.memberTypes !== undefined) t.memberTypes = [...base.memberTypes];
    if (base.name === "anySimpleType" && base.namespace !== undefined && d.facets.length > 0) {
      if (namesAnySimpleType(d.base) || d.base === undefined) ctx.reporter.report("xsd/invalid-derivation", { message: "xs:anySimpleType cannot be restricted with facets; restrict a primitive type such as xs:string" }, node.loc);
      t.facets = { ...base.facets };
    } else t.facets = restrictFacets(ctx, baseId, d.facets, id);
  } else if (d.kind === "list") {
    const item = operand(ctx, d.itemType, d.simpleType, schema, node.loc);
    checkFinal(ctx, item, "list", node.loc);
    const itemType = ctx.model.simpleTypes[item];
    if (itemType.variety === "list") {
      const d = ctx.reporter.report("xsd/invalid-derivation", { message: "the item type of a list cannot itself be a list type" }, node.loc);
      d.hint = "give the list an atomic or union item type (XSD 1.0 cos-list-of-atomic): a list of lists would not know where one item ends";
    } else if (itemType.name === "anySimpleType" && itemType.namespace === XSD_NS && namesAnySimpleType(d.itemType)) {
      // cos-st-restricts.2.1: the item type is atomic or a union; xs:anySimpleType is neither (libxml2 agrees).
      const d = ctx.reporter.report("xsd/invalid-derivation", { message: "the item type of a list cannot be xs:anySimpleType: it must be an atomic or union type" }, node.loc);
      d.hint = "use an atomic item type such as xs:string or xs:token";
    }
    t.variety = "list";
    t.builtin = "anySimpleType";
    t.itemType = item;
    t.facets = { whiteSpace: "collapse" };
  } else {
    const members = d.memberTypes.map((q) => operand(ctx, q, undefined, schema, node.loc));
    for (const s of d.simpleTypes) members.push(buildAnonymousSimple(ctx, s, schema));
    for (const m of members) checkFinal(ctx, m, "union", node.loc);
    t.variety = "union";
    t.builtin = "anySimpleType";
    t.memberTypes = members;
    t.facets = {};
    if (expandedMembers(ctx.model, members) > MAX_UNION_MEMBERS) reportLimitOnce(ctx, "xsd/union-too-large", { name: t.name ?? "(anonymous)", limit: MAX_UNION_MEMBERS }, node.loc);
  }
}

/**
 * Member types of a union with nested unions expanded. Unions that each name the previous one
 * twice double at each step: 40 of them made a checker that tried 2^40 members on a value that
 * fits none (its description alone outgrew V8's longest string at 25); real unions have a few.
 */
export const MAX_UNION_MEMBERS = 1_000;

/** Expanded sizes of the unions measured so far, by type (each union is measured once). */
const unionSizes = new WeakMap<SimpleType, number>();

/** Expanded member count of a union of `members`, saturating above MAX_UNION_MEMBERS; iterative (unions nest as deep as their chain). */
function expandedMembers(model: SchemaModel, members: readonly number[]): number {
  const sizeOf = (id: number): number | undefined => (model.simpleTypes[id].variety === "union" ? unionSizes.get(model.simpleTypes[id]) : 1);
  const stack = members.filter((m) => sizeOf(m) === undefined);
  while (stack.length > 0) {
    const id = stack[stack.length - 1];
    const t = model.simpleTypes[id];
    if (unionSizes.has(t)) {
      stack.pop();
      continue;
    }
    let total = 0;
    let pending = false;
    for (const m of t.memberTypes ?? []) {
      const n = sizeOf(m);
      if (n !== undefined) total = Math.min(total + n, MAX_UNION_MEMBERS + 1);
      // A member still pending below is a cycle, reported elsewhere: it counts once.
      else if (stack.includes(m)) total = Math.min(total + 1, MAX_UNION_MEMBERS + 1);
      else {
        stack.push(m);
        pending = true;
      }
    }
    if (pending) continue;
    unionSizes.set(t, total);
    stack.pop();
  }
  return members.reduce((sum, m) => Math.min(sum + (sizeOf(m) ?? 1), MAX_UNION_MEMBERS + 1), 0);
}

/** st-props-correct / cos-list-of-atomic / cos-no-circular-unions: a base's `final` forbids the method. */
function checkFinal(ctx: BuildContext, baseId: number, method: "restriction" | "list" | "union", loc: SourceLocation): void {
  const final = ctx.simpleJobs.get(baseId)?.node.final;
  if (final === undefined || !final.includes(method)) return;
  const name = ctx.model.simpleTypes[baseId].name ?? "(anonymous)";
  const how = method === "restriction" ? "restricted" : method === "list" ? "used as a list item type" : "used as a union member";
  ctx.reporter.report("xsd/invalid-derivation", { message: `simple type "${name}" is final for ${method} (final="${final.join(" ")}"), so it cannot be ${how}` }, loc);
}
