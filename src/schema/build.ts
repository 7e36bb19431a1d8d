/**
 * A small builder both schema readers use to fill a SchemaModel, so that ids, keys and built-in
 * type entries are made the same way for DTDs and XSDs.
 */
import { BUILTINS, isBuiltin } from "./builtins.js";
import {
  nameKey,
  XSD_NS,
  type ComplexType,
  type ElementDecl,
  type SchemaModel,
  type SimpleType,
  type SourceLocation,
} from "./model.js";

export function emptyModel(kind: SchemaModel["kind"], source: string, targetNamespace: string | null = null): SchemaModel {
  return {
    version: 1,
    kind,
    source,
    targetNamespace,
    elements: [],
    globalElements: {},
    complexTypes: [],
    simpleTypes: [],
    namedTypes: {},
    entities: {},
    notations: {},
    unsupported: [],
  };
}

export function addElement(model: SchemaModel, decl: Omit<ElementDecl, "id" | "key">): ElementDecl {
  const el: ElementDecl = { ...decl, id: model.elements.length, key: nameKey(decl.namespace, decl.name) };
  model.elements.push(el);
  if (el.global) model.globalElements[el.key] = el.id;
  return el;
}

export function addComplexType(model: SchemaModel, type: Omit<ComplexType, "id">): ComplexType {
  const t: ComplexType = { ...type, id: model.complexTypes.length };
  model.complexTypes.push(t);
  if (t.name !== undefined) model.namedTypes[nameKey(t.namespace ?? null, t.name)] = { kind: "complex", id: t.id };
  return t;
}

export function addSimpleType(model: SchemaModel, type: Omit<SimpleType, "id">): SimpleType {
  const t: SimpleType = { ...type, id: model.simpleTypes.length };
  model.simpleTypes.push(t);
  if (t.name !== undefined) model.namedTypes[nameKey(t.namespace ?? null, t.name)] = { kind: "simple", id: t.id };
  return t;
}

/** The id of the entry for XSD built-in `name`, created (with its base chain) on first use. */
export function builtinType(model: SchemaModel, name: string): number {
  const key = nameKey(XSD_NS, name);
  const existing = model.namedTypes[key];
  if (existing !== undefined) return existing.id;
  const info = BUILTINS[name];
  if (!isBuiltin(name)) throw new Error(`not an XSD built-in type: ${name}`);
  const base = info.base === undefined ? undefined : builtinType(model, info.base);
  const itemType = info.itemType === undefined ? undefined : builtinType(model, info.itemType);
  return addSimpleType(model, {
    name,
    namespace: XSD_NS,
    variety: itemType === undefined ? "atomic" : "list",
    builtin: name,
    base,
    itemType,
    facets: { whiteSpace: info.whiteSpace },
  }).id;
}

export function location(file: string, line: number, column: number): SourceLocation {
  return { file, line, column };
}
