/**
 * "Type derivation OK (simple)" (XSD 1.0 Part 1 §3.14.6, cos-st-derived-ok): D is B, or B is
 * on D's restriction chain, or B is anySimpleType, or B is a union and D derives from one of its
 * members. Iterative along chains; union members nest at most MAX_UNION_DEPTH deep.
 */
import { XSD_NS, type SchemaModel } from "../model.js";

const MAX_UNION_DEPTH = 64;

function isAnySimpleType(model: SchemaModel, id: number): boolean {
  const t = model.simpleTypes[id];
  return t.name === "anySimpleType" && t.namespace === XSD_NS;
}

export function simpleTypeDerivesFrom(model: SchemaModel, derived: number, base: number, depth = 0): boolean {
  if (isAnySimpleType(model, base)) return true;
  const seen = new Set<number>();
  for (let id: number | undefined = derived; id !== undefined && !seen.has(id); id = model.simpleTypes[id].base) {
    if (id === base) return true;
    seen.add(id);
  }
  const b = model.simpleTypes[base];
  if (b.variety !== "union" || depth >= MAX_UNION_DEPTH) return false;
  // A restriction of a union keeps its members on the type it restricts.
  let members = b.memberTypes;
  for (let t = b, n = 0; members === undefined && t.base !== undefined && n < 1000; t = model.simpleTypes[t.base], n++) members = model.simpleTypes[t.base].memberTypes;
  return (members ?? []).some((m) => simpleTypeDerivesFrom(model, derived, m, depth + 1));
}
