/**
 * The validator fixes the deep validity differential found (test-support/differential-deep.ts):
 * each case failed before its fix, and each matches libxml2 2.15 and the specification.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSchemaFile } from "../../src/schema/load.js";
import { readXsdText } from "../../src/schema/xsd/index.js";
import { compileSchema, validateString, type CompiledSchema } from "../../src/validate/index.js";

const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';

const SCHEMA = `<xs:schema ${XS}>
  <xs:element name="r"><xs:complexType><xs:sequence>
    <xs:element name="s" type="xs:string" minOccurs="0"/>
    <xs:element name="n" type="xs:string" nillable="true" minOccurs="0"/>
    <xs:element name="d" type="xs:decimal" fixed="2.50" minOccurs="0"/>
    <xs:element name="b" type="xs:boolean" fixed="true" minOccurs="0"/>
  </xs:sequence>
  <xs:attribute name="w" type="xs:decimal" fixed="1.5"/>
  <xs:attribute name="on" type="xs:boolean" fixed="false"/>
  </xs:complexType></xs:element>
</xs:schema>`;

function xsd(): CompiledSchema {
  const read = readXsdText(SCHEMA, "fixes.xsd");
  return compileSchema(read.model!).schema;
}

const errors = (xml: string, schema: CompiledSchema) =>
  validateString(xml, { file: "doc.xml", schema }).diagnostics.filter((d) => d.severity === "error").map((d) => [d.code, d.message]);

describe("xsi:nil on an element that is not nillable (XSD 1.0 cvc-elt.3.1)", () => {
  it('is an error even as xsi:nil="false"', () => {
    expect(errors(`<r ${XSI}><s xsi:nil="false">x</s></r>`, xsd())).toEqual([["valid/nil", 's: xsi:nil="false" is not allowed: the element is not declared nillable']]);
    expect(errors(`<r ${XSI}><s xsi:nil="true"/></r>`, xsd())).toEqual([["valid/nil", 's: xsi:nil="true" is not allowed: the element is not declared nillable']]);
  });
  it('is allowed, "false" or "true", on a nillable element', () => {
    expect(errors(`<r ${XSI}><n xsi:nil="false">x</n><d>2.50</d></r>`, xsd())).toEqual([]);
    expect(errors(`<r ${XSI}><n xsi:nil="true"/></r>`, xsd())).toEqual([]);
  });
});

describe("xsi:type naming a built-in the schema does not use (XSD 1.0 cvc-elt.4)", () => {
  it("resolves it, checks derivation and validates with it", () => {
    expect(errors(`<r ${XSI} ${XS}><s xsi:type="xs:token">a b</s></r>`, xsd())).toEqual([]);
    const lang = errors(`<r ${XSI} ${XS}><s xsi:type="xs:language">a b</s></r>`, xsd());
    expect(lang.map((e) => e[0])).toEqual(["valid/text-type"]);
    expect(lang[0][1]).toContain("xs:language");
    expect(errors(`<r ${XSI} ${XS}><s xsi:type="xs:int">1</s></r>`, xsd())).toEqual([["valid/xsi-type", 's: xsi:type="xs:int": the type does not derive from the declared type string']]);
    expect(errors(`<r ${XSI} ${XS}><s xsi:type="xs:nosuch">1</s></r>`, xsd())).toEqual([["valid/xsi-type", 's: xsi:type="xs:nosuch": no such type is declared in the schema']]);
  });
  it("leaves the schema's model untouched", () => {
    const schema = xsd();
    const before = schema.model.simpleTypes.length;
    errors(`<r ${XSI} ${XS}><s xsi:type="xs:NCName">a</s></r>`, schema);
    expect(schema.model.simpleTypes.length).toBe(before);
  });
});

describe("fixed values are compared as values (XSD 1.0 cvc-attribute.4, cvc-elt.5.2.2.2.2)", () => {
  it("an attribute: 1.50 and +1.5 are the fixed decimal 1.5; 0 is the fixed boolean false", () => {
    expect(errors(`<r w="1.50" on="0"/>`, xsd())).toEqual([]);
    expect(errors(`<r w="+1.5"/>`, xsd())).toEqual([]);
    expect(errors(`<r w="1.6"/>`, xsd())).toEqual([["valid/fixed-attribute", 'r: attribute w: expected the fixed value "1.5"; found "1.6"']]);
  });
  it("an element: 2.5 and ' 2.500 ' are the fixed decimal 2.50; 1 is the fixed boolean true", () => {
    expect(errors(`<r><d>2.5</d><b>1</b></r>`, xsd())).toEqual([]);
    expect(errors(`<r><d> 2.500 </d></r>`, xsd())).toEqual([]);
    expect(errors(`<r><d>2.51</d></r>`, xsd()).map((e) => e[0])).toEqual(["valid/fixed-element"]);
  });
});

describe("DTD list values against a DTD the document does not declare (XML 1.0 [6] Names, [8] Nmtokens)", () => {
  const dir = mkdtempSync(join(tmpdir(), "qxml-fixes-"));
  const file = join(dir, "lists.dtd");
  writeFileSync(file, "<!ELEMENT a EMPTY><!ATTLIST a id ID #IMPLIED refs IDREFS #IMPLIED codes NMTOKENS #IMPLIED>");
  const dtd = () => compileSchema(readSchemaFile(file, "dtd").model!).schema;
  it("single spaces separate the items; leading, trailing or doubled spaces do not match", () => {
    expect(errors('<a id="x" refs="x x" codes="p q"/>', dtd())).toEqual([]);
    expect(errors('<a id="x" refs="x "/>', dtd())).toEqual([["valid/attribute-value", 'a: attribute refs: expected XML names separated by single spaces (IDREFS); found "x "']]);
    expect(errors('<a codes="p  q"/>', dtd())).toEqual([["valid/attribute-value", 'a: attribute codes: expected name tokens separated by single spaces (NMTOKENS); found "p  q"']]);
    expect(errors('<a codes=" p"/>', dtd()).map((e) => e[0])).toEqual(["valid/attribute-value"]);
  });
  it("through the document's own DOCTYPE the values are normalised first (§3.3.3), so the same spacing is valid", () => {
    const doc = '<!DOCTYPE a [<!ELEMENT a EMPTY><!ATTLIST a id ID #IMPLIED refs IDREFS #IMPLIED codes NMTOKENS #IMPLIED>]><a id="x" refs=" x  x " codes=" p  q "/>';
    expect(validateString(doc, { file: "doc.xml" }).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

describe("a wrong default namespace on an element is reported once, not again for each descendant", () => {
  const NS_SCHEMA = `<xs:schema ${XS}>
    <xs:element name="r"><xs:complexType><xs:sequence><xs:element name="a" type="A"/></xs:sequence></xs:complexType></xs:element>
    <xs:complexType name="A"><xs:sequence><xs:element name="b" type="B"/></xs:sequence></xs:complexType>
    <xs:complexType name="B"><xs:sequence><xs:element name="c" type="xs:int"/></xs:sequence></xs:complexType>
  </xs:schema>`;
  const schema = () => compileSchema(readXsdText(NS_SCHEMA, "ns.xsd").model!).schema;

  it("the element with xmlns=\"urn:other\" gets the error; its children, in the same namespace, are taken as meant", () => {
    const found = validateString('<r><a xmlns="urn:other"><b><c>1</c></b></a></r>', { file: "doc.xml", schema: schema() }).diagnostics;
    expect(found.map((d) => [d.code, d.path])).toEqual([["valid/unexpected-element", "/r/a"]]);
  });
  it("a mistake of its own below it is still reported", () => {
    const found = validateString('<r><a xmlns="urn:other"><b><c>x</c></b></a></r>', { file: "doc.xml", schema: schema() }).diagnostics;
    expect(found.map((d) => [d.code, d.path])).toEqual([
      ["valid/unexpected-element", "/r/a"],
      ["valid/text-type", "/r/a/b/c"],
    ]);
    const misspelt = validateString('<r><a xmlns="urn:other"><bb><c>1</c></bb></a></r>', { file: "doc.xml", schema: schema() }).diagnostics;
    expect(misspelt.map((d) => d.path)).toContain("/r/a/bb");
  });
  it("a child that leaves the wrong namespace (xmlns=\"\") is matched as written", () => {
    const found = validateString('<r><a xmlns="urn:other"><b xmlns=""><c>1</c></b></a></r>', { file: "doc.xml", schema: schema() }).diagnostics;
    expect(found.map((d) => [d.code, d.path])).toEqual([["valid/unexpected-element", "/r/a"]]);
  });
});
