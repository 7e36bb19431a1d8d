import { describe, expect, it } from "vitest";
import { buildMatcher } from "../../src/validate/automaton.js";
import {
  GLOBAL_LAX,
  WILDCARD_LAX,
  GLOBAL_REQUIRED,
  matchChild,
  missingChildren,
  newChildMatch,
  SKIP_CHILD,
  UNREPORTED,
  type ChildRun,
  type SchemaNames,
} from "../../src/validate/child-match.js";
import type { Particle } from "../../src/schema/model.js";
import { any, choice, el, seq } from "./particles.js";

/** Declaration index = position in the name list, so targets are easy to read. */
const NAMES = ["BASIC_INFO", "SCAN", "MAP", "TITLE"];
function decl(p: Particle): Particle {
  if (p.kind === "element") return { ...p, element: NAMES.indexOf(p.name) < 0 ? null : NAMES.indexOf(p.name) };
  if (p.kind === "any") return p;
  return { ...p, items: p.items.map(decl) };
}

const noGlobals: SchemaNames = { hasGlobal: () => false };

/** Runs `children` through the model; returns per child [target, code or null, suggestion], and the end problem. */
function walk(p: Particle, children: string[], schema: SchemaNames = noGlobals) {
  const m = buildMatcher(decl(p)).matcher;
  const run: ChildRun = { name: "P", state: 0, counters: new Int32Array(4), skipped: null };
  m.start(run);
  const out = newChildMatch();
  const steps = children.map((c) => {
    const r = matchChild(m, run, { name: c, uri: null, local: c }, schema, out);
    expect(r).toBe(out); // the caller's object, reused
    return [r.target, r.problem?.code ?? null, r.problem?.params.suggestion ?? null];
  });
  return { steps, end: missingChildren(m, run) };
}

const model = seq([el("BASIC_INFO"), el("SCAN"), el("MAP", 0)]);

describe("child-match: one decision for the engine and the generated validators", () => {
  it("a fitting child is validated against its particle's declaration, without a problem", () => {
    const { steps, end } = walk(model, ["BASIC_INFO", "SCAN", "MAP"]);
    expect(steps).toEqual([
      [0, null, null],
      [1, null, null],
      [2, null, null],
    ]);
    expect(end).toBeNull();
  });

  it("a misspelt child is reported once and taken as the element meant", () => {
    const { steps, end } = walk(model, ["BASIC_INFO", "SCNA", "MAP"]);
    expect(steps).toEqual([
      [0, null, null],
      [1, "valid/unexpected-element", "SCAN"],
      [2, null, null],
    ]);
    expect(end).toBeNull();
  });

  it("a known name is misplaced, not misspelt: no suggestion", () => {
    const { steps } = walk(seq([el("TITLE"), el("SCAN")]), ["SCAN"], { hasGlobal: (_u, l) => l === "SCAM" });
    expect(steps[0]).toEqual([1, "valid/unexpected-element", null]);
    const known = walk(seq([el("TITLE"), el("SCAN")]), ["SCAM"], { hasGlobal: (_u, l) => l === "SCAM" });
    expect(known.steps[0][2]).toBeNull();
  });

  it("an early child skips the missing ones, and the missing one turning up later is not reported again", () => {
    const { steps, end } = walk(model, ["SCAN", "BASIC_INFO"]);
    expect(steps).toEqual([
      [1, "valid/unexpected-element", null],
      [GLOBAL_LAX, null, null],
    ]);
    expect(end).toBeNull();
  });

  it("a repeated child stays put (checked against its global declaration) and the end still reports what is missing", () => {
    const { steps, end } = walk(seq([el("BASIC_INFO"), choice([el("SCAN"), el("MAP")])]), ["BASIC_INFO", "BASIC_INFO"]);
    expect(steps[1]).toEqual([GLOBAL_LAX, "valid/unexpected-element", null]);
    expect(end?.code).toBe("valid/missing-element");
    expect(end?.params.expectedNames).toEqual(["SCAN", "MAP"]);
    expect(end?.hint).toBe("Add one of <SCAN>, <MAP> before </P>.");
  });

  it("a replacement of the one required child moves past it, so the end tag does not report it", () => {
    const { steps, end } = walk(seq([el("TITLE"), el("SCAN")]), ["TITLE", "OTHER_THING"]);
    expect(steps[1]).toEqual([GLOBAL_LAX, "valid/unexpected-element", null]);
    expect(end).toBeNull();
  });

  it("wildcards: skip, lax and strict become targets; an undeclared particle needs its global declaration", () => {
    const w = (pc: "skip" | "lax" | "strict"): Particle => {
      const p = any("##any");
      if (p.kind === "any") p.wildcard = { ...p.wildcard, processContents: pc };
      return p;
    };
    expect(walk(w("skip"), ["X"]).steps[0][0]).toBe(SKIP_CHILD);
    expect(walk(w("lax"), ["X"]).steps[0][0]).toBe(WILDCARD_LAX);
    expect(walk(w("strict"), ["X"]).steps[0][0]).toBe(GLOBAL_REQUIRED);
    expect(walk(seq([el("NOT_DECLARED")]), ["NOT_DECLARED"]).steps[0][0]).toBe(GLOBAL_REQUIRED);
  });
});

describe("matchChild quiet (the caller's diagnostic limit is reached)", () => {
  it("builds no diagnostic and recovers exactly as when reporting", () => {
    const cases: [Particle, string[]][] = [
      [model, ["BASIC_INFO", "SCNA", "MAP"]],
      [model, ["SCAN", "BASIC_INFO", "MAP"]],
      [model, ["BASIC_INFO", "TITLE", "SCAN", "X", "MAP", "MAP"]],
      [choice([el("SCAN"), el("MAP")], 0, "unbounded"), ["SCAN", "TITLE", "MAPP", "MAP"]],
    ];
    for (const [p, children] of cases) {
      const trace = (quiet: boolean) => {
        const m = buildMatcher(decl(p)).matcher;
        const run: ChildRun = { name: "P", state: 0, counters: new Int32Array(4), skipped: null };
        m.start(run);
        const out = newChildMatch();
        return children.map((c) => {
          const r = matchChild(m, run, { name: c, uri: null, local: c }, noGlobals, out, quiet);
          return { target: r.target, state: run.state, skipped: run.skipped, problem: r.problem === null ? null : r.problem === UNREPORTED ? "unreported" : "built" };
        });
      };
      const loud = trace(false);
      const quiet = trace(true);
      expect(loud.some((s) => s.problem === "built")).toBe(true);
      expect(quiet.some((s) => s.problem === "built")).toBe(false);
      // Same recovery, and a placeholder (for the caller's count) wherever a diagnostic was built.
      expect(quiet).toEqual(loud.map((s) => ({ ...s, problem: s.problem === null ? null : "unreported" })));
    }
  });
});
