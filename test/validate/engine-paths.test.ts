import { describe, expect, it } from "vitest";
import { compileSchema } from "../../src/validate/compile.js";
import { ValidationEngine } from "../../src/validate/engine.js";
import { choice, el } from "./particles.js";
import { model } from "./models.js";
import { feed } from "./feed.js";
import { Frame, MAX_COUNTED_NAMES, UNKNOWN_INDEX } from "../../src/validate/frame.js";

// Positions among same-named siblings are derived from each parent's record of child names when a
// path is built, and counted as they come beyond the first 1,024 children: both must agree.
const list = model("dtd", {
  ROOT: { content: { kind: "elements", particle: choice([el("A"), el("B")], 0, "unbounded") } },
  A: { content: "PCDATA" },
  B: { content: "PCDATA" },
});

function paths(xml: string): string[] {
  const { schema } = compileSchema(list);
  const engine = new ValidationEngine({ file: "doc.xml", schema });
  feed(xml, engine);
  return engine.diagnostics.map((d) => `${d.code} ${d.path}`);
}

/** `n` children alternating A, B; the A children numbered in `bad` (1-based among the As) hold an <X/>. */
function doc(n: number, bad: number[]): string {
  let s = "<ROOT>";
  let a = 0;
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) s += bad.includes(++a) ? "<A><X/></A>" : "<A>t</A>";
    else s += "<B/>";
  }
  return s + "</ROOT>";
}

describe("engine: element paths", () => {
  it("count same-named siblings within the recorded children and beyond them", () => {
    expect(paths(doc(3000, [1, 2, 512, 513, 1300, 1500]))).toEqual([
      "valid/unexpected-element /ROOT/A/X",
      "valid/unexpected-element /ROOT/A[2]/X",
      "valid/unexpected-element /ROOT/A[512]/X",
      "valid/unexpected-element /ROOT/A[513]/X",
      "valid/unexpected-element /ROOT/A[1300]/X",
      "valid/unexpected-element /ROOT/A[1500]/X",
    ]);
  });
  it("a frame reused for a new element starts its count again", () => {
    const xml = `<ROOT><A><X/><X/></A><B/><A><X/></A></ROOT>`;
    expect(paths(xml)).toEqual(["valid/unexpected-element /ROOT/A/X", "valid/unexpected-element /ROOT/A/X[2]", "valid/unexpected-element /ROOT/A[2]/X"]);
  });
  it("children with ever new names: the count by name stays bounded; later new names get [?]", () => {
    // Before: one Map entry per distinct child name, so 4 M differently named children of one
    // element held 438 MB.
    const f = new Frame();
    for (let i = 0; i < 1024; i++) f.addChild(i % 2 === 0 ? "A" : `n${i}`);
    for (let i = 0; i < MAX_COUNTED_NAMES + 5000; i++) f.addChild(`m${i}`);
    expect(f.childMap!.size).toBe(MAX_COUNTED_NAMES);
    expect(f.addChild("a-new-name")).toBe(UNKNOWN_INDEX);
    // Names already counted keep exact positions: 512 As among the recorded children.
    expect(f.addChild("A")).toBe(513);
    expect(f.addChild("m7")).toBe(2);
  });
  it("a path through an element past the name bound says [?] instead of a wrong position", () => {
    const n = 1024 + MAX_COUNTED_NAMES;
    const decls: Parameters<typeof model>[1] = { ROOT: { content: "ANY" }, Z: { content: "EMPTY" } };
    for (let i = 0; i < n; i++) decls[`D${i}`] = { content: "EMPTY" };
    const { schema } = compileSchema(model("dtd", decls));
    const engine = new ValidationEngine({ file: "doc.xml", schema });
    let xml = "<ROOT>";
    for (let i = 0; i < n; i++) xml += `<D${i}/>`;
    feed(`${xml}<Z><X/></Z><D5><X/></D5><D2000><X/></D2000></ROOT>`, engine);
    expect(engine.diagnostics.map((d) => d.path)).toEqual(["/ROOT/Z[?]", "/ROOT/D5[2]", "/ROOT/D2000[2]"]);
  });
});
