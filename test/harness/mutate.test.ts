import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { addComplexType, addElement, addSimpleType, builtinType, emptyModel, location } from "../../src/schema/build.js";
import type { Particle, SchemaModel } from "../../src/schema/model.js";
import { parseTree } from "../../src/xml/tree.js";
import { Libxml2Engine } from "../../src/engines/libxml2.js";
import { mutate, type MutationKind } from "../../test-support/mutate.js";
import { serializeElement, splitProlog } from "../../test-support/mutate/serialize.js";

const at = location("r.dtd", 1, 1);

/** The model a DTD reader would build for DTD below (built by hand: the harness must not depend on the reader). */
const DTD = `<!ELEMENT R (A+, B?, C)>
<!ELEMENT A (#PCDATA)>
<!ATTLIST A x (p|q) #REQUIRED n CDATA #IMPLIED>
<!ELEMENT B EMPTY>
<!ELEMENT C (#PCDATA)>
`;
function model(): SchemaModel {
  const m = emptyModel("dtd", "r.dtd");
  const el = (name: string, min = 1, max: number | "unbounded" = 1): Particle => ({ kind: "element", name, namespace: null, element: null, min, max, location: at });
  const rType = addComplexType(m, { content: { kind: "elements", particle: { kind: "sequence", items: [el("A", 1, "unbounded"), el("B", 0), el("C")], min: 1, max: 1, location: at } }, attributes: [], abstract: false, location: at });
  const xType = addSimpleType(m, { variety: "atomic", builtin: "NMTOKEN", base: builtinType(m, "NMTOKEN"), facets: { enumeration: [{ value: "p" }, { value: "q" }], whiteSpace: "collapse" } });
  const aType = addComplexType(m, {
    content: { kind: "mixed", particle: null },
    attributes: [
      { name: "x", namespace: null, key: "x", type: xType.id, dtdType: "enumeration", use: "required", location: at },
      { name: "n", namespace: null, key: "n", type: builtinType(m, "string"), dtdType: "CDATA", use: "optional", location: at },
    ],
    abstract: false,
    location: at,
  });
  const bType = addComplexType(m, { content: { kind: "empty" }, attributes: [], abstract: false, location: at });
  const cType = addComplexType(m, { content: { kind: "mixed", particle: null }, attributes: [], abstract: false, location: at });
  const common = { namespace: null, global: true, nillable: false, abstract: false, location: at };
  addElement(m, { ...common, name: "R", type: { kind: "complex", id: rType.id } });
  addElement(m, { ...common, name: "A", type: { kind: "complex", id: aType.id } });
  addElement(m, { ...common, name: "B", type: { kind: "complex", id: bType.id } });
  addElement(m, { ...common, name: "C", type: { kind: "complex", id: cType.id } });
  for (const p of (m.complexTypes[rType.id].content as { particle: { items: { element: number | null; name: string }[] } }).particle.items) {
    p.element = m.globalElements[p.name];
  }
  return m;
}

const DOC = `<?xml version="1.0"?>
<!-- a comment -->
<!DOCTYPE R SYSTEM "r.dtd" [
  <!ATTLIST C note CDATA #IMPLIED>
]>
<R>
  <A x="p" n="1 &amp; 2">one &lt;1&gt;</A>
  <A x="q">two</A>
  <B/>
  <C>c</C>
</R>
`;

/** Kinds that break a rule of this DTD whatever element they hit. */
const ALWAYS_INVALID: MutationKind[] = ["rename-element", "stray-text", "missing-required-attribute", "undeclared-attribute", "wrong-attribute-enumeration", "reorder-element"];

describe("serialize", () => {
  it("keeps the prolog verbatim and re-escapes text and attributes", () => {
    const { prolog } = splitProlog(DOC);
    expect(prolog).toContain(`<!ATTLIST C note CDATA #IMPLIED>`);
    expect(prolog.trimEnd().endsWith("]>")).toBe(true);
    const out = serializeElement(parseTree(DOC, "d.xml"));
    expect(out).toContain(`<A x="p" n="1 &amp; 2">one &lt;1&gt;</A>`);
    expect(out).toContain("<B/>");
  });

  it("writes namespace declarations where they are introduced", () => {
    const text = `<a:r xmlns:a="urn:a"><b xmlns="urn:b"><c/></b></a:r>`;
    expect(serializeElement(parseTree(text, "n.xml"))).toBe(text);
  });

  it("handles a deep document without recursion", () => {
    const depth = 10000;
    const text = "<d>".repeat(depth) + "</d>".repeat(depth);
    expect(serializeElement(parseTree(text, "deep.xml"))).toBe(text.replace("<d></d>", "<d/>"));
  });
});

describe("mutate", () => {
  const m = model();
  const dir = mkdtempSync(join(tmpdir(), "qxml-mutate-"));
  writeFileSync(join(dir, "r.dtd"), DTD);
  let engine: Libxml2Engine;
  beforeAll(async () => {
    engine = await Libxml2Engine.load();
  });

  it("is deterministic for a seed and yields every kind this schema allows", () => {
    const a = mutate(m, DOC, { seed: 7 });
    const b = mutate(m, DOC, { seed: 7 });
    expect(a).toEqual(b);
    expect(new Set(a.map((x) => x.id)).size).toBe(a.length);
    const kinds = new Set(a.map((x) => x.kind));
    for (const k of [...ALWAYS_INVALID, "drop-element", "duplicate-element"] as MutationKind[]) expect(kinds).toContain(k);
    expect(a.every((x) => x.xml.startsWith(`<?xml version="1.0"?>\n<!-- a comment -->`))).toBe(true);
    expect(a.every((x) => x.xml !== DOC)).toBe(true);
  });

  it("respects max with a kind-balanced selection that depends on the seed", () => {
    const few = mutate(m, DOC, { seed: 1, max: 5 });
    expect(few).toHaveLength(5);
    expect(new Set(few.map((x) => x.kind)).size).toBe(5);
    const other = mutate(m, DOC, { seed: 2, max: 5 });
    expect(other.map((x) => x.id)).not.toEqual(few.map((x) => x.id));
  });

  it("produces well-formed documents that libxml2 rejects for the rule-breaking kinds", () => {
    const file = join(dir, "d.xml");
    const schema = { kind: "dtd" as const, file: join(dir, "r.dtd") };
    expect(engine.validate(DOC, { file, schema }).valid).toBe(true);
    const all = mutate(m, DOC, { seed: 3, max: 1000 });
    for (const mu of all) {
      const r = engine.validate(mu.xml, { file, schema });
      expect(r.wellFormed, mu.id).toBe(true);
      if (ALWAYS_INVALID.includes(mu.kind)) expect(r.valid, mu.id).toBe(false);
    }
    // Dropping the optional B keeps the document valid; dropping C does not.
    const drop = (p: string) => all.find((x) => x.id === `drop-element:${p}`)!;
    expect(engine.validate(drop("/R/B").xml, { file, schema }).valid).toBe(true);
    expect(engine.validate(drop("/R/C").xml, { file, schema }).valid).toBe(false);
  });
});

describe("element paths", () => {
  it("treats [1] as optional and accepts a descendant of libxml2's element", async () => {
    const { inside, normalizePath } = await import("../../test-support/element-path.js");
    expect(normalizePath("/A/B[1]/C[1]")).toBe("/A/B/C");
    expect(inside("/A/B[1]/C", "/A/B")).toBe(true);
    expect(inside("/A/B[2]/C", "/A/B")).toBe(false);
    expect(inside("/A/BC", "/A/B")).toBe(false);
    expect(inside("/A", undefined)).toBeNull();
    expect(inside(undefined, "/A")).toBe(false);
  });
});
