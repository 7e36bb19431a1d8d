import { describe, expect, it } from "vitest";
import { buildMatcher, type ContentMatcher } from "../../src/validate/automaton.js";
import { all, any, choice, el, seq } from "./particles.js";
import type { Particle } from "../../src/schema/model.js";

/** Runs a child sequence (names; "{uri}x" for namespaced) and says whether it is accepted. */
function run(m: ContentMatcher, children: string[]): boolean {
  const counters = new Int32Array(m.counterCount);
  let s = m.start(counters);
  for (const c of children) {
    const match = /^\{(.*)\}(.*)$/.exec(c);
    s = m.step(s, counters, match ? match[1] : null, match ? match[2] : c);
    if (s < 0) return false;
  }
  return m.accepts(s, counters);
}

function accepts(p: Particle, yes: string[], no: string[]): void {
  const { matcher, ambiguities } = buildMatcher(p);
  expect(ambiguities).toEqual([]);
  for (const y of yes) expect(run(matcher, y === "" ? [] : y.split(" ")), `accepts "${y}"`).toBe(true);
  for (const n of no) expect(run(matcher, n === "" ? [] : n.split(" ")), `rejects "${n}"`).toBe(false);
}

describe("Glushkov matcher", () => {
  it("sequence with ?, *, +", () => {
    accepts(seq([el("a"), el("b", 0, 1), el("c", 0, "unbounded"), el("d", 1, "unbounded")]), ["a d", "a b d d", "a c c d"], ["", "a", "a b b d", "d a", "a d c"]);
  });
  it("choice and nested groups", () => {
    accepts(seq([choice([el("a"), seq([el("b"), el("c")])], 1, "unbounded"), el("d", 0)]), ["a", "b c a d", "a a a"], ["b", "c", "a d d", ""]);
  });
  it("empty content model accepts only nothing", () => {
    accepts(seq([]), [""], ["a"]);
    const { matcher } = buildMatcher(null);
    expect(run(matcher, [])).toBe(true);
    expect(run(matcher, ["x"])).toBe(false);
  });
  it("counted leaf: minOccurs=2 maxOccurs=1000 without unrolling", () => {
    const p = seq([el("a", 2, 1000), el("b")]);
    const { matcher } = buildMatcher(p);
    expect(matcher.counterCount).toBe(1);
    const many = (n: number): string => Array(n).fill("a").join(" ");
    accepts(p, [`${many(2)} b`, `${many(1000)} b`], [`a b`, `${many(1001)} b`, many(3)]);
  });
  it("counted group: (a, b?){3,4}", () => {
    accepts(seq([el("a"), el("b", 0)], 3, 4), ["a a a", "a b a a b", "a a a a"], ["a a", "a a a a a", "b a a a"]);
  });
  it("counted group with nullable body", () => {
    accepts(seq([el("a", 0)], 3, 3), ["", "a", "a a a"], ["a a a a"]);
  });
  it("nested counters: ((a{2}){3})", () => {
    accepts(seq([el("a", 2, 2)], 3, 3), ["a a a a a a"], ["a a a a a", "a a a a a a a", ""]);
  });
  it("a{3,3} followed by a is deterministic (counter decides)", () => {
    accepts(seq([el("a", 3, 3), el("a")]), ["a a a a"], ["a a a", "a a a a a"]);
  });
  it("expected names in schema order, with counters applied", () => {
    const { matcher } = buildMatcher(seq([el("A"), choice([el("B"), el("C")], 0), el("D", 1, 2)]));
    const counters = new Int32Array(matcher.counterCount);
    let s = matcher.start(counters);
    expect(matcher.expected(s, counters)).toEqual(["A"]);
    s = matcher.step(s, counters, null, "A");
    expect(matcher.expected(s, counters)).toEqual(["B", "C", "D"]);
    s = matcher.step(s, counters, null, "D");
    s = matcher.step(s, counters, null, "D");
    expect(matcher.expected(s, counters)).toEqual([]);
    expect(matcher.accepts(s, counters)).toBe(true);
  });
  it("wildcards by namespace", () => {
    accepts(seq([el("a", 1, 1, "urn:t"), any("##other", 0, "unbounded")]), ["{urn:t}a {urn:x}b {urn:y}c"], ["{urn:t}a {urn:t}b", "{urn:t}a b"]);
    accepts(seq([any(["urn:x", null])]), ["{urn:x}q", "q"], ["{urn:y}q"]);
  });
});

describe("determinism (1-unambiguity, UPA)", () => {
  const ambiguous = (p: Particle): string[] => buildMatcher(p).ambiguities.map((a) => a.found);
  it("detects (a, b) | (a, c)", () => {
    expect(ambiguous(choice([seq([el("a"), el("b")]), seq([el("a"), el("c")])]))).toEqual(["a"]);
  });
  it("detects a?, a", () => {
    expect(ambiguous(seq([el("a", 0), el("a")]))).toEqual(["a"]);
  });
  it("detects (a, b?)*, b", () => {
    expect(ambiguous(seq([seq([el("a"), el("b", 0)], 0, "unbounded"), el("b")]))).toEqual(["b"]);
  });
  it("detects a{2,3}, a but not a{3}, a", () => {
    expect(ambiguous(seq([el("a", 2, 3), el("a")]))).toEqual(["a"]);
    expect(ambiguous(seq([el("a", 3, 3), el("a")]))).toEqual([]);
  });
  it("detects element vs overlapping wildcard, and two overlapping wildcards", () => {
    expect(ambiguous(seq([any("##any", 0), el("a", 1, 1, "urn:t")]))).toEqual(["a"]);
    expect(ambiguous(seq([any("##other", 0), el("a", 1, 1, "urn:t")]))).toEqual([]);
    expect(ambiguous(choice([any(["urn:x"]), any("##any")]))).toHaveLength(1);
  });
  it("accepts deterministic models: (a, b)*, (a*)*", () => {
    expect(ambiguous(seq([el("a"), el("b")], 0, "unbounded"))).toEqual([]);
    expect(ambiguous(seq([el("a", 0, "unbounded")], 0, "unbounded"))).toEqual([]);
  });
  it("names the two competing particles with their locations", () => {
    const a1 = el("x", 0);
    const a2 = el("x");
    const [amb] = buildMatcher(seq([a1, a2])).ambiguities;
    expect(amb.first.location).toEqual(a1.location);
    expect(amb.second.location).toEqual(a2.location);
  });
});

describe("xs:all", () => {
  it("any order, each at most once, required ones present", () => {
    accepts(all([el("a"), el("b", 0), el("c")]), ["a c", "c b a", "c a"], ["a", "a a c", "a c d", ""]);
  });
  it("optional all group accepts nothing", () => {
    accepts(all([el("a"), el("b")], 0), ["", "b a"], ["a"]);
  });
  it("reports a duplicate element in xs:all", () => {
    expect(buildMatcher(all([el("a"), el("a", 0)])).ambiguities.map((a) => a.found)).toEqual(["a"]);
  });
});
