import { describe, expect, it } from "vitest";
import { readXsdText } from "../../src/schema/xsd/index.js";
import { compileSchema, validateString } from "../../src/validate/index.js";

// Elements whose text is an xs:ID / xs:IDREF(S) take part in ID bookkeeping like attributes; other
// simple values are not normalised a second time for it.
const XSD = `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="LIST">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="ITEM" maxOccurs="unbounded">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="KEY" type="xs:ID"/>
              <xs:element name="REFS" type="xs:IDREFS" minOccurs="0"/>
              <xs:element name="NAME" type="xs:token"/>
            </xs:sequence>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>`;

function check(xml: string): [string, string | undefined][] {
  const r = readXsdText(XSD, "ids.xsd");
  expect(r.model, JSON.stringify(r.diagnostics)).not.toBeNull();
  const { schema } = compileSchema(r.model!);
  return validateString(xml, { file: "doc.xml", schema }).diagnostics.map((d) => [d.code, d.path]);
}

describe("engine: xs:ID element text", () => {
  it("accepts unique keys and resolved references (white space collapsed)", () => {
    expect(check(`<LIST><ITEM><KEY> a </KEY><NAME>x</NAME></ITEM><ITEM><KEY>b</KEY><REFS> a  b </REFS><NAME> y </NAME></ITEM></LIST>`)).toEqual([]);
  });
  it("reports a key used twice and a reference to no key", () => {
    expect(check(`<LIST><ITEM><KEY>a</KEY><NAME>x</NAME></ITEM><ITEM><KEY>a</KEY><REFS>a zz</REFS><NAME>y</NAME></ITEM></LIST>`)).toEqual([
      ["valid/duplicate-id", "/LIST/ITEM[2]/KEY"],
      ["valid/unresolved-idref", "/LIST/ITEM[2]/REFS"],
    ]);
  });
});
