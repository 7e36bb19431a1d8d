/** The XSD regex translator: semantics tables, errors with positions, flags, caching. */
import { describe, expect, it } from "vitest";
import { translateXsdRegex, translateXsdRegexSource, XsdRegexError } from "../../src/validate/datatypes/index.js";

/** pattern → [strings it matches, strings it does not]. */
const TABLE: [string, string[], string[]][] = [
  ["abc", ["abc"], ["ab", "abcd", "xabc"]],
  ["a^b$", ["a^b$"], ["ab", "a"]],
  ["a|b|", ["a", "b", ""], ["ab"]],
  ["(ab)+", ["ab", "abab"], ["", "aba"]],
  ["a{2}", ["aa"], ["a", "aaa"]],
  ["a{2,}", ["aa", "aaaa"], ["a"]],
  ["a{1,3}", ["a", "aaa"], ["", "aaaa"]],
  ["a{0}", [""], ["a"]],
  [".", ["a", " ", "\u{1F600}"], ["\n", "\r", "", "ab"]],
  ["\\s+", [" \t\n\r"], ["\u00a0"]],
  ["\\S", ["a", "\u00a0"], [" ", "\t"]],
  ["\\d+", ["123", "\u0663\u0664"], ["1a", "\u00b2"]],
  ["\\D", ["a", "\u00b2"], ["1"]],
  ["\\w+", ["ab1\u00e9", "$"], ["a b", "-", "_"]],
  ["\\W", ["-", " ", "_"], ["a"]],
  ["\\i\\c*", ["_a-1.b:c", "\u00e9t\u00e9"], ["1a", "-a", "\u2070a"]],
  ["\\I\\C", ["1 ", "- "], ["aa"]],
  ["\\p{Lu}\\p{Ll}+", ["Abc", "\u00c9t\u00e9"], ["abc", "ABC"]],
  ["\\P{L}+", ["123 -"], ["a"]],
  ["\\p{IsBasicLatin}+", ["abc~"], ["\u00e9"]],
  ["\\p{IsGreek}", ["\u03a9"], ["W"]],
  ["\\P{IsBasicLatin}", ["\u00e9", "\u{1F600}"], ["a"]],
  ["[a-z-[aeiou]]+", ["bcd"], ["bad", "e"]],
  ["[^a-c-[x]]", ["d"], ["a", "x"]],
  ["[\\p{L}-[\\p{Lu}]]+", ["abc\u00e9"], ["aBc"]],
  ["[\\w-[\\d]]+", ["abc"], ["a1"]],
  ["[a-c-[b-c-[c]]]", ["a", "c"], ["b"]],
  ["[-a]", ["-", "a"], ["b"]],
  ["[a-]", ["-", "a"], ["b"]],
  ["[^-]", ["a"], ["-"]],
  ["[--/]", ["-", ".", "/"], [","]],
  ["[\\^]", ["^"], ["a"]],
  ["[\\[\\]]", ["[", "]"], ["a"]],
  ["[\\S ]+", ["a b"], ["a\tb"]],
  ["[\\n\\t]", ["\n", "\t"], [" "]],
  ["\\{\\}\\|\\.\\?\\*\\+\\(\\)\\\\", ["{}|.?*+()\\"], ["x"]],
  ["{", ["{"], ["x"]],
  ["}", ["}"], ["x"]],
  ["\u{1F600}+", ["\u{1F600}\u{1F600}"], ["\ud83d"]],
  ["\\p{Cn}", ["\u0378"], ["a"]],
  ["(CAN|CVE)\\-\\d\\d\\d\\d\\-\\d\\d\\d\\d", ["CVE-2024-1234"], ["CVE-24-1234"]],
];

describe("translateXsdRegex semantics", () => {
  for (const [pattern, yes, no] of TABLE) {
    it(pattern, () => {
      const re = translateXsdRegex(pattern);
      for (const s of yes) expect([s, re.test(s)]).toEqual([s, true]);
      for (const s of no) expect([s, re.test(s)]).toEqual([s, false]);
    });
  }
});

/** pattern → 0-based position of the error. */
const INVALID: [string, number, RegExp][] = [
  ["(a", 0, /missing \)/],
  ["a)", 1, /unmatched \)/],
  ["[a", 0, /missing \]/],
  ["[]", 0, /empty/],
  ["*a", 0, /nothing to repeat/],
  ["a**", 2, /nothing to repeat/],
  ["a*?", 2, /nothing to repeat/],
  ["a{,2}", 1, /needs a number/],
  ["a{1", 3, /must end with \}/],
  ["a{2,1}", 1, /maximum below its minimum/],
  ["ab\\q", 2, /unknown escape \\q/],
  ["\\u0041", 0, /unknown escape \\u/],
  ["\\p{Lx}", 0, /unknown character category or block "Lx"/],
  ["\\p{IsFoo}", 0, /unknown/],
  ["\\pL", 0, /must be followed by \{name\}/],
  ["[z-a]", 1, /out of order/],
  ["[a-\\d]", 3, /multi-character escape/],
  ["[a-b-c]", 4, /"-" must be escaped/],
  ["[a[b]]", 2, /\[ must be escaped/],
  ["[a-z-[b]c]", 8, /subtraction must be the last/],
  ["(?:a)", 1, /nothing to repeat/],
  ["\\", 1, /unexpected end/],
  ["]", 0, /unmatched \]/],
];

describe("invalid XSD patterns", () => {
  for (const [pattern, position, reason] of INVALID) {
    it(pattern, () => {
      let error: unknown;
      try {
        translateXsdRegex(pattern);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(XsdRegexError);
      expect((error as XsdRegexError).position).toBe(position);
      expect((error as XsdRegexError).reason).toMatch(reason);
      expect((error as XsdRegexError).pattern).toBe(pattern);
    });
  }
  it("rejects deep nesting with a diagnostic instead of overflowing the stack", () => {
    expect(() => translateXsdRegex("(".repeat(100_000) + "a" + ")".repeat(100_000))).toThrow(XsdRegexError);
    expect(() => translateXsdRegex("[a" + "-[a".repeat(100_000) + "]".repeat(100_001))).toThrow(XsdRegexError);
  });
});

describe("translation output", () => {
  it("anchors and escapes so that no JS metacharacter leaks", () => {
    expect(translateXsdRegexSource("a^b$")).toEqual({ source: "^(?:a\\u{5E}b\\u{24})$", flags: "u" });
    expect(translateXsdRegexSource("x/y").source).toBe("^(?:x\\u{2F}y)$");
  });
  it("uses the v flag only for class subtraction", () => {
    expect(translateXsdRegexSource("[a-z]").flags).toBe("u");
    expect(translateXsdRegexSource("[a-z-[b]]").flags).toBe("v");
  });
  it("caches compiled patterns", () => {
    expect(translateXsdRegex("[0-9]{3}")).toBe(translateXsdRegex("[0-9]{3}"));
  });
});

import { buildNfa, matchNfa, MAX_NFA_WORK } from "../../src/validate/datatypes/regex/nfa.js";
import { Parser } from "../../src/validate/datatypes/regex/parse.js";
import { LinearRegExp } from "../../src/validate/datatypes/regex/translate.js";
import { XsdRegexTooComplex, XsdRegexTooCostly } from "../../src/validate/datatypes/regex/error.js";

describe("linear-time matching of backtracking-prone patterns", () => {
  it("uses the NFA only where backtracking could blow up", () => {
    expect(translateXsdRegex("(a*)*b")).toBeInstanceOf(LinearRegExp);
    expect(translateXsdRegex("([a-z]+\\.)+[a-z]+")).toBeInstanceOf(LinearRegExp);
    expect(translateXsdRegex("\\d{3}-\\d{4}")).not.toBeInstanceOf(LinearRegExp);
    expect(translateXsdRegex("[A-Z]+")).not.toBeInstanceOf(LinearRegExp);
  });
  it("answers hostile values quickly", () => {
    const started = performance.now();
    expect(translateXsdRegex("(a*)*b").test("a".repeat(20_000) + "c")).toBe(false);
    expect(translateXsdRegex("(\\w+\\s?)*").test("word ".repeat(5_000) + "!")).toBe(false);
    expect(translateXsdRegex("([a-z]+\\.)+[a-z]+").test("a.".repeat(10_000) + "b")).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
  it("the NFA agrees with the JS engine on every table pattern", () => {
    for (const [pattern, yes, no] of TABLE) {
      const { source, flags } = translateXsdRegexSource(pattern);
      const js = new RegExp(source, flags);
      const nfa = buildNfa(new Parser(pattern).parse(), flags)!;
      for (const s of [...yes, ...no, "", "aa", "a-b", "\u00e9"]) expect([pattern, s, matchNfa(nfa, s)]).toEqual([pattern, s, js.test(s)]);
    }
  });
  it("a loop or alternation repeated by a fixed count, or several alternations, also take the NFA", () => {
    // "(a{1,2}){5000}" took 8 s on 41 characters on the JS engine (one variable repetition, but
    // run 5,000 times); "(a|a)" × 28 then "b" is 2^28 paths for backtracking.
    expect(translateXsdRegex("(a{1,2}){5000}")).toBeInstanceOf(LinearRegExp);
    expect(translateXsdRegex("(a|aa){20}")).toBeInstanceOf(LinearRegExp);
    expect(translateXsdRegex("(a|a)".repeat(28) + "b")).toBeInstanceOf(LinearRegExp);
    expect(translateXsdRegex("(a|b)c*")).toBeInstanceOf(LinearRegExp);
    // One choice point outside any repetition, or repetitions of plain sets, stay on the JS engine.
    expect(translateXsdRegex("(ab){3}")).not.toBeInstanceOf(LinearRegExp);
    expect(translateXsdRegex("(yes|no)")).not.toBeInstanceOf(LinearRegExp);
    expect(translateXsdRegex("[0-9]{3}-[0-9]{4}")).not.toBeInstanceOf(LinearRegExp);
    expect(translateXsdRegex("(a{1,2}){5000}").test("a".repeat(7_400) + "!")).toBe(false);
    expect(translateXsdRegex("(a{1,2}){5000}").test("a".repeat(7_400))).toBe(true);
    expect(translateXsdRegex("(a|a)".repeat(28) + "b").test("a".repeat(28) + "b")).toBe(true);
  });
  it("refuses a pattern whose NFA would be too large instead of falling back to backtracking", () => {
    // 1,000 × 1,000 states: the JS engine did not answer within minutes on 3,000 characters.
    expect(() => translateXsdRegex("(a{1,1000}){1,1000}b")).toThrow(XsdRegexTooComplex);
    expect(() => translateXsdRegex("(a{1,1000}){1,1000}b")).toThrow(/more than 100000 automaton states/);
    // The same size without a choice point to backtrack into is fine on the JS engine.
    expect(translateXsdRegex("(a{1000}){10}").test("a".repeat(10_000))).toBe(true);
  });
  it("gives up on a value past a budget of automaton work, instead of running for minutes", () => {
    // "(a{1,1000})+b" keeps up to 1,000 states alive per character: 100,000 characters took 2.7 s.
    const nfa = buildNfa(new Parser("(a{1,1000})+b").parse(), "u")!;
    expect(matchNfa(nfa, "a".repeat(3_000) + "b", 10_000_000)).toBe(true);
    expect(() => matchNfa(nfa, "a".repeat(3_000) + "b", 1_000_000)).toThrow(XsdRegexTooCostly);
    // A value that dies early costs little, whatever its length.
    expect(matchNfa(nfa, "c" + "a".repeat(1_000_000), 1_000)).toBe(false);
    expect(MAX_NFA_WORK).toBe(40_000_000);
  });
  it("refuses counts it would have to unroll beyond reason", () => {
    expect(() => translateXsdRegex("a{10001}")).toThrow(/above 10000/);
  });
});
