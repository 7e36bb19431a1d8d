/** Builds small models with one derived simple type, for checker tests. */
import { addSimpleType, builtinType, emptyModel } from "../../src/schema/build.js";
import type { Facets, SchemaModel } from "../../src/schema/model.js";
import { compileSimpleType, type SimpleTypeChecker } from "../../src/validate/datatypes/index.js";

export interface TypeSpec {
  /** Built-in base name, e.g. "integer". */
  base: string;
  facets?: Facets;
}

export function restrictionModel(spec: TypeSpec): { model: SchemaModel; id: number } {
  const model = emptyModel("xsd", "test.xsd");
  const base = builtinType(model, spec.base);
  const baseType = model.simpleTypes[base];
  const id = addSimpleType(model, {
    name: "T",
    namespace: null,
    variety: baseType.variety,
    builtin: baseType.variety === "atomic" ? spec.base : baseType.builtin,
    base,
    facets: { ...baseType.facets, ...spec.facets },
  }).id;
  return { model, id };
}

export function checker(spec: TypeSpec): SimpleTypeChecker {
  const { model, id } = restrictionModel(spec);
  return compileSimpleType(model, id);
}

export function enumeration(...values: string[]): Facets["enumeration"] {
  return values.map((value) => ({ value }));
}

/** A list of a (possibly restricted) atomic item type, with facets on the list. */
export function listChecker(item: TypeSpec, facets: Facets = {}): SimpleTypeChecker {
  const { model, id: itemType } = restrictionModel(item);
  const id = addSimpleType(model, { name: "L", namespace: null, variety: "list", builtin: "anySimpleType", itemType, facets: { whiteSpace: "collapse", ...facets } }).id;
  return compileSimpleType(model, id);
}

/** A union of built-in members, with facets on the union. */
export function unionChecker(members: string[], facets: Facets = {}): SimpleTypeChecker {
  const model = emptyModel("xsd", "test.xsd");
  const memberTypes = members.map((m) => builtinType(model, m));
  const id = addSimpleType(model, { name: "U", namespace: null, variety: "union", builtin: "anySimpleType", memberTypes, facets }).id;
  return compileSimpleType(model, id);
}
