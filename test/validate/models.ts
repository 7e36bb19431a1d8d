/** Test-only: hand-built schema models (DTD-like and XSD-like) with src/schema/build.ts. */
import { addComplexType, addElement, addSimpleType, builtinType, emptyModel } from "../../src/schema/build.js";
import type { AttributeDecl, Content, DtdAttributeType, Particle, SchemaModel } from "../../src/schema/model.js";

const loc = { file: "test.dtd", line: 1, column: 1 };

export interface AttrSpec {
  name: string;
  type?: DtdAttributeType;
  values?: string[];
  use?: AttributeDecl["use"];
  default?: string;
  fixed?: string;
  namespace?: string | null;
  xsdType?: string;
}

export interface ElementSpec {
  content: Content | "EMPTY" | "ANY" | "PCDATA";
  attrs?: AttrSpec[];
  namespace?: string | null;
  nillable?: boolean;
  abstract?: boolean;
  simpleType?: number;
}

function resolveParticles(p: Particle, model: SchemaModel): void {
  if (p.kind === "element") p.element = model.globalElements[p.namespace === null ? p.name : `{${p.namespace}}${p.name}`] ?? null;
  else if (p.kind !== "any") p.items.forEach((i) => resolveParticles(i, model));
}

export function model(kind: "dtd" | "xsd", decls: Record<string, ElementSpec>, entities: SchemaModel["entities"] = {}): SchemaModel {
  const m = emptyModel(kind, `test.${kind}`);
  m.entities = entities;
  for (const [name, spec] of Object.entries(decls)) {
    const content: Content =
      spec.content === "EMPTY" ? { kind: "empty" } : spec.content === "ANY" ? { kind: "any" } : spec.content === "PCDATA" ? { kind: "mixed", particle: null } : spec.content;
    const attributes: AttributeDecl[] = (spec.attrs ?? []).map((a) => {
      let type: number;
      if (a.values !== undefined) {
        type = addSimpleType(m, { variety: "atomic", builtin: a.type === "NOTATION" ? "NOTATION" : "NMTOKEN", base: builtinType(m, "NMTOKEN"), facets: { enumeration: a.values.map((value) => ({ value })) } }).id;
      } else {
        const builtin = a.xsdType ?? (a.type === undefined || a.type === "CDATA" ? "string" : a.type);
        type = builtinType(m, builtin);
      }
      const decl: AttributeDecl = { name: a.name, namespace: a.namespace ?? null, key: a.name, type, use: a.use ?? "optional", location: loc };
      if (kind === "dtd") decl.dtdType = a.type ?? "CDATA";
      if (a.default !== undefined) decl.default = a.default;
      if (a.fixed !== undefined) decl.fixed = a.fixed;
      return decl;
    });
    const type =
      spec.simpleType !== undefined
        ? { kind: "simple" as const, id: spec.simpleType }
        : { kind: "complex" as const, id: addComplexType(m, { content, attributes, abstract: false, location: loc }).id };
    addElement(m, { name, namespace: spec.namespace ?? null, type, global: true, nillable: spec.nillable ?? false, abstract: spec.abstract ?? false, location: loc });
  }
  for (const ct of m.complexTypes) {
    const c = ct.content;
    if ((c.kind === "elements" || c.kind === "mixed") && c.particle !== null) resolveParticles(c.particle, m);
  }
  return m;
}
