/**
 * Hostile sizes in ATTLIST declarations: the duplicate-attribute check looked each new attribute
 * up in the element's whole list, so reading took time quadratic in the number of attributes
 * (20,000 took 1.7 s, 40,000 about 7 s; found by the schema-mutation differential's
 * "10,000 attributes on one element" mutant crossing its 1 s budget). The first definition still
 * binds (XML 1.0 §3.3), across declarations too.
 */
import { describe, expect, it } from "vitest";
import { codes, parse } from "./helpers.js";

const N = 40_000;
const attrs = (n: number, prefix = "at") => Array.from({ length: n }, (_, i) => `${prefix}${i} CDATA #IMPLIED`).join("\n  ");

describe("ATTLIST with many attributes", () => {
  it(`reads ${N.toLocaleString("en")} attributes in one declaration in linear time`, () => {
    const t0 = performance.now();
    const doc = parse(`<!ELEMENT a EMPTY>\n<!ATTLIST a\n  ${attrs(N)}>`);
    expect(performance.now() - t0).toBeLessThan(1500);
    expect(doc.attlists.get("a")).toHaveLength(N);
    expect(codes(doc)).toEqual([]);
  });

  it(`reads ${N.toLocaleString("en")} one-attribute declarations of one element in linear time`, () => {
    const text = Array.from({ length: N }, (_, i) => `<!ATTLIST a at${i} CDATA #IMPLIED>`).join("\n");
    const t0 = performance.now();
    const doc = parse(`<!ELEMENT a EMPTY>\n${text}`);
    expect(performance.now() - t0).toBeLessThan(1500);
    expect(doc.attlists.get("a")).toHaveLength(N);
  });

  it("still reports a duplicate, in the same declaration or a later one, naming the first", () => {
    const doc = parse(`<!ELEMENT a EMPTY>\n<!ATTLIST a x CDATA #IMPLIED y CDATA #IMPLIED x NMTOKEN #IMPLIED>\n<!ATTLIST a y ID #IMPLIED>`);
    expect(codes(doc)).toEqual(["dtd/duplicate-attribute", "dtd/duplicate-attribute"]);
    expect(doc.diagnostics[0].message).toContain("(at line 2, column 13)");
    expect(doc.diagnostics[1].message).toContain("(at line 2, column 30)");
    // The first definition binds: x stays CDATA, y stays CDATA.
    expect(doc.attlists.get("a")!.map((d) => `${d.name}:${d.type.kind}`)).toEqual(["x:CDATA", "y:CDATA"]);
  });

  it("many ID attributes: each one after the first is reported against the first, in linear time", () => {
    const n = 40_000;
    const text = Array.from({ length: n }, (_, i) => `<!ATTLIST a at${i} ${i % 2 === 0 ? "ID" : "CDATA"} #IMPLIED>`).join("\n");
    const t0 = performance.now();
    const doc = parse(`<!ELEMENT a EMPTY>\n${text}`);
    expect(performance.now() - t0).toBeLessThan(1500);
    const multiple = doc.diagnostics.filter((d) => d.code === "dtd/multiple-id");
    expect(multiple).toHaveLength(n / 2 - 1);
    expect(multiple.every((d) => d.params?.first === "at0")).toBe(true);
  });

  it("a broken declaration's ID is forgotten with it: a later ID is the element's first", () => {
    const doc = parse(`<!ELEMENT a EMPTY>\n<!ATTLIST a x ID #IMPLIED y BOGUS>\n<!ATTLIST a z ID #IMPLIED>`, { recover: true });
    expect(codes(doc)).not.toContain("dtd/multiple-id");
    expect(doc.attlists.get("a")!.map((d) => `${d.name}:${d.type.kind}`)).toEqual(["z:ID"]);
  });

  it("forgets the names of a broken declaration (it adds nothing), so a later one may define them", () => {
    const doc = parse(`<!ELEMENT a EMPTY>\n<!ATTLIST a x CDATA #IMPLIED y BOGUS>\n<!ATTLIST a x NMTOKEN #IMPLIED>`, { recover: true });
    expect(codes(doc)).not.toContain("dtd/duplicate-attribute");
    expect(doc.attlists.get("a")!.map((d) => `${d.name}:${d.type.kind}`)).toEqual(["x:NMTOKEN"]);
  });
});
