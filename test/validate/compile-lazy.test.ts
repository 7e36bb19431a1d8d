/**
 * compileSchema checks every content model up front but keeps compiled tables only for the
 * elements a document meets (a 4 MB DTD held 370 MB of tables it never used).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDtdSchema } from "../../src/schema/dtd/index.js";
import { readXsdText } from "../../src/schema/xsd/index.js";
import { compileSchema, validateString } from "../../src/validate/index.js";

const DTD = `<!ELEMENT r (a|b)*>
<!ELEMENT a (#PCDATA)>
<!ELEMENT b EMPTY>
<!ATTLIST b k (p|q) "p">
<!ELEMENT u ((x,y)|(x,z))>
<!ELEMENT x EMPTY> <!ELEMENT y EMPTY> <!ELEMENT z EMPTY>
`;

function dtdSchema() {
  const dir = mkdtempSync(join(tmpdir(), "qxml-lazy-"));
  writeFileSync(join(dir, "s.dtd"), DTD);
  const { model } = readDtdSchema(join(dir, "s.dtd"));
  return { model: model!, ...compileSchema(model!) };
}

const compiledNames = (elements: readonly ({ decl: { name: string } } | undefined)[]) => elements.flatMap((e) => (e ? [e.decl.name] : [])).sort();

describe("content models are checked up front, compiled on first use", () => {
  it("a non-deterministic model of an element no document uses is still reported, once", () => {
    const { diagnostics } = dtdSchema();
    expect(diagnostics.map((d) => [d.code, d.params?.element])).toEqual([["valid/ambiguous-content-model", "u"]]);
  });
  it("only the elements a document meets are compiled, and validation is unchanged", () => {
    const { schema } = dtdSchema();
    expect(compiledNames(schema.elements)).toEqual([]);
    const ok = validateString("<r><a>t</a><a/></r>", { file: "d.xml", schema });
    expect(ok.valid).toBe(true);
    expect(compiledNames(schema.elements)).toEqual(["a", "r"]);
    const bad = validateString('<r><b k="s"/><c/></r>', { file: "d.xml", schema });
    expect(bad.diagnostics.map((d) => d.code)).toEqual(["valid/attribute-value", "valid/unexpected-element"]);
    expect(compiledNames(schema.elements)).toEqual(["a", "b", "r"]);
  });
});

const XSD = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:complexType name="B"><xs:sequence/></xs:complexType>
  <xs:complexType name="T">
    <xs:complexContent><xs:extension base="B">
      <xs:choice>
        <xs:sequence><xs:element name="x"/><xs:element name="y"/></xs:sequence>
        <xs:sequence><xs:element name="x"/><xs:element name="z"/></xs:sequence>
      </xs:choice>
    </xs:extension></xs:complexContent>
  </xs:complexType>
  <xs:element name="list"><xs:complexType><xs:sequence><xs:element name="e" type="B" maxOccurs="unbounded"/></xs:sequence></xs:complexType></xs:element>
</xs:schema>`;

describe("a type reached only through xsi:type", () => {
  it("is checked up front like every complex type (cos-nonambig constrains each one), so a document does not report it again", () => {
    const r = readXsdText(XSD, "t.xsd");
    expect(r.model, JSON.stringify(r.diagnostics)).not.toBeNull();
    const { schema, diagnostics } = compileSchema(r.model!);
    expect(diagnostics.map((d) => [d.code, d.params?.element])).toEqual([["valid/ambiguous-content-model", "T"]]);
    const xsi = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="T"';
    const v = validateString(`<list><e ${xsi}><x/><y/></e><e ${xsi}><x/><y/></e></list>`, { file: "d.xml", schema });
    expect(v.diagnostics.filter((d) => d.code === "valid/ambiguous-content-model")).toEqual([]);
  });
});
