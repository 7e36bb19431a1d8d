/**
 * The mutation generator: from a schema model and a valid document, deterministic (seeded)
 * variants that break one rule each (or that the schema may still accept: an optional element
 * dropped stays valid; the differential tests only ask both engines to agree):
 * drop, duplicate, reorder or rename an element; stray text in element-only content; values
 * outside an enumeration, a range, a length or a lexical form; a required attribute missing,
 * an undeclared attribute, a wrong attribute enumeration value.
 *
 * With `deepMax`, also the kinds the deep validity run added (test-support/mutate/kinds-*.ts):
 * edge lexical forms per datatype, white space in enumerated values, character and entity
 * references, CDATA sections, comments and PIs, xsi:* attributes, namespaces, ID/IDREF(S),
 * changed default and fixed values, elements moved one level up or down.
 *
 * Candidates are listed first (cheap descriptors), then a seeded, kind-balanced selection of at
 * most `max` (and `deepMax`) is materialised, each on its own copy of the tree.
 */
import { isElement, parseTree, type XmlElement } from "../src/xml/tree.js";
import type { SchemaModel } from "../src/schema/model.js";
import { seededRng, type Rng } from "./mutate/rng.js";
import { cloneTree, serializeElement, splitProlog } from "./mutate/serialize.js";
import { attributeDecls, elementOnly, indexDocument, textType, type IndexedElement } from "./mutate/schema-index.js";
import { badValues } from "./mutate/values.js";
import { rawRegistry, setText, type Candidate, type MutationKind, type Raw } from "./mutate/candidate.js";
import { valueCandidates } from "./mutate/kinds-values.js";
import { markupCandidates } from "./mutate/kinds-markup.js";
import { namespaceCandidates } from "./mutate/kinds-namespaces.js";
import { documentIds, idCandidates, moveCandidates } from "./mutate/kinds-structure.js";

export type { MutationKind } from "./mutate/candidate.js";

export interface Mutation {
  /** Stable id: kind, element path and detail, e.g. "bad-value:/A/B[2]:above maxInclusive 5". */
  id: string;
  kind: MutationKind;
  description: string;
  xml: string;
  /** Path (in the original document) of the element the mutation changes. */
  target: string;
}

export interface MutateOptions {
  seed?: number;
  /** At most this many mutations of the original kinds (default 400). */
  max?: number;
  /**
   * At most this many mutations of the kinds the deep validity run added (datatype edges, white
   * space, references, CDATA, comments/PIs, xsi:*, namespaces, IDs, defaults, moves; default 0).
   */
  deepMax?: number;
  /** This many seeded pairs of candidates (original and deep-run kinds), each pair applied to one copy (default 0). */
  pairMax?: number;
  /** Name used in parse errors. */
  file?: string;
}

/** A name one edit away (a typo), so "did you mean" has something to find. */
function typo(name: string): string {
  const colon = name.indexOf(":");
  const prefix = colon < 0 ? "" : name.slice(0, colon + 1);
  const local = name.slice(colon + 1);
  return prefix + (local.length > 2 ? local.slice(0, -1) : `${local}X`);
}

function siblingsOf(el: XmlElement): XmlElement["children"] {
  return el.parent!.children;
}

function structural(item: IndexedElement, at: number): Candidate[] {
  const out: Candidate[] = [];
  const name = item.el.name;
  if (item.el.parent === null) return out;
  const base = { at, target: item.path };
  out.push({ ...base, kind: "drop-element", detail: "", description: `drop <${name}> at ${item.path}`, apply: (el) => {
    const sibs = siblingsOf(el);
    sibs.splice(sibs.indexOf(el), 1);
  } });
  out.push({ ...base, kind: "duplicate-element", detail: "", description: `duplicate <${name}> at ${item.path}`, apply: (el) => {
    const sibs = siblingsOf(el);
    const copy = cloneTree(el);
    copy.parent = el.parent;
    sibs.splice(sibs.indexOf(el) + 1, 0, copy);
  } });
  const sibs = item.el.parent.children.filter(isElement);
  const next = sibs[sibs.indexOf(item.el) + 1];
  if (next !== undefined && next.name !== name) {
    out.push({ ...base, kind: "reorder-element", detail: next.name, description: `move <${name}> at ${item.path} after its next sibling <${next.name}>`, apply: (el) => {
      const all = siblingsOf(el);
      const i = all.indexOf(el);
      const j = all.findIndex((c, k) => k > i && isElement(c));
      all.splice(i, 1);
      all.splice(j, 0, el);
    } });
  }
  const renamed = typo(name);
  out.push({ ...base, kind: "rename-element", detail: renamed, description: `rename <${name}> at ${item.path} to <${renamed}>`, apply: (el) => {
    el.name = renamed;
    el.local = typo(el.local);
  } });
  return out;
}

function fromSchema(model: SchemaModel, item: IndexedElement, at: number): Candidate[] {
  const out: Candidate[] = [];
  const base = { at, target: item.path };
  const where = `<${item.el.name}> at ${item.path}`;
  if (elementOnly(model, item.decl)) {
    out.push({ ...base, kind: "stray-text", detail: "", description: `stray text in element-only ${where}`, apply: (el) => {
      el.children.unshift({ kind: "text", text: "stray text", line: el.line, column: el.column });
    } });
  }
  const type = textType(model, item.decl);
  if (type !== null && item.el.children.every((c) => !isElement(c))) {
    for (const bad of badValues(model, type)) {
      const kind: MutationKind = bad.kind === "enumeration" ? "bad-enumeration" : "bad-value";
      out.push({ ...base, kind, detail: bad.why, description: `content of ${where} set to "${bad.value}" (${bad.why})`, apply: (el) => setText(el, bad.value) });
    }
  }
  const declared = attributeDecls(model, item.decl);
  for (const a of declared) {
    const present = item.el.attributes.has(a.name);
    if (a.use === "required" && present) {
      out.push({ ...base, kind: "missing-required-attribute", detail: a.name, description: `remove required attribute ${a.name} of ${where}`, apply: (el) => {
        el.attributes.delete(a.name);
      } });
    }
    if (!present || a.fixed !== undefined) continue;
    for (const bad of badValues(model, a.type, a.dtdType)) {
      const kind: MutationKind = bad.kind === "enumeration" ? "wrong-attribute-enumeration" : "bad-attribute-value";
      out.push({ ...base, kind, detail: `${a.name}: ${bad.why}`, description: `attribute ${a.name} of ${where} set to "${bad.value}" (${bad.why})`, apply: (el) => {
        el.attributes.get(a.name)!.value = bad.value;
      } });
    }
  }
  if (item.decl !== null && model.complexTypes[item.decl.type.id]?.anyAttribute === undefined) {
    out.push({ ...base, kind: "undeclared-attribute", detail: "", description: `add undeclared attribute QXML_UNDECLARED to ${where}`, apply: (el) => {
      el.attributes.set("QXML_UNDECLARED", { name: "QXML_UNDECLARED", uri: null, local: "QXML_UNDECLARED", value: "1", line: el.line, column: el.column });
    } });
  }
  return out;
}

/** Kind-balanced seeded selection: shuffle each kind, then take one of each kind in turn. */
function select(candidates: Candidate[], max: number, rng: Rng): Candidate[] {
  const byKind = new Map<MutationKind, Candidate[]>();
  for (const c of candidates) {
    const list = byKind.get(c.kind) ?? [];
    list.push(c);
    byKind.set(c.kind, list);
  }
  for (const list of byKind.values()) {
    for (let i = list.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [list[i], list[j]] = [list[j], list[i]];
    }
  }
  const out: Candidate[] = [];
  const lists = [...byKind.values()];
  for (let round = 0; out.length < max && lists.some((l) => l.length > round); round++) {
    for (const l of lists) if (round < l.length && out.length < max) out.push(l[round]);
  }
  return out;
}

function preorder(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const work = [root];
  while (work.length > 0) {
    const el = work.pop()!;
    out.push(el);
    const kids = el.children.filter(isElement);
    for (let i = kids.length - 1; i >= 0; i--) work.push(kids[i]);
  }
  return out;
}

/** Candidates of the kinds the deep validity run added (test-support/mutate/kinds-*.ts). */
function deepCandidates(model: SchemaModel, items: IndexedElement[]): Candidate[] {
  const ids = documentIds(model, items);
  return items.flatMap((item, at) => [
    ...valueCandidates(model, item, at),
    ...markupCandidates(model, item, at),
    ...namespaceCandidates(model, item, at),
    ...idCandidates(model, item, at, ids),
    ...moveCandidates(item, at),
  ]);
}

/**
 * Several candidates applied to one copy: element references are taken before any change. Null
 * when a later change no longer applies (its element was moved or dropped by an earlier one).
 */
function applyAll(root: XmlElement, parts: Candidate[], raw: Raw): XmlElement | null {
  const copy = cloneTree(root);
  const order = preorder(copy);
  const targets = parts.map((c) => order[c.at]);
  try {
    parts.forEach((c, i) => c.apply(targets[i], raw));
  } catch (e) {
    if (parts.length === 1) throw e;
    return null;
  }
  return copy;
}

/** `n` seeded pairs of candidates on different elements (a document with two mistakes). */
function pairs(all: Candidate[], n: number, rng: Rng): Candidate[][] {
  const out: Candidate[][] = [];
  if (all.length < 2) return out;
  for (let tries = 0; out.length < n && tries < n * 4; tries++) {
    const a = all[rng.int(all.length)];
    const b = all[rng.int(all.length)];
    if (a.at !== b.at) out.push(a.at < b.at ? [a, b] : [b, a]);
  }
  return out;
}

export function mutate(model: SchemaModel, xml: string, options: MutateOptions = {}): Mutation[] {
  const file = options.file ?? "document.xml";
  const { prolog, rootOffset } = splitProlog(xml);
  const root = parseTree(xml, file);
  const items = indexDocument(model, root);
  const candidates = items.flatMap((item, at) => [...structural(item, at), ...fromSchema(model, item, at)]);
  const rng = seededRng(options.seed ?? 1);
  const chosen: Candidate[][] = select(candidates, options.max ?? 400, rng).map((c) => [c]);
  const deep = (options.deepMax ?? 0) > 0 || (options.pairMax ?? 0) > 0 ? deepCandidates(model, items) : [];
  if ((options.deepMax ?? 0) > 0) chosen.push(...select(deep, options.deepMax!, rng).map((c) => [c]));
  if ((options.pairMax ?? 0) > 0) chosen.push(...pairs([...candidates, ...deep], options.pairMax!, rng));
  const tail = xml.slice(rootOffset).endsWith("\n") ? "\n" : "";
  const ids = new Set<string>();
  const out: Mutation[] = [];
  for (const parts of chosen) {
    const raw = rawRegistry();
    const copy = applyAll(root, parts, raw.raw);
    if (copy === null) continue;
    const one = (c: Candidate) => [c.kind, c.target, c.detail].filter((s) => s !== "").join(":");
    const kind: MutationKind = parts.length === 1 ? parts[0].kind : "two-mutations";
    const c = parts[0];
    let id = parts.length === 1 ? one(c) : `${kind}:${parts.map(one).join(" + ")}`;
    const again = parts.length === 1 ? `${c.kind}:${c.target}:${c.detail}` : id;
    for (let n = 2; ids.has(id); n++) id = `${again}#${n}`;
    ids.add(id);
    out.push({ id, kind, description: parts.map((c) => c.description).join("; and "), xml: prolog + raw.expand(serializeElement(copy)) + tail, target: parts[0].target });
  }
  return out;
}
