/**
 * Content models compiled into deterministic matchers.
 *
 * Sequences and choices become a Glushkov (position) automaton: one state per leaf particle
 * (element or wildcard) plus a start state. The automaton is deterministic exactly when the
 * content model is 1-unambiguous, so building it is also the check for non-deterministic DTD
 * content models and XSD Unique Particle Attribution.
 *
 * Occurrence ranges other than ?, * and + (e.g. maxOccurs="1000") are not unrolled: the
 * particle gets a counter. An edge may require counters of the particles it leaves to have
 * reached their minimum, increment the counter of the particle it repeats (only while below
 * the maximum), and reset the counters of the particles it enters. A frame carries the counter
 * values in an Int32Array, so matching allocates nothing.
 *
 * xs:all becomes a separate matcher over a "seen" flag per child.
 */
import type { GroupParticle, MaxOccurs, Particle, SourceLocation, Wildcard } from "../schema/model.js";

export type Leaf =
  | { kind: "element"; name: string; namespace: string | null; element: number | null; location: SourceLocation }
  | { kind: "any"; wildcard: Wildcard; location: SourceLocation };

/** A pair of leaves that compete for the same child: the content model is not deterministic. */
export interface Ambiguity {
  /** The child name (or "any element") both can match. */
  found: string;
  first: Leaf;
  second: Leaf;
}

export interface ContentMatcher {
  /** Length of the counter array a frame needs for this matcher. */
  readonly counterCount: number;
  /** Sets up the counters and returns the initial state. */
  start(counters: Int32Array): number;
  /** The state after child {uri}local, or -1 when no particle accepts it here. */
  step(state: number, counters: Int32Array, uri: string | null, local: string): number;
  /** The leaf particle the child that led to `state` matched. */
  leafOf(state: number): Leaf;
  /** Whether the content may end in this state. */
  accepts(state: number, counters: Int32Array): boolean;
  /** The children allowed next, in schema order, as names (for "expected one of ..."). */
  expected(state: number, counters: Int32Array): string[];
  /** Every element name the content model mentions (for did-you-mean). */
  readonly names: readonly string[];
}

export interface MatcherBuild {
  matcher: ContentMatcher;
  ambiguities: Ambiguity[];
  /** Set when the particle tree is nested deeper than the limit (the matcher then accepts nothing). */
  tooDeep?: boolean;
  /** An xs:all that is not the whole content model (not XSD 1.0): approximated as a sequence. */
  nestedAll?: SourceLocation;
}

export const MAX_PARTICLE_DEPTH = 256;

export function leafLabel(leaf: Leaf): string {
  if (leaf.kind === "element") return leaf.name;
  const ns = leaf.wildcard.namespaces;
  if (ns === "##any") return "any element";
  if (ns === "##other") return "any element not in namespace " + (leaf.wildcard.targetNamespace ?? "(none)");
  return "any element in " + ns.map((n) => (n === null ? "no namespace" : n)).join(" or ");
}

export function wildcardAllows(w: Wildcard, uri: string | null): boolean {
  const ns = w.namespaces;
  if (ns === "##any") return true;
  // ##other: any namespace other than the target namespace, and not unqualified (XSD 1.0 §3.10.4).
  if (ns === "##other") return uri !== null && uri !== w.targetNamespace;
  return ns.includes(uri);
}

export function buildMatcher(particle: Particle | null): MatcherBuild {
  if (particle === null) return { matcher: new GlushkovMatcher(emptyTables()), ambiguities: [] };
  if (particle.kind === "all") return buildAll(particle);
  const ctx: BuildContext = { nodes: [], leaves: [], counterMin: [], counterMax: [], tooDeep: false };
  const root = toNode(particle, ctx, null, 0);
  if (ctx.tooDeep) return { matcher: new GlushkovMatcher(emptyTables()), ambiguities: [], tooDeep: true };
  const tables = buildTables(root, ctx);
  const ambiguities = findAmbiguities(tables);
  const build: MatcherBuild = { matcher: new GlushkovMatcher(tables), ambiguities };
  if (ctx.nestedAll !== undefined) build.nestedAll = ctx.nestedAll;
  return build;
}

// ---------------------------------------------------------------------------------------------
// The particle tree, annotated with first/last/nullable and counters.

interface Node {
  kind: "leaf" | "sequence" | "choice";
  children: Node[];
  parent: Node | null;
  min: number;
  max: number; // Infinity when unbounded
  /** Leaf index for leaves. */
  leaf: number;
  /** Counter index, -1 when ?, *, + need no counting. */
  counter: number;
  nullableBody: boolean;
  nullable: boolean;
  first: number[];
  last: number[];
}

interface BuildContext {
  nodes: Node[];
  leaves: Leaf[];
  /** Per leaf: its ancestors from itself up to the root. */
  counterMin: number[];
  counterMax: number[];
  tooDeep: boolean;
  nestedAll?: SourceLocation;
}

function maxOf(m: MaxOccurs): number {
  return m === "unbounded" ? Infinity : m;
}

function toNode(p: Particle, ctx: BuildContext, parent: Node | null, depth: number): Node {
  const node: Node = {
    kind: "leaf",
    children: [],
    parent,
    min: p.min,
    max: maxOf(p.max),
    leaf: -1,
    counter: -1,
    nullableBody: false,
    nullable: false,
    first: [],
    last: [],
  };
  ctx.nodes.push(node);
  if (depth > MAX_PARTICLE_DEPTH) {
    ctx.tooDeep = true;
    return node;
  }
  if (p.kind === "element" || p.kind === "any") {
    node.leaf = ctx.leaves.length;
    ctx.leaves.push(
      p.kind === "element"
        ? { kind: "element", name: p.name, namespace: p.namespace, element: p.element, location: p.location }
        : { kind: "any", wildcard: p.wildcard, location: p.location },
    );
    node.first = [node.leaf];
    node.last = [node.leaf];
  } else {
    if (p.kind === "all") ctx.nestedAll ??= p.location;
    node.kind = p.kind === "choice" ? "choice" : "sequence";
    node.children = p.items.map((item) => toNode(item, ctx, node, depth + 1));
    annotateGroup(node);
  }
  node.nullable = node.min === 0 || node.nullableBody;
  // Counting is needed when the range is not one of (0|1, 1|unbounded).
  if (node.min > 1 || (node.max !== Infinity && node.max > 1)) {
    node.counter = ctx.counterMin.length;
    // A nullable body can make up the missing iterations with empty ones.
    ctx.counterMin.push(node.nullableBody ? 0 : node.min);
    ctx.counterMax.push(node.max);
  }
  return node;
}

function annotateGroup(node: Node): void {
  const kids = node.children;
  if (node.kind === "choice") {
    node.nullableBody = kids.length === 0 || kids.some((k) => k.nullable);
    for (const k of kids) {
      node.first.push(...k.first);
      node.last.push(...k.last);
    }
    return;
  }
  node.nullableBody = kids.every((k) => k.nullable);
  for (const k of kids) {
    node.first.push(...k.first);
    if (!k.nullable) break;
  }
  for (let i = kids.length - 1; i >= 0; i--) {
    node.last.push(...kids[i].last);
    if (!kids[i].nullable) break;
  }
}

// ---------------------------------------------------------------------------------------------
// Edges and tables.

interface Edge {
  target: number; // leaf index
  /** Counters of left particles that must have reached their minimum. */
  exits: number[];
  /** Counter of the repeated particle (must be below its maximum, then incremented), or -1. */
  loop: number;
  /** Counters of entered particles, reset to 1. */
  enters: number[];
}

interface Tables {
  leaves: Leaf[];
  counterMin: number[];
  counterMax: number[];
  /** Per state (0 = start, i + 1 = after leaf i): edges in schema order. */
  edges: Edge[][];
  /** Per state: element edges by local name. */
  byLocal: Map<string, Edge[]>[];
  wildcards: Edge[][];
  /** Per state: null when the content cannot end there, else the counters whose minimum must hold. */
  accept: (number[] | null)[];
}

function emptyTables(): Tables {
  return { leaves: [], counterMin: [], counterMax: [], edges: [[]], byLocal: [new Map()], wildcards: [[]], accept: [[]] };
}

/** Counted nodes on the path from leaf node `from` up to (excluding) `stop`. */
function countedPath(from: Node, stop: Node | null, onlyMin: number[] | null): number[] {
  const out: number[] = [];
  for (let n: Node | null = from; n !== null && n !== stop; n = n.parent) {
    if (n.counter < 0) continue;
    if (onlyMin !== null && onlyMin[n.counter] <= 1) continue; // count >= 1 always holds once entered
    out.push(n.counter);
  }
  return out;
}

function buildTables(root: Node, ctx: BuildContext): Tables {
  const leafNode: Node[] = [];
  for (const n of ctx.nodes) if (n.leaf >= 0) leafNode[n.leaf] = n;
  const n = ctx.leaves.length;
  const edges: Edge[][] = Array.from({ length: n + 1 }, () => []);
  const add = (state: number, e: Edge): void => {
    const list = edges[state];
    if (list.some((o) => sameEdge(o, e))) return;
    list.push(e);
  };
  for (const y of root.first) add(0, { target: y, exits: [], loop: -1, enters: countedPath(leafNode[y], null, null) });
  // Post-order, so inner repetitions come before outer ones (the runtime prefers the first edge).
  const visit = (node: Node): void => {
    for (const c of node.children) visit(c);
    if (node.kind === "sequence") {
      const kids = node.children;
      for (let i = 0; i < kids.length; i++) {
        for (let j = i + 1; j < kids.length; j++) {
          for (const x of kids[i].last) {
            for (const y of kids[j].first) {
              add(x + 1, {
                target: y,
                exits: countedPath(leafNode[x], node, ctx.counterMin),
                loop: -1,
                enters: countedPath(leafNode[y], node, null),
              });
            }
          }
          if (!kids[j].nullable) break;
        }
      }
    }
    if (node.max > 1) {
      for (const x of node.last) {
        for (const y of node.first) {
          add(x + 1, {
            target: y,
            exits: node.kind === "leaf" ? [] : countedPath(leafNode[x], node, ctx.counterMin),
            loop: node.counter,
            enters: node.kind === "leaf" ? [] : countedPath(leafNode[y], node, null),
          });
        }
      }
    }
  };
  visit(root);
  for (const list of edges) list.sort((a, b) => a.target - b.target);
  const byLocal: Map<string, Edge[]>[] = [];
  const wildcards: Edge[][] = [];
  for (const list of edges) {
    const m = new Map<string, Edge[]>();
    const w: Edge[] = [];
    for (const e of list) {
      const leaf = ctx.leaves[e.target];
      if (leaf.kind === "any") w.push(e);
      else {
        const bucket = m.get(leaf.name);
        if (bucket === undefined) m.set(leaf.name, [e]);
        else bucket.push(e);
      }
    }
    byLocal.push(m);
    wildcards.push(w);
  }
  const accept: (number[] | null)[] = [root.nullable ? [] : null];
  const lastSet = new Set(root.last);
  for (let i = 0; i < n; i++) accept.push(lastSet.has(i) ? countedPath(leafNode[i], null, ctx.counterMin) : null);
  return { leaves: ctx.leaves, counterMin: ctx.counterMin, counterMax: ctx.counterMax, edges, byLocal, wildcards, accept };
}

function sameEdge(a: Edge, b: Edge): boolean {
  return a.target === b.target && a.loop === b.loop && sameList(a.exits, b.exits) && sameList(a.enters, b.enters);
}

function sameList(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

// ---------------------------------------------------------------------------------------------
// Determinism (1-unambiguity / UPA).

/** Whether two edges can both be taken for the same counter values. */
function canOverlap(a: Edge, b: Edge, t: Tables): boolean {
  // A loop of C needs count < max; an exit of C needs count >= min. Disjoint when min >= max.
  const disjoint = (loop: Edge, exit: Edge): boolean =>
    loop.loop >= 0 && exit.exits.includes(loop.loop) && t.counterMin[loop.loop] >= t.counterMax[loop.loop];
  return !disjoint(a, b) && !disjoint(b, a);
}

function leavesCompete(a: Leaf, b: Leaf): string | null {
  if (a.kind === "element" && b.kind === "element") {
    return a.name === b.name && a.namespace === b.namespace ? a.name : null;
  }
  if (a.kind === "element" && b.kind === "any") return wildcardAllows(b.wildcard, a.namespace) ? a.name : null;
  if (a.kind === "any" && b.kind === "element") return wildcardAllows(a.wildcard, b.namespace) ? b.name : null;
  if (a.kind === "any" && b.kind === "any") return wildcardsIntersect(a.wildcard, b.wildcard) ? "an element matching both wildcards" : null;
  return null;
}

function wildcardsIntersect(a: Wildcard, b: Wildcard): boolean {
  if (a.namespaces === "##any" || b.namespaces === "##any") return true;
  if (a.namespaces === "##other" && b.namespaces === "##other") return true;
  if (Array.isArray(a.namespaces)) return a.namespaces.some((ns) => wildcardAllows(b, ns));
  return (b.namespaces as (string | null)[]).some((ns) => wildcardAllows(a, ns));
}

function findAmbiguities(t: Tables): Ambiguity[] {
  const out: Ambiguity[] = [];
  const seen = new Set<string>();
  for (const list of t.edges) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        // Two ways into the same particle are not a UPA violation (the same particle matches).
        if (a.target === b.target) continue;
        const found = leavesCompete(t.leaves[a.target], t.leaves[b.target]);
        if (found === null || !canOverlap(a, b, t)) continue;
        const key = `${Math.min(a.target, b.target)}:${Math.max(a.target, b.target)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ found, first: t.leaves[Math.min(a.target, b.target)], second: t.leaves[Math.max(a.target, b.target)] });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Runtime.

class GlushkovMatcher implements ContentMatcher {
  readonly counterCount: number;
  readonly names: readonly string[];

  constructor(private readonly t: Tables) {
    this.counterCount = t.counterMin.length;
    this.names = [...new Set(t.leaves.flatMap((l) => (l.kind === "element" ? [l.name] : [])))];
  }

  start(counters: Int32Array): number {
    counters.fill(0, 0, this.counterCount);
    return 0;
  }

  step(state: number, counters: Int32Array, uri: string | null, local: string): number {
    const bucket = this.t.byLocal[state].get(local);
    if (bucket !== undefined) {
      for (let i = 0; i < bucket.length; i++) {
        const e = bucket[i];
        const leaf = this.t.leaves[e.target] as { namespace: string | null };
        if (leaf.namespace === uri && this.holds(e, counters)) return this.take(e, counters);
      }
    }
    const wild = this.t.wildcards[state];
    for (let i = 0; i < wild.length; i++) {
      const e = wild[i];
      const leaf = this.t.leaves[e.target] as { wildcard: Wildcard };
      if (wildcardAllows(leaf.wildcard, uri) && this.holds(e, counters)) return this.take(e, counters);
    }
    return -1;
  }

  private holds(e: Edge, counters: Int32Array): boolean {
    if (e.loop >= 0 && counters[e.loop] >= this.t.counterMax[e.loop]) return false;
    for (let i = 0; i < e.exits.length; i++) {
      const c = e.exits[i];
      if (counters[c] < this.t.counterMin[c]) return false;
    }
    return true;
  }

  private take(e: Edge, counters: Int32Array): number {
    if (e.loop >= 0) counters[e.loop]++;
    for (let i = 0; i < e.enters.length; i++) counters[e.enters[i]] = 1;
    return e.target + 1;
  }

  leafOf(state: number): Leaf {
    return this.t.leaves[state - 1];
  }

  accepts(state: number, counters: Int32Array): boolean {
    const need = this.t.accept[state];
    if (need === null) return false;
    for (let i = 0; i < need.length; i++) if (counters[need[i]] < this.t.counterMin[need[i]]) return false;
    return true;
  }

  expected(state: number, counters: Int32Array): string[] {
    const out: string[] = [];
    for (const e of this.t.edges[state]) {
      if (!this.holds(e, counters)) continue;
      const label = leafLabel(this.t.leaves[e.target]);
      if (!out.includes(label)) out.push(label);
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// xs:all: each child at most once, in any order; counters[i] = 1 once child i was seen.

function buildAll(p: GroupParticle): MatcherBuild {
  const leaves: Leaf[] = [];
  const required: boolean[] = [];
  const ambiguities: Ambiguity[] = [];
  for (const item of p.items) {
    if (item.kind !== "element") continue; // XSD 1.0: xs:all holds element particles only
    const leaf: Leaf = { kind: "element", name: item.name, namespace: item.namespace, element: item.element, location: item.location };
    const prior = leaves.find((l) => l.kind === "element" && l.name === item.name && l.namespace === item.namespace);
    if (prior !== undefined) ambiguities.push({ found: item.name, first: prior, second: leaf });
    leaves.push(leaf);
    required.push(item.min > 0);
  }
  return { matcher: new AllMatcher(leaves, required, p.min === 0), ambiguities };
}

class AllMatcher implements ContentMatcher {
  readonly counterCount: number;
  readonly names: readonly string[];

  constructor(
    private readonly leaves: Leaf[],
    private readonly required: boolean[],
    private readonly optional: boolean,
  ) {
    this.counterCount = leaves.length;
    this.names = leaves.map((l) => (l as { name: string }).name);
  }

  start(counters: Int32Array): number {
    counters.fill(0, 0, this.counterCount);
    return 0;
  }

  step(_state: number, counters: Int32Array, uri: string | null, local: string): number {
    for (let i = 0; i < this.leaves.length; i++) {
      const l = this.leaves[i] as { name: string; namespace: string | null };
      if (l.name === local && l.namespace === uri && counters[i] === 0) {
        counters[i] = 1;
        return i + 1;
      }
    }
    return -1;
  }

  leafOf(state: number): Leaf {
    return this.leaves[state - 1];
  }

  accepts(state: number, counters: Int32Array): boolean {
    if (state === 0 && this.optional) return true;
    for (let i = 0; i < this.leaves.length; i++) if (this.required[i] && counters[i] === 0) return false;
    return true;
  }

  expected(_state: number, counters: Int32Array): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.leaves.length; i++) if (counters[i] === 0) out.push(leafLabel(this.leaves[i]));
    return out;
  }
}
