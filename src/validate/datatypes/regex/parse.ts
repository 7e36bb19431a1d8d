/**
 * Parser of XSD 1.0 regular expressions (Part 2 Appendix F) into a small tree whose leaves are
 * character sets already written as JS class source (every non-alphanumeric character escaped, so
 * no JS metacharacter can leak through). Invalid patterns throw XsdRegexError with a position.
 *
 * XSD patterns have no ^/$ anchors (both are ordinary characters), no backreferences,
 * lookarounds or lazy quantifiers, and their own escapes (\i \c, \p{IsBlock}, class subtraction).
 * "-" in classes: a lone "-" is allowed first or last in a group (spec); range endpoints may be
 * "-" as libxml2 allows ("[--z]", "[!--]"), which is unambiguous.
 */
import { multiCharEscape, propertyEscape, type CharSet } from "./classes.js";
import { XsdRegexError } from "./error.js";
import { escapeCodePoint, rangesToClassBody } from "./ranges.js";

export type RegexNode =
  /** One character from a set; `source` is a JS atom ("a", "\\u{2D}", "[a-z]", "[[a-z]--[b]]"). */
  | { kind: "set"; source: string }
  | { kind: "seq"; items: RegexNode[] }
  | { kind: "alt"; branches: RegexNode[] }
  | { kind: "group"; node: RegexNode }
  | { kind: "repeat"; node: RegexNode; min: number; max: number | null };

/** Larger counts are refused rather than expanded (libxml2 also limits counted repetition). */
const MAX_COUNT = 10_000;
const SINGLE_ESCAPES: Record<string, number> = { n: 0x0a, r: 0x0d, t: 0x09 };
const ESCAPABLE = new Set(["\\", "|", ".", "?", "*", "+", "(", ")", "{", "}", "-", "[", "]", "^"]);
/** Characters that cannot stand for themselves outside a class. */
const META = new Set([".", "\\", "?", "*", "+", "(", ")", "|", "[", "]"]);
const MAX_DEPTH = 200;

export class Parser {
  private pos = 0;
  private depth = 0;
  needsV = false;

  constructor(private readonly pattern: string) {}

  parse(): RegexNode {
    const body = this.regExp();
    if (this.pos < this.pattern.length) this.fail(this.peek() === ")" ? "unmatched )" : `unexpected ${this.peek()}`);
    return body;
  }

  private fail(reason: string, at = this.pos): never {
    throw new XsdRegexError(this.pattern, at, reason);
  }

  private peek(offset = 0): string | undefined {
    let i = this.pos;
    for (let k = 0; k < offset && i < this.pattern.length; k++) i += this.pattern.codePointAt(i)! > 0xffff ? 2 : 1;
    if (i >= this.pattern.length) return undefined;
    return String.fromCodePoint(this.pattern.codePointAt(i)!);
  }

  private next(): string {
    const c = this.peek();
    if (c === undefined) this.fail("unexpected end of pattern");
    this.pos += c.length;
    return c;
  }

  private regExp(): RegexNode {
    const branches = [this.branch()];
    while (this.peek() === "|") {
      this.pos++;
      branches.push(this.branch());
    }
    return branches.length === 1 ? branches[0] : { kind: "alt", branches };
  }

  private branch(): RegexNode {
    const items: RegexNode[] = [];
    for (let c = this.peek(); c !== undefined && c !== "|" && c !== ")"; c = this.peek()) {
      items.push(this.piece());
    }
    return items.length === 1 ? items[0] : { kind: "seq", items };
  }

  private piece(): RegexNode {
    const atom = this.atom();
    const q = this.quantifier();
    return q === null ? atom : { kind: "repeat", node: atom, min: q[0], max: q[1] };
  }

  /** [min, max] (max null = unbounded), or null when no quantifier follows. */
  private quantifier(): [number, number | null] | null {
    const c = this.peek();
    if (c === "?" || c === "*" || c === "+") {
      this.pos++;
      return c === "?" ? [0, 1] : c === "*" ? [0, null] : [1, null];
    }
    if (c !== "{") return null;
    const start = this.pos;
    this.pos++;
    const min = this.digits();
    if (min === "") this.fail("a quantifier {n}, {n,} or {n,m} needs a number after {", start);
    let max: string | null = min;
    if (this.peek() === ",") {
      this.pos++;
      max = this.digits();
      if (max === "") max = null;
    }
    if (this.peek() !== "}") this.fail("a quantifier must end with }", this.pos);
    this.pos++;
    if (max !== null && Number(max) < Number(min)) this.fail(`quantifier {${min},${max}} has its maximum below its minimum`, start);
    if (Number(min) > MAX_COUNT || (max !== null && Number(max) > MAX_COUNT)) this.fail(`quantifier counts above ${MAX_COUNT} are not supported`, start);
    return [Number(min), max === null ? null : Number(max)];
  }

  private digits(): string {
    let s = "";
    for (let c = this.peek(); c !== undefined && c >= "0" && c <= "9"; c = this.peek()) s += this.next();
    return s;
  }

  private atom(): RegexNode {
    const start = this.pos;
    const c = this.next();
    switch (c) {
      case "(": {
        if (++this.depth > MAX_DEPTH) this.fail("groups nested too deeply", start);
        const inner = this.regExp();
        if (this.peek() !== ")") this.fail("missing ) to close the group", start);
        this.pos++;
        this.depth--;
        return { kind: "group", node: inner };
      }
      case "[":
        return { kind: "set", source: this.classExpr(start) };
      case ".":
        return { kind: "set", source: "[^\\n\\r]" };
      case "\\":
        return { kind: "set", source: setToAtom(this.escape(start)) };
      case "?": case "*": case "+":
        return this.fail(`quantifier ${c} has nothing to repeat`, start);
      case "]":
        return this.fail("unmatched ]", start);
      default:
        if (META.has(c)) this.fail(`unexpected ${c}`, start);
        return { kind: "set", source: escapeCodePoint(c.codePointAt(0)!) };
    }
  }

  /** After a backslash: a single-character escape (as a one-point set) or a class escape. */
  private escape(start: number): CharSet {
    const c = this.next();
    if (c in SINGLE_ESCAPES) return point(SINGLE_ESCAPES[c]);
    if (ESCAPABLE.has(c)) return point(c.codePointAt(0)!);
    const multi = multiCharEscape(c);
    if (multi !== undefined) return multi;
    if (c === "p" || c === "P") {
      if (this.peek() !== "{") this.fail(`\\${c} must be followed by {name}`, start);
      const close = this.pattern.indexOf("}", this.pos);
      if (close < 0) this.fail(`missing } after \\${c}{`, start);
      const name = this.pattern.slice(this.pos + 1, close);
      const set = propertyEscape(name, c === "P");
      if (set === undefined) this.fail(`unknown character category or block "${name}"`, start);
      this.pos = close + 1;
      return set;
    }
    return this.fail(`unknown escape \\${c}`, start);
  }

  /** `[` already consumed: charGroup `]`, where a group may end in a subtraction `-[...]`. */
  private classExpr(start: number): string {
    if (++this.depth > MAX_DEPTH) this.fail("character classes nested too deeply", start);
    const group = this.charGroup(start);
    this.depth--;
    return group;
  }

  private charGroup(start: number): string {
    let negated = false;
    if (this.peek() === "^") {
      negated = true;
      this.pos++;
    }
    const items: string[] = [];
    let subtract: string | null = null;
    for (;;) {
      const c = this.peek();
      if (c === undefined) this.fail("missing ] to close the character class", start);
      if (c === "]") {
        if (items.length === 0) this.fail("empty character class", start);
        this.pos++;
        break;
      }
      if (c === "-" && this.peek(1) === "[") {
        if (items.length === 0) this.fail("a class subtraction needs a class before -[", this.pos);
        const subStart = this.pos + 1;
        this.pos += 2;
        subtract = this.classExpr(subStart);
        if (this.peek() !== "]") this.fail("a class subtraction must be the last part of its class", this.pos);
        this.pos++;
        break;
      }
      const itemStart = this.pos;
      const item = this.charRangeOrEscape();
      // Part 2 Appendix F (2nd ed.): a lone "-" is a character only first or last in a group.
      if (item === "\\u{2D}" && this.pattern[itemStart] === "-" && items.length > 0 && this.peek() !== "]") {
        this.fail('"-" must be escaped as \\- unless it is first or last in a character class', itemStart);
      }
      items.push(item);
    }
    const body = items.join("");
    if (subtract === null) return `[${negated ? "^" : ""}${body}]`;
    this.needsV = true;
    return `[[${negated ? "^" : ""}${body}]--${subtract}]`;
  }

  private charRangeOrEscape(): string {
    const start = this.pos;
    const c = this.next();
    if (c === "[") this.fail("[ must be escaped as \\[ inside a character class", start);
    let low: number;
    if (c === "\\") {
      const set = this.escape(start);
      if (!isPoint(set)) return setToClassItem(set);
      low = set.ranges[0][0];
    } else low = c.codePointAt(0)!;
    // A range needs "-" followed by something that can end it (not "[" or "]").
    const next = this.peek(1);
    if (this.peek() !== "-" || next === undefined || next === "[" || next === "]") return escapeCodePoint(low);
    this.pos++;
    const endStart = this.pos;
    const e = this.next();
    let high: number;
    if (e === "\\") {
      const set = this.escape(endStart);
      if (!isPoint(set)) this.fail("a range cannot end with a multi-character escape", endStart);
      high = set.ranges[0][0];
    } else high = e.codePointAt(0)!;
    if (high < low) this.fail(`range ${String.fromCodePoint(low)}-${String.fromCodePoint(high)} is out of order`, start);
    return `${escapeCodePoint(low)}-${escapeCodePoint(high)}`;
  }
}

function point(cp: number): CharSet {
  return { kind: "ranges", ranges: [[cp, cp]] };
}

function isPoint(set: CharSet): set is { kind: "ranges"; ranges: [number, number][] } {
  return set.kind === "ranges" && set.ranges.length === 1 && set.ranges[0][0] === set.ranges[0][1];
}

function setToClassItem(set: CharSet): string {
  if (set.kind === "ranges") return rangesToClassBody(set.ranges);
  if (set.negated && set.names.length !== 1) throw new Error("internal: a negated union of categories cannot be a class item");
  return set.names.map((n) => `\\${set.negated ? "P" : "p"}{${n}}`).join("");
}

function setToAtom(set: CharSet): string {
  if (isPoint(set)) return escapeCodePoint(set.ranges[0][0]);
  return `[${setToClassItem(set)}]`;
}

