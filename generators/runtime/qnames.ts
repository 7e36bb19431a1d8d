/**
 * Names in a namespaced object form (docs/codegen.md "Namespaces"). parse resolves every element
 * and attribute name to {namespace URI, local name} and keys it by the schema's name for it: the
 * local name, or the table's key where two children of one element share a local name. A name the
 * schema does not declare at that place is keyed by its Clark name `{uri}local` (`{}local` when it
 * is in no namespace but its local name is a declared key in a namespace), so a name in the wrong
 * namespace can never pass for the declared one. The names as written (prefixes) are recorded,
 * non-enumerably like the child order, for diagnostics worded as `qxml validate` words them.
 */
import { ATTR_PREFIX, type FormNode, type FormTable } from "./table.js";

export const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
export const XML_NS = "http://www.w3.org/XML/1998/namespace";

export function clark(uri: string | null, local: string): string {
  return uri === null ? local : `{${uri}}${local}`;
}

/** {uri, local} of a key that is a Clark name ("{u}l", "{}l"), else undefined. */
export function clarkParts(key: string): { uri: string | null; local: string } | undefined {
  if (key.charCodeAt(0) !== 123) return undefined; // "{"
  const end = key.indexOf("}");
  if (end < 0) return undefined;
  return { uri: end === 1 ? null : key.slice(1, end), local: key.slice(end + 1) };
}

/** Per element type: {uri}local of each declared child → its key; of each declared attribute → its key (without "@_"). */
export interface NodeNames {
  children: Map<string, string>;
  attrs: Map<string, string>;
  /** The keys themselves, so an undeclared name never takes a declared one's key. */
  childKeys: Set<string>;
  attrKeys: Set<string>;
}

const indexes = new WeakMap<FormTable, NodeNames[]>();

function indexNode(node: FormNode): NodeNames {
  const children = new Map<string, string>();
  for (const [key, entry] of Object.entries(node.children ?? {})) {
    const uri = entry.length > 2 ? (entry[2] ?? null) : null;
    const local = entry.length > 3 ? entry[3]! : key;
    children.set(clark(uri, local), key);
  }
  const attrs = new Map<string, string>();
  for (const key of Object.keys(node.attrs ?? {})) {
    const ns = node.attrNs?.[key];
    attrs.set(ns === undefined ? key : clark(ns[0], ns[1]), key);
  }
  return { children, attrs, childKeys: new Set(children.values()), attrKeys: new Set(attrs.values()) };
}

/** The name index of node `n` of a namespaced table (built once per table). */
export function nodeNames(table: FormTable, n: number): NodeNames {
  let all = indexes.get(table);
  if (all === undefined) {
    all = [];
    indexes.set(table, all);
  }
  return (all[n] ??= indexNode(table.nodes[n]));
}

/** The key of a child {uri}local under a parent whose declared children are `declared` (undefined: nothing declared). */
export function childKey(declared: NodeNames | undefined, uri: string | null, local: string): string {
  const known = declared?.children.get(clark(uri, local));
  if (known !== undefined) return known;
  if (uri !== null) return clark(uri, local);
  // In no namespace, where a declared child of that local name is in one: "{}local", not the declared key.
  return declared?.childKeys.has(local) === true ? `{}${local}` : local;
}

/** The key (with "@_") of an attribute {uri}local. The xsi and xml attributes keep their conventional prefix, as before. */
export function attributeKey(declared: NodeNames | undefined, uri: string | null, local: string): string {
  const known = declared?.attrs.get(clark(uri, local));
  if (known !== undefined) return ATTR_PREFIX + known;
  if (uri === XSI_NS) return `${ATTR_PREFIX}xsi:${local}`;
  if (uri === XML_NS) return `${ATTR_PREFIX}xml:${local}`;
  if (uri !== null) return ATTR_PREFIX + clark(uri, local);
  return declared?.attrKeys.has(local) === true ? `${ATTR_PREFIX}{}${local}` : ATTR_PREFIX + local;
}

/** {uri, local} of child key `key` of node `n` (declared, Clark, or a plain no-namespace name). */
export function childName(table: FormTable, n: number | undefined, key: string): { uri: string | null; local: string } {
  const entry = n === undefined ? undefined : table.nodes[n]?.children?.[key];
  if (entry !== undefined) return { uri: entry.length > 2 ? (entry[2] ?? null) : null, local: entry.length > 3 ? entry[3]! : key };
  return clarkParts(key) ?? { uri: null, local: key };
}

/**
 * The names as written of an element object's children, parallel to its recorded order (text
 * entries hold ""), recorded only where one differs from its key (a prefix, a Clark key).
 */
export const WRITTEN: unique symbol = Symbol.for("qxml.writtenNames");
/** Attribute key → its name as written, on an element object, for the attributes whose key is not it. */
export const WRITTEN_ATTRS: unique symbol = Symbol.for("qxml.writtenAttributes");

/** The name as written of attribute `key` of a parsed element object (as the engine names it in messages); `fallback` for objects built by hand. */
export function writtenAttribute(obj: unknown, key: string): string | undefined;
export function writtenAttribute(obj: unknown, key: string, fallback: string): string;
export function writtenAttribute(obj: unknown, key: string, fallback?: string): string | undefined {
  if (typeof obj !== "object" || obj === null) return fallback;
  const w = (obj as { [WRITTEN_ATTRS]?: Record<string, string> })[WRITTEN_ATTRS];
  return w?.[key] ?? fallback;
}

/** The root element's name as written, on the root object, when it differs from its local name. */
export const ROOT_NAME: unique symbol = Symbol.for("qxml.rootName");

export function setHidden(obj: object, key: symbol, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: false, writable: true, configurable: true });
}

export function writtenNames(obj: unknown): readonly string[] | undefined {
  if (typeof obj !== "object" || obj === null) return undefined;
  const w = (obj as { [WRITTEN]?: unknown })[WRITTEN];
  return Array.isArray(w) ? (w as string[]) : undefined;
}

/** The root's name as `qxml validate` would write it in a path: as written in the parsed document, else `fallback`. */
export function rootNameOf(value: unknown, fallback: string): string {
  if (typeof value !== "object" || value === null) return fallback;
  const n = (value as { [ROOT_NAME]?: unknown })[ROOT_NAME];
  return typeof n === "string" ? n : fallback;
}

/** The element name a path ends with ("/a/p:b[2]" → "p:b"): the name as written, for messages. */
export function nameInPath(path: string): string {
  const slash = path.lastIndexOf("/");
  const last = path.slice(slash + 1);
  const bracket = last.indexOf("[");
  return bracket < 0 ? last : last.slice(0, bracket);
}
