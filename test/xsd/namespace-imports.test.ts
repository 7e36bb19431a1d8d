/**
 * src-resolve.4 (XSD 1.0 Part 1 §3.15.3): a QName reference (ref, type, base, itemType,
 * memberTypes, substitutionGroup, refer) may name only components of the document's target
 * namespace, of the XML Schema namespace, or of a namespace the document imports (no namespace:
 * when it has no target namespace or an <xs:import/> without namespace). libxml2 checks it when
 * the QName is read, even on a maxOccurs-0 particle; found by the schema-mutation differential.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { XML_NS } from "../../src/schema/model.js";
import { readXsdFile } from "../../src/schema/xsd/index.js";
import { libxml2, type Libxml2Engine } from "../../test-support/libxml2.js";
import { codes, read, schema, XS } from "./helpers.js";

const O = 'xmlns:o="urn:o"';

describe("references into a namespace the document does not import", () => {
  it("are one error at the attribute, naming the namespace and the import to add", () => {
    const r = read(schema(`<xs:element name="a" type="o:T" ${O}/>`));
    expect(codes(r)).toEqual(["xsd/namespace-not-imported"]);
    const [d] = r.diagnostics;
    expect(d).toMatchObject({ line: 3, params: { qname: "o:T", attribute: "type", namespace: "urn:o" } });
    expect(d.message).toContain('type="o:T" refers to namespace "urn:o", which this schema document does not import');
    expect(d.hint).toBe('add <xs:import namespace="urn:o" schemaLocation="..."/> before the definitions');
  });

  it("are checked on every kind of reference, also on a particle with maxOccurs 0", () => {
    const body = `<xs:element name="h"/>
<xs:element name="a" ${O}><xs:complexType><xs:sequence><xs:element ref="o:x" minOccurs="0" maxOccurs="0"/><xs:group ref="o:g" minOccurs="0" maxOccurs="0"/></xs:sequence>
<xs:attribute ref="o:at"/><xs:attributeGroup ref="o:ag"/></xs:complexType></xs:element>
<xs:element name="m" substitutionGroup="o:h" ${O}/>
<xs:simpleType name="L" ${O}><xs:list itemType="o:I"/></xs:simpleType>
<xs:simpleType name="U" ${O}><xs:union memberTypes="xs:int o:M"/></xs:simpleType>
<xs:simpleType name="R" ${O}><xs:restriction base="o:B"/></xs:simpleType>`;
    const r = read(schema(body));
    expect(r.diagnostics.map((d) => [d.code, d.params?.attribute, d.params?.qname])).toEqual([
      ["xsd/namespace-not-imported", "ref", "o:x"],
      ["xsd/namespace-not-imported", "ref", "o:g"],
      ["xsd/namespace-not-imported", "ref", "o:at"],
      ["xsd/namespace-not-imported", "ref", "o:ag"],
      ["xsd/namespace-not-imported", "substitutionGroup", "o:h"],
      ["xsd/namespace-not-imported", "itemType", "o:I"],
      ["xsd/namespace-not-imported", "memberTypes", "o:M"],
      ["xsd/namespace-not-imported", "base", "o:B"],
    ]);
  });

  it("a base or itemType that falls back to xs:anySimpleType is not reported again as xs:anySimpleType", () => {
    const r = read(schema(`<xs:simpleType name="R" ${O}><xs:restriction base="o:B"><xs:maxLength value="3"/></xs:restriction></xs:simpleType><xs:simpleType name="L" ${O}><xs:list itemType="o:I"/></xs:simpleType>`));
    expect(codes(r)).toEqual(["xsd/namespace-not-imported", "xsd/namespace-not-imported"]);
    // Written as such, it still is an error.
    expect(codes(read(schema(`<xs:simpleType name="R"><xs:restriction base="xs:anySimpleType"><xs:maxLength value="3"/></xs:restriction></xs:simpleType>`)))).toEqual(["xsd/invalid-derivation"]);
  });

  it("a keyref's refer too", () => {
    const r = read(schema(`<xs:element name="a" ${O}><xs:complexType/><xs:key name="k"><xs:selector xpath="."/><xs:field xpath="@x"/></xs:key><xs:keyref name="r" refer="o:k"><xs:selector xpath="."/><xs:field xpath="@y"/></xs:keyref></xs:element>`));
    expect(codes(r)[0]).toBe("xsd/namespace-not-imported");
  });

  it("the XML namespace needs its import too (xml.xsd itself is built in)", () => {
    const body = (imp: string) => `${imp}<xs:complexType name="T"><xs:attribute ref="xml:lang"/></xs:complexType>`;
    expect(codes(read(schema(body(""))))).toEqual(["xsd/namespace-not-imported"]);
    expect(codes(read(schema(body(`<xs:import namespace="${XML_NS}"/>`))))).toEqual([]);
  });

  it("no namespace from a schema with a target namespace needs <xs:import/> without namespace", () => {
    const body = (imp: string) => `${imp}<xs:element name="a" type="T"/>`;
    const r = read(schema(body(""), 'targetNamespace="urn:t"'));
    expect(codes(r)).toEqual(["xsd/namespace-not-imported"]);
    expect(r.diagnostics[0].message).toMatch(/^type="T" refers to no namespace, which this schema document does not import/);
    expect(r.diagnostics[0].hint).toContain("<xs:import/> (no namespace attribute)");
    // Imported: the reference is checked for resolution (T is not declared in no namespace).
    expect(codes(read(schema(body("<xs:import/>"), 'targetNamespace="urn:t"')))).toEqual(["xsd/unresolved-type"]);
  });

  it("the target namespace, the XML Schema namespace and imported namespaces are fine", () => {
    const r = read(schema(`<xs:import namespace="urn:o"/><xs:complexType name="T"/><xs:element name="a" type="t:T"/><xs:element name="b" type="xs:int"/>`, `targetNamespace="urn:t" xmlns:t="urn:t" ${O}`));
    expect(r.diagnostics).toEqual([]);
  });

  it("a chameleon include's unqualified references take the includer's namespace", () => {
    const dir = mkdtempSync(join(tmpdir(), "qxml-imports-"));
    writeFileSync(join(dir, "inc.xsd"), `<xs:schema ${XS}><xs:complexType name="T"/><xs:element name="b" type="T"/></xs:schema>`);
    writeFileSync(join(dir, "main.xsd"), `<xs:schema ${XS} targetNamespace="urn:t"><xs:include schemaLocation="inc.xsd"/></xs:schema>`);
    expect(readXsdFile(join(dir, "main.xsd")).diagnostics).toEqual([]);
  });
});

describe("libxml2 agrees on the verdicts", () => {
  let engine: Libxml2Engine;
  beforeAll(async () => {
    engine = await libxml2();
  });

  it.each([
    ["element ref at maxOccurs 0", `<xs:element name="a"><xs:complexType><xs:sequence><xs:element ref="o:x" ${O} minOccurs="0" maxOccurs="0"/></xs:sequence></xs:complexType></xs:element>`, false],
    ["type", `<xs:element name="a" type="o:T" ${O}/>`, false],
    ["xml:lang without import", `<xs:element name="a"><xs:complexType><xs:attribute ref="xml:lang"/></xs:complexType></xs:element>`, false],
    ["import after the reference", `<xs:element name="a" type="o:T" ${O}/><xs:import namespace="urn:o"/>`, false],
    ["no-namespace schema, unprefixed", `<xs:complexType name="T"/><xs:element name="a" type="T"/>`, true],
  ])("%s", (_name, body, ok) => {
    const dir = mkdtempSync(join(tmpdir(), "qxml-imports-"));
    const file = join(dir, "s.xsd");
    writeFileSync(file, `<xs:schema ${XS}>${body}</xs:schema>`);
    const ours = readXsdFile(file).diagnostics.filter((d) => d.severity === "error").length === 0;
    const prepared = engine.prepare({ kind: "xsd", file });
    try {
      expect(prepared.ok).toBe(ok);
      expect(ours).toBe(ok);
    } finally {
      prepared.dispose();
    }
  });
});
