/**
 * xs:redefine (XSD 1.0 §4.2.2): the redefined document is included, each redefining component
 * replaces the one of the same name everywhere (in the redefined document too), and its
 * self-reference means the original. Schema errors with their file, line, column and message.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { nameKey, type SchemaModel } from "../../../src/schema/model.js";
import { readXsdFile, type XsdReadResult } from "../../../src/schema/xsd/index.js";

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';
const doc = (attrs: string, body: string) => `<xs:schema ${XS} ${attrs}>\n${body}\n</xs:schema>\n`;

/** Writes files into a fresh temporary folder and reads main.xsd. */
function readSet(contents: Record<string, string>): { r: XsdReadResult; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), "qxml-redefine-"));
  for (const [name, text] of Object.entries(contents)) writeFileSync(join(dir, name), text);
  return { r: readXsdFile(join(dir, "main.xsd")), dir };
}

export const BASE = doc(
  "",
  `<xs:complexType name="T"><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence><xs:attribute name="t"/></xs:complexType>
<xs:simpleType name="S"><xs:restriction base="xs:string"><xs:maxLength value="5"/></xs:restriction></xs:simpleType>
<xs:group name="G"><xs:sequence><xs:element name="g1"/></xs:sequence></xs:group>
<xs:attributeGroup name="AG"><xs:attribute name="x"/></xs:attributeGroup>
<xs:element name="inbase" type="T"/>
<xs:element name="sbase" type="S"/>`,
);

function typeOf(m: SchemaModel, element: string, ns: string | null = null) {
  return m.elements[m.globalElements[nameKey(ns, element)]].type;
}

describe("xs:redefine", () => {
  test("the redefined component may come from a document the redefined one includes (as libxml2 looks it up)", () => {
    const { r } = readSet({
      "base.xsd": BASE,
      "mid.xsd": doc("", `<xs:include schemaLocation="base.xsd"/>`),
      "main.xsd": doc("", `<xs:redefine schemaLocation="mid.xsd">
  <xs:complexType name="T"><xs:complexContent><xs:extension base="T"><xs:sequence><xs:element name="b"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
  <xs:group name="G"><xs:sequence><xs:group ref="G"/><xs:element name="g2"/></xs:sequence></xs:group>
</xs:redefine>`),
    });
    expect(r.diagnostics).toEqual([]);
    const m = r.model!;
    const t = m.namedTypes["T"];
    expect(typeOf(m, "inbase")).toEqual(t);
    expect(m.complexTypes[t.id].base).toEqual({ key: "T (before xs:redefine)", derivation: "extension" });
  });

  test("complexType by extension: references in the redefined document see the redefinition", () => {
    const { r } = readSet({
      "base.xsd": BASE,
      "main.xsd": doc("", `<xs:redefine schemaLocation="base.xsd">
  <xs:complexType name="T"><xs:complexContent><xs:extension base="T"><xs:sequence><xs:element name="b"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
</xs:redefine>`),
    });
    expect(r.diagnostics).toEqual([]);
    const m = r.model!;
    const t = m.namedTypes["T"];
    expect(typeOf(m, "inbase")).toEqual(t);
    const ct = m.complexTypes[t.id];
    expect(ct.base).toEqual({ key: "T (before xs:redefine)", derivation: "extension" });
    expect(m.namedTypes["T (before xs:redefine)"].id).not.toBe(t.id);
    expect(ct.content.kind).toBe("elements");
    const p = ct.content.kind === "elements" ? ct.content.particle : null;
    expect(JSON.stringify(p)).toMatch(/"name":"a".*"name":"b"/s);
    expect(ct.attributes.map((a) => a.name)).toEqual(["t"]);
    expect(r.model!.unsupported).toEqual([]);
  });

  test("complexType by restriction", () => {
    const { r } = readSet({
      "base.xsd": BASE,
      "main.xsd": doc("", `<xs:redefine schemaLocation="base.xsd">
  <xs:complexType name="T"><xs:complexContent><xs:restriction base="T"><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence><xs:attribute name="t" use="prohibited"/></xs:restriction></xs:complexContent></xs:complexType>
</xs:redefine>`),
    });
    expect(r.diagnostics).toEqual([]);
    const ct = r.model!.complexTypes[r.model!.namedTypes["T"].id];
    expect(ct.base?.derivation).toBe("restriction");
    expect(ct.attributes.map((a) => [a.name, a.use])).toEqual([["t", "prohibited"]]);
  });

  test("simpleType: facets add to the original's", () => {
    const { r } = readSet({
      "base.xsd": BASE,
      "main.xsd": doc("", `<xs:redefine schemaLocation="base.xsd">
  <xs:simpleType name="S"><xs:restriction base="S"><xs:minLength value="2"/></xs:restriction></xs:simpleType>
</xs:redefine>`),
    });
    expect(r.diagnostics).toEqual([]);
    const m = r.model!;
    const s = m.namedTypes["S"];
    expect(typeOf(m, "sbase")).toEqual(s);
    expect(m.simpleTypes[s.id].facets).toMatchObject({ minLength: 2, maxLength: 5 });
  });

  test("group with a self-reference, attributeGroup with a self-reference, in a target namespace", () => {
    const base = doc('targetNamespace="urn:b" xmlns:b="urn:b"', `<xs:group name="G"><xs:sequence><xs:element name="g1"/></xs:sequence></xs:group>
<xs:attributeGroup name="AG"><xs:attribute name="x"/></xs:attributeGroup>
<xs:complexType name="U"><xs:sequence><xs:group ref="b:G"/></xs:sequence><xs:attributeGroup ref="b:AG"/></xs:complexType>`);
    const { r } = readSet({
      "base.xsd": base,
      "main.xsd": doc('targetNamespace="urn:b" xmlns:p="urn:b"', `<xs:redefine schemaLocation="base.xsd">
  <xs:group name="G"><xs:sequence><xs:group ref="p:G"/><xs:element name="g2"/></xs:sequence></xs:group>
  <xs:attributeGroup name="AG"><xs:attributeGroup ref="p:AG"/><xs:attribute name="y" use="required"/></xs:attributeGroup>
</xs:redefine>`),
    });
    expect(r.diagnostics).toEqual([]);
    const u = r.model!.complexTypes[r.model!.namedTypes["{urn:b}U"].id];
    expect(JSON.stringify(u.content)).toMatch(/"name":"g1".*"name":"g2"/s);
    expect(u.attributes.map((a) => [a.name, a.use])).toEqual([
      ["x", "optional"],
      ["y", "required"],
    ]);
  });

  test("chameleon: a no-namespace document redefined into a target namespace", () => {
    const { r } = readSet({
      "base.xsd": BASE,
      "main.xsd": doc('targetNamespace="urn:m" xmlns:m="urn:m"', `<xs:redefine schemaLocation="base.xsd">
  <xs:simpleType name="S"><xs:restriction base="m:S"><xs:minLength value="2"/></xs:restriction></xs:simpleType>
</xs:redefine>`),
    });
    expect(r.diagnostics).toEqual([]);
    expect(typeOf(r.model!, "sbase", "urn:m")).toEqual(r.model!.namedTypes["{urn:m}S"]);
  });

  test("a redefine of a redefine: each level derives from the one below", () => {
    const { r } = readSet({
      "base.xsd": BASE,
      "mid.xsd": doc("", `<xs:redefine schemaLocation="base.xsd"><xs:simpleType name="S"><xs:restriction base="S"><xs:minLength value="2"/></xs:restriction></xs:simpleType></xs:redefine>`),
      "main.xsd": doc("", `<xs:redefine schemaLocation="mid.xsd"><xs:simpleType name="S"><xs:restriction base="S"><xs:pattern value="[a-z]*"/></xs:restriction></xs:simpleType></xs:redefine>`),
    });
    expect(r.diagnostics).toEqual([]);
    const s = r.model!.simpleTypes[r.model!.namedTypes["S"].id];
    expect(s.facets).toMatchObject({ minLength: 2, maxLength: 5, patterns: [["[a-z]*"]] });
  });

  test("errors: file, line, column and message", () => {
    const { r, dir } = readSet({
      "base.xsd": BASE,
      "main.xsd": doc("", `<xs:redefine schemaLocation="base.xsd">
  <xs:complexType name="T"><xs:complexContent><xs:extension base="xs:anyType"/></xs:complexContent></xs:complexType>
  <xs:simpleType name="S"><xs:restriction base="xs:string"/></xs:simpleType>
  <xs:complexType name="Nope"><xs:complexContent><xs:extension base="Nope"/></xs:complexContent></xs:complexType>
  <xs:group name="G"><xs:sequence><xs:group ref="G" maxOccurs="2"/></xs:sequence></xs:group>
  <xs:attributeGroup name="AG"><xs:attributeGroup ref="AG"/><xs:attributeGroup ref="AG"/></xs:attributeGroup>
</xs:redefine>`),
    });
    expect(r.model).toBeNull();
    const file = join(dir, "main.xsd");
    expect(r.diagnostics.map((d) => [d.code, d.schemaLocation?.file, d.line, d.column, d.message])).toEqual([
      ["xsd/redefine-base", file, 3, 47, 'the redefined complexType "T" must derive from its original definition (base="T"), but its base is "xs:anyType"'],
      ["xsd/redefine-base", file, 4, 3, 'the redefined simpleType "S" must derive from its original definition (base="S"), but its base is "xs:string"'],
      ["xsd/redefine-missing", file, 5, 3, 'xs:redefine of "base.xsd" redefines complexType "Nope", which neither that document nor what it includes defines'],
      ["xsd/redefine-self-reference", file, 6, 35, 'the redefined group "G" refers to its original definition with minOccurs="1" maxOccurs="2"; both must be 1'],
      ["xsd/redefine-self-reference", file, 7, 61, 'the redefined attributeGroup "AG" refers to its original definition more than once'],
    ]);
  });

  test("a group referring to its original twice; a redefine of a missing file", () => {
    const { r } = readSet({
      "base.xsd": BASE,
      "main.xsd": doc("", `<xs:redefine schemaLocation="base.xsd">
  <xs:group name="G"><xs:sequence><xs:group ref="G"/><xs:group ref="G"/></xs:sequence></xs:group>
</xs:redefine>
<xs:redefine schemaLocation="missing.xsd"/>`),
    });
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ["xsd/redefine-self-reference", 3, 54],
      ["xsd/load-failed", 5, 1],
    ]);
    expect(r.diagnostics[0].message).toBe('the redefined group "G" refers to its original definition more than once');
    expect(r.diagnostics[1].message).toMatch(/^could not read the schema in xs:redefine schemaLocation="missing.xsd"/);
  });

  test("the redefined document must have the same or no target namespace", () => {
    const { r } = readSet({
      "other.xsd": doc('targetNamespace="urn:o"', ""),
      "main.xsd": doc('targetNamespace="urn:m"', `<xs:redefine schemaLocation="other.xsd"/>`),
    });
    expect(r.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ["xsd/namespace-mismatch", 2, 'xs:redefine of "other.xsd": its target namespace is "urn:o", expected "urn:m"'],
    ]);
  });
});
