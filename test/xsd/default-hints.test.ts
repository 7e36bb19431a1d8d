/**
 * Every schema error says how to fix it: xsd/syntax and xsd/invalid-derivation carry a default hint
 * where the place that reports them gives none (the schema-mutation run counted 27 + 54 such
 * rejections without one), and a site's own hint still wins.
 */
import { describe, expect, it } from "vitest";
import { readXsdText } from "../../src/schema/xsd/index.js";

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';
const first = (xsd: string, code: string) => readXsdText(xsd, "s.xsd").diagnostics.find((d) => d.code === code);

describe("default hints of schema errors", () => {
  it("xsd/syntax: where to look up what the element takes", () => {
    const d = first(`<xs:schema ${XS}><xs:simpleType name="t"/></xs:schema>`, "xsd/syntax");
    expect(d?.message).toBe("xs:simpleType needs an xs:restriction, xs:list or xs:union child");
    expect(d?.hint).toMatch(/^correct the schema here: XML Schema 1\.0 Part 1 lists/);
  });
  it("xsd/syntax: a site's own hint is kept", () => {
    const d = first(`<xs:schema ${XS}><xs:simpleType name="t"><xs:restriction base="xs:string"><xs:maxLength value="1"/><xs:maxLength value="2"/></xs:restriction></xs:simpleType></xs:schema>`, "xsd/syntax");
    expect(d?.hint).toBe("keep one xs:maxLength (only xs:pattern and xs:enumeration may repeat)");
  });
  it("xsd/invalid-derivation: make it a valid restriction or extension", () => {
    const d = first(
      `<xs:schema ${XS}><xs:complexType name="b"><xs:simpleContent><xs:extension base="xs:string"/></xs:simpleContent></xs:complexType><xs:complexType name="d"><xs:complexContent><xs:restriction base="b"/></xs:complexContent></xs:complexType></xs:schema>`,
      "xsd/invalid-derivation",
    );
    expect(d?.message).toBe('complexContent cannot restrict "b", which has simple content; use simpleContent');
    expect(d?.hint).toMatch(/^make the type a valid restriction or extension of its base/);
  });
});
