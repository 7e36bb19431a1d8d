/**
 * XSD 1.0 regular expressions → JavaScript RegExp, implicitly anchored: `^(?:...)$` with the `u`
 * flag, or `v` when a class subtraction needs JS's `--` operator.
 *
 * JS regexes backtrack, so a pattern with nested or competing repetition ("(a*)*b",
 * "([a-z]+\.)+[a-z]+") can take exponential time on a hostile value. For those patterns the
 * returned RegExp's `test` runs a linear-time NFA instead (see nfa.ts); its source and flags
 * are still the JS translation.
 */
import { emitJs } from "./emit.js";
import { buildNfa, matchNfa, type Nfa } from "./nfa.js";
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

/**
 * Whether backtracking could blow up: a variable repetition that contains another variable
 * repetition or an alternation, or two variable repetitions in one pattern (which can overlap
 * and make matching polynomial). Patterns like "\d{3}-\d{4}" or "[A-Z]+" stay on the JS engine.
 */
export function mayBacktrack(root: RegexNode): boolean {
  let loops = 0;
  const stack: { node: RegexNode; inLoop: boolean }[] = [{ node: root, inLoop: false }];
  while (stack.length > 0) {
    const { node, inLoop } = stack.pop()!;
    if (isLoop(node)) {
      if (inLoop || ++loops > 1) return true;
    }
    if (node.kind === "alt" && inLoop) return true;
    const childInLoop = inLoop || isLoop(node);
    if (node.kind === "seq") for (const c of node.items) stack.push({ node: c, inLoop: childInLoop });
    else if (node.kind === "alt") for (const c of node.branches) stack.push({ node: c, inLoop: childInLoop });
    else if (node.kind === "group" || node.kind === "repeat") stack.push({ node: node.node, inLoop: childInLoop });
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
    const nfa = mayBacktrack(node) ? buildNfa(node, translated.flags) : null;
    re = nfa === null ? new RegExp(translated.source, translated.flags) : new LinearRegExp(translated.source, translated.flags, nfa);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}
