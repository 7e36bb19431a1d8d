/**
 * xsi:type="xs:anyType" where the declared type is another: the type exists in every schema (it is
 * the root of the hierarchy), so the problem is derivation (cvc-elt.4.3), not a missing type — also
 * when the schema itself never names xs:anyType. Found by the validity differential on libxml2's
 * test schemas (the message said "no such type is declared in the schema").
 */
import { describe, expect, it } from "vitest";
import { runXsd } from "./xsd-cases.js";

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';
const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
const errors = (schema: string, xml: string) =>
  runXsd(schema, xml)
    .filter((d) => d.severity === "error")
    .map((d) => [d.code, d.message]);

const anonymous = `<xs:schema ${XS}><xs:element name="r"><xs:complexType><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence></xs:complexType></xs:element></xs:schema>`;

describe('xsi:type="xs:anyType"', () => {
  it("on an element of another type: does not derive (the schema never names xs:anyType)", () => {
    expect(errors(anonymous, `<r ${XSI} ${XS} xsi:type="xs:anyType"><a>x</a></r>`)).toEqual([
      ["valid/xsi-type", 'r: xsi:type="xs:anyType": the type does not derive from the declared type (anonymous type)'],
    ]);
  });
  it("a type the schema does not have is still reported as such", () => {
    expect(errors(anonymous, `<r ${XSI} ${XS} xsi:type="xs:noSuchType"><a>x</a></r>`)).toEqual([
      ["valid/xsi-type", 'r: xsi:type="xs:noSuchType": no such type is declared in the schema'],
    ]);
  });
  it("on an element declared as xs:anyType (with or without type=): valid", () => {
    const s = `<xs:schema ${XS}><xs:element name="r"/><xs:element name="q" type="xs:anyType"/></xs:schema>`;
    expect(errors(s, `<r ${XSI} ${XS} xsi:type="xs:anyType"><a>x</a></r>`)).toEqual([]);
    expect(errors(s, `<q ${XSI} ${XS} xsi:type="xs:anyType"><a>x</a></q>`)).toEqual([]);
  });
});
