/**
 * Content models over the recorded child order (./order.ts): the generated validators run an
 * element's children through the validation engine's own matchers (src/validate/automaton.ts),
 * built from generated transition tables, and decide each child (match, or report and recover) with
 * the engine's own logic (src/validate/child-match.ts): so parsed objects get `qxml validate`'s codes,
 * messages and paths, in its order.
 */
import { diagnose, type Params } from "../../src/diagnostics/codes.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { Wildcard } from "../../src/schema/model.js";
import { AllMatcher, GlushkovMatcher, indexEdges, type ContentMatcher, type Edge, type Leaf } from "../../src/validate/automaton.js";
import { GLOBAL_LAX, GLOBAL_REQUIRED, WILDCARD_LAX, matchChild, missingChildren, newChildMatch, type ChildName, type ChildRun, type SchemaNames } from "../../src/validate/child-match.js";
import { excerpt } from "../../src/validate/messages.js";
import { isAllWhite } from "../../src/validate/names.js";
import { isTextEntry, orderOf, recordedOrder, type ChildOrder } from "./order.js";
import { MAX_DEPTH, textOf, undeclaredAttribute, xsdReservedAttribute } from "./check.js";
import { retype } from "./retype.js";
import { childName, clark, nameInPath, writtenNames } from "./qnames.js";
import type { FormTable } from "./table.js";

/** A check function of the generated validators. */
type Check = (v: unknown, path: string, out: Diagnostic[], d: number) => void;

/**
 * An element leaf: [key, declaration (form index) or -1 for an undeclared name], then its namespace
 * URI where it has one, then its local name where the key is not it; a wildcard leaf: its wildcard.
 */
export type LeafLiteral = readonly [string, number] | readonly [string, number, string | null] | readonly [string, number, string | null, string] | { any: Wildcard["namespaces"]; tns: string | null; pc: Wildcard["processContents"] };
/** An automaton edge: [target leaf, counter it loops (-1: none), counters it exits, counters it enters]; [target] alone for a plain move. */
export type EdgeLiteral = readonly [number] | readonly [number, number, readonly number[], readonly number[]];

/** The engine's Glushkov tables of one content model, as generated data. */
export interface AutomatonLiteral {
  leaves: readonly LeafLiteral[];
  /** Per counter: [minimum, maximum or null when unbounded]. */
  counters: readonly (readonly [number, number | null])[];
  /** Per state (0: start, i + 1: after leaf i): edges in schema order. */
  edges: readonly (readonly EdgeLiteral[])[];
  /** Per state: null when the content cannot end there, else the counters whose minimum must hold. */
  accept: readonly (readonly number[] | null)[];
}

/** xs:all: [key, declaration, required, namespace?, local name?] per child; `optional`: the whole group may be absent. */
export interface AllLiteral {
  all: readonly (readonly [string, number, boolean] | readonly [string, number, boolean, string | null] | readonly [string, number, boolean, string | null, string])[];
  optional: boolean;
  /** Substitution groups in the xs:all: per entry, its slot (the head and its members share one). Absent: one slot per entry. */
  slots?: readonly number[];
}

export interface ContentLiteral {
  /** The element's name (for messages). */
  name: string;
  /** Text is content (mixed, ANY); otherwise non-white text is an error. */
  mixed: boolean;
  /** null: DTD ANY / xs:anyType, or simple content: any child, checked against its global declaration. */
  model: AutomatonLiteral | AllLiteral | null;
  /** Simple content (XSD): its type as the engine describes it; a child element is an error. */
  simple?: string;
}

export interface OrderedSchema {
  dtd: boolean;
  table: FormTable;
  /** Check function per declaration (form index). */
  checks: readonly Check[];
  contents: ReadonlyMap<number, Content>;
}

interface Content {
  name: string;
  mixed: boolean;
  matcher: ContentMatcher | null;
  simple?: string;
}

const NOWHERE = { file: "", line: 0, column: 0 };

function leafOf(l: LeafLiteral): Leaf {
  if (Array.isArray(l)) {
    const [key, decl, uri = null, local = key] = l as readonly [string, number, (string | null)?, string?];
    return { kind: "element", name: local, namespace: uri, element: decl < 0 ? null : decl, location: NOWHERE };
  }
  const w = l as { any: Wildcard["namespaces"]; tns: string | null; pc: Wildcard["processContents"] };
  return { kind: "any", wildcard: { namespaces: w.any, targetNamespace: w.tns, processContents: w.pc }, location: NOWHERE };
}

/** The engine's matcher for a generated table. */
export function matcherOf(lit: AutomatonLiteral | AllLiteral): ContentMatcher {
  if ("all" in lit) {
    const leaves: Leaf[] = lit.all.map(([key, decl, , ...ns]) => leafOf([key, decl, ...ns] as LeafLiteral));
    if (lit.slots === undefined) return new AllMatcher(leaves, lit.all.map((a) => a[2]), lit.optional);
    const required: boolean[] = [];
    lit.slots.forEach((slot, i) => (required[slot] ??= lit.all[i][2]));
    return new AllMatcher(leaves, required, lit.optional, [...lit.slots]);
  }
  const leaves = lit.leaves.map(leafOf);
  const edges: Edge[][] = lit.edges.map((list) => list.map(([target, loop = -1, exits = [], enters = []]) => ({ target, loop, exits: [...exits], enters: [...enters] })));
  const { byLocal, wildcards } = indexEdges(edges, leaves);
  return new GlushkovMatcher({
    leaves,
    counterMin: lit.counters.map((c) => c[0]),
    counterMax: lit.counters.map((c) => c[1] ?? Infinity),
    edges,
    byLocal,
    wildcards,
    accept: lit.accept.map((a) => (a === null ? null : [...a])),
  });
}

/** The runtime form of a generated schema's ordered content models. */
export function orderedSchema(dtd: boolean, table: FormTable, checks: readonly Check[], contents: Readonly<Record<string, ContentLiteral>>): OrderedSchema {
  const map = new Map<number, Content>();
  for (const [at, c] of Object.entries(contents)) map.set(Number(at), { name: c.name, mixed: c.mixed, matcher: c.model === null ? null : matcherOf(c.model), simple: c.simple });
  return { dtd, table, checks, contents: map };
}

/**
 * What a child is checked against: a declaration (form index), nothing (skipped), "undeclared" (DTD:
 * its children still are), or "lax" (XSD: no declaration, assessed as xs:anyType, cvc-assess-elt.2:
 * its children are checked against their global declarations where they have one, and so on down).
 */
const SKIP = -1;
const UNDECLARED = -2;
const LAX = -3;

function report(out: Diagnostic[], code: string, params: Params, path: string, hint?: string): void {
  const d = diagnose(code, params, { line: 0, column: 0, path });
  if (hint !== undefined) d.hint = hint;
  out.push(d);
}

function childPath(path: string, name: string, index: number): string {
  return index === 0 ? `${path}/${name}` : `${path}/${name}[${index + 1}]`;
}

function occurrence(c: unknown, i: number): unknown {
  return Array.isArray(c) ? c[i] : i === 0 ? c : undefined;
}

/** One element's walk over its recorded children: the engine's frame state for it. */
class Walk implements ChildRun {
  state = 0;
  counters = new Int32Array(4);
  skipped: string[] | null = null;
  contentReported = false;
  badText: string | null = null;
  readonly decision = newChildMatch();
  readonly names: SchemaNames = { hasGlobal: (uri, local) => this.global(uri, local) !== undefined };

  constructor(
    readonly s: OrderedSchema,
    readonly out: Diagnostic[],
    /** The element's name. */
    readonly name: string,
    readonly path: string,
    readonly mixed: boolean,
    readonly matcher: ContentMatcher | null,
    readonly simple?: string,
  ) {
    matcher?.start(this);
  }

  /** The global declaration of {uri}local (namespaced tables key globals by Clark name). */
  global(uri: string | null, local: string): number | undefined {
    return this.s.table.globals[this.s.table.namespaces === undefined ? local : clark(uri, local)];
  }

  globalOrUndeclared(child: ChildName, path: string): number {
    const g = this.global(child.uri, child.local);
    if (g === undefined) report(this.out, "valid/undeclared-element", { found: child.name }, path);
    return g ?? UNDECLARED;
  }

  /** Text of one segment (element-only content): the run is reported when the next markup ends it. */
  text(text: string): void {
    if (this.mixed) return;
    if (this.badText !== null) {
      if (this.badText.length < 64) this.badText += text;
    } else if (!isAllWhite(text)) this.badText = text;
  }

  endRun(): void {
    const bad = this.badText;
    if (bad === null) return;
    this.badText = null;
    if (this.contentReported) return;
    this.contentReported = true;
    report(this.out, "valid/text-not-allowed", { parent: this.name, found: `text "${excerpt(bad)}"` }, this.path);
  }

  /** What child `name` (at `path`) is checked against, reporting it if it does not fit: the engine's decision (src/validate/child-match.ts). */
  child(child: ChildName, path: string): number {
    const m = this.matcher;
    const global = (): number => this.global(child.uri, child.local) ?? SKIP;
    if (this.simple !== undefined) {
      // Simple content: the first child is reported (once, at the parent) and checked against its global declaration.
      if (!this.contentReported) {
        this.contentReported = true;
        report(this.out, "valid/element-in-simple-content", { parent: this.name, type: this.simple, found: child.name }, this.path);
      }
      return global();
    }
    // DTD ANY: every child must be declared; xs:anyType (and lax assessment below it): laxly, down the tree.
    if (m === null) return this.s.dtd ? this.globalOrUndeclared(child, path) : (this.global(child.uri, child.local) ?? LAX);
    const { target, problem } = matchChild(m, this, child, this.names, this.decision);
    if (problem !== null) report(this.out, problem.code, problem.params, path, problem.hint);
    if (target >= 0) return target;
    if (target === GLOBAL_REQUIRED) return this.globalOrUndeclared(child, path);
    // A lax wildcard took it: its global declaration, else lax assessment down its subtree (cvc-assess-elt.2), as the engine does.
    if (target === WILDCARD_LAX) return this.global(child.uri, child.local) ?? LAX;
    return target === GLOBAL_LAX ? global() : SKIP;
  }

  /** At the end tag: the content model must accept. */
  end(): void {
    this.endRun();
    if (this.matcher === null) return;
    const missing = missingChildren(this.matcher, this);
    if (missing !== null) report(this.out, missing.code, missing.params, this.path, missing.hint);
  }
}

/**
 * Validates the children of `v` (declaration `at`, recorded `order`) as the engine validates the
 * element's content: in document order, each child checked (depth-first) against the declaration the
 * content model gives it, text in element-only content reported where its run ends.
 */
export function walkContent(v: Record<string, unknown>, order: ChildOrder, path: string, out: Diagnostic[], d: number, at: number, s: OrderedSchema): void {
  const content = s.contents.get(at);
  if (content === undefined || (content.matcher === null && order.length === 0)) return;
  // Namespaced tables: the element as written (its prefix), as the engine names it; the path ends with it.
  const walk = new Walk(s, out, s.table.namespaces === undefined ? content.name : nameInPath(path), path, content.mixed, content.matcher, content.simple);
  walkChildren(walk, v, order, at, d);
}

function walkChildren(walk: Walk, v: Record<string, unknown>, order: ChildOrder, at: number | undefined, d: number): void {
  const s = walk.s;
  const counts = new Map<string, number>();
  const written = writtenNames(v);
  const writtenCounts = written === undefined ? counts : new Map<string, number>();
  for (let e = 0; e < order.length; e++) {
    const entry = order[e];
    if (isTextEntry(entry)) {
      walk.text(entry.slice(1));
      continue;
    }
    walk.endRun();
    const i = counts.get(entry) ?? 0;
    counts.set(entry, i + 1);
    // Paths and messages name the child as written (prefix included), counted by that name, as the engine does.
    const name = written?.[e] || entry;
    const w = written === undefined ? i : (writtenCounts.get(name) ?? 0);
    if (written !== undefined) writtenCounts.set(name, w + 1);
    const path = childPath(walk.path, name, w);
    const { uri, local } = s.table.namespaces === undefined ? { uri: null, local: entry } : childName(s.table, at, entry);
    const target = walk.child({ name, uri, local }, path);
    const value = occurrence(v[entry], i);
    if (target === SKIP) continue;
    if (target === UNDECLARED || target === LAX) {
      if (s.dtd || target === LAX) undeclared(s, walk.out, value, path, d + 1);
      continue;
    }
    // parse built the child for the declaration of its place; recovery may check it against another.
    const parsedAs = at === undefined ? undefined : s.table.nodes[at]?.children?.[entry]?.[0];
    s.checks[target](parsedAs === target ? value : retype(s.table, target, value), path, walk.out, d + 1);
  }
  walk.end();
}

/** An element without declaration (DTD, or XSD lax assessment): its children are still checked, against their global declarations. */
function undeclared(s: OrderedSchema, out: Diagnostic[], value: unknown, path: string, d: number): void {
  if (d > MAX_DEPTH || typeof value !== "object" || value === null || Array.isArray(value)) return;
  const order = recordedOrder(value);
  if (order === undefined) return;
  const walk = new Walk(s, out, "", path, true, null);
  walkChildren(walk, value as Record<string, unknown>, order, undefined, d);
}

/**
 * The text of a text-only element (for its value check), after reporting what else a parsed object
 * of it holds as the engine would: undeclared attributes, then child elements in document order
 * (DTD (#PCDATA): unexpected; XSD simple content: valid/element-in-simple-content), each checked
 * against its global declaration.
 */
export function orderedText(out: Diagnostic[], path: string, element: string, v: unknown, d: number, at: number, s: OrderedSchema): unknown {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return v;
  const rec = v as Record<string, unknown>;
  const order = orderOf(rec, false);
  if (order === null || order.every(isTextEntry)) return textOf(out, path, element, v, !s.dtd);
  for (const k of Object.keys(rec)) {
    if (!k.startsWith("@_") || (!s.dtd && xsdReservedAttribute(k))) continue;
    if (s.table.namespaces !== undefined) undeclaredAttribute(out, path, element, rec, k, []);
    else report(out, "valid/undeclared-attribute", { element, found: k.slice(2), expected: "none" }, path);
  }
  walkContent(rec, order, path, out, d, at, s);
  return rec["#text"] ?? "";
}
