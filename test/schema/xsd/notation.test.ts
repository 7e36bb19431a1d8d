/**
 * xs:notation (XSD 1.0 Part 1 §3.12): declarations in model.notations; xs:NOTATION usable only
 * through a type derived from it with an enumeration of declared notations (Part 2 §3.2.19).
 */
import { describe, expect, test } from "vitest";
import { readXsdText } from "../../../src/schema/xsd/index.js";

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';
const schema = (body: string, attrs = "") => `<xs:schema ${XS} ${attrs}>\n${body}\n</xs:schema>\n`;
const read = (text: string) => readXsdText(text, "/virtual/n.xsd");
const where = (r: ReturnType<typeof read>) => r.diagnostics.map((d) => [d.code, d.line, d.column, d.message]);

describe("xs:notation", () => {
  test("declarations go into model.notations by {namespace}name, with public and system", () => {
    const r = read(
      schema(
        `<xs:notation name="gif" public="image/gif" system="view.exe"/>
<xs:notation name="png" system="png.exe"/>
<xs:simpleType name="Fmt"><xs:restriction base="xs:NOTATION"><xs:enumeration value="t:gif"/><xs:enumeration value="t:png"/></xs:restriction></xs:simpleType>
<xs:element name="e"><xs:complexType><xs:attribute name="fmt" type="t:Fmt"/></xs:complexType></xs:element>`,
        'targetNamespace="urn:t" xmlns:t="urn:t"',
      ),
    );
    expect(r.diagnostics).toEqual([]);
    const m = r.model!;
    expect(m.notations["{urn:t}gif"]).toEqual({ name: "gif", publicId: "image/gif", systemId: "view.exe", location: { file: "/virtual/n.xsd", line: 2, column: 1 } });
    expect(m.notations["{urn:t}png"]).toMatchObject({ name: "png", systemId: "png.exe" });
    const fmt = m.simpleTypes[m.namedTypes["{urn:t}Fmt"].id];
    expect(fmt.builtin).toBe("NOTATION");
    expect(fmt.facets.enumeration?.map((e) => e.value)).toEqual(["t:gif", "t:png"]);
    expect(m.unsupported).toEqual([]);
  });

  test("an enumeration value that names no declared notation", () => {
    const r = read(
      schema(`<xs:notation name="gif" public="image/gif"/>
<xs:simpleType name="Fmt"><xs:restriction base="xs:NOTATION"><xs:enumeration value="gif"/><xs:enumeration value="png"/></xs:restriction></xs:simpleType>`),
    );
    expect(r.model).toBeNull();
    expect(where(r)).toEqual([["xsd/undeclared-notation", 3, 107, 'xs:enumeration value "png" of a NOTATION type does not name a declared xs:notation']]);
    expect(r.diagnostics[0].hint).toBe('declare <xs:notation name="png" public="..."/> in the schema of that namespace, or fix the value (declared: gif)');
  });

  test("the namespace of the value counts, not only its local name", () => {
    const r = read(
      schema(
        `<xs:notation name="gif" public="image/gif"/>
<xs:simpleType name="Fmt"><xs:restriction base="xs:NOTATION"><xs:enumeration value="gif"/></xs:restriction></xs:simpleType>`,
        'targetNamespace="urn:t"',
      ),
    );
    // "gif" without a prefix is in no namespace; the notation is {urn:t}gif.
    expect(where(r).map((d) => d[0])).toEqual(["xsd/undeclared-notation"]);
  });

  test("xs:NOTATION used directly, or through a type without an enumeration", () => {
    const r = read(
      schema(`<xs:notation name="gif" public="image/gif"/>
<xs:simpleType name="Bare"><xs:restriction base="xs:NOTATION"/></xs:simpleType>
<xs:element name="e" type="xs:NOTATION"/>
<xs:attribute name="a" type="Bare"/>
<xs:simpleType name="L"><xs:list itemType="xs:NOTATION"/></xs:simpleType>
<xs:complexType name="C"><xs:simpleContent><xs:extension base="xs:NOTATION"/></xs:simpleContent></xs:complexType>`),
    );
    expect(r.model).toBeNull();
    expect(where(r)).toEqual([
      ["xsd/notation-direct", 4, 1, 'element "e" uses xs:NOTATION without an enumeration of notations'],
      ["xsd/notation-direct", 5, 1, 'attribute "a" uses xs:NOTATION without an enumeration of notations'],
      ["xsd/notation-direct", 6, 1, "the item type of list type L uses xs:NOTATION without an enumeration of notations"],
      ["xsd/notation-direct", 7, 1, "the simple content of complex type C uses xs:NOTATION without an enumeration of notations"],
    ]);
  });

  test("a type derived from NOTATION without an enumeration may be a base for one with an enumeration", () => {
    const r = read(
      schema(`<xs:notation name="gif" public="image/gif"/>
<xs:simpleType name="Bare"><xs:restriction base="xs:NOTATION"/></xs:simpleType>
<xs:simpleType name="Fmt"><xs:restriction base="Bare"><xs:enumeration value="gif"/></xs:restriction></xs:simpleType>
<xs:element name="e" type="Fmt"/>`),
    );
    expect(r.diagnostics).toEqual([]);
  });

  test("notations share one symbol space: a second gif is a duplicate; name is required", () => {
    const r = read(schema(`<xs:notation name="gif" public="a"/>\n<xs:notation name="gif" system="b"/>\n<xs:notation public="c"/>`));
    expect(where(r).map((d) => [d[0], d[1]])).toEqual([
      ["xsd/duplicate-global", 3],
      ["xsd/missing-attribute", 4],
    ]);
    expect(r.diagnostics[0].message).toBe('notation "gif" is defined twice (first at line 2, column 1)');
  });
});
