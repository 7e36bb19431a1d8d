/**
 * Substitution groups in content models: an element particle whose declaration heads a
 * substitution group becomes a choice of the head and every member that may replace it
 * (`SchemaModel.substitutions`, blocked members already left out), with the particle's
 * occurrence range on the choice. The automaton then matches members like any other particle,
 * each against its own declaration, and its determinism check sees them (XSD 1.0 UPA treats a
 * head as the set of its group). An abstract head stays in the choice so that using it is
 * reported as such (valid/abstract-element) rather than as an unexpected element.
 */
import { MAX_CONTENT_DEPTH, type Particle, type SchemaModel } from "../schema/model.js";

export function withSubstitutions(model: SchemaModel, particle: Particle | null): Particle | null {
  const table = model.substitutions;
  if (table === undefined || particle === null) return particle;
  return expand(model, table, particle, 0);
}

function expand(model: SchemaModel, table: Record<number, number[]>, p: Particle, depth: number): Particle {
  // Deeper models are refused by the automaton (valid/content-model-too-deep); stop here too.
  if (depth > MAX_CONTENT_DEPTH) return p;
  if (p.kind === "any") return p;
  if (p.kind === "element") {
    const members = p.element === null ? undefined : table[p.element];
    if (members === undefined || members.length === 0) return p;
    const items: Particle[] = [{ ...p, min: 1, max: 1 }];
    for (const id of members) {
      const m = model.elements[id];
      items.push({ kind: "element", name: m.name, namespace: m.namespace, element: id, min: 1, max: 1, location: p.location });
    }
    return { kind: "choice", items, min: p.min, max: p.max, location: p.location };
  }
  let changed = false;
  const items = p.items.map((item) => {
    const e = expand(model, table, item, depth + 1);
    if (e !== item) changed = true;
    return e;
  });
  return changed ? { ...p, items } : p;
}
