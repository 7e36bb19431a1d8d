import { describe, expect, test } from "vitest";
import { codes, read, schema } from "./helpers.js";

function only(text: string) {
  const r = read(text);
  return r.diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column, params: d.params, message: d.message, severity: d.severity }));
}

describe("schema errors carry file, line and column", () => {
  test("unresolved type with a did-you-mean, located at the declaration", () => {
    const r = read(schema(`<xs:complexType name="Foo"/>\n<xs:element name="e" type="Fooo"/>`, ""), "/virtual/a.xsd");
    expect(r.model).toBeNull();
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0];
    expect(d).toMatchObject({ code: "xsd/unresolved-type", line: 4, column: 1, params: { name: "Fooo", suggestion: "Foo" }, schemaLocation: { file: "/virtual/a.xsd", line: 4, column: 1 } });
    expect(d.message).toBe('type "Fooo" is not defined; did you mean Foo?');
  });

  test("prefix bound to the wrong namespace: never compares prefixes, suggests the real one", () => {
    // urn:other is not imported: one error (src-resolve.4.2), with the did-you-mean.
    const r = read(schema(`<xs:complexType name="Foo"/><xs:element name="e" type="tns:Foo"/>`, 'xmlns:tns="urn:other"'));
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: "xsd/namespace-not-imported", params: { qname: "tns:Foo", suggestion: "Foo" } });
    expect(r.diagnostics[0].message).toMatch(/^type="tns:Foo" refers to namespace "urn:other", which this schema document does not import .*; did you mean Foo\?$/);
    // Imported but not declared: the reference does not resolve.
    const imported = read(schema(`<xs:import namespace="urn:other"/><xs:complexType name="Foo"/><xs:element name="e" type="tns:Foo"/>`, 'xmlns:tns="urn:other"'));
    expect(imported.diagnostics[0]).toMatchObject({ code: "xsd/unresolved-type", params: { name: "tns:Foo", suggestion: "Foo" } });
    expect(imported.diagnostics[0].message).toBe('type "tns:Foo" is not defined; did you mean Foo?');
  });

  test("same local name through two different prefixes for one namespace resolves", () => {
    const r = read(schema(`<xs:complexType name="Foo"/><xs:element name="e" type="b:Foo"/>`, 'targetNamespace="urn:t" xmlns:a="urn:t" xmlns:b="urn:t"'));
    expect(r.diagnostics).toEqual([]);
  });

  test("unresolved element, attribute, group and attributeGroup references", () => {
    const ds = only(
      schema(`<xs:complexType name="T"><xs:sequence><xs:element ref="nope"/><xs:group ref="G"/></xs:sequence>
<xs:attribute ref="at"/><xs:attributeGroup ref="AG"/></xs:complexType>`),
    );
    expect(ds.map((d) => [d.code, d.line])).toEqual([
      ["xsd/unresolved-element", 3],
      ["xsd/unresolved-group", 3],
      ["xsd/unresolved-attribute", 4],
      ["xsd/unresolved-attribute-group", 4],
    ]);
  });

  test("unknown prefix", () => {
    expect(only(schema(`<xs:element name="e" type="zz:T"/>`))).toMatchObject([{ code: "xsd/unknown-prefix", params: { prefix: "zz", qname: "zz:T" } }]);
  });

  test("duplicate global names, with the first location", () => {
    const ds = only(schema(`<xs:element name="e"/>\n<xs:element name="e"/>\n<xs:simpleType name="T"><xs:restriction base="xs:string"/></xs:simpleType>\n<xs:complexType name="T"/>`));
    expect(ds.map((d) => [d.code, d.line, d.params?.kind])).toEqual([
      ["xsd/duplicate-global", 4, "element"],
      ["xsd/duplicate-global", 6, "type"],
    ]);
    expect(ds[0].params?.first).toBe("/virtual/test.xsd:3:1");
  });

  test("circular definitions: complex and simple derivation, groups, attribute groups", () => {
    const ds = only(
      schema(`<xs:complexType name="A"><xs:complexContent><xs:extension base="B"/></xs:complexContent></xs:complexType>
<xs:complexType name="B"><xs:complexContent><xs:extension base="A"/></xs:complexContent></xs:complexType>
<xs:simpleType name="S"><xs:restriction base="S"/></xs:simpleType>
<xs:group name="G"><xs:sequence><xs:group ref="G"/></xs:sequence></xs:group>
<xs:attributeGroup name="AG"><xs:attributeGroup ref="AG"/></xs:attributeGroup>`),
    );
    expect(ds.filter((d) => d.code === "xsd/circular").map((d) => d.params?.kind).sort()).toEqual(["attributeGroup", "complexType", "group", "simpleType"]);
    const complex = ds.find((d) => d.params?.kind === "complexType")!;
    expect(complex.params?.cycle).toBe("A → B → A");
  });

  test("a group reached again through a local element's type is recursion, not a cycle", () => {
    const ds = only(schema(`<xs:group name="G"><xs:sequence><xs:element name="n" minOccurs="0"><xs:complexType><xs:group ref="G"/></xs:complexType></xs:element></xs:sequence></xs:group>`));
    expect(ds).toEqual([]);
  });

  test("schema-for-schemas violations", () => {
    const ds = only(
      schema(`<xs:element name="e" bogus="1"/>
<xs:element/>
<xs:element name="d" default="a" fixed="b"/>
<xs:complexType name="T"><xs:sequence><xs:element name="x" minOccurs="2" maxOccurs="1"/><xs:attribute name="a"/></xs:sequence></xs:complexType>
<xs:element name="n" nillable="maybe"/>`),
    );
    expect(ds.map((d) => [d.code, d.line])).toEqual([
      ["xsd/unknown-attribute", 3],
      ["xsd/missing-attribute", 4],
      ["xsd/exclusive", 5],
      ["xsd/occurs", 6],
      ["xsd/unexpected-child", 6],
      ["xsd/invalid-value", 7],
    ]);
    expect(ds[0].params).toMatchObject({ name: "bogus", element: "element" });
  });

  test("not well-formed, not a schema, and hostile nesting", () => {
    expect(only("<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'><xs:element")).toMatchObject([{ code: "xsd/not-well-formed" }]);
    expect(only("<schema/>")).toMatchObject([{ code: "xsd/not-a-schema", params: { found: "schema" } }]);
    const deep = "<xs:sequence>".repeat(5000) + "</xs:sequence>".repeat(5000);
    expect(only(schema(`<xs:complexType name="T">${deep}</xs:complexType>`))).toMatchObject([{ code: "xsd/too-deep" }]);
  });

  test("no XSD 1.0 feature is reported unsupported any more", () => {
    const r = read(
      schema(`<xs:element name="a" type="xs:string" block="#all"/>
<xs:element name="b" substitutionGroup="a"/>
<xs:element name="c"><xs:complexType><xs:sequence><xs:element name="k" type="xs:string"/></xs:sequence></xs:complexType>
  <xs:key name="K"><xs:selector xpath="."/><xs:field xpath="k"/></xs:key>
  <xs:unique name="U"><xs:selector xpath="."/><xs:field xpath="k"/></xs:unique>
</xs:element>
<xs:notation name="gif" public="image/gif"/>`),
    );
    expect(r.model).not.toBeNull();
    expect(r.diagnostics).toEqual([]);
    // block, substitutionGroup, xs:key, xs:unique, xs:notation and xs:redefine are modelled
    // (xs:redefine and xs:notation: test/schema/xsd/).
    expect(r.model!.unsupported).toEqual([]);
    expect(r.model!.notations["gif"]).toMatchObject({ name: "gif", publicId: "image/gif" });
  });

  test("invalid derivations", () => {
    const ds = only(
      schema(`<xs:complexType name="C"><xs:complexContent><xs:extension base="xs:string"/></xs:complexContent></xs:complexType>
<xs:complexType name="E"><xs:sequence><xs:element name="a"/></xs:sequence></xs:complexType>
<xs:complexType name="S"><xs:simpleContent><xs:extension base="E"/></xs:simpleContent></xs:complexType>
<xs:simpleType name="X"><xs:restriction base="E"/></xs:simpleType>`),
    );
    expect(ds.map((d) => [d.code, d.line])).toEqual([
      ["xsd/invalid-derivation", 3],
      ["xsd/invalid-derivation", 5],
      ["xsd/invalid-derivation", 6],
    ]);
  });

  test("every diagnostic names a registered code", () => {
    const r = read(schema(`<xs:element name="e" type="Missing"/>`));
    expect(codes(r)).toEqual(["xsd/unresolved-type"]);
    // No name close enough for a did-you-mean: the hint still says how to fix it.
    expect(r.diagnostics[0].hint).toBe("define Missing as a named xs:simpleType or xs:complexType, or refer to an existing type (built-ins with the XML Schema prefix, e.g. xs:string)");
  });
});
