/**
 * Fixes found by the schema diagnostic sweep (test/schema/schema-diagnostic-sweep.test.ts): each
 * case is a schema diagnostic whose text or position broke one of the sweep's invariants, with
 * the text it has now.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { readSchemaFileFresh } from "../../src/schema/load.js";
import { readXsdText } from "../../src/schema/xsd/index.js";

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';
const xsd = (body: string, attrs = "") => `<xs:schema ${XS} ${attrs}>\n${body}\n</xs:schema>\n`;
const errors = (text: string) => readXsdText(text, "/virtual/fix.xsd").diagnostics.filter((d) => d.severity === "error");

describe("an attribute value outside its enumeration (xsd/invalid-value)", () => {
  test("lists the allowed values as 'one of a, b or c'", () => {
    const [d] = errors(xsd('<xs:element name="a"><xs:complexType><xs:attribute name="x" use="sometimes"/></xs:complexType></xs:element>'));
    expect(d.code).toBe("xsd/invalid-value");
    expect(d.message).toBe('attribute "use" of xs:attribute is "sometimes"; expected one of required, optional or prohibited');
    expect(d.hint).toBe("give use a value that is one of required, optional or prohibited");
  });

  test("suggests the allowed value a misspelt one is nearest to", () => {
    const [d] = errors(xsd('<xs:element name="a"/>', 'elementFormDefault="qualifed"'));
    expect(d.message).toBe('attribute "elementFormDefault" of xs:schema is "qualifed"; expected one of qualified or unqualified; did you mean qualified?');
    expect(d.hint).toBe('write elementFormDefault="qualified"');
    expect([d.line, d.column]).toEqual([1, 56]);
  });
});

describe("xs:all occurring more than once (xsd/all-occurs)", () => {
  test("says what the particle has, in the schema's own terms", () => {
    const [d] = errors(xsd('<xs:complexType name="T"><xs:sequence><xs:element name="x"/></xs:sequence></xs:complexType>\n<xs:complexType name="U"><xs:all maxOccurs="1000000"><xs:element name="a"/></xs:all></xs:complexType>'));
    expect(d.code).toBe("xsd/all-occurs");
    expect(d.message).toBe("xs:all must have minOccurs 0 or 1 and maxOccurs 1; it has minOccurs 1 and maxOccurs 1000000");
  });
});

describe("a default outside an anonymous type with a long enumeration (xsd/invalid-value-constraint)", () => {
  test("names the type in a bounded label: the enumeration summarised, the broken facet in the detail", () => {
    const values = ["action", "characterinput", "characterinput_numeric", "characterinput_alpha", "selection", "checkbox", "radio", "textarea"];
    const facets = `${values.map((v) => `<xs:enumeration value="${v}"/>`).join("")}<xs:maxLength value="3"/>`;
    const [d] = errors(xsd(`<xs:element name="a"><xs:complexType><xs:attribute name="type" default="action"><xs:simpleType><xs:restriction base="xs:string">${facets}</xs:restriction></xs:simpleType></xs:attribute></xs:complexType></xs:element>`));
    expect(d.code).toBe("xsd/invalid-value-constraint");
    expect(d.message).toBe('the default value "action" of attribute "type" is not valid for its type xs:string (an enumeration), of at most 3 characters: value "action" has 6 characters; expected at most 3');
    expect(d.hint).toBe("change the default value to one of type xs:string (an enumeration), of at most 3 characters, or remove it");
  });
});

describe("notes about declarations in an external parameter entity's file (dtd/undeclared-child, dtd/attlist-undeclared-element)", () => {
  test("name that file: their line is in it, not in the DTD that references it", () => {
    const dir = mkdtempSync(join(tmpdir(), "qxml-dtd-fix-"));
    writeFileSync(join(dir, "part.ent"), "\n\n\n\n<!ELEMENT x (y)>\n<!ATTLIST z a CDATA #IMPLIED>\n");
    writeFileSync(join(dir, "main.dtd"), '<!ENTITY % part SYSTEM "part.ent">\n%part;\n<!ELEMENT w (v)>\n');
    const notes = readSchemaFileFresh(join(dir, "main.dtd"), "dtd").diagnostics.map((d) => ({ code: d.code, at: `${d.schemaLocation?.file.slice(dir.length + 1)}:${d.line}:${d.column}` }));
    expect(notes).toEqual([
      { code: "dtd/attlist-undeclared-element", at: "part.ent:6:13" },
      { code: "dtd/undeclared-child", at: "part.ent:5:1" },
      { code: "dtd/undeclared-child", at: "main.dtd:3:1" },
    ]);
  });
});

describe("an unterminated construct in a DTD (dtd/unterminated)", () => {
  const unterminated = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), "qxml-dtd-fix-"));
    writeFileSync(join(dir, "main.dtd"), text);
    return readSchemaFileFresh(join(dir, "main.dtd"), "dtd").diagnostics.find((d) => d.code === "dtd/unterminated")!;
  };
  test("names the construct once, with its article, in message and hint", () => {
    const entity = unterminated('<!ELEMENT a EMPTY>\n<!ENTITY e "open>\n');
    expect(entity.message).toBe('the entity value in <!ENTITY e ...> is not terminated: the text ends before "');
    expect(entity.hint).toBe('Close the entity value in <!ENTITY e ...> with ".');
    const version = unterminated('<?xml version="1.0');
    expect(version.hint).toBe('Close the quoted version in the text declaration with ".');
    const comment = unterminated("<!ELEMENT a EMPTY>\n<!-- open\n");
    expect([comment.message, comment.hint]).toEqual(["the comment is not terminated: the text ends before '-->'", "Close the comment with '-->'."]);
  });
});
