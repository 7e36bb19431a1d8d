/**
 * At most one ID attribute per complex type (XSD 1.0 §3.4.6 ct-props-correct.5), found by the
 * schema-mutation differential (libxml2's test/schemas bug321475_1 with its "name" attribute
 * typed xs:ID: libxml2 rejects, qxml accepted).
 */
import { describe, expect, test } from "vitest";
import { readXsdText } from "../../src/schema/xsd/index.js";

const schema = (body: string) => `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n${body}\n</xs:schema>`;
const codes = (body: string) => readXsdText(schema(body), "ids.xsd").diagnostics.map((d) => d.code);

describe("two attributes of type xs:ID in one complex type are a schema error", () => {
  test("two xs:ID attributes: reported at the second, naming both and what to do", () => {
    const r = readXsdText(schema(`<xs:element name="a"><xs:complexType>\n<xs:attribute name="id" type="xs:ID"/>\n<xs:attribute name="name" type="xs:ID"/></xs:complexType></xs:element>`), "ids.xsd");
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column, d.schemaLocation?.file])).toEqual([["xsd/two-id-attributes", 4, 1, "ids.xsd"]]);
    expect(r.diagnostics[0].message).toBe('an anonymous complexType has two attributes of type xs:ID (or derived from it): "id" and "name"; a type may have at most one');
    expect(r.diagnostics[0].hint).toContain('give "name" (or "id") another type, e.g. xs:NCName');
  });

  test("an ID inherited by extension counts, and so does a type derived from xs:ID", () => {
    expect(
      codes(`<xs:simpleType name="myId"><xs:restriction base="xs:ID"><xs:maxLength value="9"/></xs:restriction></xs:simpleType>
<xs:complexType name="B"><xs:attribute name="id" type="xs:ID"/></xs:complexType>
<xs:complexType name="D"><xs:complexContent><xs:extension base="B"><xs:attribute name="n" type="myId"/></xs:extension></xs:complexContent></xs:complexType>`),
    ).toEqual(["xsd/two-id-attributes"]);
  });

  test("one ID, an ID and an IDREF, or a prohibited second ID are fine", () => {
    expect(codes(`<xs:element name="a"><xs:complexType><xs:attribute name="id" type="xs:ID"/><xs:attribute name="to" type="xs:IDREF"/></xs:complexType></xs:element>`)).toEqual([]);
    expect(codes(`<xs:element name="a"><xs:complexType><xs:attribute name="id" type="xs:ID"/><xs:attribute name="n" type="xs:ID" use="prohibited"/></xs:complexType></xs:element>`)).toEqual([]);
  });
});
