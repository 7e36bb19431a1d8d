/**
 * cvc-elt.2 (XSD 1.0 §3.3.4, Element Locally Valid (Element)): the type an element is validated
 * against, its declared one or the one xsi:type names, must not be abstract. The diagnostic names
 * the types xsi:type could name instead, so the fix is spelt out.
 */
import type { ElementDecl, SchemaModel } from "../schema/model.js";
import type { Params } from "../diagnostics/codes.js";
import { derivationSteps, xsiTypeBlocked, type TypeRef } from "./derivation-steps.js";

/** At most this many alternatives are named; the rest are counted. */
const MAX_LISTED = 12;

/**
 * Named complex types derived from the abstract type `abstractId` that are not abstract and that
 * xsi:type may use on `decl` (its `block` and the types' `block` allow the derivation), in schema order.
 */
export function concreteDerivedTypes(model: SchemaModel, abstractId: number, decl: ElementDecl): string[] {
  const target: TypeRef = { kind: "complex", id: abstractId };
  const names: string[] = [];
  for (const ref of Object.values(model.namedTypes)) {
    if (ref.kind !== "complex" || ref.id === abstractId) continue;
    const ct = model.complexTypes[ref.id];
    if (ct.abstract || ct.name === undefined) continue;
    if (derivationSteps(model, ref, target) === null) continue;
    if (xsiTypeBlocked(model, ref, decl) !== null) continue;
    names.push(ct.name);
  }
  return names;
}

/**
 * Parameters of valid/abstract-type for element `element` whose type (complex type `typeId`) is
 * abstract; `xsiType`: the xsi:type value as written when that attribute named it, else null.
 */
export function abstractTypeParams(model: SchemaModel, typeId: number, decl: ElementDecl, element: string, xsiType: string | null): Params {
  const type = model.complexTypes[typeId].name ?? "(anonymous type)";
  const derived = concreteDerivedTypes(model, typeId, decl);
  const listed = derived.length > MAX_LISTED ? [...derived.slice(0, MAX_LISTED), `... (${derived.length - MAX_LISTED} more)`] : derived;
  const fix =
    derived.length === 0
      ? "the schema derives no non-abstract type from it that xsi:type may name here, so no content can make this element valid"
      : `name a non-abstract type derived from it with xsi:type (${derived.length === 1 ? listed[0] : `one of: ${listed.join(", ")}`})`;
  return {
    element,
    type,
    via: xsiType === null ? "" : ` (named by xsi:type="${xsiType}")`,
    fix,
    derived,
  };
}
