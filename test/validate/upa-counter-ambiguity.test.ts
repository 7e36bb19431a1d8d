/**
 * UPA when a counted group's iteration count is not fixed by the prefix. In
 * (c | b+){3,3}, c? the children <b><b><b> are one, two or three iterations of the choice, so
 * the next <c> may be the choice's c (fewer than three iterations so far) or the trailing c?:
 * two particles, a UPA violation (XSD 1.0 §3.8.6). The exact count {3,3} alone would make the
 * choice's loop and its exit disjoint, but only when the counter's value is known. Found by the
 * content-model fuzz at 30× (libxml2 and the UPA oracle both reject these models).
 */
import { describe, expect, it } from "vitest";
import { readXsdText } from "../../src/schema/xsd/index.js";
import { compileSchema, validateString } from "../../src/validate/index.js";

const schema = (content: string): string =>
  `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="r"><xs:complexType>${content}</xs:complexType></xs:element></xs:schema>`;
const el = (name: string, occurs = ""): string => `<xs:element name="${name}" type="xs:string"${occurs}/>`;

function ambiguities(content: string): string[] {
  const { model } = readXsdText(schema(content), "s.xsd");
  expect(model).not.toBeNull();
  return compileSchema(model!)
    .diagnostics.filter((d) => d.code === "valid/ambiguous-content-model")
    .map((d) => d.message);
}

describe("UPA with counters whose value the prefix does not fix", () => {
  it("(c | b+){3}, c? is ambiguous on <c> after <b><b><b>", () => {
    const found = ambiguities(`<xs:sequence><xs:choice minOccurs="3" maxOccurs="3">${el("c")}${el("b", ' maxOccurs="unbounded"')}</xs:choice>${el("c", ' minOccurs="0"')}</xs:sequence>`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/\bc\b/);
  });

  it("(a{3} | c{2,3}){3}, (a{0,2}, b)+ is ambiguous on <a> after six <c>", () => {
    const found = ambiguities(
      `<xs:sequence><xs:choice minOccurs="3" maxOccurs="3">${el("a", ' minOccurs="3" maxOccurs="3"')}${el("c", ' minOccurs="2" maxOccurs="3"')}</xs:choice><xs:sequence maxOccurs="unbounded">${el("a", ' minOccurs="0" maxOccurs="2"')}${el("b")}</xs:sequence></xs:sequence>`,
    );
    expect(found.length).toBeGreaterThan(0);
  });

  it("c, (b{2,} | c{3}){3}, c is ambiguous on <c> after <c> and six <b>", () => {
    expect(ambiguities(`<xs:sequence>${el("c")}<xs:choice minOccurs="3" maxOccurs="3">${el("b", ' minOccurs="2" maxOccurs="unbounded"')}${el("c", ' minOccurs="3" maxOccurs="3"')}</xs:choice>${el("c")}</xs:sequence>`).length).toBeGreaterThan(0);
  });

  it("(b+ | d){2}, d? is ambiguous on <d> after <b><b> (one or two iterations so far)", () => {
    expect(ambiguities(`<xs:sequence><xs:choice minOccurs="2" maxOccurs="2">${el("b", ' maxOccurs="unbounded"')}${el("d")}</xs:choice>${el("d", ' minOccurs="0"')}</xs:sequence>`)).toHaveLength(1);
  });

  it("the exact count still decides where the count is known: (c | b){3}, c? and b{3}, b? stay deterministic", () => {
    expect(ambiguities(`<xs:sequence><xs:choice minOccurs="3" maxOccurs="3">${el("c")}${el("b")}</xs:choice>${el("c", ' minOccurs="0"')}</xs:sequence>`)).toEqual([]);
    expect(ambiguities(`<xs:sequence>${el("b", ' minOccurs="3" maxOccurs="3"')}${el("b", ' minOccurs="0"')}</xs:sequence>`)).toEqual([]);
  });

  it("a count the prefix leaves open still validates exactly: (b+){3}, c", () => {
    const { model } = readXsdText(schema(`<xs:sequence><xs:sequence minOccurs="3" maxOccurs="3">${el("b", ' maxOccurs="unbounded"')}</xs:sequence>${el("c")}</xs:sequence>`), "s.xsd");
    const { schema: compiled, diagnostics } = compileSchema(model!);
    expect(diagnostics).toEqual([]);
    const valid = (children: string) => validateString(`<r>${children}</r>`, { file: "d.xml", schema: compiled }).valid;
    expect([valid("<b/><b/><c/>"), valid("<b/><b/><b/><c/>"), valid("<b/><b/><b/><b/><b/><c/>")]).toEqual([false, true, true]);
  });
});
