import { describe, expect, it } from "vitest";
import { contentForm, countParticle } from "../../generators/content.js";
import type { Particle } from "../../src/schema/model.js";

const loc = { file: "t", line: 1, column: 1 };
let next = 0;
const el = (name: string, min = 1, max: number | "unbounded" = 1): Particle => ({ kind: "element", name, namespace: null, element: next++, min, max, location: loc });
const seq = (items: Particle[], min = 1, max: number | "unbounded" = 1): Particle => ({ kind: "sequence", items, min, max, location: loc });
const choice = (items: Particle[], min = 1, max: number | "unbounded" = 1): Particle => ({ kind: "choice", items, min, max, location: loc });

const names = (f: ReturnType<typeof contentForm>): unknown =>
  f.kind === "props" ? { props: f.props.map((p) => `${p.name}{${p.min},${p.max}}`), atLeastOne: f.atLeastOne } : f.kind === "all" ? { all: f.parts.map(names) } : { oneOf: f.alts.map(names) };

describe("content models in object form", () => {
  it("a sequence is one set of properties with their occurrences", () => {
    expect(names(contentForm(seq([el("A"), el("B", 0), el("C", 0, "unbounded")])))).toEqual({ props: ["A{1,1}", "B{0,1}", "C{0,unbounded}"], atLeastOne: undefined });
  });

  it("a choice is exactly one alternative; an optional choice adds the empty alternative", () => {
    expect(names(contentForm(choice([el("A"), el("B")])))).toEqual({ oneOf: [{ props: ["A{1,1}"], atLeastOne: undefined }, { props: ["B{1,1}"], atLeastOne: undefined }] });
    expect(names(contentForm(seq([el("X"), choice([el("A"), el("B")], 0)])))).toEqual({
      all: [{ props: ["X{1,1}"], atLeastOne: undefined }, { oneOf: [{ props: ["A{1,1}"], atLeastOne: undefined }, { props: ["B{1,1}"], atLeastOne: undefined }, { props: [], atLeastOne: undefined }] }],
    });
  });

  it("a repeated choice flattens to arrays and keeps 'at least one'", () => {
    expect(names(contentForm(choice([el("IP"), el("IP_RANGE")], 1, "unbounded")))).toEqual({ props: ["IP{0,unbounded}", "IP_RANGE{0,unbounded}"], atLeastOne: [["IP", "IP_RANGE"]] });
  });

  it("a name in two places of a sequence falls back to counted occurrences", () => {
    expect(names(contentForm(seq([el("A"), el("B", 0), el("A", 0)])))).toEqual({ props: ["A{1,2}", "B{0,1}"], atLeastOne: undefined });
  });

  it("counts occurrences through nested groups", () => {
    const counts = countParticle(seq([el("A", 1, 2), choice([el("A"), el("B")])], 2, 3));
    expect([...counts.values()].map((c) => [c.name, c.min, c.max])).toEqual([
      ["A", 2, 9],
      ["B", 0, 3],
    ]);
  });
});
