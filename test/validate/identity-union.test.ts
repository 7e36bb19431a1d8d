/**
 * Identity-constraint fields of a union type: a union value is the value of the member type
 * that validated it, the first member that accepts the literal (XSD 1.0 Part 2 §2.5.1.3), so it
 * compares as that member's value (XSD 1.0 §3.11.4 cvc-identity-constraint, key-sequences equal
 * by value). Each case also runs through libxml2; where it disagrees the case says why.
 */
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { libxml2Verdicts, runXsd, uniqueKeyrefSchema } from "./xsd-cases.js";

/** Named unions (and lists) the cases use. */
const TYPES = `<xs:simpleType name="intOrString"><xs:union memberTypes="xs:int xs:string"/></xs:simpleType>
<xs:simpleType name="stringOrInt"><xs:union memberTypes="xs:string xs:int"/></xs:simpleType>
<xs:simpleType name="decimalOrToken"><xs:union memberTypes="xs:decimal xs:token"/></xs:simpleType>
<xs:simpleType name="nested"><xs:union memberTypes="intOrString"/></xs:simpleType>
<xs:simpleType name="ints"><xs:list itemType="xs:int"/></xs:simpleType>
<xs:simpleType name="intsOrString"><xs:union memberTypes="ints xs:string"/></xs:simpleType>
<xs:simpleType name="unionList"><xs:list itemType="intOrString"/></xs:simpleType>`;

/** <r> with <v> values of `valueType` under a unique and <ref> of `refType` under a keyref to it. */
const schema = (valueType: string, refType: string): string => uniqueKeyrefSchema(valueType, refType, TYPES);

interface Case {
  name: string;
  xsd: string;
  xml: string;
  codes: string[];
  /** libxml2's verdict when it differs from qxml's, and why qxml follows the spec. */
  libxml2?: { valid: boolean; why: string };
}

const CASES: Case[] = [
  { name: "int member: 01 and 1 are the same int", xsd: schema("intOrString", "xs:int"), xml: `<r><v>01</v><v>1</v></r>`, codes: ["valid/duplicate-key"] },
  { name: "int member: 01 matches an xs:int reference 1", xsd: schema("intOrString", "xs:int"), xml: `<r><v>01</v><ref>1</ref></r>`, codes: [] },
  { name: "string member: abc matches an xs:string reference", xsd: schema("intOrString", "xs:string"), xml: `<r><v>abc</v><ref>abc</ref></r>`, codes: [] },
  { name: "int member: 1 is not the string 1", xsd: schema("intOrString", "xs:string"), xml: `<r><v>1</v><ref>1</ref></r>`, codes: ["valid/keyref-no-match"] },
  { name: "string member first: 1 is a string, not the int 1", xsd: schema("stringOrInt", "xs:int"), xml: `<r><v>1</v><ref>1</ref></r>`, codes: ["valid/keyref-no-match"] },
  { name: "string member first: 01 and 1 are different strings", xsd: schema("stringOrInt", "xs:int"), xml: `<r><v>01</v><v>1</v></r>`, codes: [] },
  { name: "union reference: its int member matches the union's int member", xsd: schema("intOrString", "intOrString"), xml: `<r><v>+7</v><ref>07</ref></r>`, codes: [] },
  { name: "decimal member: 1.0 and 1 are one decimal", xsd: schema("decimalOrToken", "xs:decimal"), xml: `<r><v>1.0</v><v>1</v></r>`, codes: ["valid/duplicate-key"] },
  { name: "token member: white space collapsed before comparing", xsd: schema("decimalOrToken", "xs:token"), xml: `<r><v> a  b </v><ref>a b</ref></r>`, codes: [] },
  { name: "a union restricting a union: the inner member decides", xsd: schema("nested", "xs:int"), xml: `<r><v>01</v><ref>1</ref></r>`, codes: [] },
  { name: "list member: 01 2 is the int list 1 2", xsd: schema("intsOrString", "ints"), xml: `<r><v>01 2</v><ref>1 02</ref></r>`, codes: [] },
  { name: "list of union items: each item by its member", xsd: schema("unionList", "unionList"), xml: `<r><v>01 a</v><ref>1 a</ref></r>`, codes: [] },
];

const run = (xsd: string, xml: string): Diagnostic[] => runXsd(xsd, xml, "idc-union.xsd");

describe("identity-constraint fields of a union type compare as the validating member's value", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(run(c.xsd, c.xml).map((d) => d.code)).toEqual(c.codes);
  });

  it("libxml2 gives the same verdict, except where a case says why not", async () => {
    expect(await libxml2Verdicts(CASES)).toEqual(CASES.map((c) => `${c.name}: ${c.libxml2?.valid ?? c.codes.length === 0}`));
  });

  it("the duplicate says which value, where the first one was, and where", () => {
    const [d] = run(schema("intOrString", "xs:int"), `<r>\n<v>01</v>\n<v>1</v></r>`);
    expect({ code: d.code, line: d.line, path: d.path }).toEqual({ code: "valid/duplicate-key", line: 3, path: "/r/v[2]" });
    expect(d.message).toBe("v: duplicate key-sequence ['1'] in unique 'U'; the same value was first at line 2, column 1");
  });
});
