import { describe, expect, test } from "vitest";
import { XML_NS } from "../../src/schema/model.js";
import { model, namedComplex, read, schema } from "./helpers.js";

const TNS = 'targetNamespace="urn:t" xmlns:t="urn:t"';

describe("attribute declarations", () => {
  test("local attributes: unqualified by default, attributeFormDefault and form", () => {
    const m = model(
      schema(
        `<xs:complexType name="T"><xs:attribute name="a" type="xs:int" default="3"/><xs:attribute name="b" form="unqualified" fixed="k"/></xs:complexType>`,
        `${TNS} attributeFormDefault="qualified"`,
      ),
    );
    const t = namedComplex(m, "T", "urn:t");
    expect(t.attributes.map((a) => [a.key, a.use, a.default, a.fixed])).toEqual([
      ["{urn:t}a", "optional", "3", undefined],
      ["b", "optional", undefined, "k"],
    ]);
    expect(m.simpleTypes[t.attributes[0].type].name).toBe("int");
  });

  test("ref to a global attribute takes the use from the reference", () => {
    const m = model(
      schema(
        `<xs:attribute name="lang" type="xs:language"><xs:annotation><xs:documentation>language</xs:documentation></xs:annotation></xs:attribute>
         <xs:complexType name="T"><xs:attribute ref="t:lang" use="required"/></xs:complexType>`,
        TNS,
      ),
    );
    expect(namedComplex(m, "T", "urn:t").attributes).toMatchObject([{ key: "{urn:t}lang", use: "required", doc: "language" }]);
  });

  test("attribute groups expand (nested too) and their wildcards combine", () => {
    const m = model(
      schema(`<xs:attributeGroup name="Inner"><xs:attribute name="i"/><xs:anyAttribute namespace="##any" processContents="skip"/></xs:attributeGroup>
        <xs:attributeGroup name="Outer"><xs:attribute name="o"/><xs:attributeGroup ref="Inner"/></xs:attributeGroup>
        <xs:complexType name="T"><xs:attribute name="own"/><xs:attributeGroup ref="Outer"/></xs:complexType>`),
    );
    const t = namedComplex(m, "T");
    expect(t.attributes.map((a) => a.name)).toEqual(["own", "o", "i"]);
    expect(t.anyAttribute).toMatchObject({ namespaces: "##any", processContents: "skip" });
  });

  test("xml:lang can be referenced without reading xml.xsd: an import of the XML namespace is enough", () => {
    const m = model(schema(`<xs:import namespace="${XML_NS}"/><xs:complexType name="T"><xs:attribute ref="xml:lang"/></xs:complexType>`));
    const [a] = namedComplex(m, "T").attributes;
    expect(a).toMatchObject({ name: "lang", namespace: XML_NS, key: `{${XML_NS}}lang` });
    expect(m.simpleTypes[a.type].name).toBe("language");
  });

  test("anonymous simple type on an attribute", () => {
    const m = model(
      schema(`<xs:complexType name="T"><xs:attribute name="op"><xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="EQ"/><xs:enumeration value="NE"/></xs:restriction></xs:simpleType></xs:attribute></xs:complexType>`),
    );
    const [a] = namedComplex(m, "T").attributes;
    expect(m.simpleTypes[a.type].facets.enumeration).toEqual([{ value: "EQ" }, { value: "NE" }]);
  });

  test("prohibited outside a restriction adds nothing", () => {
    const m = model(schema(`<xs:complexType name="T"><xs:attribute name="gone" use="prohibited"/><xs:attribute name="kept"/></xs:complexType>`));
    expect(namedComplex(m, "T").attributes.map((a) => a.name)).toEqual(["kept"]);
  });

  test("the same attribute twice in one type is an error", () => {
    const r = read(schema(`<xs:attributeGroup name="G"><xs:attribute name="a"/></xs:attributeGroup>\n<xs:complexType name="T"><xs:attribute name="a"/><xs:attributeGroup ref="G"/></xs:complexType>`));
    expect(r.diagnostics.map((d) => [d.code, d.line, d.params?.name])).toEqual([["xsd/duplicate-attribute", 4, "a"]]);
  });

  test("a restriction cannot loosen a required attribute or add one", () => {
    const r = read(
      schema(`<xs:complexType name="B"><xs:attribute name="r" use="required"/></xs:complexType>
<xs:complexType name="R"><xs:complexContent><xs:restriction base="B">
<xs:attribute name="r" use="optional"/>
<xs:attribute name="new"/>
</xs:restriction></xs:complexContent></xs:complexType>`),
    );
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["xsd/invalid-derivation", 5],
      ["xsd/invalid-derivation", 6],
    ]);
  });
});
