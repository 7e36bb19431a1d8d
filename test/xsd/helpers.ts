/** Test helpers: read an inline schema and look things up in the model by name. */
import { expect } from "vitest";
import { readXsdText, type XsdReadResult } from "../../src/schema/xsd/index.js";
import { nameKey, type ComplexType, type ElementDecl, type SchemaModel, type SimpleType } from "../../src/schema/model.js";

export const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';

/** Wraps declarations in an xs:schema with the given extra schema attributes. */
export function schema(body: string, attrs = ""): string {
  return `<?xml version="1.0"?>\n<xs:schema ${XS} ${attrs}>\n${body}\n</xs:schema>\n`;
}

export function read(text: string, file = "/virtual/test.xsd"): XsdReadResult {
  return readXsdText(text, file);
}

/** Reads and asserts there are no errors; returns the model. */
export function model(text: string): SchemaModel {
  const r = read(text);
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  expect(errors).toEqual([]);
  expect(r.model).not.toBeNull();
  return r.model!;
}

export function globalElement(m: SchemaModel, name: string, ns: string | null = null): ElementDecl {
  const id = m.globalElements[nameKey(ns, name)];
  expect(id, `global element ${name}`).toBeDefined();
  return m.elements[id];
}

export function complexOf(m: SchemaModel, el: ElementDecl): ComplexType {
  expect(el.type.kind).toBe("complex");
  return m.complexTypes[el.type.id];
}

export function namedComplex(m: SchemaModel, name: string, ns: string | null = null): ComplexType {
  const t = m.namedTypes[nameKey(ns, name)];
  expect(t?.kind).toBe("complex");
  return m.complexTypes[t.id];
}

export function namedSimple(m: SchemaModel, name: string, ns: string | null = null): SimpleType {
  const t = m.namedTypes[nameKey(ns, name)];
  expect(t?.kind).toBe("simple");
  return m.simpleTypes[t.id];
}

export function codes(r: XsdReadResult): string[] {
  return r.diagnostics.map((d) => d.code);
}
