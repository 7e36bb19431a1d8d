/**
 * Content models in object form. fast-xml-parser groups a parent's children by name, so the
 * object form keeps which children are present and how often, not their order. A content model
 * becomes a tree of
 *   props  - children that are all present together (each with its own min/max occurrences),
 *   all    - parts that hold at the same time (a sequence of parts),
 *   oneOf  - exactly one alternative holds (a choice, or an optional group with its empty case).
 * Repeated groups, and models where one name would land in two places of the tree, are
 * flattened into per-name occurrence ranges: looser, but still sound for the object form.
 */
import { MAX_CONTENT_DEPTH, type MaxOccurs, type Particle } from "../src/schema/model.js";

export interface ChildProp {
  name: string;
  /** Element declaration ids this property may hold (more than one only after flattening XSD locals). */
  elements: number[];
  min: number;
  max: MaxOccurs;
}

export type ContentForm =
  /** `atLeastOne`: groups of names of which at least one must be present (a flattened (A|B)+). */
  | { kind: "props"; props: ChildProp[]; atLeastOne?: string[][] }
  | { kind: "all"; parts: ContentForm[] }
  | { kind: "oneOf"; alts: ContentForm[] };

export function isRepeatable(max: MaxOccurs): boolean {
  return max === "unbounded" || max > 1;
}

/** Every property name a form may hold. */
export function namesOf(form: ContentForm): string[] {
  const out = new Set<string>();
  const stack: ContentForm[] = [form];
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (f.kind === "props") for (const p of f.props) out.add(p.name);
    else if (f.kind === "all") stack.push(...f.parts);
    else stack.push(...f.alts);
  }
  return [...out].sort();
}

/** True when the form is satisfied by no children at all. */
export function nullable(form: ContentForm): boolean {
  if (form.kind === "props") return form.props.every((p) => p.min === 0) && (form.atLeastOne ?? []).length === 0;
  if (form.kind === "all") return form.parts.every(nullable);
  return form.alts.some(nullable);
}

const EMPTY: ContentForm = { kind: "props", props: [] };

function addMax(a: MaxOccurs, b: MaxOccurs): MaxOccurs {
  return a === "unbounded" || b === "unbounded" ? "unbounded" : a + b;
}
function mulMax(a: MaxOccurs, b: MaxOccurs): MaxOccurs {
  if (a === 0 || b === 0) return 0;
  return a === "unbounded" || b === "unbounded" ? "unbounded" : a * b;
}
function maxOf(a: MaxOccurs, b: MaxOccurs): MaxOccurs {
  return a === "unbounded" || b === "unbounded" ? "unbounded" : Math.max(a, b);
}

type Counts = Map<string, ChildProp>;

/** Per-name occurrence ranges of a particle (the flattened form). */
export function countParticle(p: Particle): Counts {
  let inner: Counts;
  if (p.kind === "element") {
    inner = new Map([[p.name, { name: p.name, elements: p.element === null ? [] : [p.element], min: 1, max: 1 }]]);
  } else if (p.kind === "any") {
    inner = new Map();
  } else {
    const parts = p.items.map(countParticle);
    inner = new Map();
    if (p.kind === "choice") {
      const names = new Set(parts.flatMap((m) => [...m.keys()]));
      for (const name of names) {
        let min = Infinity;
        let max: MaxOccurs = 0;
        const elements = new Set<number>();
        for (const m of parts) {
          const c = m.get(name);
          min = Math.min(min, c?.min ?? 0);
          max = maxOf(max, c?.max ?? 0);
          for (const e of c?.elements ?? []) elements.add(e);
        }
        inner.set(name, { name, elements: [...elements].sort((a, b) => a - b), min: min === Infinity ? 0 : min, max });
      }
    } else {
      for (const m of parts) {
        for (const c of m.values()) {
          const prior = inner.get(c.name);
          if (prior === undefined) inner.set(c.name, { ...c, elements: [...c.elements] });
          else {
            prior.min += c.min;
            prior.max = addMax(prior.max, c.max);
            for (const e of c.elements) if (!prior.elements.includes(e)) prior.elements.push(e);
          }
        }
      }
    }
  }
  const out: Counts = new Map();
  for (const c of inner.values()) out.set(c.name, { ...c, min: c.min * p.min, max: mulMax(c.max, p.max) });
  return out;
}

function particleNullable(p: Particle): boolean {
  if (p.min === 0 || p.kind === "any") return true;
  if (p.kind === "element") return false;
  return p.kind === "choice" ? p.items.some(particleNullable) : p.items.every(particleNullable);
}

function flatten(p: Particle): ContentForm {
  const props = [...countParticle(p).values()].filter((c) => c.max !== 0);
  // (A|B)+ flattens to "A and B optional": keep that at least one of them must be there.
  if (!particleNullable(p) && props.length > 0 && props.every((c) => c.min === 0)) {
    return { kind: "props", props, atLeastOne: [props.map((c) => c.name)] };
  }
  return { kind: "props", props };
}

function optional(form: ContentForm, min: number): ContentForm {
  if (min > 0 || nullable(form)) return form;
  return { kind: "oneOf", alts: [form, EMPTY] };
}

/** Merges the plain props of a sequence's parts into one props node. */
function sequence(parts: ContentForm[]): ContentForm {
  const props: ChildProp[] = [];
  const atLeastOne: string[][] = [];
  const rest: ContentForm[] = [];
  for (const part of parts) {
    if (part.kind === "props") {
      props.push(...part.props);
      atLeastOne.push(...(part.atLeastOne ?? []));
    }
    else if (part.kind === "all") rest.push(...part.parts);
    else rest.push(part);
  }
  const merged: ContentForm = atLeastOne.length > 0 ? { kind: "props", props, atLeastOne } : { kind: "props", props };
  // A sequence of wildcards only has no parts left: it is the empty props node, not an empty "all".
  const all = props.length > 0 || rest.length === 0 ? [merged, ...rest] : rest;
  return all.length === 1 ? all[0] : { kind: "all", parts: all };
}

function structured(p: Particle): ContentForm {
  if (p.kind === "element") {
    if (p.max === 0) return EMPTY;
    return { kind: "props", props: [{ name: p.name, elements: p.element === null ? [] : [p.element], min: p.min, max: p.max }] };
  }
  if (p.kind === "any") return EMPTY;
  if (isRepeatable(p.max)) return flatten(p);
  if (p.max === 0) return EMPTY;
  const items = p.items.map(structured);
  if (p.kind === "choice") {
    if (items.length === 1) return optional(items[0], p.min);
    const alts = items.some(nullable) || p.min > 0 ? items : [...items, EMPTY];
    return { kind: "oneOf", alts };
  }
  return optional(sequence(items), p.min);
}

/** No name may occur twice among the props and parts that hold together. */
function consistent(form: ContentForm): boolean {
  if (form.kind === "props") return new Set(form.props.map((p) => p.name)).size === form.props.length;
  // Alternatives too: the object form tells them apart by the names present, so they may not share
  // one (((A,B)|(A,C)) flattens, see "Known gaps").
  return disjoint(form.kind === "oneOf" ? form.alts : form.parts);
}

/** Each form consistent, and no name in two of them. */
function disjoint(forms: ContentForm[]): boolean {
  const seen = new Set<string>();
  for (const f of forms) {
    if (!consistent(f)) return false;
    for (const n of namesOf(f)) {
      if (seen.has(n)) return false;
      seen.add(n);
    }
  }
  return true;
}

/** A schema the generators refuse (with the reason), as opposed to a bug. */
export class GenerateError extends Error {}

/**
 * Content models nest at most as deep as the readers and the validator allow (the schema model's
 * bound): the analysis recurses on them, never on documents.
 */
export const MAX_PARTICLE_DEPTH = MAX_CONTENT_DEPTH;

/** How many groups deep a particle tree nests (a lone element: 0), measured without recursion. */
function particleDepth(particle: Particle): number {
  let max = 0;
  const stack: [Particle, number][] = [[particle, 1]];
  while (stack.length > 0) {
    const [p, d] = stack.pop()!;
    if (p.kind !== "sequence" && p.kind !== "choice" && p.kind !== "all") continue;
    max = Math.max(max, d);
    for (const item of p.items) stack.push([item, d + 1]);
  }
  return max;
}

/** The object form of a content model (null particle = no element children). */
export function contentForm(particle: Particle | null): ContentForm {
  // Element-only content whose model names no child (<sequence> of maxOccurs-0 particles, XSD 1.0 §3.4.2) has no properties.
  if (particle === null || !hasLeaf(particle)) return EMPTY;
  const depth = particleDepth(particle);
  if (depth > MAX_PARTICLE_DEPTH) throw new GenerateError(`a content model nests ${depth} groups deep (at most ${MAX_PARTICLE_DEPTH}) at ${particle.location.file}:${particle.location.line}:${particle.location.column}`);
  const form = structured(particle);
  return consistent(form) ? form : flatten(particle);
}

/** Whether some element or wildcard particle of the tree passes `test`, walked without recursion. */
function someLeaf(particle: Particle | null, test: (leaf: Particle) => boolean): boolean {
  const stack: Particle[] = particle === null ? [] : [particle];
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (p.kind === "element" || p.kind === "any") {
      if (test(p)) return true;
    } else stack.push(...p.items);
  }
  return false;
}

/** True when the tree names any child at all. */
function hasLeaf(particle: Particle): boolean {
  return someLeaf(particle, () => true);
}

/** True when the particle tree holds a wildcard (the object form then admits unknown names). */
export function hasWildcard(particle: Particle | null): boolean {
  return someLeaf(particle, (p) => p.kind === "any");
}
