/**
 * One child against its parent's content model: the matching step and, when the child does not
 * fit, the error recovery ("one mistake, one error", docs/validation.md). Shared by the streaming
 * engine (engine.ts) and the generated validators' ordered walk (generators/runtime/ordered.ts), so
 * that both give the same diagnostics from one piece of logic.
 *
 * Pure apart from the run it advances (the matcher keeps its state there): the caller reports the
 * returned diagnostic at its own position and path, then validates the child against the returned
 * target. Nothing is allocated when the child fits. `quiet` (the caller's diagnostic limit is
 * reached): the same recovery, no diagnostic built (10 M misplaced children spent half their time
 * building and collecting messages no one would see); UNREPORTED stands for it.
 */
import type { Params } from "../diagnostics/codes.js";
import { didYouMean } from "../diagnostics/suggest.js";
import type { ContentMatcher, Leaf, MatchRun } from "./automaton.js";
import { clark, expectedText, hintFor, inNamespace, missingHint, namespaceHint } from "./messages.js";

/** One open element's progress through its children (the engine's frame, the runtime's walk). */
export interface ChildRun extends MatchRun {
  /** The element's name as written (for messages). */
  name: string;
  /** Expected children skipped by recovery (null: none), so a moved child is reported once. */
  skipped: string[] | null;
}

/** The child as found, and whether the schema knows its name (asked only when it does not fit). */
export interface ChildName {
  /** Qualified name as written (for messages). */
  name: string;
  /** What the content model compares: namespace URI (null: none) and local name (DTD: the name as written). */
  uri: string | null;
  local: string;
}

export interface SchemaNames {
  /** Whether a global declaration exists for {uri}local. */
  hasGlobal(uri: string | null, local: string): boolean;
}

/**
 * The problem a quiet match returns instead of building one: the caller, past its limit, only
 * counts it. Shared, so nothing is allocated.
 */
export const UNREPORTED: ChildProblem = Object.freeze({ code: "valid/unexpected-element", params: Object.freeze({}) });

/** A diagnostic for the caller to report at the child (code, params, hint). */
export interface ChildProblem {
  code: string;
  params: Params;
  hint?: string;
}

/**
 * What to validate the child against: a declaration index (≥ 0, the particle's element
 * declaration), or one of the constants below.
 */
export type ChildTarget = number;
/** Its global declaration; none is an error (valid/undeclared-element). DTD: its children are still checked. */
export const GLOBAL_REQUIRED = -1;
/** Its global declaration if there is one, else its subtree is skipped (recovery from an unexpected child). */
export const GLOBAL_LAX = -2;
/** Not validated (processContents="skip"). */
export const SKIP_CHILD = -3;
/**
 * A lax wildcard took it: its global declaration if there is one, else it is assessed as of
 * xs:anyType (XSD 1.0 §3.3.4 cvc-assess-elt.2), whose wildcard is lax again, so declared
 * elements below it are still validated.
 */
export const WILDCARD_LAX = -4;

/** The decision for one child. Callers keep one and pass it in, so a fitting child costs no allocation. */
export interface ChildMatch {
  target: ChildTarget;
  /** valid/unexpected-element to report before validating the child, or null. */
  problem: ChildProblem | null;
  /** The namespace the child was taken to be in, when it matched by name in another one (undefined: not so). */
  meant: string | null | undefined;
}

export function newChildMatch(): ChildMatch {
  return { target: SKIP_CHILD, problem: null, meant: undefined };
}

/** What a leaf particle validates its child against. */
export function leafTarget(leaf: Leaf): ChildTarget {
  if (leaf.kind === "element") return leaf.element ?? GLOBAL_REQUIRED;
  const pc = leaf.wildcard.processContents;
  return pc === "skip" ? SKIP_CHILD : pc === "strict" ? GLOBAL_REQUIRED : WILDCARD_LAX;
}

/**
 * Advances `run` over `child` and decides what the child is validated against. When it does not
 * fit, the problem is set (except for a moved child already reported when its place was skipped)
 * and the run recovers the way the mistake most likely happened:
 * - misspelt (did-you-mean finds an expected name, and the schema does not know the found one):
 *   the child is taken as the element meant;
 * - found early: the run jumps to the nearest state, reachable by skipping expected children, that
 *   accepts it; the skipped names are remembered so the ones left out are not reported again;
 * - in place of the one required child expected there: the run moves past the expected child;
 * - repeated, or allowed nowhere ahead: the run stays, the child is checked against its global declaration.
 */
export function matchChild(m: ContentMatcher, run: ChildRun, child: ChildName, schema: SchemaNames, out: ChildMatch, quiet = false): ChildMatch {
  const { uri, local } = child;
  let next = m.step(run, uri, local);
  out.problem = null;
  if (next >= 0) {
    out.target = leafTarget(m.leafOf(next));
    return out;
  }
  out.target = GLOBAL_LAX;
  // A child moved later than its place: reported when its place was skipped, not again.
  if (run.skipped !== null && run.skipped.includes(local)) {
    run.skipped = null;
    return out;
  }
  const expected = m.expected(run);
  const end = m.accepts(run);
  const otherNs = expected.includes(local) ? m.namespacesOf(local).filter((ns) => ns !== uri) : [];
  if (otherNs.length > 0) {
    // Right name, wrong namespace: taken as the element meant, reported with both namespaces.
    if (quiet) out.problem = UNREPORTED;
    else {
      const named = expected.map((n) => (n === local ? otherNs.map((ns) => `${clark(ns, n)} (${inNamespace(ns, n)})`).join(", ") : n));
      out.problem = {
        code: "valid/unexpected-element",
        params: { parent: run.name, expected: expectedText(named, end ? run.name : null, true), expectedNames: expected, found: child.name },
        hint: `<${child.name}> is ${inNamespace(uri, local).slice(local.length + 1)}. ${namespaceHint(child.name, otherNs[0], false)}`,
      };
    }
    next = m.recover(run, otherNs[0], local, true);
    if (next >= 0) {
      out.target = leafTarget(m.leafOf(next));
      out.meant = otherNs[0];
    }
    return out;
  }
  // A misspelling is a name that would have been allowed here; a name the schema knows is misplaced, not misspelt.
  const known = m.names.includes(local) || schema.hasGlobal(uri, local);
  const guess = local.length >= 3 && !known ? didYouMean(local, expected) : undefined;
  const suggestion = guess !== local ? guess : undefined;
  out.problem = quiet ? UNREPORTED : unexpected(expected, end, run.name, child.name, known, suggestion);
  if (suggestion !== undefined) next = m.recover(run, uri, suggestion, true);
  else if (!repeatsLast(m, run, local)) {
    next = m.recover(run, uri, local, false);
    if (next >= 0) {
      run.skipped = expected;
      // Found early: the child is in its place, the ones before it are missing (not "remove it").
      // (With nothing expected there is nothing to call missing: the plain message above stands.)
      if (expected.length > 0) out.problem = quiet ? UNREPORTED : missingBefore(expected, run.name, child.name);
    }
  }
  if (next < 0 && expected.length === 1 && !m.accepts(run)) {
    // One required child expected, another found: most likely a replacement. Move past the
    // expected one (and forgive it if it follows), so the end tag does not report it again.
    if (m.recover(run, uri, expected[0], true) >= 0) run.skipped = expected;
  }
  if (next >= 0) out.target = leafTarget(m.leafOf(next));
  return out;
}

/** valid/unexpected-element for a child that does not fit (with a did-you-mean when there is one). */
function unexpected(expected: string[], end: boolean, parent: string, found: string, known: boolean, suggestion: string | undefined): ChildProblem {
  const params: Params = { parent, expected: expectedText(expected, end ? parent : null), expectedNames: expected, found };
  if (suggestion !== undefined) params.suggestion = suggestion;
  return { code: "valid/unexpected-element", params, hint: suggestion !== undefined ? `Did you mean <${suggestion}>?` : hintFor(expected, end, parent, found, known) };
}

/** valid/unexpected-element for a child found before its place: the ones before it are missing. */
function missingBefore(expected: string[], parent: string, found: string): ChildProblem {
  const before = `<${found}>`;
  return {
    code: "valid/unexpected-element",
    params: { parent, expected: `${expectedText(expected, null)} (missing before ${before})`, expectedNames: expected, found },
    hint: `${expected.length === 1 ? `<${expected[0]}> is` : "A child is"} missing: ${missingHint(expected, before, true).slice(0, -1)}, or move it up if it comes later (the order is fixed).`,
  };
}

/** The child repeats the element just matched (one too many): recovery must not search ahead for it. */
function repeatsLast(m: ContentMatcher, run: ChildRun, local: string): boolean {
  if (run.state === 0) return false;
  const leaf = m.leafOf(run.state);
  return leaf.kind === "element" && leaf.name === local;
}

/** At the end tag: valid/missing-element when the content model does not accept, else null. */
export function missingChildren(m: ContentMatcher, run: ChildRun): ChildProblem | null {
  if (m.accepts(run)) return null;
  const names = m.expected(run);
  if (names.length === 0) {
    // Not complete, yet no child can continue: the model requires a <choice> with no particles,
    // which matches nothing (XSD 1.0 §3.8.4). The schema is at fault, not the document.
    return {
      code: "valid/missing-element",
      params: { parent: run.name, expected: "a match for an <xs:choice> with no alternatives, which nothing matches,", expectedNames: names },
      hint: `No content of <${run.name}> is valid here: its content model requires an empty <xs:choice>. Fix the schema: give that xs:choice minOccurs="0" or alternatives.`,
    };
  }
  const problem: ChildProblem = { code: "valid/missing-element", params: { parent: run.name, expected: expectedText(names, null), expectedNames: names } };
  problem.hint = missingHint(names, `</${run.name}>`);
  return problem;
}
