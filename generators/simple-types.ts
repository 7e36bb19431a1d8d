/** The simple types generated validators need, copied out of the model with their ids renumbered. */
import type { SchemaModel, SimpleType } from "../src/schema/model.js";
import type { SchemaForm } from "./form.js";
import { isPlainString, valueForm, type ValueForm } from "./values.js";

export type PortableSimpleType = Omit<SimpleType, "location" | "doc" | "provenance">;

export interface SimpleTypeTable {
  types: PortableSimpleType[];
  /** Model simple type id → index in `types`. */
  index: Map<number, number>;
}

export function simpleTypeTable(schema: SchemaForm): SimpleTypeTable {
  const model = schema.model;
  const needed: ValueForm[] = [];
  for (const f of schema.elements) {
    if (f.text !== undefined) needed.push(f.text);
    // Typed DTD attributes are checked by runtime/dtd-values.ts, not by a datatype.
    for (const a of f.attributes) if (a.dtd === undefined) needed.push(a.value);
  }
  // Global attributes a lax or strict xs:anyAttribute checks values against (cvc-wildcard).
  const wildcards = model.complexTypes.some((t) => t.anyAttribute !== undefined && t.anyAttribute.processContents !== "skip");
  if (wildcards) for (const a of Object.values(model.globalAttributes ?? {})) needed.push(valueForm(model, a.type));
  const index = new Map<number, number>();
  const order: number[] = [];
  const visit = (id: number): void => {
    if (index.has(id)) return;
    index.set(id, order.length);
    order.push(id);
    const t = model.simpleTypes[id];
    for (const next of [t.base, t.itemType, ...(t.memberTypes ?? [])]) if (next !== undefined) visit(next);
  };
  for (const v of needed) if (v.type !== null && !isPlainString(model, v)) visit(v.type);
  const types = order.map((id) => portable(model, model.simpleTypes[id], index));
  return { types, index };
}

function portable(_model: SchemaModel, t: SimpleType, index: Map<number, number>): PortableSimpleType {
  const out: PortableSimpleType = { id: index.get(t.id)!, variety: t.variety, builtin: t.builtin, facets: t.facets };
  if (t.name !== undefined) out.name = t.name;
  if (t.namespace !== undefined) out.namespace = t.namespace;
  if (t.base !== undefined) out.base = index.get(t.base);
  if (t.itemType !== undefined) out.itemType = index.get(t.itemType);
  if (t.memberTypes !== undefined) out.memberTypes = t.memberTypes.map((m) => index.get(m)!);
  return out;
}
