/**
 * How namespaced names become object-form keys (docs/codegen.md "Namespaces"): an element or
 * attribute is keyed by its local name, as in the no-namespace schemas; where two children (or two
 * attributes) of one element type share a local name in different namespaces, each one in a
 * namespace is keyed by its Clark name `{uri}local` (one in no namespace keeps its local name).
 * The rule depends only on the schema, so parse, serialize, types and validators agree on it.
 */
import { nameKey, type AttributeDecl, type Particle, type SchemaModel } from "../src/schema/model.js";

/**
 * Does parse resolve namespaces for this schema? XSDs with a target namespace, a qualified name
 * or a wildcard (whose namespace constraint needs the real namespace). DTDs compare names as
 * written; the bundled no-namespace XSDs have none of these, so their output does not change.
 */
export function isNamespaced(model: SchemaModel): boolean {
  if (model.kind !== "xsd") return false;
  if (model.targetNamespace !== null || model.elements.some((e) => e.namespace !== null)) return true;
  return model.complexTypes.some((t) => t.anyAttribute !== undefined || t.attributes.some((a) => a.namespace !== null) || hasAny(t.content.kind === "elements" || t.content.kind === "mixed" ? t.content.particle : null));
}

function hasAny(p: Particle | null): boolean {
  const stack = p === null ? [] : [p];
  while (stack.length > 0) {
    const q = stack.pop()!;
    if (q.kind === "any") return true;
    if (q.kind !== "element") stack.push(...q.items);
  }
  return false;
}

/** The key of each name in a list of {namespace, local} pairs: local, or Clark where a local name has several namespaces. */
function keysOf(names: { namespace: string | null; name: string }[]): Map<string, string> {
  const spaces = new Map<string, Set<string | null>>();
  for (const n of names) {
    const set = spaces.get(n.name) ?? new Set();
    set.add(n.namespace);
    spaces.set(n.name, set);
  }
  const keys = new Map<string, string>();
  for (const n of names) {
    const clash = (spaces.get(n.name)?.size ?? 0) > 1;
    keys.set(nameKey(n.namespace, n.name), clash ? nameKey(n.namespace, n.name) : n.name);
  }
  return keys;
}

/** Element particles of a content model, depth first. */
function elementParticles(p: Particle): { namespace: string | null; name: string }[] {
  const out: { namespace: string | null; name: string }[] = [];
  const stack: Particle[] = [p];
  while (stack.length > 0) {
    const q = stack.pop()!;
    if (q.kind === "element") out.push(q);
    else if (q.kind !== "any") stack.push(...q.items);
  }
  return out;
}

/** Clark name → key of every element a content model names. */
export function childKeys(p: Particle | null): Map<string, string> {
  return p === null ? new Map() : keysOf(elementParticles(p));
}

/** The content model with each element particle's `name` replaced by its key (for the object-form analysis). */
export function keyedParticle<P extends Particle | null>(p: P): P;
export function keyedParticle(p: Particle | null): Particle | null {
  if (p === null) return null;
  const keys = childKeys(p);
  if (![...keys.values()].some((k) => k.startsWith("{"))) return p;
  const rename = (q: Particle): Particle => {
    if (q.kind === "element") return { ...q, name: keys.get(nameKey(q.namespace, q.name)) ?? q.name };
    if (q.kind === "any") return q;
    return { ...q, items: q.items.map(rename) };
  };
  return rename(p);
}

/** Clark name → key of an element type's attributes. */
export function attributeKeys(attrs: readonly AttributeDecl[]): Map<string, string> {
  return keysOf(attrs.map((a) => ({ namespace: a.namespace, name: a.name })));
}
