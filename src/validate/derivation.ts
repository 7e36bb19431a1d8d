/**
 * Type derivation, for xsi:type (XSD 1.0 §3.3.4 cvc-elt.4.3): the type named by xsi:type must be
 * the declared type or derive from it. The model keeps each complex type's base by key and each
 * simple type's base by id; xs:anyType is the root of everything.
 */
import { XSD_NS, type ElementDecl, type SchemaModel } from "../schema/model.js";

export type TypeRef = ElementDecl["type"];

const ANY_TYPE = `{${XSD_NS}}anyType`;
const ANY_SIMPLE = `{${XSD_NS}}anySimpleType`;

export function derivesFrom(model: SchemaModel, from: TypeRef, to: TypeRef): boolean {
  if (isNamed(model, to, ANY_TYPE)) return true;
  if (to.kind === "simple" && isNamed(model, to, ANY_SIMPLE)) return from.kind === "simple" || complexHasSimpleContent(model, from.id);
  // Walk up the base chain (bounded: a malformed model could loop).
  let cur: TypeRef | undefined = from;
  for (let steps = 0; cur !== undefined && steps < 256; steps++) {
    if (cur.kind === to.kind && cur.id === to.id) return true;
    cur = baseOf(model, cur);
  }
  return false;
}

function baseOf(model: SchemaModel, t: TypeRef): TypeRef | undefined {
  if (t.kind === "simple") {
    const base = model.simpleTypes[t.id].base;
    return base === undefined ? undefined : { kind: "simple", id: base };
  }
  const key = model.complexTypes[t.id].base?.key;
  return key === undefined ? undefined : model.namedTypes[key];
}

function isNamed(model: SchemaModel, t: TypeRef, key: string): boolean {
  const named = model.namedTypes[key];
  return named !== undefined && named.kind === t.kind && named.id === t.id;
}

function complexHasSimpleContent(model: SchemaModel, id: number): boolean {
  return model.complexTypes[id].content.kind === "simple";
}
