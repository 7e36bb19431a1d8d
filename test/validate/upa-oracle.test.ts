/**
 * The UPA oracle of the content-model fuzz (test-support/upa-oracle.ts) on hand-made models whose
 * answers are known, including both classes where libxml2 and qxml differ.
 */
import { describe, expect, it } from "vitest";
import { checkDeterminism, describeAmbiguity, hasExactCount, matchesModel, type OracleParticle } from "../../test-support/upa-oracle.js";

const U = Infinity;
const el = (name: string, min = 1, max = 1): OracleParticle => ({ kind: "element", name, min, max });
const sq = (children: OracleParticle[], min = 1, max = 1): OracleParticle => ({ kind: "sequence", min, max, children });
const ch = (children: OracleParticle[], min = 1, max = 1): OracleParticle => ({ kind: "choice", min, max, children });

const verdict = (m: OracleParticle) => checkDeterminism(m).verdict;
const words = (m: OracleParticle, ws: string[]) => ws.map((w) => matchesModel(m, w === "" ? [] : w.split("")));

describe("UPA oracle: determinism", () => {
  it("(a|a): two particles for the same name in a choice", () => {
    const d = checkDeterminism(ch([el("a"), el("a")]));
    expect(d.verdict).toBe("ambiguous");
    if (d.verdict !== "ambiguous") return;
    expect(d.prefix).toEqual([]);
    expect(d.name).toBe("a");
    expect(d.particles.map((p) => p.path)).toEqual(["choice/@1:a", "choice/@2:a"]);
    expect(describeAmbiguity(d)).toBe("as the first child, <a> can be matched by two particles: choice/@1:a and choice/@2:a");
  });

  it("(a?, a) is ambiguous on the first a; (a, a?) is not", () => {
    expect(verdict(sq([el("a", 0, 1), el("a")]))).toBe("ambiguous");
    expect(verdict(sq([el("a"), el("a", 0, 1)]))).toBe("deterministic");
  });

  it("counted: a{2,2}, a? is deterministic (the count decides); a{2,3}, a? is ambiguous after two a", () => {
    expect(verdict(sq([el("a", 2, 2), el("a", 0, 1)]))).toBe("deterministic");
    const d = checkDeterminism(sq([el("a", 2, 3), el("a", 0, 1)]));
    expect(d.verdict).toBe("ambiguous");
    if (d.verdict === "ambiguous") expect(d.prefix).toEqual(["a", "a"]);
  });

  it("exact counts (the class libxml2 rejects): b{3}, b{2,} and a{3}, (a | c)* are deterministic", () => {
    expect(verdict(sq([el("b", 3, 3), el("b", 2, U)]))).toBe("deterministic");
    expect(verdict(sq([el("a", 3, 3), ch([el("a"), el("c")], 0, U)]))).toBe("deterministic");
    expect(verdict(sq([el("b", 3, U), el("b", 2, U)]))).toBe("ambiguous");
  });

  it("duplicate particles in a repeated choice (the class libxml2 accepts): (c | c | a*)+ and (c* | a)+, c{1,4}", () => {
    expect(verdict(ch([el("c"), el("c"), el("a", 0, U)], 1, U))).toBe("ambiguous");
    const d = checkDeterminism(sq([ch([el("c", 0, U), el("a")], 1, U), el("c", 1, 4)]));
    expect(d.verdict).toBe("ambiguous");
    if (d.verdict === "ambiguous") expect(d.particles.map((p) => p.path)).toEqual(["sequence/@1:choice{1,∞}/@1:c{0,∞}", "sequence/@2:c{1,4}"]);
  });

  it("a* in a repeated sequence before a choice with a is ambiguous; with b it is not", () => {
    expect(verdict(sq([sq([el("a", 0, U), el("b", 0, 1)], 1, U), ch([el("a"), el("c")])]))).toBe("ambiguous");
    expect(verdict(sq([sq([el("a", 0, U), el("b")], 1, U), ch([el("c"), el("b", 2, 2)])]))).toBe("ambiguous");
    expect(verdict(sq([sq([el("a", 0, U), el("b")], 1, U), ch([el("c")])]))).toBe("deterministic");
  });

  it("the same particle reached through different iterations is not a violation: (a{1,2}){2}, (a?){2,3}, (a | b)*", () => {
    expect(verdict(sq([el("a", 1, 2)], 2, 2))).toBe("deterministic");
    expect(verdict(sq([el("a", 0, 1)], 2, 3))).toBe("deterministic");
    expect(verdict(ch([el("a"), el("b")], 0, U))).toBe("deterministic");
  });

  it("DTD look-alikes (XML 1.0 Appendix E): ((a, b)*, a) is not deterministic, (a, (b | c)) and ((b, c) | (a, c)) are", () => {
    expect(verdict(sq([sq([el("a"), el("b")], 0, U), el("a")]))).toBe("ambiguous");
    expect(verdict(sq([el("a"), ch([el("b"), el("c")])]))).toBe("deterministic");
    expect(verdict(ch([sq([el("b"), el("c")]), sq([el("a"), el("c")])]))).toBe("deterministic");
    expect(verdict(ch([sq([el("b"), el("c")]), sq([el("b"), el("d")])]))).toBe("ambiguous");
  });

  it("says unknown, never deterministic, when the state budget runs out", () => {
    expect(checkDeterminism(sq([el("a", 0, U), el("b", 0, U), el("c", 0, U)]), 1).verdict).toBe("unknown");
  });

  it("exact counts are recognised", () => {
    expect(hasExactCount(sq([el("a", 0, U), ch([el("b", 3, 3)])]))).toBe(true);
    expect(hasExactCount(sq([el("a", 0, U), ch([el("b")], 2, 2)]))).toBe(true);
    expect(hasExactCount(sq([el("a", 0, U), ch([el("b", 2, 3)], 1, U)]))).toBe(false);
  });
});

describe("UPA oracle: matching", () => {
  it("counted sequences", () => {
    expect(words(sq([el("a", 2, 3), el("b")]), ["aab", "aaab", "ab", "aaaab", "aa"])).toEqual([true, true, false, false, false]);
  });

  it("a repeated sequence of optional parts: (a?, b?){2}", () => {
    expect(words(sq([el("a", 0, 1), el("b", 0, 1)], 2, 2), ["", "ab", "abab", "bb", "ba", "bab", "abba", "aaa"])).toEqual([true, true, true, true, true, true, false, false]);
  });

  it("an emptiable body makes the minimum free: (a?){2,3}", () => {
    expect(words(sq([el("a", 0, 1)], 2, 3), ["", "a", "aaa", "aaaa"])).toEqual([true, true, true, false]);
  });

  it("choices and unbounded groups: (a | b c){1,∞}, c", () => {
    const m = sq([ch([el("a"), sq([el("b"), el("c")])], 1, U), el("c")]);
    expect(words(m, ["ac", "bcc", "abcac", "c", "abc", "bc"])).toEqual([true, true, true, false, false, false]);
  });
});
