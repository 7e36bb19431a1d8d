/**
 * xs:ENTITY defaults (decided, not a gap): XSD 1.0 validates an element's default against the
 * instance (cvc-elt.5.1.2: the empty element, with the default as its value, must be valid for its
 * type), so an ENTITY default must then name an unparsed entity of the document's DTD. An absent
 * attribute's default is only added to the post-schema-validation infoset (§3.4.5); no
 * instance-time rule validates it (cvc-complex-type.3 and cvc-attribute assess the attributes
 * present), and its validity is the schema's (a-props-correct.2, checked as an NCName when read).
 * So qxml checks the element's, not the attribute's. libxml2 2.15 refuses both schemas: it checks
 * every ENTITY value written in a schema against a DTD the schema does not have.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readXsdText } from "../../src/schema/xsd/index.js";
import { compileSchema, validateString } from "../../src/validate/index.js";
import { libxml2 } from "../../test-support/libxml2.js";

const XSD = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
<xs:element name="r"><xs:complexType><xs:sequence>
  <xs:element name="pic" type="xs:ENTITY" default="logo" minOccurs="0"/>
</xs:sequence><xs:attribute name="img" type="xs:ENTITY" default="logo"/></xs:complexType></xs:element>
</xs:schema>`;

const DTD = `<!DOCTYPE r [<!NOTATION gif SYSTEM "gif"><!ENTITY logo SYSTEM "logo.gif" NDATA gif>]>`;

const run = (xml: string) => {
  const r = readXsdText(XSD, "entity-defaults.xsd");
  expect(r.diagnostics).toEqual([]);
  return validateString(xml, { file: "doc.xml", schema: compileSchema(r.model!).schema }).diagnostics;
};
const codes = (xml: string): string[] => run(xml).map((d) => d.code);

describe("xs:ENTITY defaults: the element's is checked against the document's DTD, the attribute's is not", () => {
  it("an empty element takes its default, which must name a declared unparsed entity", () => {
    expect(codes(`<r><pic/></r>`)).toEqual(["valid/text-type"]);
    expect(codes(`${DTD}<r><pic/></r>`)).toEqual([]);
    const [d] = run(`<r>\n<pic/></r>`);
    expect({ line: d.line, path: d.path, message: d.message }).toEqual({ line: 2, path: "/r/pic", message: `pic: "logo" is not the name of an unparsed entity declared in the document's DTD (xs:ENTITY)` });
    // The value is not in the document: the hint says it is the schema's default.
    expect(d.hint).toBe(
      '<pic> is empty, so the schema\'s default value "logo" is its value (XSD 1.0 cvc-elt.5.1.2). Declare it in the document\'s DOCTYPE: <!ENTITY logo SYSTEM "file" NDATA notation> with <!NOTATION notation SYSTEM "...">, or use the name of an unparsed entity that is declared there.',
    );
  });

  it("an absent attribute's default is not validated against the instance", () => {
    expect(codes(`<r/>`)).toEqual([]);
    expect(codes(`${DTD}<r/>`)).toEqual([]);
  });

  it("a value written in the document is checked either way (control)", () => {
    expect(codes(`<r img="other"/>`)).toEqual(["valid/attribute-type"]);
  });

  it("libxml2 refuses the schema (an ENTITY default has no DTD when the schema is read)", async () => {
    const lib = await libxml2();
    const file = join(mkdtempSync(join(tmpdir(), "qxml-entity-defaults-")), "s.xsd");
    writeFileSync(file, XSD);
    const prepared = lib.prepare({ kind: "xsd", file });
    expect(prepared.ok).toBe(false);
    expect(prepared.diagnostics.map((d) => d.message).join("\n")).toMatch(/ENTITY/);
  });
});
