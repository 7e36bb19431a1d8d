/**
 * xsi:* attributes and wildcards, found by the validity differential on libxml2's test schemas:
 * - an xsi attribute other than type, nil, schemaLocation and noNamespaceSchemaLocation is an
 *   ordinary attribute (XSD 1.0 cvc-complex-type.3 exempts only those four): xs:anyType's lax
 *   wildcard allows it, a simple type or a complex type without a wildcard does not (was: always
 *   refused);
 * - an element taken by a lax wildcard with no declaration but an xsi:type that resolves is
 *   validated against that type (cvc-assess-elt.1.2; was: assessed laxly as xs:anyType); an xsi:type
 *   that resolves to nothing leaves it laxly assessed, without error.
 */
import { describe, expect, it } from "vitest";
import { readXsdText } from "../../src/schema/xsd/index.js";
import { compileSchema, validateString } from "../../src/validate/index.js";

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';
const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
const errors = (schema: string, xml: string) =>
  validateString(xml, { file: "doc.xml", schema: compileSchema(readXsdText(schema, "s.xsd").model!).schema })
    .diagnostics.filter((d) => d.severity === "error")
    .map((d) => [d.code, d.message]);

describe("xsi attributes other than the four the engine reads", () => {
  it("xs:anyType (an element declared without a type) takes xsi:bogus through its lax wildcard", () => {
    expect(errors(`<xs:schema ${XS}><xs:element name="a"/></xs:schema>`, `<a ${XSI} xsi:bogus="1"/>`)).toEqual([]);
    expect(errors(`<xs:schema ${XS}><xs:element name="r"><xs:complexType><xs:sequence><xs:element name="a"/></xs:sequence></xs:complexType></xs:element></xs:schema>`, `<r><a ${XSI} xsi:bogus="1"/></r>`)).toEqual([]);
  });
  it("a simple type or a complex type without a wildcard refuses it, naming what is declared", () => {
    expect(errors(`<xs:schema ${XS}><xs:element name="a" type="xs:string"/></xs:schema>`, `<a ${XSI} xsi:bogus="1">x</a>`)).toEqual([["valid/undeclared-attribute", "a: no attribute xsi:bogus is declared; declared attributes: none"]]);
    const withAttr = `<xs:schema ${XS}><xs:element name="a"><xs:complexType><xs:attribute name="id"/></xs:complexType></xs:element></xs:schema>`;
    expect(errors(withAttr, `<a ${XSI} xsi:bogus="1"/>`)).toEqual([["valid/undeclared-attribute", "a: no attribute xsi:bogus is declared; declared attributes: id"]]);
  });
  it("the four the engine reads are still exempt from the type's attributes", () => {
    const schema = `<xs:schema ${XS}><xs:element name="a"><xs:complexType/></xs:element></xs:schema>`;
    expect(errors(schema, `<a ${XSI} xsi:noNamespaceSchemaLocation="a.xsd" xsi:schemaLocation="urn:x x.xsd"/>`)).toEqual([]);
  });
});

describe("an element taken by a lax wildcard, with xsi:type", () => {
  const lax = `<xs:schema ${XS}><xs:element name="r"><xs:complexType><xs:sequence><xs:any namespace="##other" processContents="lax"/></xs:sequence></xs:complexType></xs:element>
    <xs:complexType name="T"><xs:sequence><xs:element name="n" type="xs:int"/></xs:sequence><xs:attribute name="k" use="required"/></xs:complexType></xs:schema>`;
  const doc = (inner: string) => `<r ${XSI} ${XS}>${inner}</r>`;
  it("is validated against a built-in type it names", () => {
    expect(errors(lax, doc(`<b xmlns="urn:b" xsi:type="xs:int">42</b>`))).toEqual([]);
    expect(errors(lax, doc(`<b xmlns="urn:b" xsi:type="xs:int"/>`)).map((e) => e[0])).toEqual(["valid/text-type"]);
  });
  it("is validated against a complex type of the schema: content and attributes", () => {
    expect(errors(lax, doc(`<p:b xmlns:p="urn:b" xsi:type="T" k="1"><n>7</n></p:b>`))).toEqual([]);
    expect(errors(lax, doc(`<p:b xmlns:p="urn:b" xsi:type="T"><n>x</n></p:b>`)).map((e) => e[0])).toEqual(["valid/missing-attribute", "valid/text-type"]);
    // With the default namespace urn:b, "T" names {urn:b}T, which does not exist: lax, no error.
    expect(errors(lax, doc(`<b xmlns="urn:b" xsi:type="T"><n xmlns="">x</n></b>`))).toEqual([]);
  });
  it("an xsi:type that names no type leaves the element laxly assessed: no error", () => {
    expect(errors(lax, doc(`<b xmlns="urn:b" xsi:type="NoSuchType">anything</b>`))).toEqual([]);
  });
});
