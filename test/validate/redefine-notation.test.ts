/**
 * Instances against schemas using xs:redefine and xs:notation: qxml's verdicts, checked case by
 * case against libxml2 (which reads the same files, includes and redefines from disk).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readXsdFile } from "../../src/schema/xsd/index.js";
import { compileSchema, validateString, type CompiledSchema } from "../../src/validate/index.js";
import { libxml2 } from "../../test-support/libxml2.js";

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';

const BASE = `<xs:schema ${XS}>
<xs:complexType name="T"><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence><xs:attribute name="t"/></xs:complexType>
<xs:simpleType name="S"><xs:restriction base="xs:string"><xs:maxLength value="5"/></xs:restriction></xs:simpleType>
<xs:group name="G"><xs:sequence><xs:element name="g1"/></xs:sequence></xs:group>
<xs:attributeGroup name="AG"><xs:attribute name="x"/></xs:attributeGroup>
<xs:element name="inbase" type="T"/>
</xs:schema>`;

/** Redefines all four kinds (T by extension), declares notations and a NOTATION-derived attribute type. */
const EXTEND = `<xs:schema ${XS}>
<xs:redefine schemaLocation="base.xsd">
  <xs:complexType name="T"><xs:complexContent><xs:extension base="T"><xs:sequence><xs:element name="b" type="xs:string"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
  <xs:simpleType name="S"><xs:restriction base="S"><xs:minLength value="2"/></xs:restriction></xs:simpleType>
  <xs:group name="G"><xs:sequence><xs:group ref="G"/><xs:element name="g2"/></xs:sequence></xs:group>
  <xs:attributeGroup name="AG"><xs:attributeGroup ref="AG"/><xs:attribute name="y" use="required"/></xs:attributeGroup>
</xs:redefine>
<xs:notation name="gif" public="image/gif"/>
<xs:notation name="png" system="png-viewer"/>
<xs:notation name="jpeg" public="image/jpeg"/>
<xs:simpleType name="Fmt"><xs:restriction base="xs:NOTATION"><xs:enumeration value="gif"/><xs:enumeration value="png"/></xs:restriction></xs:simpleType>
<xs:element name="r"><xs:complexType><xs:sequence><xs:element ref="inbase"/><xs:element name="s" type="S"/><xs:group ref="G"/></xs:sequence><xs:attributeGroup ref="AG"/><xs:attribute name="fmt" type="Fmt"/></xs:complexType></xs:element>
</xs:schema>`;

/** T redefined by restriction: the attribute t is prohibited, the content the same. */
const RESTRICT = `<xs:schema ${XS}>
<xs:redefine schemaLocation="base.xsd">
  <xs:complexType name="T"><xs:complexContent><xs:restriction base="T"><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence><xs:attribute name="t" use="prohibited"/></xs:restriction></xs:complexContent></xs:complexType>
</xs:redefine>
</xs:schema>`;

/** T redefined through a document that only includes base.xsd: the component is found in what the redefined document includes. */
const MID = `<xs:schema ${XS}><xs:include schemaLocation="base.xsd"/></xs:schema>`;
const THROUGH = `<xs:schema ${XS}>
<xs:redefine schemaLocation="mid.xsd">
  <xs:complexType name="T"><xs:complexContent><xs:extension base="T"><xs:sequence><xs:element name="b" type="xs:string"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
</xs:redefine>
</xs:schema>`;

interface Case {
  name: string;
  schema: "extend.xsd" | "restrict.xsd" | "through.xsd";
  xml: string;
  codes: string[];
}

const OK = `<inbase><a/><b/></inbase><s>abc</s><g1/><g2/>`;
const CASES: Case[] = [
  { name: "everything as redefined", schema: "extend.xsd", xml: `<r y="1" fmt="gif">${OK}</r>`, codes: [] },
  { name: "extension: the redefined element of the base document needs <b>", schema: "extend.xsd", xml: `<r y="1"><inbase><a/></inbase><s>abc</s><g1/><g2/></r>`, codes: ["valid/missing-element"] },
  { name: "simpleType: the redefinition's minLength", schema: "extend.xsd", xml: `<r y="1"><inbase><a/><b/></inbase><s>a</s><g1/><g2/></r>`, codes: ["valid/text-type"] },
  { name: "simpleType: the original's maxLength still applies", schema: "extend.xsd", xml: `<r y="1"><inbase><a/><b/></inbase><s>abcdef</s><g1/><g2/></r>`, codes: ["valid/text-type"] },
  { name: "group: the original's particle, then the redefinition's", schema: "extend.xsd", xml: `<r y="1"><inbase><a/><b/></inbase><s>abc</s><g1/></r>`, codes: ["valid/missing-element"] },
  { name: "attributeGroup: the redefinition's required attribute", schema: "extend.xsd", xml: `<r>${OK}</r>`, codes: ["valid/missing-attribute"] },
  { name: "attributeGroup: the original's attribute is kept", schema: "extend.xsd", xml: `<r y="1" x="2">${OK}</r>`, codes: [] },
  { name: "NOTATION: the other enumerated notation", schema: "extend.xsd", xml: `<r y="1" fmt="png">${OK}</r>`, codes: [] },
  { name: "NOTATION: a declared notation outside the enumeration", schema: "extend.xsd", xml: `<r y="1" fmt="jpeg">${OK}</r>`, codes: ["valid/attribute-type"] },
  { name: "NOTATION: an undeclared name", schema: "extend.xsd", xml: `<r y="1" fmt="bmp">${OK}</r>`, codes: ["valid/attribute-type"] },
  { name: "NOTATION: not a QName", schema: "extend.xsd", xml: `<r y="1" fmt="1gif">${OK}</r>`, codes: ["valid/attribute-type"] },
  { name: "restriction: the content as restricted", schema: "restrict.xsd", xml: `<inbase><a/></inbase>`, codes: [] },
  { name: "restriction: the prohibited attribute", schema: "restrict.xsd", xml: `<inbase t="1"><a/></inbase>`, codes: ["valid/prohibited-attribute"] },
  { name: "through an include: the redefinition applies", schema: "through.xsd", xml: `<inbase><a/><b/></inbase>`, codes: [] },
  { name: "through an include: the original content alone is not enough", schema: "through.xsd", xml: `<inbase><a/></inbase>`, codes: ["valid/missing-element"] },
];

const dir = mkdtempSync(join(tmpdir(), "qxml-redefine-val-"));
writeFileSync(join(dir, "base.xsd"), BASE);
writeFileSync(join(dir, "extend.xsd"), EXTEND);
writeFileSync(join(dir, "restrict.xsd"), RESTRICT);
writeFileSync(join(dir, "mid.xsd"), MID);
writeFileSync(join(dir, "through.xsd"), THROUGH);

const compiled = new Map<string, CompiledSchema>();
function schema(name: string): CompiledSchema {
  let c = compiled.get(name);
  if (c !== undefined) return c;
  const r = readXsdFile(join(dir, name));
  expect(r.model, JSON.stringify(r.diagnostics)).not.toBeNull();
  expect(r.diagnostics).toEqual([]);
  const out = compileSchema(r.model!);
  expect(out.diagnostics).toEqual([]);
  c = out.schema;
  compiled.set(name, c);
  return c;
}

const run = (c: Case) => validateString(c.xml, { file: "doc.xml", schema: schema(c.schema) });

describe("instances of redefined and NOTATION types", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(run(c).diagnostics.map((d) => d.code)).toEqual(c.codes);
  });

  it("says which notations are allowed", () => {
    const [d] = run(CASES.find((c) => c.name === "NOTATION: an undeclared name")!).diagnostics;
    expect(d.message).toContain("bmp");
    expect(d.message).toMatch(/gif.*png/);
  });

  it("libxml2 gives the same verdict on every case", async () => {
    const lib = await libxml2();
    const disagreements: string[] = [];
    for (const name of ["extend.xsd", "restrict.xsd", "through.xsd"] as const) {
      const prepared = lib.prepare({ kind: "xsd", file: join(dir, name) });
      expect(prepared.ok, name).toBe(true);
      try {
        for (const c of CASES.filter((x) => x.schema === name)) {
          const theirs = prepared.validate(c.xml, { file: "doc.xml" });
          const ours = run(c);
          if (theirs.valid !== ours.valid) disagreements.push(`${c.name}: libxml2 ${theirs.valid ? "valid" : "invalid"}, qxml ${ours.valid ? "valid" : "invalid"}`);
        }
      } finally {
        prepared.dispose();
      }
    }
    expect(disagreements).toEqual([]);
  });
});
