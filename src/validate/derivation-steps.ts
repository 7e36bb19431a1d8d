/**
 * The derivation steps between two types, with their methods, for what `block` and `final`
 * govern: substitution group membership (e-props-correct.4, cos-equiv-derived-ok-rec) and
 * xsi:type (cvc-elt.4.3). The model keeps each complex type's base by key with its method and
 * each simple type's base by id (always a restriction); xs:anyType is the root of everything.
 */
import { XSD_NS, type DerivationMethod, type ElementDecl, type SchemaModel } from "../schema/model.js";

export type TypeRef = ElementDecl["type"];

export interface DerivationStep {
  method: "extension" | "restriction";
  /** The type derived from in this step. */
  base: TypeRef;
}

const ANY_TYPE = `{${XSD_NS}}anyType`;
const ANY_SIMPLE = `{${XSD_NS}}anySimpleType`;

/** Steps from `from` up to `to` (empty when they are the same type); null when `from` does not derive from `to`. */
export function derivationSteps(model: SchemaModel, from: TypeRef, to: TypeRef): DerivationStep[] | null {
  const steps: DerivationStep[] = [];
  let cur: TypeRef = from;
  // Bounded: a malformed model could loop.
  for (let n = 0; n < 256; n++) {
    if (cur.kind === to.kind && cur.id === to.id) return steps;
    const next = baseOf(model, cur);
    if (next === undefined) break;
    steps.push(next.step);
    cur = next.step.base;
  }
  // Every type derives from anyType, and every simple type from anySimpleType, by restriction.
  if (is(model, to, ANY_TYPE) || (is(model, to, ANY_SIMPLE) && (cur.kind === "simple" || model.complexTypes[cur.id].content.kind === "simple"))) {
    return steps;
  }
  return null;
}

/** The first step whose method is blocked, by `blocked` or by the `block` of the type it derives from. */
export function blockedStep(model: SchemaModel, steps: DerivationStep[], blocked: readonly DerivationMethod[] | undefined): DerivationStep | undefined {
  for (const s of steps) {
    if (blocked?.includes(s.method) === true) return s;
    if (s.base.kind === "complex" && model.complexTypes[s.base.id].block?.includes(s.method) === true) return s;
  }
  return undefined;
}

function baseOf(model: SchemaModel, t: TypeRef): { step: DerivationStep } | undefined {
  if (t.kind === "simple") {
    const base = model.simpleTypes[t.id].base;
    return base === undefined ? undefined : { step: { method: "restriction", base: { kind: "simple", id: base } } };
  }
  const b = model.complexTypes[t.id].base;
  if (b === undefined) return undefined;
  const named = model.namedTypes[b.key];
  return named === undefined ? undefined : { step: { method: b.derivation, base: named } };
}

function is(model: SchemaModel, t: TypeRef, key: string): boolean {
  const named = model.namedTypes[key];
  return named !== undefined && named.kind === t.kind && named.id === t.id;
}

/**
 * cvc-elt.4.3 with block: why xsi:type `type` may not replace the type of `decl` although it
 * derives from it (a step by a method the element's `block` or a base type's `block` names), or
 * null when it may.
 */
export function xsiTypeBlocked(model: SchemaModel, type: TypeRef, decl: ElementDecl): string | null {
  const steps = derivationSteps(model, type, decl.type);
  if (steps === null) return null;
  const s = blockedStep(model, steps, decl.block);
  if (s === undefined) return null;
  if (decl.block?.includes(s.method) === true) return `it derives by ${s.method}, which the element blocks (block="${decl.block.join(" ")}")`;
  const base = model.complexTypes[s.base.id];
  return `it derives by ${s.method} from ${base.name ?? "an anonymous type"}, which blocks that (block="${(base.block ?? []).join(" ")}")`;
}
