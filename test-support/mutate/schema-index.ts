/**
 * Pairs each element of a document tree with its declaration in a SchemaModel, the way a
 * validator would find it: a DTD by name; an XSD by the parent's content model (local
 * declarations), falling back to the global declaration. Iterative over the document.
 */
import { isElement, type XmlElement } from "../../src/xml/tree.js";
import { nameKey, type AttributeDecl, type ElementDecl, type Particle, type SchemaModel } from "../../src/schema/model.js";

export interface IndexedElement {
  el: XmlElement;
  /** "/ROOT/CHILD[2]/X": positions among same-named siblings, written only where there are several. */
  path: string;
  decl: ElementDecl | null;
}

function keyOf(model: SchemaModel, el: XmlElement): string {
  return model.kind === "dtd" ? el.name : nameKey(el.uri, el.local);
}

/** Element declarations a content model names, by key (schema particles: small, any order). */
export function particleElements(model: SchemaModel, particle: Particle | null): Map<string, ElementDecl> {
  const out = new Map<string, ElementDecl>();
  const work: Particle[] = particle === null ? [] : [particle];
  while (work.length > 0) {
    const p = work.pop()!;
    if (p.kind === "element") {
      if (p.element !== null) out.set(nameKey(p.namespace, p.name), model.elements[p.element]);
    } else if (p.kind !== "any") {
      work.push(...p.items);
    }
  }
  return out;
}

function childDecls(model: SchemaModel, decl: ElementDecl | null): Map<string, ElementDecl> {
  if (decl === null || decl.type.kind !== "complex") return new Map();
  const content = model.complexTypes[decl.type.id].content;
  if (content.kind === "elements" || content.kind === "mixed") return particleElements(model, content.particle);
  return new Map();
}

function globalDecl(model: SchemaModel, key: string): ElementDecl | null {
  const id = model.globalElements[key];
  return id === undefined ? null : model.elements[id];
}

export function indexDocument(model: SchemaModel, root: XmlElement): IndexedElement[] {
  const out: IndexedElement[] = [];
  const work: { el: XmlElement; path: string; decl: ElementDecl | null }[] = [
    { el: root, path: `/${root.name}`, decl: globalDecl(model, keyOf(model, root)) },
  ];
  while (work.length > 0) {
    const item = work.pop()!;
    out.push(item);
    const locals = model.kind === "dtd" ? null : childDecls(model, item.decl);
    const elements = item.el.children.filter(isElement);
    const counts = new Map<string, number>();
    for (const c of elements) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
    const seen = new Map<string, number>();
    const children: typeof work = [];
    for (const c of elements) {
      const n = (seen.get(c.name) ?? 0) + 1;
      seen.set(c.name, n);
      const step = counts.get(c.name)! > 1 ? `${c.name}[${n}]` : c.name;
      const key = keyOf(model, c);
      children.push({ el: c, path: `${item.path}/${step}`, decl: locals?.get(key) ?? globalDecl(model, key) });
    }
    // Reverse so that the stack yields document order.
    for (let i = children.length - 1; i >= 0; i--) work.push(children[i]);
  }
  return out;
}

/** The attribute declarations of an element's type (none for a simple type). */
export function attributeDecls(model: SchemaModel, decl: ElementDecl | null): AttributeDecl[] {
  if (decl === null || decl.type.kind !== "complex") return [];
  return model.complexTypes[decl.type.id].attributes;
}

/** The simple type of an element's character data, when it has one. */
export function textType(model: SchemaModel, decl: ElementDecl | null): number | null {
  if (decl === null) return null;
  if (decl.type.kind === "simple") return decl.type.id;
  const content = model.complexTypes[decl.type.id].content;
  return content.kind === "simple" ? content.type : null;
}

/** True when the element may hold only elements (so text there is an error). */
export function elementOnly(model: SchemaModel, decl: ElementDecl | null): boolean {
  if (decl === null || decl.type.kind !== "complex") return false;
  const kind = model.complexTypes[decl.type.id].content.kind;
  return kind === "elements" || kind === "empty";
}
