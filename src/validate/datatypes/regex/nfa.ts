/**
 * A linear-time matcher for XSD regexes (Thompson NFA, simulated state-set by state-set), for
 * patterns whose JS backtracking could take exponential or high-polynomial time on hostile values
 * (e.g. "(a*)*b" or "([a-z]+\.)+[a-z]+"). XSD regexes are regular, so this is always possible;
 * character sets are still tested by small JS RegExps (memoised for ASCII).
 */
import type { RegexNode } from "./parse.js";
import { XsdRegexTooCostly } from "./error.js";

/** Beyond this many states the NFA is not built (translate.ts refuses the pattern). */
export const MAX_NFA_STATES = 100_000;

const SET = 0;
const SPLIT = 1;
const MATCH = 2;

export interface Nfa {
  kind: Uint8Array;
  out: Int32Array;
  out2: Int32Array;
  /** Per SET state: index into `tests`. */
  test: Int32Array;
  tests: ((cp: number) => boolean)[];
  start: number;
}

class TooLarge extends Error {}

function charTest(source: string, flags: string): (cp: number) => boolean {
  const re = new RegExp(`^${source}$`, flags);
  const ascii = new Int8Array(128).fill(-1);
  return (cp) => {
    if (cp < 128) {
      if (ascii[cp] < 0) ascii[cp] = re.test(String.fromCharCode(cp)) ? 1 : 0;
      return ascii[cp] === 1;
    }
    return re.test(String.fromCodePoint(cp));
  };
}

class Builder {
  kind: number[] = [];
  out: number[] = [];
  out2: number[] = [];
  test: number[] = [];
  tests: ((cp: number) => boolean)[] = [];
  private testIds = new Map<string, number>();

  constructor(private readonly flags: string) {}

  private add(kind: number, out: number, out2 = -1, test = -1): number {
    if (this.kind.length >= MAX_NFA_STATES) throw new TooLarge();
    this.kind.push(kind);
    this.out.push(out);
    this.out2.push(out2);
    this.test.push(test);
    return this.kind.length - 1;
  }

  match(): number {
    return this.add(MATCH, -1);
  }

  /** The start state of `node`, continuing to `next` (built back to front). */
  build(node: RegexNode, next: number): number {
    switch (node.kind) {
      case "set": {
        let id = this.testIds.get(node.source);
        if (id === undefined) {
          id = this.tests.length;
          this.tests.push(charTest(node.source, this.flags));
          this.testIds.set(node.source, id);
        }
        return this.add(SET, next, -1, id);
      }
      case "seq": {
        let s = next;
        for (let i = node.items.length - 1; i >= 0; i--) s = this.build(node.items[i], s);
        return s;
      }
      case "alt": {
        const starts = node.branches.map((b) => this.build(b, next));
        let s = starts[starts.length - 1];
        for (let i = starts.length - 2; i >= 0; i--) s = this.add(SPLIT, starts[i], s);
        return s;
      }
      case "group":
        return this.build(node.node, next);
      case "repeat": {
        let s = next;
        if (node.max === null) {
          const loop = this.add(SPLIT, -1, next);
          this.out[loop] = this.build(node.node, loop);
          s = loop;
        } else {
          for (let k = 0; k < node.max - node.min; k++) s = this.add(SPLIT, this.build(node.node, s), next);
        }
        for (let k = 0; k < node.min; k++) s = this.build(node.node, s);
        return s;
      }
    }
  }
}

/** The NFA of a parsed pattern, or null when it would be too large. */
export function buildNfa(node: RegexNode, flags: string): Nfa | null {
  const b = new Builder(flags);
  try {
    const start = b.build(node, b.match());
    return {
      kind: Uint8Array.from(b.kind),
      out: Int32Array.from(b.out),
      out2: Int32Array.from(b.out2),
      test: Int32Array.from(b.test),
      tests: b.tests,
      start,
    };
  } catch (e) {
    if (e instanceof TooLarge) return null;
    throw e;
  }
}

/**
 * Automaton work allowed per value: active states summed over its characters. Linear time still
 * multiplies the value's length by the states alive, and a counted repetition inside a loop keeps
 * many alive: "(a{1,1000})+b" against 100,000 characters took 2.7 s, and a value may have
 * 10,000,000. Past this (≈ 1 s here) matchNfa throws XsdRegexTooCostly; libxml2 gives up on such
 * values too ("Invalid input or internal error").
 */
export const MAX_NFA_WORK = 40_000_000;

/** Whether the whole of `input` matches: O(input length × states), each state visited at most once per character; past `budget` it throws XsdRegexTooCostly. */
export function matchNfa(nfa: Nfa, input: string, budget = MAX_NFA_WORK): boolean {
  const n = nfa.kind.length;
  const seen = new Int32Array(n).fill(-1);
  let current = new Int32Array(n);
  let next = new Int32Array(n);
  const stack = new Int32Array(n);
  let generation = 0;

  // Adds the epsilon closure of `state` to `list` (SET and MATCH states only); returns the new count.
  const close = (state: number, list: Int32Array, count: number): number => {
    let sp = 0;
    if (seen[state] === generation) return count;
    seen[state] = generation;
    stack[sp++] = state;
    while (sp > 0) {
      const s = stack[--sp];
      if (nfa.kind[s] === SPLIT) {
        // out2 first, so that out (the preferred branch) is expanded first; no array per split.
        const t2 = nfa.out2[s];
        if (seen[t2] !== generation) {
          seen[t2] = generation;
          stack[sp++] = t2;
        }
        const t1 = nfa.out[s];
        if (seen[t1] !== generation) {
          seen[t1] = generation;
          stack[sp++] = t1;
        }
      } else list[count++] = s;
    }
    return count;
  };

  let count = close(nfa.start, current, 0);
  let work = 0;
  for (let i = 0; i < input.length && count > 0; ) {
    const cp = input.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    generation++;
    let nextCount = 0;
    for (let k = 0; k < count; k++) {
      const s = current[k];
      if (nfa.kind[s] === SET && nfa.tests[nfa.test[s]](cp)) nextCount = close(nfa.out[s], next, nextCount);
    }
    const done = current;
    current = next;
    next = done;
    count = nextCount;
    if (count === 0) return false;
    work += count;
    if (work > budget) throw new XsdRegexTooCostly(budget);
  }
  for (let k = 0; k < count; k++) if (nfa.kind[current[k]] === MATCH) return true;
  return false;
}
