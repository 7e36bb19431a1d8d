/**
 * xs:ENTITY values (XSD 1.0 Part 2 §3.3.11): the value space is the NCNames declared as unparsed
 * entities (<!ENTITY name SYSTEM "..." NDATA notation>) in the document's DTD, so an xs:ENTITY
 * attribute, element, list item (xs:ENTITIES) or union member needs one. Found by the
 * schema-mutation differential (qxml accepted any NCName); libxml2 2.15 is the reference for
 * attributes, and rejects every ENTITY value in element content (even a declared one), where
 * qxml follows the spec.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readXsdText } from "../../src/schema/xsd/index.js";
import { compileSchema, validateString } from "../../src/validate/index.js";
import { libxml2, type Libxml2Engine } from "../../test-support/libxml2.js";

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';
const DTD = '<!DOCTYPE a [<!NOTATION gif SYSTEM "gif.exe"><!ENTITY pic SYSTEM "pic.gif" NDATA gif><!ENTITY txt "parsed text">]>\n';

const BODY = `<xs:simpleType name="Short"><xs:restriction base="xs:ENTITY"><xs:maxLength value="5"/></xs:restriction></xs:simpleType>
<xs:simpleType name="EntityOrInt"><xs:union memberTypes="xs:ENTITY xs:int"/></xs:simpleType>
<xs:element name="a"><xs:complexType><xs:sequence minOccurs="0">
  <xs:element name="text" type="xs:ENTITY" minOccurs="0"/><xs:element name="short" type="Short" minOccurs="0"/><xs:element name="either" type="EntityOrInt" minOccurs="0"/>
</xs:sequence>
<xs:attribute name="e" type="xs:ENTITY"/><xs:attribute name="es" type="xs:ENTITIES"/><xs:attribute name="s" type="Short"/></xs:complexType></xs:element>`;
const SCHEMA = `<xs:schema ${XS}>${BODY}</xs:schema>`;
const schema = compileSchema(readXsdText(SCHEMA, "entity.xsd").model!).schema;
const run = (xml: string) => validateString(xml, { file: "d.xml", schema }).diagnostics;

describe("xs:ENTITY values name an unparsed entity of the document's DTD", () => {
  it("accepts declared unparsed entities: attribute, list items, restriction, union member, element text", () => {
    for (const xml of [
      '<a e="pic"/>',
      '<a es="pic  pic"/>',
      '<a s=" pic "/>',
      "<a><text> pic </text><short>pic</short><either>pic</either></a>",
      "<a><either>12</either></a>",
    ]) {
      expect(run(DTD + xml), xml).toEqual([]);
    }
  });

  it("refuses a name with no declaration, or one of a parsed entity, and says how to declare one", () => {
    const [d, ...rest] = run('<a e="y"/>');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: "valid/attribute-type", line: 1, column: 4 });
    expect(d.params?.typeCode).toBe("type/entity-undeclared");
    expect(d.message).toContain(`"y" is not the name of an unparsed entity declared in the document's DTD (xs:ENTITY)`);
    expect(d.hint).toContain('<!ENTITY y SYSTEM "file" NDATA notation>');
    // A parsed (internal) entity is no unparsed entity.
    expect(run(DTD + '<a e="txt"/>').map((x) => x.params?.typeCode)).toEqual(["type/entity-undeclared"]);
  });

  it("checks every list item, types restricted from xs:ENTITY, and element text", () => {
    const list = run(DTD + '<a es="pic nope"/>');
    expect(list.map((x) => x.code)).toEqual(["valid/attribute-type"]);
    expect(list[0].message).toContain('item 2 "nope" of the list is not valid: "nope" is not the name of an unparsed entity');
    expect(run(DTD + '<a s="nope"/>').map((x) => x.params?.typeCode)).toEqual(["type/entity-undeclared"]);
    const text = run(DTD + "<a>\n<text>nope</text></a>");
    expect(text.map((x) => [x.code, x.line, x.params?.typeCode])).toEqual([["valid/text-type", 3, "type/entity-undeclared"]]);
    expect(text[0].path).toBe("/a/text");
  });

  it("a union tries its ENTITY member against the DTD too", () => {
    expect(run(DTD + "<a><either>nope</either></a>").map((x) => x.params?.typeCode)).toEqual(["type/union"]);
  });

  it("a lexical error stays a lexical error", () => {
    expect(run('<a e="1x"/>').map((x) => x.params?.typeCode)).toEqual(["type/lexical"]);
  });
});

describe("libxml2 agrees on attributes; in element content it refuses every ENTITY value", () => {
  let engine: Libxml2Engine;
  let file: string;
  beforeAll(async () => {
    engine = await libxml2();
    file = join(mkdtempSync(join(tmpdir(), "qxml-entity-")), "entity.xsd");
    writeFileSync(file, SCHEMA);
  });

  it("same verdicts for attributes, with and without an internal subset", () => {
    const prepared = engine.prepare({ kind: "xsd", file });
    try {
      for (const xml of ['<a e="pic"/>', '<a es="pic pic"/>', '<a e="y"/>', '<a e="txt"/>', '<a es="pic nope"/>', '<a s="nope"/>'].flatMap((x) => [x, DTD + x])) {
        const theirs = prepared.validate(xml, { file: "d.xml" }).valid;
        expect(run(xml).length === 0, xml).toBe(theirs);
      }
      // libxml2 checks ENTITY only for attributes (a declared entity as element text is refused):
      // XSD 1.0 Part 2 §3.3.11 makes no such difference, so qxml accepts it (docs/conformance.md).
      expect(prepared.validate(DTD + "<a><text>pic</text></a>", { file: "d.xml" }).valid).toBe(false);
      expect(run(DTD + "<a><text>pic</text></a>")).toEqual([]);
    } finally {
      prepared.dispose();
    }
  });
});
