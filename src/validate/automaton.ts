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
import { MAX_CONTENT_DEPTH, MAX_CONTENT_PARTICLES, type GroupParticle, type MaxOccurs, type Particle, type SourceLocation, type Wildcard } from "../schema/model.js";

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

/**
 * Where a matcher keeps its progress through one element's children: the engine's frame. For
 * deterministic models `state` is the current state and `counters` the counter values; for
 * models whose counters can be updated in two ways (e.g. (a{19,20}){2,4}), `counters` holds a
 * small set of configurations instead (see GlushkovMatcher).
 */
export interface MatchRun {
  state: number;
  counters: Int32Array;
}

export interface ContentMatcher {
  /** Resets the run for a new element. */
  start(run: MatchRun): void;
  /** Advances over child {uri}local; returns the new state, or -1 (run unchanged) when no particle accepts it. */
  step(run: MatchRun, uri: string | null, local: string): number;
  /** The leaf particle the child that led to `state` matched. */
  leafOf(state: number): Leaf;
  /** Whether the content may end here. */
  accepts(run: MatchRun): boolean;
  /** The children allowed next, in schema order, as names (for "expected one of ..."). */
  expected(run: MatchRun): string[];
  /** Every element name the content model mentions. */
  readonly names: readonly string[];
  /** The namespaces the content model's element particles named `local` are in (for "wrong namespace" messages). */
  namespacesOf(local: string): (string | null)[];
  /**
   * Error recovery, after `step` failed. `byName`: take the edge of the expected element named
   * `name` (a misspelling of it was found). Otherwise: jump to the nearest state, reachable by
   * skipping expected children, from which the child is accepted (children were left out or
   * moved). Returns the new state, or -1 to stay. Counters are approximated: the document is
   * already invalid, recovery only keeps later diagnostics meaningful.
   */
  recover(run: MatchRun, uri: string | null, local: string, byName: boolean): number;
}

export interface MatcherBuild {
  matcher: ContentMatcher;
  ambiguities: Ambiguity[];
  /** Set when the particle tree is nested deeper than the limit (the matcher then accepts nothing). */
  tooDeep?: boolean;
  /** Set when the automaton would need more than MAX_EDGES edges (the matcher then accepts nothing). */
  tooLarge?: boolean;
  /** Set when the model has more than MAX_CONTENT_PARTICLES element particles (the readers refuse such models; a hand-built one is not walked further, and the matcher accepts nothing). */
  tooManyLeaves?: boolean;
  /** An xs:all that is not the whole content model (not XSD 1.0): approximated as a sequence. */
  nestedAll?: SourceLocation;
}

/** Most automaton edges one content model may need (Glushkov edges grow with the square of its size). */
export const MAX_EDGES = 1_000_000;

class TooLarge extends Error {}

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

function leafAccepts(leaf: Leaf, uri: string | null, local: string): boolean {
  return leaf.kind === "element" ? leaf.name === local && leaf.namespace === uri : wildcardAllows(leaf.wildcard, uri);
}

export function buildMatcher(particle: Particle | null): MatcherBuild {
  if (particle === null) return { matcher: new GlushkovMatcher(emptyTables()), ambiguities: [] };
  if (particle.kind === "all") return buildAll(particle);
  const ctx: BuildContext = { nodes: [], leaves: [], counterMin: [], counterMax: [], tooDeep: false, tooManyLeaves: false };
  const root = toNode(particle, ctx, null, 0);
  if (ctx.tooDeep) return { matcher: new GlushkovMatcher(emptyTables()), ambiguities: [], tooDeep: true };
  if (ctx.tooManyLeaves) return { matcher: new GlushkovMatcher(emptyTables()), ambiguities: [], tooManyLeaves: true };
  let tables: Tables;
  try {
    tables = buildTables(root, ctx);
  } catch (e) {
    if (!(e instanceof TooLarge)) throw e;
    return { matcher: new GlushkovMatcher(emptyTables()), ambiguities: [], tooLarge: true };
  }
  const vague = vagueCounters(tables);
  const ambiguities = findAmbiguities(tables, vague);
  const build: MatcherBuild = { matcher: new GlushkovMatcher(tables, vague), ambiguities };
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
  /** More leaves than MAX_CONTENT_PARTICLES: the model is not walked further. */
  tooManyLeaves: boolean;
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
  if (depth > MAX_CONTENT_DEPTH) {
    ctx.tooDeep = true;
    return node;
  }
  if (ctx.tooManyLeaves || ctx.leaves.length >= MAX_CONTENT_PARTICLES) {
    ctx.tooManyLeaves = true;
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
    // A choice with no particles matches nothing, not even the empty sequence (XSD 1.0 §3.8.4:
    // a sequence is valid against one of its particles, and it has none); min 0 still makes it optional.
    node.nullableBody = kids.some((k) => k.nullable);
    for (const k of kids) {
      append(node.first, k.first);
      append(node.last, k.last);
    }
    return;
  }
  node.nullableBody = kids.every((k) => k.nullable);
  for (const k of kids) {
    append(node.first, k.first);
    if (!k.nullable) break;
  }
  for (let i = kids.length - 1; i >= 0; i--) {
    append(node.last, kids[i].last);
    if (!kids[i].nullable) break;
  }
}

/** push(...from) without spreading: a spread of some 100,000 arguments overflows the stack. */
function append(to: number[], from: readonly number[]): void {
  for (const x of from) to.push(x);
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
  let count = 0;
  const keys: Set<string>[] = Array.from({ length: n + 1 }, () => new Set());
  const add = (state: number, e: Edge): void => {
    // Dedupe by value in O(1): the same edge can come from several groups.
    const key = `${e.target}|${e.loop}|${e.exits.join(",")}|${e.enters.join(",")}`;
    if (keys[state].has(key)) return;
    if (++count > MAX_EDGES) throw new TooLarge();
    keys[state].add(key);
    edges[state].push(e);
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
  const { byLocal, wildcards } = indexEdges(edges, ctx.leaves);
  const accept: (number[] | null)[] = [root.nullable ? [] : null];
  const lastSet = new Set(root.last);
  for (let i = 0; i < n; i++) accept.push(lastSet.has(i) ? countedPath(leafNode[i], null, ctx.counterMin) : null);
  return { leaves: ctx.leaves, counterMin: ctx.counterMin, counterMax: ctx.counterMax, edges, byLocal, wildcards, accept };
}


// ---------------------------------------------------------------------------------------------
// Determinism (1-unambiguity / UPA).

/** Whether two edges can both be taken after the same prefix. */
function canOverlap(a: Edge, b: Edge, t: Tables, vague: readonly boolean[]): boolean {
  // A loop of C needs count < max; an exit of C needs count >= min. Disjoint when min >= max,
  // provided the prefix fixes C's value (C not vague).
  const disjoint = (loop: Edge, exit: Edge): boolean =>
    loop.loop >= 0 && !vague[loop.loop] && exit.exits.includes(loop.loop) && t.counterMin[loop.loop] >= t.counterMax[loop.loop];
  return !disjoint(a, b) && !disjoint(b, a);
}

/**
 * Counters whose value after a prefix may not be unique: two edges into the same particle that
 * can both be taken but update the counter differently. In (c | b+){3}, c? the children
 * <b><b><b> are one, two or three iterations of the choice, so its exact count cannot tell the
 * choice's c from the trailing c (XSD 1.0 §3.8.6; libxml2 rejects such models too).
 */
function vagueCounters(t: Tables): boolean[] {
  const vague = t.counterMin.map(() => false);
  if (vague.length === 0) return vague;
  // Edges from a state are sorted by target, so the pairs into one particle are neighbours.
  let pending: [Edge, Edge][] = [];
  for (const list of t.edges) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length && list[j].target === list[i].target; j++) pending.push([list[i], list[j]]);
    }
  }
  // A pair kept apart by a counter overlaps once that counter turns vague: repeat until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    const apart: [Edge, Edge][] = [];
    for (const [a, b] of pending) {
      if (!canOverlap(a, b, t, vague)) {
        apart.push([a, b]);
        continue;
      }
      for (const c of differentlyUpdated(a, b)) {
        if (vague[c]) continue;
        vague[c] = true;
        changed = true;
      }
    }
    pending = apart;
  }
  return vague;
}

/** Counters two edges leave with different values: one repeats or enters them, the other not. */
function differentlyUpdated(a: Edge, b: Edge): number[] {
  const out: number[] = [];
  if (a.loop !== b.loop) for (const c of [a.loop, b.loop]) if (c >= 0) out.push(c);
  for (const c of a.enters) if (!b.enters.includes(c)) out.push(c);
  for (const c of b.enters) if (!a.enters.includes(c)) out.push(c);
  return out;
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

/** At most this many ambiguities are reported per content model (the first ones say enough). */
const MAX_AMBIGUITIES = 10;

/**
 * Calls `visit` for each pair of edges from one state whose labels may overlap: edges in the same
 * by-name bucket, and wildcard edges against all others. Stops when `visit` returns true. Edges
 * with different names cannot compete, so deterministic models cost about one pass.
 */
function forCompetingPairs(t: Tables, visit: (a: Edge, b: Edge) => boolean): void {
  for (let state = 0; state < t.edges.length; state++) {
    for (const bucket of t.byLocal[state].values()) {
      for (let i = 0; i < bucket.length; i++) for (let j = i + 1; j < bucket.length; j++) if (visit(bucket[i], bucket[j])) return;
    }
    const wild = t.wildcards[state];
    if (wild.length === 0) continue;
    const all = t.edges[state];
    for (const w of wild) for (const e of all) if (e !== w && (t.leaves[e.target].kind === "element" || e.target > w.target) && visit(w, e)) return;
  }
}

function findAmbiguities(t: Tables, vague: readonly boolean[]): Ambiguity[] {
  const out: Ambiguity[] = [];
  const seen = new Set<string>();
  forCompetingPairs(t, (a, b) => {
    // Two ways into the same particle are not a UPA violation (the same particle matches).
    if (a.target === b.target) return false;
    const found = leavesCompete(t.leaves[a.target], t.leaves[b.target]);
    if (found === null || !canOverlap(a, b, t, vague)) return false;
    const lo = Math.min(a.target, b.target);
    const hi = Math.max(a.target, b.target);
    const key = `${lo}:${hi}`;
    if (seen.has(key)) return false;
    seen.add(key);
    out.push({ found, first: t.leaves[lo], second: t.leaves[hi] });
    return out.length >= MAX_AMBIGUITIES;
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Runtime.

/** Most configurations a run tracks for counter-ambiguous models; beyond it the oldest win. */
export const MAX_CONFIGURATIONS = 256;

/** Namespaces of the element leaves named `local`, each once. */
function leafNamespaces(leaves: readonly Leaf[], local: string): (string | null)[] {
  const out: (string | null)[] = [];
  for (const l of leaves) if (l.kind === "element" && l.name === local && !out.includes(l.namespace)) out.push(l.namespace);
  return out;
}

class GlushkovMatcher implements ContentMatcher {
  namespacesOf(local: string): (string | null)[] {
    return leafNamespaces(this.t.leaves, local);
  }

  readonly names: readonly string[];
  private readonly c: number;
  /** True when two edges to the same particle can both hold: runs then track configuration sets. */
  private readonly sets: boolean;
  private scratch = new Int32Array(0);
  /**
   * Set mode: the configurations made by the current step, by hash (index + 1; 0 empty). A
   * pairwise compare made each step quadratic in the configurations: with 256 of them,
   * (a{0,1e9}, b{0,3}){1,1e9} took 0.33 ms per child (200,000 children: over a minute).
   */
  private seenConfigs = new Int32Array(0);
  /** No counters and no configuration sets: the next state depends on the state and the child alone. */
  private readonly plain: boolean;
  /**
   * For plain models, per state: the last child taken from it ({uri}local) and the state it led
   * to. A child usually follows the same sibling as last time, and comparing the reader's interned
   * name is cheaper than hashing it and walking edges and leaves. A memo of a pure function, so
   * sharing the matcher between runs and documents is safe.
   */
  private readonly memoLocal: string[];
  private readonly memoUri: (string | null)[];
  private readonly memoNext: Int32Array;

  /** `vague`: vagueCounters(t), when the caller has it already. */
  constructor(
    private readonly t: Tables,
    vague: readonly boolean[] = vagueCounters(t),
  ) {
    this.c = t.counterMin.length;
    // "" (never an element name) rather than null, so that the compare is always string to string.
    this.memoLocal = new Array<string>(t.edges.length).fill("");
    this.memoUri = new Array<string | null>(t.edges.length).fill(null);
    this.memoNext = new Int32Array(t.edges.length);
    this.names = [...new Set(t.leaves.flatMap((l) => (l.kind === "element" ? [l.name] : [])))];
    // Also for non-deterministic models (DTDs may have them: XML 1.0 §3.2.1 makes that a compatibility
    // error, not a validity one), which then run as an exact NFA simulation.
    let sets = false;
    forCompetingPairs(t, (a, b) => (sets = canOverlap(a, b, t, vague) && (a.target === b.target || leavesCompete(t.leaves[a.target], t.leaves[b.target]) !== null)));
    this.sets = sets;
    this.plain = !sets && this.c === 0;
  }

  start(run: MatchRun): void {
    run.state = 0;
    const need = this.sets ? 1 + (1 + this.c) * 4 : this.c;
    if (need === 0) return;
    if (run.counters.length < need) run.counters = new Int32Array(need);
    run.counters.fill(0, 0, need);
    if (this.sets) run.counters[0] = 1; // one configuration: state 0, counters 0
  }

  step(run: MatchRun, uri: string | null, local: string): number {
    if (this.plain) {
      const s = run.state;
      if (this.memoLocal[s] === local && this.memoUri[s] === uri) return (run.state = this.memoNext[s]);
      const e = this.edge(s, run.counters, 0, uri, local, 0);
      if (e === null) return -1;
      this.memoLocal[s] = local;
      this.memoUri[s] = uri;
      this.memoNext[s] = e.target + 1;
      return (run.state = e.target + 1);
    }
    if (this.sets) return this.stepSets(run, uri, local);
    const e = this.edge(run.state, run.counters, 0, uri, local, 0);
    if (e === null) return -1;
    this.take(e, run.counters, 0);
    run.state = e.target + 1;
    return run.state;
  }

  /** The k-th edge (in schema order) from `state` that accepts the child under counters at `base`. */
  private edge(state: number, counters: Int32Array, base: number, uri: string | null, local: string, k: number): Edge | null {
    const bucket = this.t.byLocal[state].get(local);
    if (bucket !== undefined) {
      for (let i = 0; i < bucket.length; i++) {
        const e = bucket[i];
        const leaf = this.t.leaves[e.target] as { namespace: string | null };
        if (leaf.namespace === uri && this.holds(e, counters, base) && k-- === 0) return e;
      }
    }
    const wild = this.t.wildcards[state];
    for (let i = 0; i < wild.length; i++) {
      const e = wild[i];
      const leaf = this.t.leaves[e.target] as { wildcard: Wildcard };
      if (wildcardAllows(leaf.wildcard, uri) && this.holds(e, counters, base) && k-- === 0) return e;
    }
    return null;
  }

  private holds(e: Edge, counters: Int32Array, base: number): boolean {
    if (e.loop >= 0 && counters[base + e.loop] >= this.t.counterMax[e.loop]) return false;
    for (let i = 0; i < e.exits.length; i++) {
      const c = e.exits[i];
      if (counters[base + c] < this.t.counterMin[c]) return false;
    }
    return true;
  }

  private take(e: Edge, counters: Int32Array, base: number): void {
    if (e.loop >= 0) counters[base + e.loop]++;
    for (let i = 0; i < e.enters.length; i++) counters[base + e.enters[i]] = 1;
  }

  /**
   * Set mode: counters = [n, (state, c counters) × n]. Every edge that holds in every
   * configuration is followed; duplicates are merged. Only for counter-ambiguous models.
   */
  private stepSets(run: MatchRun, uri: string | null, local: string): number {
    const size = 1 + this.c;
    const src = run.counters;
    const n = src[0];
    let out = 0;
    // Allocated on first use: only counter-ambiguous models run in set mode.
    if (this.seenConfigs.length === 0) this.seenConfigs = new Int32Array(4 * MAX_CONFIGURATIONS);
    else this.seenConfigs.fill(0);
    let firstState = -1;
    for (let i = 0; i < n; i++) {
      const base = 1 + i * size;
      const state = src[base];
      const bucket = this.t.byLocal[state].get(local);
      const wild = this.t.wildcards[state];
      const nb = bucket === undefined ? 0 : bucket.length;
      for (let k = 0; k < nb + wild.length && out < MAX_CONFIGURATIONS; k++) {
        const e = k < nb ? bucket![k] : wild[k - nb];
        const leaf = this.t.leaves[e.target];
        if (!leafAccepts(leaf, uri, local) || !this.holds(e, src, base + 1)) continue;
        if (this.scratch.length < (out + 1) * size) {
          const grown = new Int32Array(Math.max(this.scratch.length * 2, (out + 1) * size, 16));
          grown.set(this.scratch);
          this.scratch = grown;
        }
        const to = out * size;
        this.scratch.set(src.subarray(base, base + size), to);
        this.scratch[to] = e.target + 1;
        this.take(e, this.scratch, to + 1);
        if (!this.duplicate(out, size)) {
          out++;
          if (firstState < 0) firstState = e.target + 1;
        }
      }
    }
    if (out === 0) return -1;
    if (run.counters.length < 1 + out * size) run.counters = new Int32Array(1 + out * size * 2);
    run.counters[0] = out;
    run.counters.set(this.scratch.subarray(0, out * size), 1);
    run.state = firstState;
    return firstState;
  }

  /** Whether configuration `last` of the scratch equals an earlier one of this step; if not, it is recorded. */
  private duplicate(last: number, size: number): boolean {
    const s = this.scratch;
    const at = last * size;
    let h = 0;
    for (let x = 0; x < size; x++) h = Math.imul(h ^ s[at + x], 0x9e3779b1);
    const slots = this.seenConfigs;
    const mask = slots.length - 1;
    for (let i = (h ^ (h >>> 15)) & mask; ; i = (i + 1) & mask) {
      const j = slots[i] - 1;
      if (j < 0) {
        slots[i] = last + 1;
        return false;
      }
      let same = true;
      for (let x = 0; x < size && same; x++) same = s[j * size + x] === s[at + x];
      if (same) return true;
    }
  }

  leafOf(state: number): Leaf {
    return this.t.leaves[state - 1];
  }

  recover(run: MatchRun, uri: string | null, local: string, byName: boolean): number {
    const from = this.sets ? run.counters[1] : run.state;
    const found = byName ? this.firstEdgeNamed(from, local) : this.nearestEdgeFor(from, uri, local);
    if (found === null) return -1;
    const { edge } = found;
    if (this.sets) {
      // Restart from one configuration at the target, counters as if each counted particle was entered.
      run.counters[0] = 1;
      run.counters[1] = edge.target + 1;
      run.counters.fill(1, 2, 2 + this.c);
    } else this.take(edge, run.counters, 0);
    run.state = edge.target + 1;
    return run.state;
  }

  private firstEdgeNamed(state: number, local: string): { edge: Edge } | null {
    const bucket = this.t.byLocal[state].get(local);
    return bucket === undefined ? null : { edge: bucket[0] };
  }

  /** Breadth-first over the states after `from` (skipping children), for an edge accepting {uri}local. */
  private nearestEdgeFor(from: number, uri: string | null, local: string): { edge: Edge } | null {
    const seen = new Uint8Array(this.t.edges.length);
    seen[from] = 1;
    const queue: number[] = [];
    for (const e of this.t.edges[from]) {
      if (seen[e.target + 1] === 0) {
        seen[e.target + 1] = 1;
        queue.push(e.target + 1);
      }
    }
    for (let q = 0; q < queue.length; q++) {
      for (const e of this.t.edges[queue[q]]) {
        if (leafAccepts(this.t.leaves[e.target], uri, local)) return { edge: e };
        if (seen[e.target + 1] === 0) {
          seen[e.target + 1] = 1;
          queue.push(e.target + 1);
        }
      }
    }
    return null;
  }

  private acceptsAt(state: number, counters: Int32Array, base: number): boolean {
    const need = this.t.accept[state];
    if (need === null) return false;
    for (let i = 0; i < need.length; i++) if (counters[base + need[i]] < this.t.counterMin[need[i]]) return false;
    return true;
  }

  accepts(run: MatchRun): boolean {
    if (!this.sets) return this.acceptsAt(run.state, run.counters, 0);
    const size = 1 + this.c;
    for (let i = 0; i < run.counters[0]; i++) {
      const base = 1 + i * size;
      if (this.acceptsAt(run.counters[base], run.counters, base + 1)) return true;
    }
    return false;
  }

  expected(run: MatchRun): string[] {
    const out: string[] = [];
    const add = (state: number, base: number): void => {
      for (const e of this.t.edges[state]) {
        if (!this.holds(e, run.counters, base)) continue;
        const label = leafLabel(this.t.leaves[e.target]);
        if (!out.includes(label)) out.push(label);
      }
    };
    if (!this.sets) add(run.state, 0);
    else {
      const size = 1 + this.c;
      for (let i = 0; i < run.counters[0]; i++) add(run.counters[1 + i * size], 2 + i * size);
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// xs:all: each child at most once, in any order; counters[i] = 1 once child i was seen.

function buildAll(p: GroupParticle): MatcherBuild {
  const leaves: Leaf[] = [];
  const slots: number[] = [];
  const required: boolean[] = [];
  const ambiguities: Ambiguity[] = [];
  for (const item of p.items) {
    // XSD 1.0: xs:all holds element particles only; a choice of elements here is a substitution
    // group head with its members (src/validate/substitution.ts): one slot, several names.
    const alternatives = item.kind === "element" ? [item] : item.kind === "choice" && item.items.every((i) => i.kind === "element") ? item.items : [];
    if (alternatives.length === 0) continue;
    const slot = required.length;
    required.push(item.min > 0);
    for (const alt of alternatives) {
      if (alt.kind !== "element") continue;
      const leaf: Leaf = { kind: "element", name: alt.name, namespace: alt.namespace, element: alt.element, location: alt.location };
      const prior = leaves.find((l) => l.kind === "element" && l.name === alt.name && l.namespace === alt.namespace);
      if (prior !== undefined) ambiguities.push({ found: alt.name, first: prior, second: leaf });
      leaves.push(leaf);
      slots.push(slot);
    }
  }
  return { matcher: new AllMatcher(leaves, required, p.min === 0, slots), ambiguities };
}

class AllMatcher implements ContentMatcher {
  namespacesOf(local: string): (string | null)[] {
    return leafNamespaces(this.leaves, local);
  }

  readonly names: readonly string[];
  /** Per leaf, its slot: the child particle it belongs to (several leaves share one for a substitution group). */
  private readonly slots: readonly number[];

  constructor(
    private readonly leaves: Leaf[],
    /** Per slot: whether it must occur. */
    private readonly required: boolean[],
    private readonly optional: boolean,
    slots?: number[],
  ) {
    this.names = leaves.map((l) => (l as { name: string }).name);
    this.slots = slots ?? leaves.map((_, i) => i);
  }

  start(run: MatchRun): void {
    run.state = 0;
    const n = this.required.length;
    if (run.counters.length < n) run.counters = new Int32Array(n);
    run.counters.fill(0, 0, n);
  }

  step(run: MatchRun, uri: string | null, local: string): number {
    for (let i = 0; i < this.leaves.length; i++) {
      const l = this.leaves[i] as { name: string; namespace: string | null };
      if (l.name === local && l.namespace === uri && run.counters[this.slots[i]] === 0) {
        run.counters[this.slots[i]] = 1;
        run.state = i + 1;
        return run.state;
      }
    }
    return -1;
  }

  leafOf(state: number): Leaf {
    return this.leaves[state - 1];
  }

  accepts(run: MatchRun): boolean {
    if (run.state === 0 && this.optional) return true;
    for (let s = 0; s < this.required.length; s++) if (this.required[s] && run.counters[s] === 0) return false;
    return true;
  }

  expected(run: MatchRun): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.leaves.length; i++) if (run.counters[this.slots[i]] === 0) out.push(leafLabel(this.leaves[i]));
    return out;
  }

  recover(run: MatchRun, _uri: string | null, local: string, byName: boolean): number {
    // In xs:all order does not matter: only a misspelling of a child not seen yet can be recovered.
    if (!byName) return -1;
    for (let i = 0; i < this.leaves.length; i++) {
      if ((this.leaves[i] as { name: string }).name === local && run.counters[this.slots[i]] === 0) {
        run.counters[this.slots[i]] = 1;
        run.state = i + 1;
        return run.state;
      }
    }
    return -1;
  }
}

/** For generated validators (generators/runtime/ordered.ts): the same matchers, run from generated tables. */
/**
 * Per state, its outgoing edges by the element name they consume and the wildcard edges apart:
 * the lookup tables a GlushkovMatcher steps with (built here and by the generated validators).
 */
export function indexEdges(edges: Edge[][], leaves: readonly Leaf[]): Pick<Tables, "byLocal" | "wildcards"> {
  const byLocal: Map<string, Edge[]>[] = [];
  const wildcards: Edge[][] = [];
  for (const list of edges) {
    const m = new Map<string, Edge[]>();
    const w: Edge[] = [];
    for (const e of list) {
      const leaf = leaves[e.target];
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
  return { byLocal, wildcards };
}

export { GlushkovMatcher, AllMatcher, type Tables, type Edge };
