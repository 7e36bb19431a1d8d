/**
 * XSD 1.0 regular expressions → JavaScript RegExp, implicitly anchored: `^(?:...)$` with the `u`
 * flag, or `v` when a class subtraction needs JS's `--` operator.
 *
 * JS regexes backtrack, so a pattern with nested or competing repetition ("(a*)*b",
 * "([a-z]+\.)+[a-z]+") can take exponential time on a hostile value. For those patterns the
 * returned RegExp's `test` runs a linear-time NFA instead (see nfa.ts); its source and flags
 * are still the JS translation. Such a pattern whose NFA would be too large is refused
 * (XsdRegexError), never matched by backtracking.
 */
import { emitJs } from "./emit.js";
import { XsdRegexTooComplex } from "./error.js";
import { buildNfa, matchNfa, MAX_NFA_STATES, type Nfa } from "./nfa.js";
import { Parser, type RegexNode } from "./parse.js";

export interface TranslatedRegex {
  source: string;
  flags: "u" | "v";
}

/** A RegExp whose `test` is linear-time (exec, match and replace still backtrack). */
export class LinearRegExp extends RegExp {
  constructor(
    source: string,
    flags: string,
    private readonly nfa: Nfa,
  ) {
    super(source, flags);
  }

  override test(input: string): boolean {
    return matchNfa(this.nfa, input);
  }
}

function parse(pattern: string): { node: RegexNode; translated: TranslatedRegex } {
  const parser = new Parser(pattern);
  const node = parser.parse();
  return { node, translated: { source: `^(?:${emitJs(node)})$`, flags: parser.needsV ? "v" : "u" } };
}

export function translateXsdRegexSource(pattern: string): TranslatedRegex {
  return parse(pattern).translated;
}

const isLoop = (n: RegexNode): boolean => n.kind === "repeat" && (n.max === null || n.max > n.min);
/** A repetition that runs its body more than once: a fixed count too ("(a{1,2}){5000}"). */
const repeatsBody = (n: RegexNode): boolean => n.kind === "repeat" && (n.max === null || n.max > 1);

/**
 * Whether backtracking could blow up. A choice point is a variable repetition or an alternation;
 * the JS engine is kept only for patterns with at most one choice point, outside any repetition
 * of a body more than once. "(a*)*b", "(a|aa)+", "(a{1,2}){5000}" (one loop, but run 5,000 times:
 * 8 s on 41 characters), "(a|a)(a|a)…b" and "a*b*c*" go to the NFA; "\d{3}-\d{4}" or "[A-Z]+"
 * stay on the JS engine.
 */
export function mayBacktrack(root: RegexNode): boolean {
  let choices = 0;
  const stack: { node: RegexNode; repeated: boolean }[] = [{ node: root, repeated: false }];
  while (stack.length > 0) {
    const { node, repeated } = stack.pop()!;
    if (isLoop(node) || (node.kind === "alt" && node.branches.length > 1)) {
      if (repeated || ++choices > 1) return true;
    }
    const inner = repeated || repeatsBody(node);
    if (node.kind === "seq") for (const c of node.items) stack.push({ node: c, repeated: inner });
    else if (node.kind === "alt") for (const c of node.branches) stack.push({ node: c, repeated: inner });
    else if (node.kind === "group" || node.kind === "repeat") stack.push({ node: node.node, repeated: inner });
  }
  return false;
}

const CACHE_LIMIT = 2000;
const cache = new Map<string, RegExp>();

/** The JS RegExp for an XSD pattern (cached); throws XsdRegexError for an invalid pattern. */
export function translateXsdRegex(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (re === undefined) {
    const { node, translated } = parse(pattern);
    if (mayBacktrack(node)) {
      // Never fall back to backtracking: a pattern too large for the NFA is refused, not risked.
      const nfa = buildNfa(node, translated.flags);
      if (nfa === null) throw new XsdRegexTooComplex(pattern, MAX_NFA_STATES);
      re = new LinearRegExp(translated.source, translated.flags, nfa);
    } else re = new RegExp(translated.source, translated.flags);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}
