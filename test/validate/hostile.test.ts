import { describe, expect, it } from "vitest";
import { validateString } from "../../src/validate/index.js";
import { MAX_DIAGNOSTICS, MAX_SIMPLE_VALUE } from "../../src/validate/engine.js";
import { readXsdText } from "../../src/schema/xsd/index.js";
import { compileSchema } from "../../src/validate/index.js";
import { buildMatcher } from "../../src/validate/automaton.js";
import { MAX_CONTENT_PARTICLES } from "../../src/schema/model.js";

describe("hostile input: bounded work and output", () => {
  it("5,000 nested undeclared elements: one error each, short paths, no stack overflow", () => {
    const depth = 5000;
    const xml = `<!DOCTYPE a [<!ELEMENT a ANY>]>\n<a>${"<x>".repeat(depth)}${"</x>".repeat(depth)}</a>`;
    const t = performance.now();
    const r = validateString(xml, { file: "deep.xml" });
    expect(performance.now() - t).toBeLessThan(5000);
    expect(r.wellFormed).toBe(true);
    expect(r.diagnostics).toHaveLength(depth);
    const last = r.diagnostics[depth - 1];
    expect(last.path!.startsWith("/a/x/x/x/x/x/x/x/...")).toBe(true);
    expect(last.path!.split("/").length).toBeLessThan(40);
  });
  it("a systematic mistake repeated 20,000 times stops at the diagnostic limit", () => {
    const xml = `<!DOCTYPE a [<!ELEMENT a (b)*><!ELEMENT b EMPTY>]>\n<a>${"<b/><c/>".repeat(20000)}</a>`;
    const r = validateString(xml, { file: "many.xml" });
    expect(r.valid).toBe(false);
    expect(r.diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(r.diagnostics[MAX_DIAGNOSTICS].code).toBe("valid/too-many-errors");
  });
  it("the limit's diagnostic says how many errors were left out", () => {
    // 25,000 misplaced <c/> (each also undeclared: one error), 1,000 unresolved IDREFs, 500 bad values.
    const dtd = `<!DOCTYPE a [<!ELEMENT a (b)*><!ELEMENT b EMPTY><!ATTLIST b r IDREF #IMPLIED t (x|y) #IMPLIED>]>`;
    const xml = `${dtd}\n<a>${"<b/><c/>".repeat(25_000)}${'<b r="nowhere"/>'.repeat(1000)}${'<b t="z"/>'.repeat(500)}</a>`;
    const r = validateString(xml, { file: "many.xml" });
    expect(r.diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1);
    const cap = r.diagnostics[MAX_DIAGNOSTICS];
    const perC = validateString(`${dtd}\n<a><b/><c/></a>`, { file: "one.xml" }).diagnostics.length;
    expect(perC).toBeGreaterThan(0);
    expect(cap.params?.notReported).toBe(25_000 * perC - 10_000 + 1000 + 500);
    expect(cap.message).toBe(`more than 10000 validity errors; ${cap.params?.notReported} more were not reported`);
  });
  it("below the limit nothing is counted as left out", () => {
    const r = validateString(`<!DOCTYPE a [<!ELEMENT a (b)*><!ELEMENT b EMPTY>]>\n<a>${"<c/>".repeat(10)}</a>`, { file: "few.xml" });
    expect(r.diagnostics.some((d) => d.code === "valid/too-many-errors")).toBe(false);
  });
  it("a content model nested 1,000 groups deep is refused with a diagnostic, not a crash", () => {
    const model = "(".repeat(1000) + "b" + ")".repeat(1000);
    const r = validateString(`<!DOCTYPE a [<!ELEMENT a ${model}><!ELEMENT b EMPTY>]>\n<a><b/></a>`, { file: "deepmodel.xml" });
    expect(r.valid).toBe(false);
    expect(r.diagnostics.some((d) => d.code === "valid/content-model-too-deep" || d.code.startsWith("dtd/"))).toBe(true);
  });
  it("repeated choices: 500 names compile and validate; 3,000 names are refused quickly with a diagnostic", () => {
    const wide = (n: number): string => {
      const names = Array.from({ length: n }, (_, i) => `e${i}`);
      return `<!DOCTYPE a [<!ELEMENT a (${names.join("|")})*>${names.map((x) => `<!ELEMENT ${x} EMPTY>`).join("")}]>\n<a><e1/><e${n - 1}/></a>`;
    };
    let t = performance.now();
    expect(validateString(wide(500), { file: "wide.xml" }).valid).toBe(true);
    expect(performance.now() - t).toBeLessThan(10_000);
    t = performance.now();
    const r = validateString(wide(3000), { file: "wider.xml" });
    expect(r.diagnostics[0]).toMatchObject({ code: "valid/content-model-too-large", params: { element: "a", limit: 1_000_000 } });
    expect(performance.now() - t).toBeLessThan(10_000);
  });
  it("3,000 copies of one name in a repeated choice: reported non-deterministic, bounded time", () => {
    const same = Array.from({ length: 3000 }, () => "b").join("|");
    const t = performance.now();
    const r = validateString(`<!DOCTYPE a [<!ELEMENT a (${same})*><!ELEMENT b EMPTY>]>\n<a><b/><b/></a>`, { file: "same.xml" });
    expect(r.valid).toBe(false);
    expect(r.diagnostics.some((d) => d.code === "valid/content-model-too-large" || d.code === "valid/ambiguous-content-model")).toBe(true);
    expect(performance.now() - t).toBeLessThan(10_000);
  });
  it("a model of more than 100,000 element particles (a hand-built one: the readers refuse such models first) is not walked", () => {
    const location = { file: "m", line: 1, column: 1 };
    const leaf = { kind: "element" as const, name: "a", namespace: null, element: null, min: 1, max: 1 as const, location };
    const wide = (n: number) => ({ kind: "sequence" as const, items: Array.from({ length: n }, () => leaf), min: 1, max: 1 as const, location });
    expect(buildMatcher(wide(MAX_CONTENT_PARTICLES)).tooManyLeaves).toBeUndefined();
    const build = buildMatcher(wide(MAX_CONTENT_PARTICLES + 1));
    expect(build.tooManyLeaves).toBe(true);
    expect(build.matcher.names).toEqual([]);
  });

  it("a simple value longer than MAX_SIMPLE_VALUE is reported where it starts and not held", () => {
    const xsd = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="r"><xs:complexType><xs:sequence>
      <xs:element name="n" type="xs:integer" maxOccurs="unbounded"/></xs:sequence></xs:complexType></xs:element></xs:schema>`;
    const { schema } = compileSchema(readXsdText(xsd, "n.xsd").model!);
    // Before: buffered whole, checked (a valid integer) and no finding; memory grew with the value.
    const xml = `<r>\n<n>${"1".repeat(MAX_SIMPLE_VALUE + 1)}</n><n>12</n><n>x</n></r>`;
    const r = validateString(xml, { file: "long.xml", schema });
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column, d.path])).toEqual([
      ["valid/value-too-long", 2, 4, "/r/n"],
      ["valid/text-type", 2, MAX_SIMPLE_VALUE + 21, "/r/n[3]"],
    ]);
    expect(r.diagnostics[0].message).toContain(`longer than ${MAX_SIMPLE_VALUE} characters`);
  });
});
