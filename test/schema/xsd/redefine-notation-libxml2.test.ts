/**
 * The schema errors of xs:redefine and xs:notation, read by qxml and compiled by libxml2: where
 * both reject, and the three cases where libxml2 accepts what XSD 1.0 forbids (pinned, with the
 * rule qxml follows; docs/xsd-support.md).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { readXsdFile } from "../../../src/schema/xsd/index.js";
import { libxml2Accepts } from "../../xsd/libxml2-schemas.js";

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';
const BASE = `<xs:schema ${XS}>
<xs:complexType name="T"><xs:sequence><xs:element name="a"/></xs:sequence></xs:complexType>
<xs:simpleType name="S"><xs:restriction base="xs:string"/></xs:simpleType>
<xs:group name="G"><xs:sequence><xs:element name="g1"/></xs:sequence></xs:group>
<xs:attributeGroup name="AG"><xs:attribute name="x"/></xs:attributeGroup>
</xs:schema>`;
const redefine = (body: string) => `<xs:schema ${XS}><xs:redefine schemaLocation="base.xsd">${body}</xs:redefine></xs:schema>`;
const plain = (body: string) => `<xs:schema ${XS}>${body}</xs:schema>`;

interface Case {
  name: string;
  text: string;
  qxml: string | null;
  libxml2: boolean;
}

const CASES: Case[] = [
  { name: "redefined component missing", text: redefine(`<xs:complexType name="Nope"><xs:complexContent><xs:extension base="Nope"/></xs:complexContent></xs:complexType>`), qxml: "xsd/redefine-missing", libxml2: false },
  { name: "simpleType whose base is not itself", text: redefine(`<xs:simpleType name="S"><xs:restriction base="xs:string"/></xs:simpleType>`), qxml: "xsd/redefine-base", libxml2: false },
  { name: "group self-reference with maxOccurs 2", text: redefine(`<xs:group name="G"><xs:sequence><xs:group ref="G" maxOccurs="2"/></xs:sequence></xs:group>`), qxml: "xsd/redefine-self-reference", libxml2: false },
  { name: "group self-reference twice", text: redefine(`<xs:group name="G"><xs:sequence><xs:group ref="G"/><xs:group ref="G"/></xs:sequence></xs:group>`), qxml: "xsd/redefine-self-reference", libxml2: false },
  { name: "attributeGroup self-reference twice", text: redefine(`<xs:attributeGroup name="AG"><xs:attributeGroup ref="AG"/><xs:attributeGroup ref="AG"/></xs:attributeGroup>`), qxml: "xsd/redefine-self-reference", libxml2: false },
  { name: "enumeration value not a declared notation", text: plain(`<xs:notation name="gif" public="x"/><xs:simpleType name="N"><xs:restriction base="xs:NOTATION"><xs:enumeration value="png"/></xs:restriction></xs:simpleType>`), qxml: "xsd/undeclared-notation", libxml2: false },
  { name: "a valid redefine of all four kinds", text: redefine(`<xs:complexType name="T"><xs:complexContent><xs:extension base="T"/></xs:complexContent></xs:complexType><xs:simpleType name="S"><xs:restriction base="S"/></xs:simpleType><xs:group name="G"><xs:sequence><xs:group ref="G"/></xs:sequence></xs:group><xs:attributeGroup name="AG"><xs:attributeGroup ref="AG"/></xs:attributeGroup>`), qxml: null, libxml2: true },
  // libxml2 accepts these three; XSD 1.0 forbids them:
  // src-redefine.5 (a redefined complex type's base must be itself),
  { name: "complexType whose base is not itself", text: redefine(`<xs:complexType name="T"><xs:complexContent><xs:extension base="xs:anyType"/></xs:complexContent></xs:complexType>`), qxml: "xsd/redefine-base", libxml2: true },
  // Part 2 §3.2.19 (NOTATION is not used directly, only through an enumeration),
  { name: "xs:NOTATION as an element's type", text: plain(`<xs:element name="e" type="xs:NOTATION"/>`), qxml: "xsd/notation-direct", libxml2: true },
  // Part 1 §3.12 / sch-props-correct.2 (one notation per name).
  { name: "the same notation name twice", text: plain(`<xs:notation name="gif" system="x"/><xs:notation name="gif" system="y"/>`), qxml: "xsd/duplicate-global", libxml2: true },
];

describe("redefine and notation schema errors, against libxml2", () => {
  const dir = mkdtempSync(join(tmpdir(), "qxml-redefine-lib-"));
  writeFileSync(join(dir, "base.xsd"), BASE);
  test.each(CASES.map((c, i) => [c.name, c, i] as const))("%s", (_n, c, i) => {
    const file = join(dir, `case${i}.xsd`);
    writeFileSync(file, c.text);
    const r = readXsdFile(file);
    const errors = r.diagnostics.filter((d) => d.severity === "error").map((d) => d.code);
    expect(errors).toEqual(c.qxml === null ? [] : [c.qxml]);
    expect(libxml2Accepts(file).accepted).toBe(c.libxml2);
  });
});
