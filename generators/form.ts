/**
 * The object form of a whole schema: for each element declaration, the shape fast-xml-parser gives
 * it (a primitive value, an object of attributes/children/text, an empty string, or anything),
 * with its type name. Every generator (types, validators, JSON Schema, parse/serialize) emits from
 * this one analysis, so they cannot disagree about a shape.
 */
import type { AttributeDecl, ElementDecl, SchemaModel } from "../src/schema/model.js";
import { contentForm, hasWildcard, namesOf, type ContentForm } from "./content.js";
import { withSubstitutions } from "./substitutions.js";
import { attributeKeys, keyedParticle } from "./namespaces.js";
import { NameAllocator, pascalCase } from "./naming.js";
import { PCDATA, valueForm, type ValueForm } from "./values.js";

export const ATTR_PREFIX = "@_";
export const TEXT_KEY = "#text";

export interface AttrForm {
  /** The attribute's local name (a DTD: its name as written). */
  name: string;
  /** Its namespace URI (XSD qualified attributes), else null. */
  namespace: string | null;
  /** Property name in the object form ("@_" + name). */
  key: string;
  required: boolean;
  fixed?: string;
  value: ValueForm;
  /** Exported name of its enumeration type, when it has one. */
  enumName?: string;
  doc?: string;
  /**
   * DTD attribute of a type other than CDATA: checked as the engine checks DTD values
   * (runtime/dtd-values.ts). `names`: its enumeration/NOTATION values, or the DTD's unparsed entities.
   */
  dtd?: { type: string; names: string[] };
}

export type Shape =
  /** Text only and no attributes: the element is its (typed) value. */
  | "value"
  /** No content and no attributes: fast-xml-parser gives "". */
  | "empty"
  /** Attributes and/or children and/or text beside them. */
  | "object"
  /** xs:anyType / DTD ANY: anything. */
  | "any";

export interface ElementForm {
  decl: number;
  xmlName: string;
  /** XSD abstract element declaration: its validator reports it (valid/abstract-element), as the engine does. */
  abstract?: true;
  typeName: string;
  shape: Shape;
  attributes: AttrForm[];
  /** Text content ("value" shape, simple content, or mixed): its value form. */
  text?: ValueForm;
  /** Exported name of the text's enumeration type, when it has one. */
  textEnumName?: string;
  /** The element's fixed value (XSD), as written. */
  fixed?: string;
  /** Element children, for element-only and mixed content. */
  content?: ContentForm;
  mixed: boolean;
  /** A wildcard in the content model or attributes: unknown names are allowed. */
  open: boolean;
  /** The openness is an element wildcard (any child name); otherwise only attributes are open (xs:anyAttribute). */
  openChildren?: true;
  /** With openChildren: the type also has an xs:anyAttribute (without openChildren, `open` says it). */
  openAttributes?: true;
  doc?: string;
  inferred?: string;
}

export interface EnumForm {
  name: string;
  values: (string | number)[];
  doc?: string;
}

export interface SchemaForm {
  model: SchemaModel;
  elements: ElementForm[];
  /** Element declaration id → index into `elements`. */
  byDecl: Map<number, number>;
  enums: EnumForm[];
  /** Global element declarations to export validate/parse/serialize for. */
  roots: number[];
}

interface Draft {
  decl: ElementDecl;
  parentType?: string;
}

/** Declarations in a deterministic order: globals by id, then locals as first reached from their parents. */
function orderDecls(model: SchemaModel): Draft[] {
  const seen = new Set<number>();
  const order: Draft[] = [];
  const queue: Draft[] = [];
  const firstParent = new Map<number, string>();
  for (const id of Object.values(model.globalElements).sort((a, b) => a - b)) {
    seen.add(id);
    queue.push({ decl: model.elements[id] });
  }
  for (let i = 0; i < queue.length; i++) {
    const d = queue[i];
    order.push(d);
    if (d.decl.type.kind !== "complex") continue;
    const content = model.complexTypes[d.decl.type.id].content;
    const particle = content.kind === "elements" || content.kind === "mixed" ? content.particle : null;
    const stack = particle === null ? [] : [particle];
    while (stack.length > 0) {
      const p = stack.pop()!;
      if (p.kind === "element") {
        if (p.element !== null && !seen.has(p.element)) {
          seen.add(p.element);
          queue.push({ decl: model.elements[p.element], parentType: d.decl.name });
        }
        if (p.element !== null && !firstParent.has(p.element)) firstParent.set(p.element, d.decl.name);
      } else if (p.kind !== "any") stack.push(...[...p.items].reverse());
    }
  }
  for (const decl of model.elements) if (!seen.has(decl.id)) order.push({ decl });
  // A global reached from a parent takes that parent as its context too, for name collisions.
  return order.map((d) => (d.parentType === undefined && firstParent.has(d.decl.id) ? { ...d, parentType: firstParent.get(d.decl.id) } : d));
}

function typeSignature(decl: ElementDecl): string {
  // The namespace too: two globals of one local name in different namespaces get distinct type and function names.
  return `${decl.namespace === null ? "" : `{${decl.namespace}}`}${decl.name}|${decl.type.kind}|${decl.type.id}${decl.abstract ? "|abstract" : ""}`;
}

export interface FormOptions {
  /** Root element names (a catalog entry's roots); default every global element. */
  roots?: string[];
}

export function schemaForm(model: SchemaModel, options: FormOptions = {}): SchemaForm {
  const names = new NameAllocator();
  const enumNames = new Map<number, string>();
  const enums: EnumForm[] = [];
  const typeNameBySig = new Map<string, string>();
  const elements: ElementForm[] = [];
  const byDecl = new Map<number, number>();
  const parentNames = new Map<number, string>();

  const drafts = orderDecls(model);
  // Names first, so a parent can refer to its children's names whatever the order.
  for (const { decl, parentType } of drafts) {
    const sig = typeSignature(decl);
    if (!typeNameBySig.has(sig)) {
      const prefix = parentType === undefined ? undefined : typeNameBySig.get(parentSig(model, parentType)) ?? pascalCase(parentType);
      typeNameBySig.set(sig, names.claim(pascalCase(decl.name), prefix));
    }
    if (parentType !== undefined) parentNames.set(decl.id, parentType);
  }

  const enumFor: EnumNamer = (value, preferred, claimed) => {
    if (value.enumeration === undefined || value.type === null) return undefined;
    const known = enumNames.get(value.type);
    if (known !== undefined) return known;
    const t = model.simpleTypes[value.type];
    // An anonymous enumeration of a text-only element is that element's own type (name already claimed).
    const name = t.name !== undefined ? names.claim(pascalCase(t.name), undefined) : claimed ? preferred : names.claim(preferred, undefined);
    enumNames.set(value.type, name);
    enums.push({ name, values: value.enumeration, doc: t.doc });
    return name;
  };

  for (const { decl } of drafts) {
    const sig = typeSignature(decl);
    const typeName = typeNameBySig.get(sig)!;
    byDecl.set(decl.id, elements.length);
    elements.push(elementForm(model, decl, typeName, enumFor));
  }

  const wanted = options.roots;
  const roots = Object.values(model.globalElements)
    .filter((id) => wanted === undefined || wanted.length === 0 || wanted.includes(model.elements[id].name))
    .sort((a, b) => a - b);
  return { model, elements, byDecl, enums, roots };
}

function parentSig(model: SchemaModel, parentName: string): string {
  const id = model.globalElements[parentName];
  return id === undefined ? "" : typeSignature(model.elements[id]);
}

/** The exported name of a value's enumeration type; `claimed`: `preferred` is already this module's name for it. */
type EnumNamer = (value: ValueForm, preferred: string, claimed?: boolean) => string | undefined;

function elementForm(model: SchemaModel, decl: ElementDecl, typeName: string, namer: EnumNamer): ElementForm {
  const base = {
    decl: decl.id,
    xmlName: decl.name,
    typeName,
    doc: decl.doc,
    inferred: decl.provenance?.inferred ? (decl.provenance.note ?? "inferred") : undefined,
    ...(decl.fixed !== undefined ? { fixed: decl.fixed } : {}),
    ...(decl.abstract ? { abstract: true as const } : {}),
  };
  if (decl.type.kind === "simple") {
    const text = valueForm(model, decl.type.id);
    return { ...base, shape: "value", attributes: [], text, textEnumName: namer(text, typeName, true), mixed: false, open: false };
  }
  const ct = model.complexTypes[decl.type.id];
  const attrKeys = attributeKeys(ct.attributes);
  const attributes: AttrForm[] = ct.attributes
    .filter((a) => a.use !== "prohibited")
    .map((a) => {
      const value = valueForm(model, a.type);
      const key = attrKeys.get(a.key) ?? a.name;
      const attr: AttrForm = { name: a.name, namespace: a.namespace, key: ATTR_PREFIX + key, required: a.use === "required", value, doc: a.doc };
      if (a.fixed !== undefined) attr.fixed = a.fixed;
      const dtd = dtdValue(model, a);
      if (dtd !== undefined) attr.dtd = dtd;
      const enumName = namer(value, typeName + pascalCase(a.name));
      if (enumName !== undefined) attr.enumName = enumName;
      return attr;
    });
  const open = ct.anyAttribute !== undefined;
  const doc = base.doc ?? ct.doc;
  const c = ct.content;
  switch (c.kind) {
    case "any":
      return { ...base, doc, shape: "any", attributes, mixed: true, open: true, openChildren: true, ...(open ? { openAttributes: true as const } : {}) };
    case "empty":
      return { ...base, doc, shape: attributes.length === 0 && !open ? "empty" : "object", attributes, mixed: false, open };
    case "simple": {
      const text = valueForm(model, c.type);
      const textEnumName = attributes.length === 0 && !open ? namer(text, typeName, true) : namer(text, `${typeName}Text`);
      const shape = attributes.length === 0 && !open ? "value" : "object";
      return { ...base, doc, shape, attributes, text, textEnumName, mixed: false, open };
    }
    case "mixed": {
      if (c.particle === null) {
        const shape = attributes.length === 0 && !open ? "value" : "object";
        return { ...base, doc, shape, attributes, text: PCDATA, mixed: false, open };
      }
      const content = contentForm(keyedParticle(withSubstitutions(model, c.particle)));
      return { ...base, doc, shape: "object", attributes, text: PCDATA, content, mixed: true, open: open || hasWildcard(c.particle), ...(hasWildcard(c.particle) ? { openChildren: true as const } : {}), ...(open ? { openAttributes: true as const } : {}) };
    }
    case "elements": {
      const content = contentForm(keyedParticle(withSubstitutions(model, c.particle)));
      return { ...base, doc, shape: "object", attributes, content, mixed: false, open: open || hasWildcard(c.particle), ...(hasWildcard(c.particle) ? { openChildren: true as const } : {}), ...(open ? { openAttributes: true as const } : {}) };
    }
  }
}

function dtdValue(model: SchemaModel, a: AttributeDecl): AttrForm["dtd"] {
  if (model.kind !== "dtd" || a.dtdType === undefined || a.dtdType === "CDATA") return undefined;
  if (a.dtdType === "ENTITY" || a.dtdType === "ENTITIES") {
    return { type: a.dtdType, names: Object.keys(model.entities).filter((n) => model.entities[n].notation !== undefined).sort() };
  }
  const enumerated = a.dtdType === "enumeration" || a.dtdType === "NOTATION";
  return { type: a.dtdType, names: enumerated ? (model.simpleTypes[a.type].facets.enumeration ?? []).map((e) => e.value) : [] };
}

/** The element form a child property refers to (its first declaration). */
export function childForm(schema: SchemaForm, decl: number): ElementForm {
  return schema.elements[schema.byDecl.get(decl)!];
}

export function contentNames(form: ElementForm): string[] {
  return form.content === undefined ? [] : namesOf(form.content);
}
