/** The FormTable literal (generators/runtime/table.ts) of a schema: data for parse/serialize. */
import { withSubstitutions } from "./substitutions.js";
import { isRepeatable, type ContentForm } from "./content.js";
import type { SchemaForm } from "./form.js";
import type { ValueForm } from "./values.js";
import { BUILTINS } from "../src/schema/builtins.js";
import type { FormNode, FormTable } from "./runtime/table.js";
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
  const particle = c.kind === "elements" || c.kind === "mixed" ? withSubstitutions(model, c.particle) : null;
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

export function formTable(schema: SchemaForm): FormTable {
  const nodes: FormNode[] = schema.elements.map((form) => {
    const node: FormNode = { shape: form.shape };
    if (form.text !== undefined) node.text = form.text.kind;
    const textWs = form.text === undefined ? undefined : whiteSpaceOf(schema, form.text);
    if (textWs !== undefined && !form.mixed) node.textWs = textWs;
    if (form.mixed) node.mixed = true;
    if (form.attributes.length > 0) node.attrs = Object.fromEntries(form.attributes.map((a) => [a.name, a.value.kind]));
    const attrWs: Record<string, "replace" | "collapse"> = {};
    for (const a of form.attributes) {
      const ws = whiteSpaceOf(schema, a.value);
      if (ws !== undefined) attrWs[a.name] = ws;
    }
    if (Object.keys(attrWs).length > 0) node.attrWs = attrWs;
    const entries = childEntries(form.content);
    if (entries.size > 0) {
      node.children = {};
      for (const name of particleOrder(schema.model, form.decl)) {
        const e = entries.get(name);
        if (e?.decl !== undefined) node.children[name] = [schema.byDecl.get(e.decl)!, e.array];
      }
    }
    return node;
  });
  const globals: Record<string, number> = {};
  // By the name generated parse/serialize pass (the declaration's name: the object form has no
  // namespaces); of two globals with one local name in different namespaces, the first declared wins.
  for (const id of Object.values(schema.model.globalElements).sort((a, b) => a - b)) {
    const name = schema.model.elements[id].name;
    if (!(name in globals)) globals[name] = schema.byDecl.get(id)!;
  }
  return { nodes, globals };
}
