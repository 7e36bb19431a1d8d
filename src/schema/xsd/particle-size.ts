/**
 * How large a content model the reader built is: nesting depth and leaf particles. A group
 * reference shares its group's particle, so a chain of 20,000 groups each referencing the last
 * nests a model 20,000 levels deep (the reader's recursion overflowed the stack), and 40 groups
 * each referencing the last one twice hold 2^40 leaves in a few kilobytes of schema (the
 * automaton walked them until it ran out of stack). Every consumer walks the tree, so the reader
 * refuses such a model instead of handing it on.
 */
import { MAX_CONTENT_DEPTH, MAX_CONTENT_PARTICLES, type GroupParticle, type Particle, type SourceLocation } from "../model.js";
import { reportLimitOnce, type BuildContext } from "./build-context.js";

export interface ParticleSize {
  depth: number;
  /** Saturates just above MAX_CONTENT_PARTICLES. */
  leaves: number;
}

/** Sizes by a group's items array, which every reference to the group shares: each group is measured once. */
const measured = new WeakMap<readonly Particle[], ParticleSize>();

const LEAF: ParticleSize = { depth: 1, leaves: 1 };

/** Iterative (a model may be deeper than the stack) and linear in the distinct groups (shared ones are counted, not walked again). */
export function particleSize(root: Particle): ParticleSize {
  if (root.kind === "element" || root.kind === "any") return LEAF;
  const stack: GroupParticle[] = [root];
  while (stack.length > 0) {
    const g = stack[stack.length - 1];
    if (measured.has(g.items)) {
      stack.pop();
      continue;
    }
    let depth = 0;
    let leaves = 0;
    let pending = false;
    for (const item of g.items) {
      const s = item.kind === "element" || item.kind === "any" ? LEAF : measured.get(item.items);
      if (s === undefined) {
        stack.push(item as GroupParticle);
        pending = true;
        continue;
      }
      depth = Math.max(depth, s.depth);
      leaves = Math.min(leaves + s.leaves, MAX_CONTENT_PARTICLES + 1);
    }
    if (pending) continue;
    measured.set(g.items, { depth: depth + 1, leaves });
    stack.pop();
  }
  return measured.get(root.items)!;
}

/** What is too large about the model, or null. */
export function tooLargeModel(p: Particle): { what: string; limit: number } | null {
  const s = particleSize(p);
  if (s.depth > MAX_CONTENT_DEPTH) return { what: `particles nested ${s.depth} levels deep`, limit: MAX_CONTENT_DEPTH };
  if (s.leaves > MAX_CONTENT_PARTICLES) return { what: `more than ${MAX_CONTENT_PARTICLES} element particles`, limit: MAX_CONTENT_PARTICLES };
  return null;
}

/**
 * The model, or null when it is too large; reported once per schema (like too-deep definitions,
 * a hostile chain would otherwise give an error every MAX_CONTENT_DEPTH links).
 */
export function boundedModel<P extends Particle>(ctx: BuildContext, p: P | null, kind: "group" | "complexType", name: string, loc: SourceLocation): P | null {
  const tooLarge = p === null ? null : tooLargeModel(p);
  if (tooLarge === null) return p;
  reportLimitOnce(ctx, "xsd/content-model-too-large", { kind, name, ...tooLarge }, loc);
  return null;
}
