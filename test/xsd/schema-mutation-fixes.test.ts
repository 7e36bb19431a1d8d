/**
 * Fixes found by the schema-mutation differential (test/differential/schema-mutations.test.ts):
 * each case was read differently by qxml and libxml2, and the XSD 1.0 clause named decides it.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { readXsdFile } from "../../src/schema/xsd/index.js";

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';

function schemaFile(body: string, attrs = ""): string {
  const dir = mkdtempSync(join(tmpdir(), "qxml-xsd-fix-"));
  const file = join(dir, "main.xsd");
  writeFileSync(file, `<xs:schema ${XS} ${attrs}>\n${body}\n</xs:schema>\n`);
  return file;
}

describe("a particle with maxOccurs 0 corresponds to no component (XSD 1.0 §3.3.2), so its reference is not resolved", () => {
  test("an element ref or group ref to nothing, with maxOccurs 0, is no error; without it, it is", () => {
    const body = (occurs: string) =>
      `<xs:element name="a"><xs:complexType><xs:sequence><xs:element name="x" type="xs:string"/><xs:element ref="missing"${occurs}/><xs:group ref="nogroup"${occurs}/></xs:sequence></xs:complexType></xs:element>`;
    const absent = readXsdFile(schemaFile(body(' minOccurs="0" maxOccurs="0"')));
    expect(absent.diagnostics).toEqual([]);
    expect(absent.model).not.toBeNull();
    expect(readXsdFile(schemaFile(body(""))).diagnostics.map((d) => d.code)).toEqual(["xsd/unresolved-element", "xsd/unresolved-group"]);
  });
});

describe("one document per imported namespace, as libxml2 and Xerces read them (XSD 1.0 §4.3.2: hints are the processor's to use)", () => {
  const imports = (second: string) => {
    const file = schemaFile(
      `<xs:import namespace="urn:b" schemaLocation="b1.xsd"/>\n<xs:import namespace="urn:b" schemaLocation="${second}"/>\n<xs:element name="a"><xs:complexType><xs:sequence><xs:element ref="b:one"/><xs:element ref="b:two"/></xs:sequence></xs:complexType></xs:element>`,
      'xmlns:b="urn:b"',
    );
    const dir = join(file, "..");
    writeFileSync(join(dir, "b1.xsd"), `<xs:schema ${XS} targetNamespace="urn:b"><xs:element name="one"/></xs:schema>`);
    writeFileSync(join(dir, "b2.xsd"), `<xs:schema ${XS} targetNamespace="urn:b"><xs:element name="two"/></xs:schema>`);
    return readXsdFile(file);
  };

  test("a later import of the namespace from another file is skipped with a warning, so its components are missing", () => {
    const r = imports("b2.xsd");
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([
      ["xsd/import-skipped", "warning", 3],
      ["xsd/unresolved-element", "error", 4],
    ]);
    expect(r.diagnostics[0].message).toBe('xs:import of "b2.xsd" for namespace "urn:b" is skipped: that namespace was already imported from "b1.xsd"');
    expect(r.diagnostics[0].hint).toContain('xs:include "b2.xsd"');
    expect(r.diagnostics[1].message).toBe('element "b:two" is not declared globally; it may be declared in "b2.xsd", which was skipped (its namespace was imported from another file)');
  });

  test("the same file imported twice is read once, without a warning", () => {
    const r = imports("b1.xsd");
    expect(r.diagnostics.map((d) => d.code)).toEqual(["xsd/unresolved-element"]);
  });
});

describe("xs:import of a schemaLocation that cannot be read (XSD 1.0 §4.2.3: the location is a hint)", () => {
  test("is a warning, and the schema is usable when nothing refers into the namespace", () => {
    const r = readXsdFile(schemaFile(`<xs:import namespace="urn:gone" schemaLocation="gone.xsd"/>\n<xs:element name="a" type="xs:string"/>`));
    expect(r.diagnostics).toMatchObject([{ code: "xsd/load-failed", severity: "warning", line: 2, params: { directive: "import", location: "gone.xsd" } }]);
    expect(r.model).not.toBeNull();
  });

  test("a reference into the unread namespace is still an error that names the unread file", () => {
    const r = readXsdFile(schemaFile(`<xs:import namespace="urn:gone" schemaLocation="gone.xsd"/>\n<xs:element name="a" type="g:T"/>`, 'xmlns:g="urn:gone"'));
    expect(r.model).toBeNull();
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ["xsd/load-failed", "warning"],
      ["xsd/unresolved-type", "error"],
    ]);
    expect(r.diagnostics[1].message).toContain('"gone.xsd", which could not be read');
  });

  test("an xs:include that cannot be read stays an error (its components are part of the schema)", () => {
    const r = readXsdFile(schemaFile(`<xs:include schemaLocation="gone.xsd"/>`));
    expect(r.diagnostics).toMatchObject([{ code: "xsd/load-failed", severity: "error" }]);
    expect(r.model).toBeNull();
  });
});

describe("include/import/redefine after a definition (XSD 1.0 §3.15.2, the content of <schema>)", () => {
  test("is an error at the directive that names the definition it follows and how to fix it", () => {
    const file = schemaFile(`<xs:element name="a" type="xs:string"/>\n<xs:import namespace="urn:late"/>`);
    const r = readXsdFile(file);
    expect(r.model).toBeNull();
    expect(r.diagnostics).toMatchObject([{ code: "xsd/syntax", severity: "error", line: 3, schemaLocation: { file, line: 3 } }]);
    expect(r.diagnostics[0].message).toBe("xs:import must come before the schema's definitions, and follows xs:element at line 2");
    expect(r.diagnostics[0].hint).toBe("move the xs:import up, above line 2, with the other include/import/redefine elements");
  });

  test("directives and annotations before the definitions are fine", () => {
    const r = readXsdFile(schemaFile(`<xs:annotation/>\n<xs:import namespace="urn:x"/>\n<xs:annotation/>\n<xs:element name="a" type="xs:string"/>\n<xs:annotation/>`));
    expect(r.diagnostics).toEqual([]);
    expect(r.model).not.toBeNull();
  });
});

describe("an extension and its base are both mixed or both element-only (cos-ct-extends.1.4.3.2.2.1)", () => {
  const base = `<xs:complexType name="B"><xs:sequence><xs:element name="a"/></xs:sequence></xs:complexType>`;

  test('mixed="true" without particles still makes the extension mixed (§3.4.2 complex content 2.1.1): an element-only base is an error', () => {
    const r = readXsdFile(schemaFile(`${base}\n<xs:complexType name="D" mixed="true"><xs:complexContent><xs:extension base="B"/></xs:complexContent></xs:complexType>`));
    expect(r.model).toBeNull();
    expect(r.diagnostics).toMatchObject([{ code: "xsd/invalid-derivation", line: 3, hint: "remove mixed=\"true\", or derive from a mixed base" }]);
    expect(r.diagnostics[0].message).toBe('the extension is mixed but its base "B" is element-only; both must be the same');
  });

  test("an element-only extension of xs:anyType (which is mixed) that adds particles is an error", () => {
    const r = readXsdFile(schemaFile(`<xs:complexType name="D"><xs:complexContent><xs:extension base="xs:anyType"><xs:sequence><xs:element name="n"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>`));
    expect(r.model).toBeNull();
    expect(r.diagnostics).toMatchObject([{ code: "xsd/invalid-derivation", hint: 'add mixed="true" to the extension\'s complexType (or complexContent)' }]);
  });

  test("what stays allowed: an extension without content of either, a mixed extension of xs:anyType, a mixed extension of a mixed base", () => {
    const r = readXsdFile(
      schemaFile(
        `${base}\n<xs:complexType name="M" mixed="true"><xs:sequence><xs:element name="a"/></xs:sequence></xs:complexType>
<xs:complexType name="D1"><xs:complexContent><xs:extension base="B"/></xs:complexContent></xs:complexType>
<xs:complexType name="D2" mixed="true"><xs:complexContent><xs:extension base="xs:anyType"><xs:sequence><xs:element name="n"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
<xs:complexType name="D3" mixed="true"><xs:complexContent><xs:extension base="M"><xs:sequence><xs:element name="n"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
<xs:complexType name="D4"><xs:complexContent><xs:extension base="xs:anyType"/></xs:complexContent></xs:complexType>`,
      ),
    );
    expect(r.diagnostics).toEqual([]);
  });
});

describe('a particle with maxOccurs="0" is no particle at all (XSD 1.0 §3.3.2, §3.10.2)', () => {
  test("it does not make the content model ambiguous (libxml2 test/schemas any3_0 with its first wildcard at maxOccurs 0)", async () => {
    const { compileSchema } = await import("../../src/validate/index.js");
    const r = readXsdFile(
      schemaFile(
        `<xs:element name="foo"><xs:complexType><xs:sequence>
<xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="0"/>
<xs:any namespace="##other" processContents="lax"/>
<xs:element name="a" minOccurs="0" maxOccurs="0"/><xs:element name="a" minOccurs="0"/>
</xs:sequence></xs:complexType></xs:element>`,
        'targetNamespace="http://FOO"',
      ),
    );
    expect(r.diagnostics).toEqual([]);
    expect(compileSchema(r.model!).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

describe("a complex type no element uses is checked for UPA too (cos-nonambig constrains every complex type)", () => {
  test("a non-deterministic base type is a schema error naming the type", async () => {
    const { compileSchema } = await import("../../src/validate/index.js");
    const r = readXsdFile(schemaFile(`<xs:complexType name="personName"><xs:sequence>
<xs:any minOccurs="0" processContents="lax"/>
<xs:element name="forename"/>
</xs:sequence></xs:complexType>
<xs:element name="who" type="xs:string"/>`));
    const errors = compileSchema(r.model!).diagnostics.filter((d) => d.severity === "error");
    expect(errors).toMatchObject([{ code: "valid/ambiguous-content-model", line: 4 }]);
    expect(errors[0].message).toMatch(/^personName: content model is not deterministic/);
  });
});

describe("a simpleContent restriction's inline simpleType restricts the base's text type (derivation-ok-restriction.5.1)", () => {
  const base = `<xs:complexType name="base"><xs:simpleContent><xs:extension base="xs:string"/></xs:simpleContent></xs:complexType>`;
  const derived = (inner: string) => `${base}\n<xs:complexType name="d"><xs:simpleContent><xs:restriction base="base"><xs:simpleType><xs:restriction base="${inner}"/></xs:simpleType></xs:restriction></xs:simpleContent></xs:complexType>`;

  test("xs:boolean text under an xs:string base is an error that names both types", () => {
    const r = readXsdFile(schemaFile(derived("xs:boolean")));
    expect(r.model).toBeNull();
    expect(r.diagnostics).toMatchObject([{ code: "xsd/invalid-derivation", line: 3 }]);
    expect(r.diagnostics[0].message).toBe('the simpleContent restriction of "base" gives its text the type xs:boolean, which does not derive from the base\'s text type xs:string');
  });

  test("a restriction of the base's text type (or of one derived from it) is fine", () => {
    expect(readXsdFile(schemaFile(derived("xs:string"))).diagnostics).toEqual([]);
    expect(readXsdFile(schemaFile(derived("xs:token"))).diagnostics).toEqual([]);
  });
});

describe("facet and restriction constraints libxml2 checks and qxml missed", () => {
  test("xs:length with xs:minLength in one restriction (length-minLength-maxLength)", () => {
    const r = readXsdFile(schemaFile(`<xs:simpleType name="t"><xs:restriction base="xs:string"><xs:length value="3"/><xs:minLength value="1"/></xs:restriction></xs:simpleType>`));
    expect(r.model).toBeNull();
    expect(r.diagnostics).toMatchObject([{ code: "xsd/invalid-facet", params: { facet: "minLength" }, hint: "remove xs:minLength (xs:length already fixes the length), or remove xs:length" }]);
  });

  test("xs:length in one step and xs:minLength in a restriction of it stay allowed when they narrow", () => {
    const r = readXsdFile(schemaFile(`<xs:simpleType name="a"><xs:restriction base="xs:string"><xs:minLength value="1"/></xs:restriction></xs:simpleType>
<xs:simpleType name="b"><xs:restriction base="a"><xs:length value="3"/></xs:restriction></xs:simpleType>`));
    expect(r.diagnostics).toEqual([]);
  });

  test("a mixed restriction of an element-only base (derivation-ok-restriction.5.4.1.1)", () => {
    const r = readXsdFile(schemaFile(`<xs:complexType name="B"><xs:sequence><xs:element name="a" minOccurs="0"/></xs:sequence></xs:complexType>
<xs:complexType name="D" mixed="true"><xs:complexContent><xs:restriction base="B"><xs:sequence><xs:element name="a" minOccurs="0"/></xs:sequence></xs:restriction></xs:complexContent></xs:complexType>`));
    expect(r.model).toBeNull();
    expect(r.diagnostics).toMatchObject([{ code: "xsd/invalid-derivation", line: 3, hint: 'remove mixed="true" from the restriction, or restrict a mixed base' }]);
    expect(r.diagnostics[0].message).toBe('the restriction is mixed but its base "B" is element-only; a restriction cannot allow text its base does not');
  });
});

describe("complexContent extension of a type with simple content (cos-ct-extends.1.4)", () => {
  const base = `<xs:complexType name="BaseType"><xs:simpleContent><xs:extension base="xs:int"/></xs:simpleContent></xs:complexType>`;

  test("adding only attributes keeps the simple content (1.4.1): no error, and the text is still checked as xs:int", async () => {
    const { compileSchema, validateString } = await import("../../src/validate/index.js");
    const r = readXsdFile(schemaFile(`${base}\n<xs:complexType name="C"><xs:complexContent><xs:extension base="BaseType"><xs:attribute name="a"/></xs:extension></xs:complexContent></xs:complexType>\n<xs:element name="c" type="C"/>`));
    expect(r.diagnostics).toEqual([]);
    const schema = compileSchema(r.model!).schema;
    expect(validateString('<c a="1">12</c>', { file: "d.xml", schema }).valid).toBe(true);
    expect(validateString("<c>twelve</c>", { file: "d.xml", schema }).diagnostics.map((d) => d.code)).toEqual(["valid/text-type"]);
  });

  test("adding elements is an error (libxml2 test/schemas issue491_0) with a hint", () => {
    const r = readXsdFile(schemaFile(`${base}\n<xs:complexType name="C"><xs:complexContent><xs:extension base="BaseType"><xs:sequence><xs:element name="bad"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>`));
    expect(r.model).toBeNull();
    expect(r.diagnostics).toMatchObject([{ code: "xsd/invalid-derivation", line: 3, hint: "use simpleContent to add attributes only, or derive from a type with element content" }]);
    expect(r.diagnostics[0].message).toBe('complexContent cannot extend "BaseType", which has simple content, with elements');
  });
});

describe("a list's item type is atomic or a union (cos-st-restricts.2.1)", () => {
  test("xs:anySimpleType as the item type is an error with a hint", () => {
    const r = readXsdFile(schemaFile(`<xs:simpleType name="l"><xs:list itemType="xs:anySimpleType"/></xs:simpleType>`));
    expect(r.model).toBeNull();
    expect(r.diagnostics).toMatchObject([{ code: "xsd/invalid-derivation", line: 2, hint: "use an atomic item type such as xs:string or xs:token" }]);
  });

  test("an atomic or a union item type is fine", () => {
    const r = readXsdFile(schemaFile(`<xs:simpleType name="u"><xs:union memberTypes="xs:int xs:date"/></xs:simpleType>
<xs:simpleType name="l1"><xs:list itemType="xs:token"/></xs:simpleType>
<xs:simpleType name="l2"><xs:list itemType="u"/></xs:simpleType>`));
    expect(r.diagnostics).toEqual([]);
  });
});

describe("the most frequent schema errors of the mutation run say how to fix them", () => {
  const hintOf = (body: string) => readXsdFile(schemaFile(body)).diagnostics.find((d) => d.severity === "error")?.hint;

  test("an element inside xs:all with maxOccurs 2", () => {
    expect(hintOf(`<xs:complexType name="t"><xs:all><xs:element name="a" maxOccurs="2"/></xs:all></xs:complexType>`)).toBe("set maxOccurs to 1 (minOccurs 0 or 1), or use xs:sequence or xs:choice for a repeated element");
  });

  test("a restriction that makes a required attribute optional", () => {
    expect(
      hintOf(`<xs:complexType name="B"><xs:attribute name="a" use="required"/></xs:complexType>
<xs:complexType name="D"><xs:complexContent><xs:restriction base="B"><xs:attribute name="a" use="optional"/></xs:restriction></xs:complexContent></xs:complexType>`),
    ).toBe('make the attribute at most as permissive as in "B" (same or derived type, same fixed value, required stays required), or derive by extension');
  });

  test("a facet given twice, a final base, a complex type where a simple one is needed", () => {
    expect(hintOf(`<xs:simpleType name="t"><xs:restriction base="xs:string"><xs:maxLength value="3"/><xs:maxLength value="4"/></xs:restriction></xs:simpleType>`)).toBe("keep one xs:maxLength (only xs:pattern and xs:enumeration may repeat)");
    expect(hintOf(`<xs:complexType name="B" final="extension"/><xs:complexType name="D"><xs:complexContent><xs:extension base="B"/></xs:complexContent></xs:complexType>`)).toBe('derive from another type, or remove "extension" from the final attribute of "B"');
    expect(hintOf(`<xs:complexType name="C"/><xs:attribute name="a" type="C"/>`)).toBe("name a simple type (a built-in such as xs:string, or an xs:simpleType), or use the complex type on an element");
  });
});

describe("a restriction to empty content needs an emptiable base (derivation-ok-restriction.5.2)", () => {
  const base = `<xs:complexType name="B"><xs:sequence><xs:element name="t" minOccurs="0"/><xs:element name="s"/></xs:sequence></xs:complexType>`;
  test("maxOccurs=0 on the restriction's sequence leaves no content; the base requires <s>", () => {
    const r = readXsdFile(schemaFile(`${base}\n<xs:complexType name="D"><xs:complexContent><xs:restriction base="B"><xs:sequence minOccurs="0" maxOccurs="0"><xs:element name="s"/></xs:sequence></xs:restriction></xs:complexContent></xs:complexType>`));
    expect(r.model).toBeNull();
    expect(r.diagnostics).toMatchObject([{ code: "xsd/invalid-derivation", line: 3, hint: 'keep the base\'s required children in the restriction, or make them optional in "B"' }]);
  });

  test("an empty restriction of an emptiable base is fine", () => {
    const r = readXsdFile(schemaFile(`<xs:complexType name="B"><xs:sequence><xs:element name="t" minOccurs="0"/></xs:sequence></xs:complexType>\n<xs:complexType name="D"><xs:complexContent><xs:restriction base="B"/></xs:complexContent></xs:complexType>`));
    expect(r.diagnostics).toEqual([]);
  });
});
