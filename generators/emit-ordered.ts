/**
 * The content models of a schema as generated tables for the ordered validators
 * (generators/runtime/ordered.ts): the validation engine's own automata (src/validate/automaton.ts
 * buildMatcher), written out as data, so generated code runs the same matcher without a schema
 * model at run time.
 */
import type { GroupParticle, Particle } from "../src/schema/model.js";
import { buildMatcher, GlushkovMatcher, type Tables } from "../src/validate/automaton.js";
import { simpleChecker } from "../src/validate/simple.js";
import type { AllLiteral, AutomatonLiteral, ContentLiteral, EdgeLiteral, LeafLiteral } from "./runtime/ordered.js";
import type { ElementForm, SchemaForm } from "./form.js";
import { withSubstitutions } from "./substitutions.js";
import { childKeys } from "./namespaces.js";
import { nameKey } from "../src/schema/model.js";

/** An element leaf's literal: [key, declaration], with its namespace (and local name, when the key is not it) where it has one. */
function elementLeaf(keys: Map<string, string>, name: string, namespace: string | null, decl: number): LeafLiteral {
  const key = keys.get(nameKey(namespace, name)) ?? name;
  if (namespace === null && key === name) return [key, decl];
  return key === name ? [key, decl, namespace] : [key, decl, namespace, name];
}

function particleOf(schema: SchemaForm, form: ElementForm): Particle | null {
  const decl = schema.model.elements[form.decl];
  if (decl.type.kind !== "complex") return null;
  const c = schema.model.complexTypes[decl.type.id].content;
  return c.kind === "elements" || c.kind === "mixed" ? withSubstitutions(schema.model, c.particle) : null;
}

function allLiteral(schema: SchemaForm, p: GroupParticle): AllLiteral | undefined {
  const all: AllLiteral["all"][number][] = [];
  const slots: number[] = [];
  let widened = false;
  const keys = childKeys(p);
  for (const item of p.items) {
    // As the engine's buildAll: a choice of elements here is a substitution group head with its members (one slot, several names).
    const alternatives = item.kind === "element" ? [item] : item.kind === "choice" && item.items.every((i) => i.kind === "element") ? item.items : [];
    if (alternatives.length === 0) continue;
    if (item.kind !== "element") widened = true;
    const slot = slots.length === 0 ? 0 : slots[slots.length - 1] + 1;
    for (const alt of alternatives) {
      if (alt.kind !== "element") continue;
      const [key, decl, ...ns] = elementLeaf(keys, alt.name, alt.namespace, alt.element === null ? -1 : (schema.byDecl.get(alt.element) ?? -1)) as readonly [string, number, ...(string | null)[]];
      all.push([key, decl, item.min > 0, ...ns] as unknown as AllLiteral["all"][number]);
      slots.push(slot);
    }
  }
  return widened ? { all, optional: p.min === 0, slots } : { all, optional: p.min === 0 };
}

function automatonLiteral(schema: SchemaForm, particle: Particle): AutomatonLiteral | undefined {
  const built = buildMatcher(particle);
  if (built.tooDeep === true || built.tooLarge === true || !(built.matcher instanceof GlushkovMatcher)) return undefined;
  // The matcher's tables (its one field): read here, at generation time, and written out as data.
  const t = (built.matcher as unknown as { t?: Tables }).t;
  if (t === undefined) throw new Error("src/validate/automaton.ts: GlushkovMatcher no longer keeps its tables in `t`");
  const leaves: LeafLiteral[] = [];
  const keys = childKeys(particle);
  for (const leaf of t.leaves) {
    if (leaf.kind === "element") leaves.push(elementLeaf(keys, leaf.name, leaf.namespace, leaf.element === null ? -1 : (schema.byDecl.get(leaf.element) ?? -1)));
    else leaves.push({ any: leaf.wildcard.namespaces, tns: leaf.wildcard.targetNamespace, pc: leaf.wildcard.processContents });
  }
  return {
    leaves,
    counters: t.counterMin.map((min, i) => [min, t.counterMax[i] === Infinity ? null : t.counterMax[i]] as const),
    // Most edges are plain moves: [target] alone.
    edges: t.edges.map((list) => list.map((e): EdgeLiteral => (e.loop < 0 && e.exits.length === 0 && e.enters.length === 0 ? [e.target] : [e.target, e.loop, e.exits, e.enters]))),
    accept: t.accept,
  };
}

/** The generated content literal of an element (undefined: no element content, or checked order-free only). */
export function contentLiteral(schema: SchemaForm, form: ElementForm): ContentLiteral | undefined {
  if (form.shape === "any") return { name: form.xmlName, mixed: true, model: null };
  // Text beside attributes (simple content, DTD (#PCDATA) with attributes) is text-only too: a child of it
  // is then reported as the engine does (valid/element-in-simple-content), not as an unexpected name.
  if (form.shape === "value" || (form.shape === "object" && form.content === undefined && form.text !== undefined)) return textOnlyLiteral(schema, form);
  if (form.shape !== "object" || form.content === undefined) return undefined;
  const particle = particleOf(schema, form);
  if (particle === null) return undefined;
  const model = particle.kind === "all" ? allLiteral(schema, particle) : automatonLiteral(schema, particle);
  return model === undefined ? undefined : { name: form.xmlName, mixed: form.mixed, model };
}

/** No element content model accepts no child: DTD (#PCDATA). */
const NO_CHILDREN: AutomatonLiteral = { leaves: [], counters: [], edges: [[]], accept: [[]] };

/** A text-only element, for children a parsed object of it may hold: (#PCDATA) has an empty model; simple content names its type. */
function textOnlyLiteral(schema: SchemaForm, form: ElementForm): ContentLiteral | undefined {
  const decl = schema.model.elements[form.decl];
  let simpleType: number | undefined;
  if (decl.type.kind === "simple") simpleType = decl.type.id;
  else {
    const c = schema.model.complexTypes[decl.type.id].content;
    if (c.kind === "mixed" && c.particle === null) return { name: form.xmlName, mixed: true, model: NO_CHILDREN };
    if (c.kind !== "simple") return undefined;
    simpleType = c.type;
  }
  return { name: form.xmlName, mixed: true, model: null, simple: simpleChecker(schema.model, simpleType).describe() };
}
