import { describe, expect, it } from "vitest";
import { buildMatcher, type ContentMatcher } from "../../src/validate/automaton.js";
import { choice, el, seq } from "./particles.js";

// Matchers without counters remember, per state, the last child taken and where it led. The memo
// is shared by every run of the matcher (the compiled schema is cached), so it must never answer
// for another child: another name, the same name in another namespace, or a failing child.
function steps(m: ContentMatcher, children: [string | null, string][]): number[] {
  const run = { state: 0, counters: new Int32Array(0) };
  m.start(run);
  return children.map(([uri, local]) => m.step(run, uri, local));
}

describe("Glushkov matcher memo", () => {
  it("keys on the namespace as well as the local name", () => {
    const { matcher } = buildMatcher(seq([el("x", 1, 1, "urn:a"), el("y")]));
    expect(steps(matcher, [["urn:a", "x"], [null, "y"]])).toEqual([1, 2]);
    expect(steps(matcher, [["urn:b", "x"]])).toEqual([-1]);
    expect(steps(matcher, [[null, "x"]])).toEqual([-1]);
    expect(steps(matcher, [["urn:a", "x"], [null, "y"]])).toEqual([1, 2]);
  });
  it("answers each child from the same state, whichever came last, and leaves a failed run unchanged", () => {
    const { matcher } = buildMatcher(choice([el("a"), el("b")], 1, "unbounded"));
    expect(steps(matcher, [[null, "a"], [null, "a"], [null, "b"], [null, "a"]])).toEqual([1, 1, 2, 1]);
    const run = { state: 0, counters: new Int32Array(0) };
    matcher.start(run);
    expect(matcher.step(run, null, "b")).toBe(2);
    expect(matcher.step(run, null, "c")).toBe(-1);
    expect(run.state).toBe(2);
    expect(matcher.step(run, null, "a")).toBe(1);
    expect(matcher.accepts(run)).toBe(true);
  });
});
