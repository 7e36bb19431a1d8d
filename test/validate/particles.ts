/** Tiny builders for hand-made content models in tests. */
import type { MaxOccurs, Particle, Wildcard } from "../../src/schema/model.js";

const loc = { file: "test.dtd", line: 1, column: 1 };
let col = 1;

export function el(name: string, min = 1, max: MaxOccurs = 1, namespace: string | null = null): Particle {
  return { kind: "element", name, namespace, element: null, min, max, location: { ...loc, column: col++ } };
}
export function seq(items: Particle[], min = 1, max: MaxOccurs = 1): Particle {
  return { kind: "sequence", items, min, max, location: loc };
}
export function choice(items: Particle[], min = 1, max: MaxOccurs = 1): Particle {
  return { kind: "choice", items, min, max, location: loc };
}
export function all(items: Particle[], min = 1): Particle {
  return { kind: "all", items, min, max: 1, location: loc };
}
export function any(namespaces: Wildcard["namespaces"], min = 1, max: MaxOccurs = 1, targetNamespace: string | null = "urn:t"): Particle {
  return { kind: "any", wildcard: { namespaces, targetNamespace, processContents: "lax" }, min, max, location: loc };
}
