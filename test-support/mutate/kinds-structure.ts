/**
 * Structure mutations of the deep validity run: an element moved one level up (after its parent)
 * or down (into its previous sibling), and ID / IDREF(S) values broken: a duplicate ID, a dangling
 * reference, IDREFS with extra white space, an empty IDREFS.
 */
import { isElement } from "../../src/xml/tree.js";
import type { SchemaModel } from "../../src/schema/model.js";
import { setAttribute, type Candidate } from "./candidate.js";
import { attributeDecls, type IndexedElement } from "./schema-index.js";

export function moveCandidates(item: IndexedElement, at: number): Candidate[] {
  const out: Candidate[] = [];
  const parent = item.el.parent;
  const base = { at, target: item.path, kind: "move-level" as const };
  const name = item.el.name;
  if (parent?.parent != null) {
    out.push({ ...base, detail: "up", description: `move <${name}> at ${item.path} one level up, after its parent <${parent.name}>`, apply: (el) => {
      const p = el.parent!;
      p.children.splice(p.children.indexOf(el), 1);
      const gp = p.parent!;
      gp.children.splice(gp.children.indexOf(p) + 1, 0, el);
      el.parent = gp;
    } });
  }
  const sibs = parent?.children.filter(isElement) ?? [];
  const prev = sibs[sibs.indexOf(item.el) - 1];
  if (prev !== undefined) {
    out.push({ ...base, detail: `into ${prev.name}`, description: `move <${name}> at ${item.path} one level down, into its previous sibling <${prev.name}>`, apply: (el) => {
      const p = el.parent!;
      const i = p.children.indexOf(el);
      const into = p.children.slice(0, i).filter(isElement).pop()!;
      p.children.splice(i, 1);
      into.children.push(el);
      el.parent = into;
    } });
  }
  return out;
}

const ID_TYPES = new Set(["ID", "IDREF", "IDREFS"]);

function idKind(model: SchemaModel, dtdType: string | undefined, type: number): string | undefined {
  if (dtdType !== undefined) return ID_TYPES.has(dtdType) ? dtdType : undefined;
  const t = model.simpleTypes[type];
  if (t === undefined) return undefined;
  const b = t.variety === "list" ? model.simpleTypes[t.itemType ?? -1]?.builtin : t.builtin;
  if (b === "ID") return "ID";
  if (b === "IDREF") return t.variety === "list" ? "IDREFS" : "IDREF";
  return undefined;
}

/** All ID values of the document, for duplicates and dangling references. */
export function documentIds(model: SchemaModel, items: IndexedElement[]): string[] {
  const out: string[] = [];
  for (const item of items)
    for (const a of attributeDecls(model, item.decl)) {
      const v = item.el.attributes.get(a.name)?.value;
      if (v !== undefined && idKind(model, a.dtdType, a.type) === "ID") out.push(v);
    }
  return out;
}

export function idCandidates(model: SchemaModel, item: IndexedElement, at: number, ids: string[]): Candidate[] {
  const out: Candidate[] = [];
  const base = { at, target: item.path, kind: "id-reference" as const };
  for (const a of attributeDecls(model, item.decl)) {
    const kind = idKind(model, a.dtdType, a.type);
    if (kind === undefined) continue;
    const present = item.el.attributes.get(a.name)?.value;
    const other = ids.find((v) => v !== present);
    const values: [string, string][] = [];
    if (kind === "ID") {
      if (other !== undefined) values.push([other, `duplicate of ID "${other}"`]);
      if (present !== undefined) values.push([` ${present} `, "ID with spaces around"], [`${present}:x`, "ID with a colon"]);
    } else {
      values.push(["qxml-dangling", "reference to no ID"]);
      if (ids.length > 0) values.push([` ${ids[0]} `, "reference with spaces around"]);
      if (kind === "IDREFS" && ids.length > 1) values.push([`${ids[0]}  \t${ids[1]} `, "IDREFS with extra white space"], [`${ids[0]} qxml-dangling`, "IDREFS with one dangling reference"]);
      if (kind === "IDREFS") values.push(["", "empty IDREFS"], ["  ", "IDREFS of spaces only"]);
    }
    for (const [value, why] of values) {
      out.push({ ...base, detail: `${a.name}: ${why}`, description: `attribute ${a.name} (${kind}) of <${item.el.name}> at ${item.path} set to ${JSON.stringify(value)} (${why})`, apply: (el) => setAttribute(el, a.name, value) });
    }
  }
  return out;
}
