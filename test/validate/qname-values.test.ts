/**
 * Values of QName and NOTATION types (and of lists, unions and restrictions of them) compare as
 * {namespace, local part} (XSD 1.0 Part 2 §3.2.18), not as written: an enumeration member,
 * fixed or default value resolves its prefix through the schema document's bindings, an
 * instance value through the instance's. Every verdict is checked against libxml2, except the
 * fixed values of elements, where libxml2 compares strings (listed below with the reason).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readXsdFile } from "../../src/schema/xsd/index.js";
import { compileSchema, validateString, type CompiledSchema } from "../../src/validate/index.js";
import { libxml2 } from "../../test-support/libxml2.js";

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';
/** tns → urn:t, o → urn:o and the default namespace urn:d, in the schema document only. */
const SCHEMA = `<xs:schema ${XS} xmlns:tns="urn:t" xmlns:o="urn:o" xmlns="urn:d" targetNamespace="urn:t">
<xs:notation name="gif" public="image/gif"/>
<xs:simpleType name="E"><xs:restriction base="xs:QName"><xs:enumeration value="tns:A"/><xs:enumeration value="B"/></xs:restriction></xs:simpleType>
<xs:simpleType name="N"><xs:restriction base="xs:NOTATION"><xs:enumeration value="tns:gif"/></xs:restriction></xs:simpleType>
<xs:simpleType name="L"><xs:list itemType="tns:E"/></xs:simpleType>
<xs:simpleType name="QL"><xs:list itemType="xs:QName"/></xs:simpleType>
<xs:simpleType name="LE"><xs:restriction base="tns:QL"><xs:enumeration value="tns:A o:B"/></xs:restriction></xs:simpleType>
<xs:simpleType name="U"><xs:union memberTypes="xs:int xs:QName"/></xs:simpleType>
<xs:simpleType name="UE"><xs:restriction base="tns:U"><xs:enumeration value="tns:A"/><xs:enumeration value="5"/></xs:restriction></xs:simpleType>
<xs:simpleType name="E2"><xs:restriction base="tns:E"><xs:enumeration xmlns:x="urn:t" value="x:A"/></xs:restriction></xs:simpleType>
<xs:simpleType name="S"><xs:restriction base="xs:string"><xs:enumeration value="tns:A"/></xs:restriction></xs:simpleType>
<xs:element name="r"><xs:complexType><xs:sequence>
 <xs:element name="e" type="tns:E" minOccurs="0" maxOccurs="unbounded"/>
 <xs:element name="q" type="xs:QName" minOccurs="0" maxOccurs="unbounded"/>
 <xs:element name="f" type="xs:QName" fixed="tns:A" minOccurs="0" maxOccurs="unbounded"/>
 <xs:element name="l" type="tns:L" minOccurs="0" maxOccurs="unbounded"/>
 <xs:element name="le" type="tns:LE" minOccurs="0" maxOccurs="unbounded"/>
 <xs:element name="u" type="tns:UE" minOccurs="0" maxOccurs="unbounded"/>
 <xs:element name="e2" type="tns:E2" minOccurs="0" maxOccurs="unbounded"/>
 <xs:element name="s" type="tns:S" minOccurs="0" maxOccurs="unbounded"/>
 <xs:element name="k" type="xs:QName" minOccurs="0" maxOccurs="unbounded"/>
</xs:sequence>
<xs:attribute name="ea" type="tns:E"/>
<xs:attribute name="n" type="tns:N"/>
<xs:attribute name="fa" type="xs:QName" fixed="tns:A"/>
</xs:complexType>
<xs:unique name="oneK"><xs:selector xpath="k"/><xs:field xpath="."/></xs:unique>
</xs:element>
</xs:schema>`;

const dir = mkdtempSync(join(tmpdir(), "qxml-qname-values-"));
const schemaFile = join(dir, "qnames.xsd");
writeFileSync(schemaFile, SCHEMA);

let compiled: CompiledSchema | undefined;
function schema(): CompiledSchema {
  if (compiled !== undefined) return compiled;
  const r = readXsdFile(schemaFile);
  expect(r.diagnostics).toEqual([]);
  const out = compileSchema(r.model!);
  expect(out.diagnostics).toEqual([]);
  compiled = out.schema;
  return compiled;
}

/** The root in urn:t (prefix t); its children are unqualified, so they take xmlns declarations freely. */
const doc = (body: string, attrs = "") => `<t:r xmlns:t="urn:t"${attrs === "" ? "" : ` ${attrs}`}>${body}</t:r>`;
const run = (xml: string) => validateString(xml, { file: "doc.xml", schema: schema() });

interface Case {
  name: string;
  xml: string;
  codes: string[];
  /** libxml2's verdict differs, deliberately: why qxml is right. */
  libxml2Differs?: string;
}

const ELEMENT_FIXED =
  "libxml2 compares an element's fixed value as a string (and checks a substituted one in the instance's scope), " +
  "though it compares an attribute's fixed value as a value; XSD 1.1 cvc-elt 5.2.2.2.2 (\"equal or identical to the {value constraint} value\") and §3.2.18 say values";

const CASES: Case[] = [
  { name: "enumeration: the schema's prefix, bound to the same namespace", xml: doc(`<e xmlns:tns="urn:t">tns:A</e>`), codes: [] },
  { name: "enumeration: another prefix bound to the same namespace", xml: doc(`<e xmlns:x="urn:t">x:A</e>`), codes: [] },
  { name: "enumeration: the schema's prefix bound to another namespace", xml: doc(`<e xmlns:tns="urn:zz">tns:A</e>`), codes: ["valid/text-type"] },
  { name: "enumeration: a prefix for the schema's default namespace", xml: doc(`<e xmlns:d="urn:d">d:B</e>`), codes: [] },
  { name: "enumeration: unprefixed, in the instance's default namespace (as the schema's)", xml: doc("", `xmlns="urn:d" ea="B"`), codes: [] },
  { name: "enumeration: unprefixed, no default namespace in the instance", xml: doc("", `ea="B"`), codes: ["valid/attribute-type"] },
  { name: "enumeration: unprefixed, in another default namespace", xml: doc("", `xmlns="urn:zz" ea="B"`), codes: ["valid/attribute-type"] },
  { name: "enumeration: an unbound prefix", xml: doc(`<e>x:A</e>`), codes: ["valid/text-type"] },
  { name: "xs:QName: an unbound prefix", xml: doc(`<q>x:A</q>`), codes: ["valid/text-type"] },
  { name: "xs:QName: the xml prefix is always bound", xml: doc(`<q>xml:lang</q>`), codes: [] },
  { name: "restricted enumeration (x bound on xs:enumeration itself): a third prefix", xml: doc(`<e2 xmlns:y="urn:t">y:A</e2>`), codes: [] },
  { name: "restricted enumeration: a member of the base only", xml: doc(`<e2 xmlns:d="urn:d">d:B</e2>`), codes: ["valid/text-type"] },
  { name: "xs:string enumeration: still compared as written", xml: doc(`<s xmlns:x="urn:t">x:A</s>`), codes: ["valid/text-type"] },
  { name: "NOTATION enumeration: another prefix for the namespace", xml: doc("", `xmlns:y="urn:t" n="y:gif"`), codes: [] },
  { name: "NOTATION enumeration: the schema's prefix bound to another namespace", xml: doc("", `xmlns:tns="urn:zz" n="tns:gif"`), codes: ["valid/attribute-type"] },
  { name: "list of an enumerated QName type: other prefixes", xml: doc(`<l xmlns:x="urn:t" xmlns:d="urn:d">x:A d:B</l>`), codes: [] },
  { name: "list of an enumerated QName type: an item in no namespace", xml: doc(`<l xmlns:x="urn:t">x:A B</l>`), codes: ["valid/text-type"] },
  { name: "enumerated list of QNames: other prefixes", xml: doc(`<le xmlns:x="urn:t" xmlns:p="urn:o">x:A p:B</le>`), codes: [] },
  { name: "enumerated list of QNames: the schema's prefixes, swapped namespaces", xml: doc(`<le xmlns:tns="urn:o" xmlns:o="urn:t">tns:A o:B</le>`), codes: ["valid/text-type"] },
  { name: "enumerated union: the QName member, another prefix", xml: doc(`<u xmlns:x="urn:t">x:A</u>`), codes: [] },
  { name: "enumerated union: the int member", xml: doc(`<u>5</u>`), codes: [] },
  { name: "enumerated union: the schema's prefix bound to another namespace", xml: doc(`<u xmlns:tns="urn:zz">tns:A</u>`), codes: ["valid/text-type"] },
  { name: "fixed attribute: another prefix for the namespace", xml: doc("", `xmlns:y="urn:t" fa="y:A"`), codes: [] },
  { name: "fixed attribute: the schema's prefix bound to another namespace", xml: doc("", `xmlns:tns="urn:zz" fa="tns:A"`), codes: ["valid/fixed-attribute"] },
  { name: "fixed element: the schema's prefix, same namespace", xml: doc(`<f xmlns:tns="urn:t">tns:A</f>`), codes: [] },
  { name: "fixed element: another prefix for the namespace", xml: doc(`<f xmlns:x="urn:t">x:A</f>`), codes: [], libxml2Differs: ELEMENT_FIXED },
  { name: "fixed element: the schema's prefix bound to another namespace", xml: doc(`<f xmlns:tns="urn:zz">tns:A</f>`), codes: ["valid/fixed-element"], libxml2Differs: ELEMENT_FIXED },
  { name: "fixed element: empty, the value is the schema's (its prefix is bound there)", xml: doc(`<f/>`), codes: [], libxml2Differs: ELEMENT_FIXED },
  { name: "unique QName field: two prefixes, one namespace", xml: doc(`<k xmlns:x="urn:t">x:A</k><k xmlns:y="urn:t">y:A</k>`), codes: ["valid/duplicate-key"] },
  { name: "unique QName field: one prefix, two namespaces", xml: doc(`<k xmlns:x="urn:t">x:A</k><k xmlns:x="urn:u">x:A</k>`), codes: [] },
];

describe("QName and NOTATION values compare {namespace, local}, not prefixes", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(run(c.xml).diagnostics.map((d) => d.code)).toEqual(c.codes);
  });

  it("libxml2 gives the same verdict, except on the listed element fixed values", async () => {
    const lib = await libxml2();
    const prepared = lib.prepare({ kind: "xsd", file: schemaFile });
    expect(prepared.diagnostics).toEqual([]);
    const disagreements: string[] = [];
    try {
      for (const c of CASES) {
        const theirs = prepared.validate(c.xml, { file: "doc.xml" }).valid;
        const ours = c.codes.length === 0;
        const expected = c.libxml2Differs === undefined ? ours : !ours;
        if (theirs !== expected) disagreements.push(`${c.name}: libxml2 ${theirs ? "valid" : "invalid"}, qxml ${ours ? "valid" : "invalid"}`);
      }
    } finally {
      prepared.dispose();
    }
    expect(disagreements).toEqual([]);
  });

  it("an unbound prefix in an instance value is an error with its place and the prefix", () => {
    const xml = `<t:r xmlns:t="urn:t">\n  <q>x:A</q>\n</t:r>`;
    const [d, ...rest] = run(xml).diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: "valid/text-type", line: 2, column: 6 });
    expect(d.params?.typeCode).toBe("type/qname-prefix");
    expect(d.message).toContain('the prefix "x" of QName "x:A" is not bound to a namespace');
    expect(d.hint).toContain('xmlns:x="..."');
  });

  it("an unbound prefix in an attribute value too", () => {
    const xml = `<t:r xmlns:t="urn:t"\n   n="zz:gif"/>`;
    const [d, ...rest] = run(xml).diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: "valid/attribute-type", line: 2, column: 4 });
    expect(d.params?.typeCode).toBe("type/qname-prefix");
    expect(d.message).toContain('the prefix "zz" of QName "zz:gif" is not bound');
  });

  it("a prefix bound elsewhere is explained with both namespaces", () => {
    const [d] = run(doc(`<e xmlns:tns="urn:zz">tns:A</e>`)).diagnostics;
    expect(d.params?.typeCode).toBe("type/enumeration");
    expect(d.hint).toContain('"tns:A" is {urn:zz}A here, but the schema allows {urn:t}A (written "tns:A"): use a prefix bound to urn:t');
  });

  it("the model keeps the schema's bindings for QName values only, and only the prefixes they use", () => {
    const model = readXsdFile(schemaFile).model!;
    const byName = (name: string) => model.simpleTypes.find((t) => t.name === name)!;
    expect(byName("E").facets.enumeration).toEqual([
      { value: "tns:A", namespaces: { tns: "urn:t" } },
      { value: "B", namespaces: { "": "urn:d" } },
    ]);
    expect(byName("LE").facets.enumeration).toEqual([{ value: "tns:A o:B", namespaces: { tns: "urn:t", o: "urn:o" } }]);
    expect(byName("UE").facets.enumeration).toEqual([
      { value: "tns:A", namespaces: { tns: "urn:t" } },
      { value: "5", namespaces: { "": "urn:d" } },
    ]);
    expect(byName("E2").facets.enumeration).toEqual([{ value: "x:A", namespaces: { x: "urn:t" } }]);
    expect(byName("S").facets.enumeration).toEqual([{ value: "tns:A" }]);
    const r = model.elements.find((e) => e.name === "r")!;
    const attrs = model.complexTypes[r.type.id].attributes;
    expect(attrs.find((a) => a.name === "fa")?.valueNamespaces).toEqual({ tns: "urn:t" });
    expect(model.elements.find((e) => e.name === "f")?.valueNamespaces).toEqual({ tns: "urn:t" });
  });
});
