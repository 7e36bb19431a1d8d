import { describe, expect, it } from "vitest";
import { buildMatcher, type ContentMatcher } from "../../src/validate/automaton.js";
import { all, any, choice, el, seq } from "./particles.js";
import type { Particle } from "../../src/schema/model.js";

/** Runs a child sequence (names; "{uri}x" for namespaced) and says whether it is accepted. */
function run(m: ContentMatcher, children: string[]): boolean {
  const run = { state: 0, counters: new Int32Array(0) };
  m.start(run);
  for (const c of children) {
    const match = /^\{(.*)\}(.*)$/.exec(c);
    if (m.step(run, match ? match[1] : null, match ? match[2] : c) < 0) return false;
  }
  return m.accepts(run);
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
  it("counter-ambiguous but UPA-valid: (a{19,20}){2,4} accepts 38 and 80, rejects 37 and 81 (libxml2 bug310264)", () => {
    const p = seq([el("a", 19, 20)], 2, 4);
    const many = (n: number): string => Array(n).fill("a").join(" ");
    accepts(p, [many(38), many(39), many(40), many(57), many(80)], [many(37), many(81), ""]);
  });
  it("counter-ambiguous runs keep each configuration once (merged by hash), and still decide exactly", () => {
    const p = seq([el("a", 0, 1_000_000_000), el("b", 0, 3)], 1, 1_000_000_000);
    const { matcher } = buildMatcher(p);
    const r = { state: 0, counters: new Int32Array(0) };
    matcher.start(r);
    for (let i = 0; i < 400; i++) for (const c of ["a", "b"]) expect(matcher.step(r, null, c)).toBeGreaterThan(0);
    // counters = [n, (state, 3 counters: a, b, the group) × n]
    const n = r.counters[0];
    const configs = Array.from({ length: n }, (_, i) => Array.from(r.counters.subarray(1 + i * 4, 5 + i * 4)).join(","));
    expect(new Set(configs).size).toBe(n);
    expect(n).toBeGreaterThan(1);
    expect(n).toBeLessThanOrEqual(256);
    expect(matcher.accepts(r)).toBe(true);
    expect(matcher.step(r, null, "c")).toBe(-1);
    accepts(p, ["a b a b", "b b b b", "a a a", ""], ["c", "a c"]);
  });
  it("(a{1,2}){2,2} accepts a a (greedy inner counting alone would not)", () => {
    accepts(seq([el("a", 1, 2)], 2, 2), ["a a", "a a a", "a a a a"], ["a", "a a a a a"]);
  });
  it("a{3,3} followed by a is deterministic (counter decides)", () => {
    accepts(seq([el("a", 3, 3), el("a")]), ["a a a a"], ["a a a", "a a a a a"]);
  });
  it("expected names in schema order, with counters applied", () => {
    const { matcher } = buildMatcher(seq([el("A"), choice([el("B"), el("C")], 0), el("D", 1, 2)]));
    const run = { state: 0, counters: new Int32Array(0) };
    matcher.start(run);
    expect(matcher.expected(run)).toEqual(["A"]);
    matcher.step(run, null, "A");
    expect(matcher.expected(run)).toEqual(["B", "C", "D"]);
    matcher.step(run, null, "D");
    matcher.step(run, null, "D");
    expect(matcher.expected(run)).toEqual([]);
    expect(matcher.accepts(run)).toBe(true);
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
