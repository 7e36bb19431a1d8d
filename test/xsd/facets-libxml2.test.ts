/**
 * Facet applicability and facet values, differential against libxml2: a restriction of each
 * base with one facet is read by qxml and compiled by libxml2; the verdicts must agree except
 * where a reason says why.
 */
import { libxml2AcceptsText } from "./libxml2-schemas.js";
import { describe, expect, test } from "vitest";
import { read } from "./helpers.js";

const CASES: [base: string, facet: string, value: string][] = [
  ["xs:string", "totalDigits", "3"],
  ["xs:string", "maxLength", "3"],
  ["xs:string", "maxInclusive", "3"],
  ["xs:int", "length", "3"],
  ["xs:int", "totalDigits", "3"],
  ["xs:int", "fractionDigits", "0"],
  ["xs:boolean", "enumeration", "true"],
  ["xs:boolean", "pattern", "true|false"],
  ["xs:date", "maxLength", "3"],
  ["xs:date", "minInclusive", "2020-01-01"],
  ["xs:anyURI", "minLength", "1"],
  ["xs:hexBinary", "length", "2"],
  ["xs:NMTOKENS", "maxInclusive", "3"],
  ["xs:NMTOKENS", "minLength", "1"],
  ["xs:double", "fractionDigits", "1"],
  ["xs:decimal", "totalDigits", "0"],
  ["xs:string", "length", "-1"],
  ["xs:string", "whiteSpace", "collapse"],
  ["xs:token", "whiteSpace", "preserve"],
  ["xs:int", "whiteSpace", "preserve"],
];

/** Where qxml deliberately differs. */
const KNOWN: Record<string, string> = {
  "xs:token whiteSpace preserve":
    "qxml right: 'whiteSpace valid restriction' (XSD 1.0 Part 2 §4.3.6.4) forbids preserve or replace when the base's whiteSpace is collapse; libxml2 accepts it",
  "xs:int whiteSpace preserve":
    "qxml right: whiteSpace is fixed to collapse for xs:decimal and its derivations (XSD 1.0 Part 2 §3.2.3, whiteSpace fixed=true); libxml2 accepts the looser value",
};

function schemaText(base: string, facet: string, value: string): string {
  return `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:simpleType name="T"><xs:restriction base="${base}"><xs:${facet} value="${value}"/></xs:restriction></xs:simpleType></xs:schema>`;
}

describe("facets: qxml and libxml2 agree on what a restriction may say", () => {
  test.each(CASES)("%s with xs:%s=%s", (base, facet, value) => {
    const text = schemaText(base, facet, value);
    const qxml = read(text).model !== null;
    const libxml2 = libxml2AcceptsText(text);
    const key = `${base} ${facet} ${value}`;
    if (KNOWN[key] !== undefined) expect(qxml).not.toBe(libxml2);
    else expect(qxml, key).toBe(libxml2);
  });

  test("the error names the facet and what applies", () => {
    const r = read(schemaText("xs:boolean", "enumeration", "true"));
    expect(r.diagnostics).toMatchObject([{ code: "xsd/invalid-facet", params: { facet: "enumeration" } }]);
    expect(r.diagnostics[0].message).toBe('facet xs:enumeration has value "true"; expected no xs:enumeration at all: it does not apply to types derived from xs:boolean');
    expect(r.diagnostics[0].hint).toBe("remove xs:enumeration; the facets that apply to types derived from xs:boolean are pattern, whiteSpace");
  });
});
