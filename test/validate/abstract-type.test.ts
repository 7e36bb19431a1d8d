/**
 * cvc-elt.2: an element validated against an abstract complex type (its declared type without
 * xsi:type, or the type xsi:type names) is invalid: valid/abstract-type at the start tag, then the
 * content is checked against the abstract type's model (no cascade). libxml2 ("The type definition
 * is abstract.") gives the same verdicts on the same schema and documents.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readXsdText } from "../../src/schema/xsd/index.js";
import { compileSchema, validateString, type CompiledSchema } from "../../src/validate/index.js";
import { libxml2 } from "../../test-support/libxml2.js";

const XSI = `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`;

const XSD = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
<xs:element name="list">
  <xs:complexType>
    <xs:sequence>
      <xs:element ref="h" minOccurs="0" maxOccurs="unbounded"/>
      <xs:element name="n" type="A" nillable="true" minOccurs="0"/>
      <xs:element name="b" type="B" minOccurs="0" maxOccurs="unbounded"/>
      <xs:element name="k" type="K" minOccurs="0"/>
      <xs:element name="o" type="Only" minOccurs="0"/>
    </xs:sequence>
  </xs:complexType>
</xs:element>
<xs:element name="h" type="A"/>
<xs:element name="ah" type="A" abstract="true"/>
<xs:complexType name="A" abstract="true"><xs:sequence><xs:element name="x" type="xs:string"/></xs:sequence></xs:complexType>
<xs:complexType name="Ext"><xs:complexContent><xs:extension base="A"><xs:sequence><xs:element name="y" type="xs:string"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
<xs:complexType name="Res"><xs:complexContent><xs:restriction base="A"><xs:sequence><xs:element name="x" type="xs:string"/></xs:sequence></xs:restriction></xs:complexContent></xs:complexType>
<xs:complexType name="Mid" abstract="true"><xs:complexContent><xs:extension base="A"/></xs:complexContent></xs:complexType>
<xs:complexType name="B"><xs:sequence><xs:element name="x" type="xs:string"/></xs:sequence></xs:complexType>
<xs:complexType name="BA" abstract="true"><xs:complexContent><xs:extension base="B"/></xs:complexContent></xs:complexType>
<xs:complexType name="K" abstract="true" block="extension"><xs:sequence><xs:element name="x" type="xs:string"/></xs:sequence></xs:complexType>
<xs:complexType name="KExt"><xs:complexContent><xs:extension base="K"/></xs:complexContent></xs:complexType>
<xs:complexType name="KRes"><xs:complexContent><xs:restriction base="K"><xs:sequence><xs:element name="x" type="xs:string"/></xs:sequence></xs:restriction></xs:complexContent></xs:complexType>
<xs:complexType name="Only" abstract="true"><xs:sequence/></xs:complexType>
</xs:schema>`;

interface Case {
  name: string;
  xml: string;
  codes: string[];
}

const CASES: Case[] = [
  { name: "abstract declared type, no xsi:type", xml: `<list><h><x/></h></list>`, codes: ["valid/abstract-type"] },
  { name: "xsi:type to a non-abstract extension", xml: `<list ${XSI}><h xsi:type="Ext"><x/><y/></h></list>`, codes: [] },
  { name: "xsi:type to a non-abstract restriction", xml: `<list ${XSI}><h xsi:type="Res"><x/></h></list>`, codes: [] },
  { name: "xsi:type naming the abstract type itself", xml: `<list ${XSI}><h xsi:type="A"><x/></h></list>`, codes: ["valid/abstract-type"] },
  { name: "xsi:type naming an abstract derived type", xml: `<list ${XSI}><h xsi:type="Mid"><x/></h></list>`, codes: ["valid/abstract-type"] },
  { name: "xsi:type naming an abstract type derived from a non-abstract one", xml: `<list ${XSI}><b xsi:type="BA"><x/></b></list>`, codes: ["valid/abstract-type"] },
  { name: "xsi:nil does not make an abstract type usable", xml: `<list ${XSI}><n xsi:nil="true"/></list>`, codes: ["valid/abstract-type"] },
  { name: "an element of a non-abstract type is unaffected", xml: `<list><b><x/></b><b><x/></b></list>`, codes: [] },
  { name: "the content is still checked against the abstract type", xml: `<list><h><z/></h></list>`, codes: ["valid/abstract-type", "valid/unexpected-element"] },
  { name: "an abstract root element type", xml: `<h><x/></h>`, codes: ["valid/abstract-type"] },
  { name: "an abstract element of an abstract type: the element is reported alone", xml: `<ah><x/></ah>`, codes: ["valid/abstract-element"] },
  { name: "every use is reported", xml: `<list><h><x/></h><h><x/></h></list>`, codes: ["valid/abstract-type", "valid/abstract-type"] },
];

let compiled: CompiledSchema | undefined;
function schema(): CompiledSchema {
  if (compiled !== undefined) return compiled;
  const r = readXsdText(XSD, "abstract.xsd");
  expect(r.model, JSON.stringify(r.diagnostics)).not.toBeNull();
  const c = compileSchema(r.model!);
  expect(c.diagnostics).toEqual([]);
  compiled = c.schema;
  return compiled;
}

const run = (xml: string) => validateString(xml, { file: "doc.xml", schema: schema() });

describe("abstract complex types (cvc-elt.2)", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(run(c.xml).diagnostics.map((d) => d.code)).toEqual(c.codes);
  });

  it("says what was found, where, and which types xsi:type may name", () => {
    const r = run(`<list>\n  <h><x/></h>\n</list>`);
    expect(r.valid).toBe(false);
    expect(r.diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column, path: d.path, message: d.message }))).toEqual([
      {
        code: "valid/abstract-type",
        line: 2,
        column: 3,
        path: "/list/h",
        message: "<h> has the abstract type A: name a non-abstract type derived from it with xsi:type (one of: Ext, Res)",
      },
    ]);
    expect(r.diagnostics[0].params?.derived).toEqual(["Ext", "Res"]);
    expect(r.diagnostics[0].hint).toContain("xsi:type");
  });

  it("names the xsi:type that chose the abstract type", () => {
    const [d] = run(`<list ${XSI}><b/><b xsi:type="BA"><x/></b></list>`).diagnostics.filter((x) => x.code === "valid/abstract-type");
    expect([d.line, d.column, d.path]).toEqual([1, 65, "/list/b[2]"]); // the start tag <b xsi:type="BA">
    expect(d.message).toBe('<b> has the abstract type BA (named by xsi:type="BA"): the schema derives no non-abstract type from it that xsi:type may name here, so no content can make this element valid');
  });

  it("leaves out derived types that block keeps xsi:type from using, and abstract ones", () => {
    const [d] = run(`<list><k><x/></k></list>`).diagnostics;
    expect(d.message).toBe("<k> has the abstract type K: name a non-abstract type derived from it with xsi:type (KRes)");
    expect(run(`<list ${XSI}><k xsi:type="KRes"><x/></k></list>`).valid).toBe(true);
    expect(run(`<list ${XSI}><h xsi:type="A"><x/></h></list>`).diagnostics[0].params?.derived).toEqual(["Ext", "Res"]);
  });

  it("an unknown xsi:type is reported once (the subtree is skipped, no abstract-type cascade)", () => {
    expect(run(`<list ${XSI}><h xsi:type="Nope"><x/></h></list>`).diagnostics.map((d) => d.code)).toEqual(["valid/xsi-type"]);
  });

  it("libxml2 gives the same verdicts, on the same lines", async () => {
    const lib = await libxml2();
    const file = join(mkdtempSync(join(tmpdir(), "qxml-abstract-")), "abstract.xsd");
    writeFileSync(file, XSD);
    const prepared = lib.prepare({ kind: "xsd", file });
    expect(prepared.ok).toBe(true);
    const disagreements: string[] = [];
    let abstractReports = 0;
    try {
      for (const c of CASES) {
        const theirs = prepared.validate(c.xml, { file: "doc.xml" });
        const ours = run(c.xml);
        if (theirs.valid !== ours.valid) disagreements.push(`${c.name}: libxml2 ${theirs.valid ? "valid" : "invalid"}, qxml ${ours.valid ? "valid" : "invalid"}`);
        const theirLines = theirs.diagnostics.filter((d) => /The type definition is abstract/.test(d.message)).map((d) => d.line);
        const ourLines = ours.diagnostics.filter((d) => d.code === "valid/abstract-type").map((d) => d.line);
        abstractReports += theirLines.length;
        if (theirLines.join() !== ourLines.join()) disagreements.push(`${c.name}: libxml2 reports abstract at lines [${theirLines}], qxml at [${ourLines}]`);
      }
    } finally {
      prepared.dispose();
    }
    expect(disagreements).toEqual([]);
    expect(abstractReports).toBe(CASES.reduce((n, c) => n + c.codes.filter((x) => x === "valid/abstract-type").length, 0));
  });
});
