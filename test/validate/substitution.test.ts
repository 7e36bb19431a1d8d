/**
 * Substitution groups, abstract heads, block/final and xsi:type blocking: qxml's codes per case
 * (schema codes when the schema is refused), and libxml2's verdict on the same schema and
 * document, which must agree.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readXsdText } from "../../src/schema/xsd/index.js";
import { compileSchema, validateString } from "../../src/validate/index.js";
import { libxml2 } from "../../test-support/libxml2.js";

const schema = (body: string, attrs = ""): string =>
  `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"${attrs}>\n${body}\n</xs:schema>`;

/** A list of heads `h`, plus the given declarations. */
const withHead = (head: string, decls: string, attrs = ""): string =>
  schema(
    `<xs:element name="list"><xs:complexType><xs:sequence><xs:element ref="h" minOccurs="0" maxOccurs="unbounded"/></xs:sequence></xs:complexType></xs:element>
${head}
<xs:complexType name="B"><xs:sequence><xs:element name="x" type="xs:string"/></xs:sequence></xs:complexType>
<xs:complexType name="Ext"><xs:complexContent><xs:extension base="B"><xs:sequence><xs:element name="y" type="xs:string"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
<xs:complexType name="Res"><xs:complexContent><xs:restriction base="B"><xs:sequence><xs:element name="x" type="xs:string"/></xs:sequence></xs:restriction></xs:complexContent></xs:complexType>
${decls}`,
    attrs,
  );

interface Case {
  name: string;
  xsd: string;
  xml: string;
  /** Schema error codes (the schema is refused), or the document's validity codes. */
  schemaCodes?: string[];
  codes?: string[];
}

const XSI = `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`;

const CASES: Case[] = [
  { name: "a member stands for its head", xsd: withHead(`<xs:element name="h" type="B"/>`, `<xs:element name="m" type="Ext" substitutionGroup="h"/>`), xml: `<list><h><x/></h><m><x/><y/></m></list>`, codes: [] },
  {
    name: "a member is validated against its own declaration",
    xsd: withHead(`<xs:element name="h" type="B"/>`, `<xs:element name="m" type="Ext" substitutionGroup="h"/>`),
    xml: `<list><m><x/></m></list>`,
    codes: ["valid/missing-element"],
  },
  { name: "an abstract head cannot appear itself", xsd: withHead(`<xs:element name="h" type="B" abstract="true"/>`, `<xs:element name="m" type="B" substitutionGroup="h"/>`), xml: `<list><m><x/></m><h><x/></h></list>`, codes: ["valid/abstract-element"] },
  { name: "a member without a type takes its head's", xsd: withHead(`<xs:element name="h" type="B"/>`, `<xs:element name="m" substitutionGroup="h"/>`), xml: `<list><m><z/></m></list>`, codes: ["valid/unexpected-element"] },
  {
    name: "members of members count (transitive)",
    xsd: withHead(`<xs:element name="h" type="B"/>`, `<xs:element name="m" type="B" substitutionGroup="h"/><xs:element name="mm" type="Res" substitutionGroup="m"/>`),
    xml: `<list><mm><x/></mm></list>`,
    codes: [],
  },
  { name: "block=substitution on the head", xsd: withHead(`<xs:element name="h" type="B" block="substitution"/>`, `<xs:element name="m" type="B" substitutionGroup="h"/>`), xml: `<list><m><x/></m></list>`, codes: ["valid/unexpected-element"] },
  { name: "block=extension blocks an extending member", xsd: withHead(`<xs:element name="h" type="B" block="extension"/>`, `<xs:element name="m" type="Ext" substitutionGroup="h"/>`), xml: `<list><m><x/><y/></m></list>`, codes: ["valid/unexpected-element"] },
  { name: "block=extension lets a restricting member through", xsd: withHead(`<xs:element name="h" type="B" block="extension"/>`, `<xs:element name="m" type="Res" substitutionGroup="h"/>`), xml: `<list><m><x/></m></list>`, codes: [] },
  {
    name: "the type's block applies too (complexType block=extension)",
    xsd: schema(`<xs:element name="list"><xs:complexType><xs:sequence><xs:element ref="h" maxOccurs="unbounded"/></xs:sequence></xs:complexType></xs:element>
<xs:element name="h" type="B2"/><xs:element name="m" type="E2" substitutionGroup="h"/>
<xs:complexType name="B2" block="extension"><xs:sequence><xs:element name="x" type="xs:string"/></xs:sequence></xs:complexType>
<xs:complexType name="E2"><xs:complexContent><xs:extension base="B2"><xs:sequence><xs:element name="y" type="xs:string"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>`),
    xml: `<list><m><x/><y/></m></list>`,
    codes: ["valid/unexpected-element"],
  },
  { name: "blockDefault reaches elements", xsd: withHead(`<xs:element name="h" type="B"/>`, `<xs:element name="m" type="Ext" substitutionGroup="h"/>`, ` blockDefault="#all"`), xml: `<list><m><x/><y/></m></list>`, codes: ["valid/unexpected-element"] },
  { name: "final=extension on the head refuses an extending member", xsd: withHead(`<xs:element name="h" type="B" final="extension"/>`, `<xs:element name="m" type="Ext" substitutionGroup="h"/>`), xml: `<list/>`, schemaCodes: ["xsd/invalid-substitution"] },
  { name: "a member's type must derive from the head's", xsd: withHead(`<xs:element name="h" type="B"/>`, `<xs:element name="m" type="xs:int" substitutionGroup="h"/>`), xml: `<list/>`, schemaCodes: ["xsd/invalid-substitution"] },
  { name: "a circular substitution group", xsd: schema(`<xs:element name="a" substitutionGroup="b"/><xs:element name="b" substitutionGroup="a"/>`), xml: `<a/>`, schemaCodes: ["xsd/circular"] },
  { name: "an unknown head", xsd: schema(`<xs:element name="a" substitutionGroup="nope"/>`), xml: `<a/>`, schemaCodes: ["xsd/unresolved-element"] },
  {
    name: "head and member in one sequence: not deterministic (UPA)",
    xsd: schema(`<xs:element name="r"><xs:complexType><xs:sequence><xs:element ref="h" minOccurs="0"/><xs:element ref="m"/></xs:sequence></xs:complexType></xs:element>
<xs:element name="h"/><xs:element name="m" substitutionGroup="h"/>`),
    xml: `<r><m/></r>`,
    schemaCodes: ["valid/ambiguous-content-model"],
  },
  {
    name: "xs:all: one member per head slot",
    xsd: schema(`<xs:element name="r"><xs:complexType><xs:all><xs:element ref="a"/><xs:element ref="b" minOccurs="0"/></xs:all></xs:complexType></xs:element>
<xs:element name="a" abstract="true"/><xs:element name="a1" substitutionGroup="a"/><xs:element name="a2" substitutionGroup="a"/><xs:element name="b"/>`),
    xml: `<r><b/><a2/><a1/></r>`,
    codes: ["valid/unexpected-element"],
  },
  { name: "complexType final=extension refuses extension", xsd: schema(`<xs:complexType name="F" final="extension"/><xs:complexType name="G"><xs:complexContent><xs:extension base="F"/></xs:complexContent></xs:complexType><xs:element name="r" type="G"/>`), xml: `<r/>`, schemaCodes: ["xsd/invalid-derivation"] },
  { name: "simpleType final=restriction refuses restriction", xsd: schema(`<xs:simpleType name="F" final="restriction"><xs:restriction base="xs:int"/></xs:simpleType><xs:simpleType name="G"><xs:restriction base="F"/></xs:simpleType><xs:element name="r" type="G"/>`), xml: `<r>1</r>`, schemaCodes: ["xsd/invalid-derivation"] },
  { name: "finalDefault=#all reaches simple types (list)", xsd: schema(`<xs:simpleType name="F"><xs:restriction base="xs:int"/></xs:simpleType><xs:simpleType name="G"><xs:list itemType="F"/></xs:simpleType><xs:element name="r" type="G"/>`, ` finalDefault="#all"`), xml: `<r>1</r>`, schemaCodes: ["xsd/invalid-derivation"] },
  { name: "a block value outside the allowed list", xsd: schema(`<xs:element name="r" block="flute"/>`), xml: `<r/>`, schemaCodes: ["xsd/invalid-value"] },
  { name: "xsi:type by extension, not blocked", xsd: withHead(`<xs:element name="h" type="B"/>`, ``), xml: `<list ${XSI}><h xsi:type="Ext"><x/><y/></h></list>`, codes: [] },
  { name: "xsi:type by extension, blocked by the element", xsd: withHead(`<xs:element name="h" type="B" block="extension"/>`, ``), xml: `<list ${XSI}><h xsi:type="Ext"><x/><y/></h></list>`, codes: ["valid/xsi-type"] },
  { name: "xsi:type by restriction, element blocks extension only", xsd: withHead(`<xs:element name="h" type="B" block="extension"/>`, ``), xml: `<list ${XSI}><h xsi:type="Res"><x/></h></list>`, codes: [] },
];

interface Outcome {
  schemaCodes: string[];
  codes: string[];
}

const run = (c: Case): Outcome => {
  const r = readXsdText(c.xsd, "sg.xsd");
  if (r.model === null) return { schemaCodes: r.diagnostics.filter((d) => d.severity === "error").map((d) => d.code), codes: [] };
  const compiled = compileSchema(r.model);
  const errors = compiled.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) return { schemaCodes: errors.map((d) => d.code), codes: [] };
  return { schemaCodes: [], codes: validateString(c.xml, { file: "doc.xml", schema: compiled.schema }).diagnostics.map((d) => d.code) };
};

describe("substitution groups, block and final", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(run(c)).toEqual({ schemaCodes: c.schemaCodes ?? [], codes: c.codes ?? [] });
  });

  it("libxml2 accepts the same schemas and gives the same verdicts", async () => {
    const lib = await libxml2();
    const dir = mkdtempSync(join(tmpdir(), "qxml-sg-"));
    const disagreements: string[] = [];
    CASES.forEach((c, i) => {
      const file = join(dir, `s${i}.xsd`);
      writeFileSync(file, c.xsd);
      const prepared = lib.prepare({ kind: "xsd", file });
      const ours = c.schemaCodes === undefined ? (c.codes!.length === 0 ? "valid" : "invalid") : "schema error";
      const theirs = !prepared.ok ? "schema error" : prepared.validate(c.xml, { file: "doc.xml" }).valid ? "valid" : "invalid";
      prepared.dispose();
      if (theirs !== ours) disagreements.push(`${c.name}: libxml2 ${theirs}, qxml ${ours}`);
    });
    expect(disagreements).toEqual([]);
  });

  it("lists the members where the head is expected", () => {
    const c = CASES[2];
    const r = readXsdText(c.xsd, "sg.xsd");
    const d = validateString(`<list><z/></list>`, { file: "doc.xml", schema: compileSchema(r.model!).schema }).diagnostics[0];
    expect(d.message).toBe("list: expected one of h, m or </list>; found <z>");
  });

  it("the model records heads, blocks and the member table", () => {
    const r = readXsdText(withHead(`<xs:element name="h" type="B" block="extension"/>`, `<xs:element name="m" type="Res" substitutionGroup="h"/><xs:element name="e" type="Ext" substitutionGroup="h"/>`), "sg.xsd");
    const m = r.model!;
    const id = (name: string) => m.globalElements[name];
    expect(m.elements[id("m")].substitutionGroup).toBe(id("h"));
    expect(m.elements[id("h")].block).toEqual(["extension"]);
    expect(m.substitutions).toEqual({ [id("h")]: [id("m")] });
  });
});
