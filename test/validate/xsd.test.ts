import { describe, expect, it } from "vitest";
import { readXsdText } from "../../src/schema/xsd/index.js";
import { compileSchema, validateString, type CompiledSchema } from "../../src/validate/index.js";
import { builtinType } from "../../src/schema/build.js";

const XSD = `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:q" xmlns:q="urn:q" elementFormDefault="qualified">
  <xs:element name="SCAN">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="TITLE" type="xs:string"/>
        <xs:element name="PORT" type="q:port" minOccurs="0" maxOccurs="1000"/>
        <xs:element name="OPTS" type="q:opts" minOccurs="0"/>
        <xs:element name="NOTE" type="xs:string" nillable="true" minOccurs="0"/>
        <xs:element name="VERSION" type="xs:string" fixed="2" minOccurs="0"/>
        <xs:element name="EXT" type="q:base" minOccurs="0"/>
        <xs:any namespace="##other" processContents="skip" minOccurs="0" maxOccurs="unbounded"/>
      </xs:sequence>
      <xs:attribute name="mode" use="required">
        <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="fast"/><xs:enumeration value="full"/></xs:restriction></xs:simpleType>
      </xs:attribute>
      <xs:attribute name="count" type="xs:int"/>
      <xs:attribute name="legacy" type="xs:string" use="prohibited"/>
    </xs:complexType>
  </xs:element>
  <xs:simpleType name="port"><xs:restriction base="xs:int"><xs:minInclusive value="1"/><xs:maxInclusive value="65535"/></xs:restriction></xs:simpleType>
  <xs:complexType name="opts"><xs:all><xs:element name="A" type="xs:boolean"/><xs:element name="B" type="xs:boolean" minOccurs="0"/></xs:all></xs:complexType>
  <xs:complexType name="base"><xs:sequence><xs:element name="X" type="xs:string"/></xs:sequence></xs:complexType>
  <xs:complexType name="derived"><xs:complexContent><xs:extension base="q:base"><xs:sequence><xs:element name="Y" type="xs:string"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
</xs:schema>`;

function schema(): CompiledSchema {
  const r = readXsdText(XSD, "scan.xsd");
  expect(r.model, JSON.stringify(r.diagnostics)).not.toBeNull();
  const c = compileSchema(r.model!);
  expect(c.diagnostics).toEqual([]);
  return c.schema;
}

const s = schema();
const doc = (body: string, attrs = 'mode="fast"'): string => `<SCAN xmlns="urn:q" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ${attrs}>\n<TITLE>t</TITLE>${body}\n</SCAN>`;
const run = (xml: string) => validateString(xml, { file: "scan.xml", schema: s });
const brief = (xml: string) => run(xml).diagnostics.map((d) => [d.code, d.path, d.message]);

describe("XSD validation end to end (reader + XSD model + engine)", () => {
  it("a valid document, namespaces compared as {uri}local", () => {
    const r = run(doc(`<PORT>80</PORT><PORT>443</PORT><OPTS><B>true</B><A>0</A></OPTS><NOTE xsi:nil="true"/><other:x xmlns:other="urn:o"><anything/></other:x>`));
    expect(r.diagnostics).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.wellFormed).toBe(true);
    expect(r.root).toBe("SCAN");
  });
  it("the right local name in the wrong namespace is unexpected", () => {
    expect(brief(`<SCAN xmlns="urn:other" mode="fast"><TITLE>t</TITLE></SCAN>`)).toEqual([
      ["valid/unknown-root", "/SCAN", "root element: expected {urn:q}SCAN (SCAN in namespace urn:q); found SCAN in namespace urn:other"],
    ]);
  });
  it("simple type facets on element text: the datatype's own message, type, hint", () => {
    const r = run(doc(`<PORT>0</PORT><PORT>http</PORT>`));
    expect(r.diagnostics.map((d) => [d.code, d.path, d.line, d.column, d.message, d.hint, d.params?.typeCode])).toEqual([
      ["valid/text-type", "/SCAN/PORT", 2, 23, "PORT: value 0 is less than the minimum 1 (type xs:int in 1..65535)", "Use a value of at least 1.", "type/min-inclusive"],
      [
        "valid/text-type",
        "/SCAN/PORT[2]",
        2,
        37,
        'PORT: "http" is not a valid xs:int: an integer such as 42 or -7 (digits with an optional sign) (type xs:int in 1..65535)',
        "Write the value in the lexical form of xs:int.",
        "type/lexical",
      ],
    ]);
  });
  it("attribute types, enumeration, required, prohibited", () => {
    expect(brief(doc("", 'mode="slow" count="x" legacy="1"')).map((d) => d[0])).toEqual([
      "valid/attribute-type",
      "valid/attribute-type",
      // use="prohibited" declares nothing (XSD 1.0 §3.2.2): the attribute is simply not allowed.
      "valid/undeclared-attribute",
    ]);
    expect(brief(doc("", ""))).toEqual([["valid/missing-attribute", "/SCAN", "SCAN: required attribute mode is missing"]]);
  });
  it("xs:all: any order, missing required child at the end tag", () => {
    expect(brief(doc(`<OPTS><B>true</B></OPTS>`))).toEqual([["valid/missing-element", "/SCAN/OPTS", "OPTS: expected <A> before </OPTS>"]]);
    expect(brief(doc(`<OPTS><A>1</A><A>1</A></OPTS>`))).toEqual([["valid/unexpected-element", "/SCAN/OPTS/A[2]", "OPTS: expected one of B or </OPTS>; found <A>"]]);
  });
  it("maxOccurs=1000 is counted", () => {
    const ports = (n: number): string => "<PORT>1</PORT>".repeat(n);
    expect(run(doc(ports(1000))).valid).toBe(true);
    expect(brief(doc(ports(1001))).map((d) => [d[0], d[1]])).toEqual([["valid/unexpected-element", "/SCAN/PORT[1001]"]]);
  });
  it("xsi:nil: content not allowed; not nillable", () => {
    expect(brief(doc(`<NOTE xsi:nil="true">x</NOTE>`))).toEqual([["valid/nil", "/SCAN/NOTE", "NOTE: xsi:nil is true, so the element must be empty; found text"]]);
    expect(brief(doc(`<PORT xsi:nil="true">1</PORT>`)).map((d) => d[0])).toEqual(["valid/nil"]);
  });
  it("fixed element value", () => {
    expect(brief(doc(`<VERSION>3</VERSION>`))).toEqual([["valid/fixed-element", "/SCAN/VERSION", 'VERSION: expected the fixed value "2"; found "3"']]);
    expect(run(doc(`<VERSION>2</VERSION>`)).valid).toBe(true);
  });
  it("xsi:type switches to the derived type; unknown types are reported", () => {
    expect(run(doc(`<EXT xsi:type="underived"><X/><Y/></EXT>`)).diagnostics.map((d) => d.code)).toEqual(["valid/xsi-type"]);
    expect(brief(doc(`<EXT xsi:type="opts"><A>1</A></EXT>`)).map((d) => d[2])).toEqual([
      'EXT: xsi:type="opts": the type does not derive from the declared type base',
    ]);
    expect(brief(doc(`<EXT xsi:type="nope:derived"><X/><Y/></EXT>`)).map((d) => d[2])).toEqual([
      'EXT: xsi:type="nope:derived": the prefix "nope" is not bound to a namespace',
    ]);
    // An unprefixed QName takes the default namespace (here urn:q).
    expect(run(doc(`<EXT xsi:type="derived"><X/><Y/></EXT>`)).valid).toBe(true);
    expect(run(doc(`<EXT xmlns:q="urn:q" xsi:type="q:derived"><X/><Y/></EXT>`)).valid).toBe(true);
    expect(brief(doc(`<EXT xmlns:q="urn:q" xsi:type="q:derived"><X/></EXT>`)).map((d) => d[2])).toEqual(["EXT: expected <Y> before </EXT>"]);
  });
  it("xsi:schemaLocation is ignored; other xsi attributes are not", () => {
    expect(run(doc("", 'mode="fast" xsi:schemaLocation="urn:q scan.xsd"')).valid).toBe(true);
    expect(brief(doc("", 'mode="fast" xsi:bogus="1"')).map((d) => d[0])).toEqual(["valid/undeclared-attribute"]);
  });
  it("text in element-only content and a wildcard with processContents=skip", () => {
    expect(brief(doc(`oops`))).toEqual([["valid/text-not-allowed", "/SCAN", 'SCAN: element-only content; found text "oops"']]);
  });
  it("well-formedness errors come through: wellFormed false, valid false", () => {
    const r = run(`<SCAN xmlns="urn:q" mode="fast"><TITLE>t</SCAN>`);
    expect(r.wellFormed).toBe(false);
    expect(r.valid).toBe(false);
    expect(r.diagnostics.some((d) => d.code.startsWith("xml/"))).toBe(true);
  });
});

describe("attribute wildcards and global attribute declarations", () => {
  const xsd = (pc: string) => `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:q" elementFormDefault="qualified">
  <xs:element name="E"><xs:complexType><xs:anyAttribute namespace="##other" processContents="${pc}"/></xs:complexType></xs:element>
</xs:schema>`;
  const withGlobals = (pc: string): CompiledSchema => {
    const m = readXsdText(xsd(pc), "w.xsd").model!;
    // The model's global attribute table (filled here by hand; the XSD reader may provide it).
    m.globalAttributes = {
      ...m.globalAttributes,
      "{urn:f}lang": { name: "lang", namespace: "urn:f", key: "{urn:f}lang", type: builtinType(m, "language"), use: "optional", location: { file: "w.xsd", line: 1, column: 1 } },
    };
    return compileSchema(m).schema;
  };
  const check = (pc: string, attrs: string) =>
    validateString(`<E xmlns="urn:q" xmlns:f="urn:f" ${attrs}/>`, { file: "w.xml", schema: withGlobals(pc) }).diagnostics.map((d) => [d.code, d.params?.name ?? d.params?.found]);
  it("lax: a declared attribute is checked, an undeclared one passes", () => {
    expect(check("lax", 'f:lang="en" f:other="x"')).toEqual([]);
    expect(check("lax", 'f:lang="o o"')).toEqual([["valid/attribute-type", "f:lang"]]);
  });
  it("strict: a global declaration is required", () => {
    expect(check("strict", 'f:lang="en"')).toEqual([]);
    expect(check("strict", 'f:other="x"')).toEqual([["valid/undeclared-attribute", "f:other"]]);
  });
  it("skip: nothing is checked", () => {
    expect(check("skip", 'f:lang="o o" f:other="x"')).toEqual([]);
  });
});
