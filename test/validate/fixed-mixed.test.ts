/**
 * A fixed value on an element of mixed content (XSD 1.0 §3.3.4 cvc-elt.5.2.2): no element
 * children, and the text as written (the initial value, not normalised) is the fixed value, or
 * empty (the value then stands in). Found by the schema-mutation differential (qxml checked
 * fixed values of simple content only).
 */
import { describe, expect, it } from "vitest";
import { readXsdText } from "../../src/schema/xsd/index.js";
import { compileSchema, validateString } from "../../src/validate/index.js";

const XSD = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="b"/>
<xs:element name="my" fixed="ok"><xs:complexType mixed="true"><xs:sequence><xs:element ref="b" minOccurs="0"/></xs:sequence></xs:complexType></xs:element></xs:schema>`;
const schema = compileSchema(readXsdText(XSD, "fixed.xsd").model!).schema;
const run = (xml: string) => validateString(xml, { file: "d.xml", schema }).diagnostics;

describe("fixed value on mixed content", () => {
  it("accepts the fixed text, split or not by a comment, and the empty element", () => {
    for (const xml of ["<my>ok</my>", "<my>o<!-- c -->k</my>", "<my/>", "<my></my>"]) expect(run(xml), xml).toEqual([]);
  });

  it("refuses other text, compared as written, and says where it starts", () => {
    const [d] = run("<my>\n  x</my>");
    expect(d).toMatchObject({ code: "valid/fixed-element", line: 1, column: 5, message: 'my: expected the fixed value "ok"; found "x"' });
    const [spaced] = run("<my> ok\n</my>");
    expect(spaced.message).toBe('my: expected the fixed value "ok"; found " ok\\n"');
    expect(spaced.hint).toContain("compared as written");
  });

  it("refuses an element child once, at the child, and checks no text after it", () => {
    const ds = run("<my>o<b/>k</my>");
    expect(ds.map((d) => [d.code, d.line, d.column])).toEqual([["valid/fixed-mixed-child", 1, 6]]);
    expect(ds[0].message).toBe('my: has a fixed value ("ok"), so it may hold only that text; found the element <b>');
    expect(ds[0].hint).toBe("remove <b> from <my>, or remove the fixed value from its declaration");
  });

  it("the same for an element of xs:anyType (no type given), which is mixed", () => {
    const text = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="f" fixed="ok"/></xs:schema>`;
    const any = compileSchema(readXsdText(text, "any.xsd").model!).schema;
    const codes = (xml: string) => validateString(xml, { file: "d.xml", schema: any }).diagnostics.map((d) => d.code);
    expect(codes("<f>ok</f>")).toEqual([]);
    expect(codes("<f>Albert</f>")).toEqual(["valid/fixed-element"]);
    expect(codes("<f><g/></f>")).toEqual(["valid/fixed-mixed-child"]);
  });
});
