/**
 * DTD syntax (src/dtd/syntax.ts) → the schema model. Every element gets an anonymous complex
 * type; attribute types map onto the XSD built-ins of the same name (CDATA → string), with an
 * anonymous restriction for enumerations; defaults are normalised as XML 1.0 §3.3.3 says.
 * ATTLISTs for elements the DTD does not declare are not in the model (see readDtdSchema's
 * diagnostics and docs/dtd.md): no instance element can use them without being invalid anyway.
 */
import { normalizeAttributeValue } from "../../dtd/attribute-value.js";
import type { AttributeDef, ContentParticle, ContentSpec, DtdDocument, Occurrence } from "../../dtd/syntax.js";
import { addComplexType, addElement, addSimpleType, builtinType, emptyModel } from "../build.js";
import type { AttributeDecl, Content, MaxOccurs, Particle, Provenance, SchemaModel, SourceLocation } from "../model.js";

const INFERRED = "qxml:inferred";

/** Documentation or provenance from the comment before a declaration. */
function commentInfo(comment: string | undefined): { doc?: string; provenance?: Provenance } {
  if (comment === undefined || comment === "") return {};
  if (comment.startsWith(INFERRED)) return { provenance: { inferred: true, note: comment } };
  return { doc: comment };
}

function occurs(o: Occurrence): { min: number; max: MaxOccurs } {
  switch (o) {
    case "":
      return { min: 1, max: 1 };
    case "?":
      return { min: 0, max: 1 };
    case "*":
      return { min: 0, max: "unbounded" };
    case "+":
      return { min: 1, max: "unbounded" };
  }
}

/** Converts a content-model particle tree without recursion (hostile nesting is deep). */
function toParticle(root: ContentParticle, ids: ReadonlyMap<string, number>): Particle {
  const convert = (p: ContentParticle): Particle =>
    p.kind === "name"
      ? { kind: "element", name: p.name, namespace: null, element: ids.get(p.name) ?? null, ...occurs(p.occur), location: p.location }
      : { kind: p.kind === "seq" ? "sequence" : "choice", items: [], ...occurs(p.occur), location: p.location };
  const out = convert(root);
  const stack: [ContentParticle, Particle][] = [[root, out]];
  while (stack.length > 0) {
    const [src, dst] = stack.pop()!;
    if (src.kind === "name" || dst.kind !== "sequence" && dst.kind !== "choice") continue;
    for (const item of src.items) {
      const c = convert(item);
      dst.items.push(c);
      stack.push([item, c]);
    }
  }
  return out;
}

function toContent(spec: ContentSpec, ids: ReadonlyMap<string, number>, at: SourceLocation): Content {
  switch (spec.kind) {
    case "EMPTY":
      return { kind: "empty" };
    case "ANY":
      return { kind: "any" };
    case "mixed":
      if (spec.names.length === 0) return { kind: "mixed", particle: null };
      return {
        kind: "mixed",
        particle: {
          kind: "choice",
          items: spec.names.map((name) => ({ kind: "element", name, namespace: null, element: ids.get(name) ?? null, min: 1, max: 1, location: at })),
          min: 0,
          max: "unbounded",
          location: at,
        },
      };
    case "children":
      return { kind: "elements", particle: toParticle(spec.particle, ids) };
  }
}

function attributeType(model: SchemaModel, def: AttributeDef): number {
  const t = def.type;
  if (t.kind === "CDATA") return builtinType(model, "string");
  if (t.kind !== "enumeration" && t.kind !== "NOTATION") return builtinType(model, t.kind);
  const builtin = t.kind === "NOTATION" ? "NOTATION" : "NMTOKEN";
  return addSimpleType(model, {
    variety: "atomic",
    builtin,
    base: builtinType(model, builtin),
    facets: { enumeration: t.values.map((value) => ({ value })), whiteSpace: "collapse" },
    location: def.location,
  }).id;
}

function toAttribute(model: SchemaModel, def: AttributeDef, doc: DtdDocument): AttributeDecl {
  const decl: AttributeDecl = {
    name: def.name,
    namespace: null,
    key: def.name,
    type: attributeType(model, def),
    dtdType: def.type.kind,
    use: def.default.kind === "#REQUIRED" ? "required" : "optional",
    location: def.location,
    ...commentInfo(def.comment),
  };
  const d = def.default;
  if (d.kind === "default" || d.kind === "#FIXED") {
    const value = normalizeAttributeValue(d.value, doc.generalEntities, def.type.kind === "CDATA").value;
    if (d.kind === "#FIXED") decl.fixed = value;
    else decl.default = value;
  }
  return decl;
}

export function dtdToModel(doc: DtdDocument, source: string): SchemaModel {
  const model = emptyModel("dtd", source);
  const ids = new Map<string, number>();
  const typeOf = new Map<string, number>();
  // Pass 1: an element and an (empty, for now) anonymous type each, so particles can name any element.
  for (const decl of doc.elements.values()) {
    const info = commentInfo(decl.comment);
    const type = addComplexType(model, { content: { kind: "empty" }, attributes: [], abstract: false, location: decl.location, ...info });
    const el = addElement(model, {
      name: decl.name,
      namespace: null,
      type: { kind: "complex", id: type.id },
      global: true,
      nillable: false,
      abstract: false,
      location: decl.location,
      ...info,
    });
    ids.set(decl.name, el.id);
    typeOf.set(decl.name, type.id);
  }
  // Pass 2: content models and attributes.
  for (const decl of doc.elements.values()) {
    const type = model.complexTypes[typeOf.get(decl.name)!];
    type.content = toContent(decl.content, ids, decl.location);
    type.attributes = (doc.attlists.get(decl.name) ?? []).map((a) => toAttribute(model, a, doc));
  }
  for (const e of doc.generalEntities.values()) {
    model.entities[e.name] = {
      name: e.name,
      location: e.location,
      ...(e.value !== undefined ? { value: e.value } : {}),
      ...(e.systemId !== undefined ? { systemId: e.systemId } : {}),
      ...(e.publicId !== undefined ? { publicId: e.publicId } : {}),
      ...(e.notation !== undefined ? { notation: e.notation } : {}),
    };
  }
  for (const n of doc.notations.values()) model.notations[n.name] = { ...n };
  return model;
}
