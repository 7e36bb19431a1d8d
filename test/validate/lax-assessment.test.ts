/**
 * Lax assessment (XSD 1.0 §3.3.4 cvc-assess-elt.2, §3.10.4): an element a lax wildcard takes, or
 * one in xs:anyType content, that has no declaration is assessed as of xs:anyType, whose wildcard
 * is lax again, so declared elements below it are still validated (libxml2 does so). Found by the
 * schema-mutation differential (it checked nothing below such an element).
 */
import { describe, expect, it } from "vitest";
import { readXsdText } from "../../src/schema/xsd/index.js";
import { compileSchema, validateString } from "../../src/validate/index.js";

const schema = (content: string) => {
  const text = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
<xs:element name="boo"><xs:complexType><xs:attribute name="n" type="xs:integer"/></xs:complexType></xs:element>
<xs:element name="foo">${content}</xs:element>
</xs:schema>`;
  const read = readXsdText(text, "lax.xsd");
  return compileSchema(read.model!).schema;
};
const codes = (xml: string, content: string) => validateString(xml, { file: "d.xml", schema: schema(content) }).diagnostics.map((d) => [d.code, d.path]);

const LAX = `<xs:complexType><xs:sequence><xs:any processContents="lax"/></xs:sequence></xs:complexType>`;
const ANY_TYPE = `<xs:complexType><xs:complexContent><xs:extension base="xs:anyType"/></xs:complexContent></xs:complexType>`;

describe("lax assessment of an element without a declaration", () => {
  it("validates declared elements below it, at any depth, and leaves text and undeclared ones alone", () => {
    expect(codes('<foo><anything a="1">text<boo n="x"/><deeper><boo n="y"/></deeper></anything></foo>', LAX)).toEqual([
      ["valid/attribute-type", "/foo/anything/boo"],
      ["valid/attribute-type", "/foo/anything/deeper/boo"],
    ]);
    expect(codes('<foo><anything><boo n="1"/><other>free</other></anything></foo>', LAX)).toEqual([]);
  });

  it("checks its attributes that have global declarations (xs:anyType's attribute wildcard is lax)", () => {
    const text = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:attribute name="lang" type="xs:language"/>
<xs:element name="foo">${LAX}</xs:element></xs:schema>`;
    const s = compileSchema(readXsdText(text, "lax.xsd").model!).schema;
    const run = (xml: string) => validateString(xml, { file: "d.xml", schema: s }).diagnostics.map((d) => [d.code, d.path]);
    expect(run('<foo><anything lang="o o" other="free"/></foo>')).toEqual([["valid/attribute-type", "/foo/anything"]]);
    expect(run('<foo><anything lang="en-GB"/></foo>')).toEqual([]);
  });

  it("the same below an undeclared child of xs:anyType content", () => {
    expect(codes('<foo><anything><boo n="x"/></anything></foo>', ANY_TYPE)).toEqual([["valid/attribute-type", "/foo/anything/boo"]]);
  });

  it("skip stays skip, and an unexpected element's subtree is still not validated (recovery, not assessment)", () => {
    const skip = `<xs:complexType><xs:sequence><xs:any processContents="skip"/></xs:sequence></xs:complexType>`;
    expect(codes('<foo><anything><boo n="x"/></anything></foo>', skip)).toEqual([]);
    const strictBoo = `<xs:complexType><xs:sequence><xs:element ref="boo"/></xs:sequence></xs:complexType>`;
    expect(codes('<foo><boo/><stray><boo n="x"/></stray></foo>', strictBoo).map(([c]) => c)).toEqual(["valid/unexpected-element"]);
  });
});
