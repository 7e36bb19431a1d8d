/**
 * xsi:type may name any XSD built-in (XSD 1.0 §3.3.4 cvc-elt.4: the type definition resolved
 * from the QName; the built-ins are present in every schema, §3.14.7 and Part 2 §3), but a model
 * has entries only for the built-ins its schema uses. Such a name resolves in a copy of the model
 * with the built-in added: the original's ids are kept, so derivation from the declared type and
 * the compiled simple type work on the copy. The copy is made once per compiled schema.
 */
import { builtinType } from "../schema/build.js";
import { isBuiltin } from "../schema/builtins.js";
import type { SchemaModel } from "../schema/model.js";
import type { CompiledSchema } from "./compile.js";
import type { TypeRef } from "./derivation.js";

const copies = new WeakMap<CompiledSchema, SchemaModel>();

/** The built-in `local` in a model that has it (the schema's own, or its extended copy); undefined if not a built-in. */
export function xsiBuiltin(schema: CompiledSchema, local: string): { model: SchemaModel; ref: TypeRef } | undefined {
  if (!isBuiltin(local) || local === "anyType") return undefined;
  let model = copies.get(schema);
  if (model === undefined) {
    const m = schema.model;
    model = { ...m, simpleTypes: [...m.simpleTypes], namedTypes: { ...m.namedTypes } };
    copies.set(schema, model);
  }
  return { model, ref: { kind: "simple", id: builtinType(model, local) } };
}
