/**
 * What a field's node must be and how its value compares (XSD 1.0 §3.11.4
 * cvc-identity-constraint.3): an attribute no declaration covers has no simple type, and list
 * values compare item by item, a one-item list equal to its item (XSD 1.1 Part 2 §2.2.3). Each
 * case is run through libxml2 too; where it disagrees the case says why (test-support/schema-known.ts).
 */
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { libxml2Verdicts, runXsd, uniqueKeyrefSchema } from "./xsd-cases.js";

const XS = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">`;

/** <r> with <i k=".."> items (of `itemType`, xs:anyType when absent) and <ref to=".."> references. */
const untypedItems = (constraints: string, itemType = "xs:anyType"): string => `${XS}
<xs:element name="r"><xs:complexType><xs:sequence>
  <xs:element name="i" type="${itemType}" minOccurs="0" maxOccurs="unbounded"/>
  <xs:element name="ref" minOccurs="0" maxOccurs="unbounded"><xs:complexType><xs:attribute name="to" type="xs:string"/></xs:complexType></xs:element>
</xs:sequence></xs:complexType>
${constraints}
</xs:element>
<xs:complexType name="Typed"><xs:attribute name="k" type="xs:string"/></xs:complexType>
<xs:complexType name="Lax"><xs:anyAttribute processContents="lax"/></xs:complexType>
</xs:schema>`;

const KEY = `<xs:key name="K"><xs:selector xpath="i"/><xs:field xpath="@k"/></xs:key>`;
const UNIQUE = `<xs:unique name="U"><xs:selector xpath="i"/><xs:field xpath="@k"/></xs:unique>`;
const KEYREF_TO_I = `<xs:keyref name="R" refer="K"><xs:selector xpath="i"/><xs:field xpath="@k"/></xs:keyref>`;
const TYPED_KEY_ON_REF = `<xs:key name="K"><xs:selector xpath="ref"/><xs:field xpath="@to"/></xs:key>`;

/** <r> with <v> values of `valueType` under a unique and <ref> of `refType` under a keyref to it. */
const lists = (valueType: string, refType: string): string => uniqueKeyrefSchema(valueType, refType, '<xs:simpleType name="ints"><xs:list itemType="xs:int"/></xs:simpleType>');

interface Case {
  name: string;
  xsd: string;
  xml: string;
  codes: string[];
  /** libxml2's verdict when it differs from qxml's, with the known difference that explains it. */
  libxml2?: { valid: boolean; known: string };
}

const CASES: Case[] = [
  { name: "key on an attribute of an element of xs:anyType: no declaration, no type", xsd: untypedItems(KEY), xml: `<r><i k="a"/></r>`, codes: ["valid/key-field-untyped"] },
  { name: "key on an attribute a lax wildcard admits without a declaration", xsd: untypedItems(KEY, "Lax"), xml: `<r><i k="a"/></r>`, codes: ["valid/key-field-untyped"] },
  { name: "key on a declared attribute (control)", xsd: untypedItems(KEY, "Typed"), xml: `<r><i k="a"/><i k="b"/></r>`, codes: [] },
  { name: "key: an element without the attribute is still missing its field", xsd: untypedItems(KEY), xml: `<r><i/></r>`, codes: ["valid/missing-key-field"] },
  {
    name: "unique on an undeclared attribute",
    xsd: untypedItems(UNIQUE),
    xml: `<r><i k="a"/></r>`,
    codes: ["valid/key-field-untyped"],
    libxml2: { valid: true, known: "libxml2-unassessed-attribute-field-ignored" },
  },
  {
    name: "keyref on an undeclared attribute",
    xsd: untypedItems(TYPED_KEY_ON_REF + KEYREF_TO_I),
    xml: `<r><i k="a"/><ref to="a"/></r>`,
    codes: ["valid/key-field-untyped"],
    libxml2: { valid: true, known: "libxml2-unassessed-attribute-field-ignored" },
  },
  { name: "list: a one-item NMTOKENS value matches an xs:string reference", xsd: lists("xs:NMTOKENS", "xs:string"), xml: `<r><v>41</v><ref>41</ref></r>`, codes: [] },
  { name: "list: an xs:string value matches a one-item NMTOKENS reference", xsd: lists("xs:string", "xs:NMTOKENS"), xml: `<r><v>41</v><ref> 41 </ref></r>`, codes: [] },
  { name: "list: two items never equal one string with a space", xsd: lists("xs:string", "xs:NMTOKENS"), xml: `<r><v>a b</v><ref>a b</ref></r>`, codes: ["valid/keyref-no-match"] },
  { name: "list: items compare in their value space (int 01 = 1)", xsd: lists("ints", "ints"), xml: `<r><v>01 2</v><ref>1 02</ref></r>`, codes: [] },
  { name: "list: duplicates after white space collapse", xsd: lists("xs:NMTOKENS", "xs:NMTOKENS"), xml: `<r><v>a  b</v><v> a b</v></r>`, codes: ["valid/duplicate-key"] },
  { name: "list: a one-item int list is not the string \"1\"", xsd: lists("ints", "xs:string"), xml: `<r><v>1</v><ref>1</ref></r>`, codes: ["valid/keyref-no-match"] },
];

const run = (xsd: string, xml: string): Diagnostic[] => runXsd(xsd, xml, "idc.xsd");

describe("identity-constraint fields", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(run(c.xsd, c.xml).map((d) => d.code)).toEqual(c.codes);
  });

  it("libxml2 gives the same verdict, except where a known difference says otherwise", async () => {
    expect(await libxml2Verdicts(CASES)).toEqual(CASES.map((c) => `${c.name}: ${c.libxml2?.valid ?? c.codes.length === 0}`));
  });

  it("an untyped field says which attribute, of which element, and what to declare", () => {
    const [d] = run(untypedItems(KEY), `<r>\n  <i k="a"/></r>`);
    expect({ code: d.code, line: d.line, column: d.column, path: d.path }).toEqual({ code: "valid/key-field-untyped", line: 2, column: 3, path: "/r/i" });
    expect(d.message).toBe("i: field '@k' of key 'K' selects attribute k of <i>, which no attribute declaration covers: it was not validated, so it has no simple type");
    expect(d.hint).toBe("Declare k in the type of <i> (or globally, for a wildcard to find it): a field must select a node of a simple type.");
  });

  it("an attribute a global declaration covers is typed through it", () => {
    const xsd = untypedItems(KEY).replace("</xs:schema>", `<xs:attribute name="k" type="xs:int"/></xs:schema>`);
    expect(run(xsd, `<r><i k="1"/><i k="01"/></r>`).map((d) => d.code)).toEqual(["valid/duplicate-key"]);
  });
});
