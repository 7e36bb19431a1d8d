/**
 * Diagnostics a newcomer found confusing, through the XSD reader and the engine: namespaces named
 * when only they differ, "expected <X>" for one name, no repeated type in value messages, an
 * undeclared child called undeclared, and a child found early reported as the one before it missing.
 */
import { describe, expect, it } from "vitest";
import { readXsdText } from "../../src/schema/xsd/index.js";
import { compileSchema, validateString } from "../../src/validate/index.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";

const NS_XSD = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:q" xmlns:q="urn:q" elementFormDefault="qualified">
  <xs:element name="R">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="C" type="xs:positiveInteger"/>
        <xs:element name="S" minOccurs="0">
          <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="open"/><xs:enumeration value="closed"/></xs:restriction></xs:simpleType>
        </xs:element>
      </xs:sequence>
      <xs:attribute name="n" type="xs:positiveInteger"/>
    </xs:complexType>
  </xs:element>
</xs:schema>`;

const PLAIN_XSD = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="BASIC_INFO">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="ID" type="xs:string"/>
        <xs:element name="GROUP_NAME" type="xs:string"/>
        <xs:element name="GROUP_TYPE" type="xs:string" minOccurs="0"/>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>`;

function run(xsd: string, xml: string): Diagnostic[] {
  const r = readXsdText(xsd, "s.xsd");
  expect(r.model, JSON.stringify(r.diagnostics)).not.toBeNull();
  const { schema } = compileSchema(r.model!);
  return validateString(xml, { file: "doc.xml", schema }).diagnostics;
}
const pick = (d: Diagnostic) => [d.code, d.line, d.column, d.message, d.hint];

describe("diagnostics a newcomer found confusing", () => {
  it("a root in no namespace against a namespaced schema names both namespaces and the xmlns fix", () => {
    expect(run(NS_XSD, `<R><C>1</C></R>`).map(pick)).toEqual([
      [
        "valid/unknown-root",
        1,
        1,
        "root element: expected {urn:q}R (R in namespace urn:q); found R in no namespace",
        'Add xmlns="urn:q" to the root element (or use a prefix bound to urn:q).',
      ],
    ]);
  });
  it("a child with the right local name in the wrong namespace: namespaces named, no 'did you mean' of the same name", () => {
    const ds = run(NS_XSD, `<R xmlns="urn:q">\n  <C xmlns="">1</C></R>`);
    expect(ds.map(pick)).toEqual([
      [
        "valid/unexpected-element",
        2,
        3,
        "R: expected {urn:q}C (C in namespace urn:q); found <C>",
        '<C> is in no namespace. Add xmlns="urn:q" to <C> (or use a prefix bound to urn:q).',
      ],
    ]);
    expect(ds[0].params?.suggestion).toBeUndefined();
  });
  it("an unknown root with one global declaration: 'expected <R>', not 'one of R'", () => {
    expect(run(PLAIN_XSD, `<ROOT/>`).map((d) => d.message)).toEqual(["root element: expected <BASIC_INFO>; found <ROOT>"]);
  });
  it("an enumeration value: the allowed values once, no '(type ...)' repeating them", () => {
    expect(run(NS_XSD, `<R xmlns="urn:q"><C>1</C>\n<S>Open</S></R>`).map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      ["valid/text-type", 2, 4, "S: value \"Open\" is not one of: open, closed"],
    ]);
  });
  it("a value out of range of a built-in type names the type once (element text and attribute)", () => {
    expect(run(NS_XSD, `<R xmlns="urn:q" n="0">\n<C>0</C></R>`).map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      ["valid/attribute-type", 1, 18, "R: attribute n: value 0 is out of range for xs:positiveInteger: expected at least 1"],
      ["valid/text-type", 2, 4, "C: value 0 is out of range for xs:positiveInteger: expected at least 1"],
    ]);
  });
  it("an element the schema does not declare: the hint says so and lists what is expected here", () => {
    expect(run(PLAIN_XSD, `<BASIC_INFO><ID>1</ID>\n<EXTRA/><GROUP_NAME>g</GROUP_NAME></BASIC_INFO>`).map(pick)[0]).toEqual([
      "valid/unexpected-element",
      2,
      1,
      "BASIC_INFO: expected <GROUP_NAME>; found <EXTRA>",
      "<EXTRA> is not declared in the schema (neither globally nor in the content model of <BASIC_INFO>): remove it or correct its name; expected here: <GROUP_NAME>.",
    ]);
  });
  it("a child found early is reported as the one before it missing, not as one to remove", () => {
    expect(run(PLAIN_XSD, `<BASIC_INFO>\n  <GROUP_NAME>g</GROUP_NAME></BASIC_INFO>`).map(pick)).toEqual([
      [
        "valid/unexpected-element",
        2,
        3,
        "BASIC_INFO: expected <ID> (missing before <GROUP_NAME>); found <GROUP_NAME>",
        "<ID> is missing: add <ID> before <GROUP_NAME>, or move it up if it comes later (the order is fixed).",
      ],
    ]);
  });
  it("an unclosed text-only element: the hint says to close it before the child found in it (the end-tag mismatch follows from the reader)", () => {
    expect(run(PLAIN_XSD, `<BASIC_INFO><ID>1\n<GROUP_NAME>g</GROUP_NAME></ID></BASIC_INFO>`).map(pick)[0]).toEqual([
      "valid/element-in-simple-content",
      2,
      1,
      "ID: text-only content of type xs:string; found <GROUP_NAME>",
      "ID holds text only: if </ID> is missing, close it before <GROUP_NAME>; otherwise move <GROUP_NAME> out of ID.",
    ]);
  });
});
