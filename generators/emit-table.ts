/** The FormTable literal (generators/runtime/table.ts) of a schema: data for parse/serialize. */
import { withSubstitutions } from "./substitutions.js";
import { isRepeatable, type ContentForm } from "./content.js";
import type { SchemaForm } from "./form.js";
import type { ValueForm } from "./values.js";
import { ATTR_PREFIX } from "./form.js";
import { BUILTINS } from "../src/schema/builtins.js";
import type { ChildEntry, FormNode, FormTable } from "./runtime/table.js";
import { isNamespaced, keyedParticle } from "./namespaces.js";
import type { Particle, SchemaModel } from "../src/schema/model.js";

/** Child name → [first element declaration, repeatable anywhere], in content-model order. */
function childEntries(content: ContentForm | undefined): Map<string, { decl: number | undefined; array: boolean }> {
  const out = new Map<string, { decl: number | undefined; array: boolean }>();
  const stack: ContentForm[] = content === undefined ? [] : [content];
  // Depth-first in document order: reverse pushes keep the schema's order of names.
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (f.kind === "props") {
      for (const p of f.props) {
        const prior = out.get(p.name);
        const array = isRepeatable(p.max) || (prior?.array ?? false);
        out.set(p.name, { decl: prior?.decl ?? p.elements[0], array });
      }
    } else if (f.kind === "all") stack.push(...[...f.parts].reverse());
    else stack.push(...[...f.alts].reverse());
  }
  return out;
}

/** Child names in the order the content model first mentions them (the order serialize writes). */
export function particleOrder(model: SchemaModel, decl: number): string[] {
  const d = model.elements[decl];
  if (d.type.kind !== "complex") return [];
  const c = model.complexTypes[d.type.id].content;
  const particle = c.kind === "elements" || c.kind === "mixed" ? keyedParticle(withSubstitutions(model, c.particle)) : null;
  const names: string[] = [];
  const stack: Particle[] = particle === null ? [] : [particle];
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (p.kind === "element") {
      if (!names.includes(p.name)) names.push(p.name);
    } else if (p.kind !== "any") stack.push(...[...p.items].reverse());
  }
  return names;
}

/** The whiteSpace facet of a value's type when it changes the value (strings only: numbers and booleans are trimmed anyway). */
function whiteSpaceOf(schema: SchemaForm, value: ValueForm): "replace" | "collapse" | undefined {
  if (value.type === null || value.kind !== "string") return undefined;
  const t = schema.model.simpleTypes[value.type];
  const ws = t.facets.whiteSpace ?? BUILTINS[t.builtin]?.whiteSpace;
  return ws === "replace" || ws === "collapse" ? ws : undefined;
}

/** A child's table entry: its namespace and local name are written where the key alone does not say them. */
function childEntry(model: SchemaModel, key: string, node: number, array: boolean, decl: number): ChildEntry {
  const d = model.elements[decl];
  if (d.namespace === null && d.name === key) return [node, array];
  return d.name === key ? [node, array, d.namespace] : [node, array, d.namespace, d.name];
}

export function formTable(schema: SchemaForm): FormTable {
  const namespaced = isNamespaced(schema.model);
  const nodes: FormNode[] = schema.elements.map((form) => {
    const node: FormNode = { shape: form.shape };
    if (form.text !== undefined) node.text = form.text.kind;
    const textWs = form.text === undefined ? undefined : whiteSpaceOf(schema, form.text);
    if (textWs !== undefined && !form.mixed) node.textWs = textWs;
    if (form.mixed) node.mixed = true;
    const attrKey = (a: (typeof form.attributes)[number]): string => a.key.slice(ATTR_PREFIX.length);
    if (form.attributes.length > 0) node.attrs = Object.fromEntries(form.attributes.map((a) => [attrKey(a), a.value.kind]));
    const attrWs: Record<string, "replace" | "collapse"> = {};
    for (const a of form.attributes) {
      const ws = whiteSpaceOf(schema, a.value);
      if (ws !== undefined) attrWs[attrKey(a)] = ws;
    }
    if (Object.keys(attrWs).length > 0) node.attrWs = attrWs;
    const qualified = form.attributes.filter((a) => a.namespace !== null || attrKey(a) !== a.name);
    if (qualified.length > 0) node.attrNs = Object.fromEntries(qualified.map((a) => [attrKey(a), [a.namespace, a.name] as const]));
    const entries = childEntries(form.content);
    if (entries.size > 0) {
      node.children = {};
      for (const name of particleOrder(schema.model, form.decl)) {
        const e = entries.get(name);
        if (e?.decl !== undefined) node.children[name] = childEntry(schema.model, name, schema.byDecl.get(e.decl)!, e.array, e.decl);
      }
    }
    return node;
  });
  const globals: Record<string, number> = {};
  // By the key generated parse/serialize pass: the declaration's name, or `{uri}local` where parse
  // resolves namespaces (two globals of one local name in different namespaces both exist).
  for (const id of Object.values(schema.model.globalElements).sort((a, b) => a - b)) {
    const d = schema.model.elements[id];
    const name = namespaced ? d.key : d.name;
    if (!(name in globals)) globals[name] = schema.byDecl.get(id)!;
  }
  return namespaced ? { nodes, globals, namespaces: { target: schema.model.targetNamespace } } : { nodes, globals };
}
