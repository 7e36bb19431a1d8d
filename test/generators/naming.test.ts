import { describe, expect, it } from "vitest";
import { NameAllocator, pascalCase } from "../../generators/naming.js";
import { addComplexType, addElement, builtinType, emptyModel, location } from "../../src/schema/build.js";
import type { Particle, SchemaModel } from "../../src/schema/model.js";
import { schemaForm } from "../../generators/form.js";

describe("pascalCase", () => {
  const table: [string, string][] = [
    ["OPTION_PROFILES", "OptionProfiles"],
    ["AUTH_ORACLE", "AuthOracle"],
    ["ServiceRequest", "ServiceRequest"],
    ["option_profile", "OptionProfile"],
    ["xs:element", "XsElement"],
    ["a-b.c", "ABC"],
    ["3D_SCAN", "X3dScan"],
    ["IP", "Ip"],
  ];
  for (const [xml, ts] of table) it(`${xml} → ${ts}`, () => expect(pascalCase(xml)).toBe(ts));
});

describe("NameAllocator", () => {
  it("hands out each name once, with a context prefix and then a number", () => {
    const names = new NameAllocator();
    expect(names.claim("Scan")).toBe("Scan");
    expect(names.claim("Scan", "OptionProfile")).toBe("OptionProfileScan");
    expect(names.claim("Scan", "OptionProfile")).toBe("OptionProfileScan2");
  });
  it("avoids names that shadow runtime imports or globals", () => {
    const names = new NameAllocator();
    expect(names.claim("Map", "OptionProfile")).toBe("OptionProfileMap");
    expect(names.claim("Value")).not.toBe("Value"); // checkValue is a runtime import
  });
});

/** <ROOT> with two local <ITEM> declarations of different types in different parents. */
function localsModel(): SchemaModel {
  const m = emptyModel("xsd", "locals.xsd");
  const loc = location("locals.xsd", 1, 1);
  const str = builtinType(m, "string");
  const int = builtinType(m, "int");
  const el = (name: string, id: number): Particle => ({ kind: "element", name, namespace: null, element: id, min: 1, max: 1, location: loc });
  const itemA = addElement(m, { name: "ITEM", namespace: null, type: { kind: "simple", id: str }, global: false, nillable: false, abstract: false, location: loc });
  const itemB = addElement(m, { name: "ITEM", namespace: null, type: { kind: "simple", id: int }, global: false, nillable: false, abstract: false, location: loc });
  const a = addComplexType(m, { content: { kind: "elements", particle: { kind: "sequence", items: [el("ITEM", itemA.id)], min: 1, max: 1, location: loc } }, attributes: [], abstract: false, location: loc });
  const b = addComplexType(m, { content: { kind: "elements", particle: { kind: "sequence", items: [el("ITEM", itemB.id)], min: 1, max: 1, location: loc } }, attributes: [], abstract: false, location: loc });
  const pa = addElement(m, { name: "A", namespace: null, type: { kind: "complex", id: a.id }, global: false, nillable: false, abstract: false, location: loc });
  const pb = addElement(m, { name: "B", namespace: null, type: { kind: "complex", id: b.id }, global: false, nillable: false, abstract: false, location: loc });
  const root = addComplexType(m, { content: { kind: "elements", particle: { kind: "sequence", items: [el("A", pa.id), el("B", pb.id)], min: 1, max: 1, location: loc } }, attributes: [], abstract: false, location: loc });
  addElement(m, { name: "ROOT", namespace: null, type: { kind: "complex", id: root.id }, global: true, nillable: false, abstract: false, location: loc });
  return m;
}

describe("type names of XSD local elements", () => {
  it("gives same-named locals of different types distinct names, prefixed by their parent", () => {
    const form = schemaForm(localsModel());
    const items = form.elements.filter((e) => e.xmlName === "ITEM").map((e) => [e.typeName, e.text?.kind]);
    expect(items).toEqual([
      ["Item", "string"],
      ["BItem", "number"],
    ]);
  });
});
