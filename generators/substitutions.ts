/**
 * XSD substitution groups in the object form: a member of a head's substitution group may stand
 * where the head's particle is, under its own name. The object form knows children by name only,
 * so an element particle of a head becomes the choice of the head and its members (the model's
 * `substitutions`: transitive, blocked members already left out), with the particle's
 * occurrences. An abstract head stays among them, as in the engine's expected lists; that it may
 * not appear is not checked on objects (docs/codegen.md, Known gaps: abstract). Content-model depth grows by one at most; the analysis that reads the
 * result is bounded by it (content.ts).
 */
import type { ElementParticle, Particle, SchemaModel } from "../src/schema/model.js";

function substitutes(model: SchemaModel, p: ElementParticle): Particle {
  const members = p.element === null ? undefined : model.substitutions?.[p.element];
  if (members === undefined || members.length === 0) return p;
  const one = (id: number): ElementParticle => ({ kind: "element", name: model.elements[id].name, namespace: model.elements[id].namespace, element: id, min: 1, max: 1, location: p.location });
  const alternatives = [one(p.element!), ...members.map(one)];
  return { kind: "choice", items: alternatives, min: p.min, max: p.max, location: p.location };
}

/** The particle with every head's element particle widened to its substitution group. */
export function withSubstitutions(model: SchemaModel, particle: Particle | null): Particle | null {
  if (particle === null || model.substitutions === undefined) return particle;
  // Group particles nest at most MAX_CONTENT_DEPTH deep (readers' bound): recursion is bounded by the schema, not a document.
  const widen = (p: Particle): Particle => (p.kind === "element" ? substitutes(model, p) : p.kind === "any" ? p : { ...p, items: p.items.map(widen) });
  return widen(particle);
}
