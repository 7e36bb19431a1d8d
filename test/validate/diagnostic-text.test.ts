/**
 * The message fixes the diagnostic sweep (test-support/diagnostic-sweep.ts) found, each on its
 * minimal case: every expectation here failed on the text before the fix.
 */
import { describe, expect, it } from "vitest";
import { escapeControls, render } from "../../src/diagnostics/codes.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { validateString } from "../../src/validate/index.js";
import { clippedList, inNamespace } from "../../src/validate/messages.js";
import { runXsd } from "./xsd-cases.js";

const dtd = (subset: string, body: string): Diagnostic[] => validateString(`<!DOCTYPE r [\n${subset}\n]>\n${body}\n`, { file: "t.xml" }).diagnostics;
const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === "error");

describe("values in messages", () => {
  it("an empty value is named, not quoted as \"\"", () => {
    const [d] = dtd('<!ELEMENT r EMPTY><!ATTLIST r kind (book|disc|tool) #IMPLIED>', '<r kind=""/>');
    expect(d.message).toBe("r: attribute kind: expected one of book, disc or tool; found an empty value");
    expect(d.params?.found).toBe("");
  });
  it("an attribute as written keeps its quotes (name=\"\")", () => {
    expect(render('xsi:type="{found}" and "{found}"', { found: "" })).toBe('xsi:type="" and an empty value');
    expect(render('value "{value}" does not match', { value: "" })).toBe("value (empty) does not match");
  });
  it("a long value is cut in the message, after 100 characters, with its length outside the quotes", () => {
    expect(render('found "{found}"; name {name}', { found: "x".repeat(354), name: "n".repeat(230) })).toBe(`found "${"x".repeat(100)}…" (354 characters); name ${"n".repeat(200)}… (230 characters)`);
    expect(render('found "{found}"', { found: "y".repeat(120) })).toBe(`found "${"y".repeat(120)}"`);
  });
  it("a hint is not cut that way: it may hold a value to copy", () => {
    const url = `https://qualysapi.qualys.com/api/2.0/fo/subscription/option_profile/${"x".repeat(100)}.dtd`;
    expect(render('["{systemId}"]', { systemId: url }, false)).toBe(`["${url}"]`);
  });
  it("a tab or line break inside a value is escaped: the message stays one line", () => {
    const [d] = dtd('<!ELEMENT r EMPTY><!ATTLIST r kind (a|b) #IMPLIED>', '<r kind="a&#9;"/>');
    expect(d.message).toBe('r: attribute kind: expected one of a or b; found "a\\t"');
    expect(d.params?.found).toBe("a\t");
    expect(escapeControls("x\r\ny\u0085")).toBe("x\\r\\ny\\u0085");
  });
  it("a DTD enumeration reads \"one of a, b or c\" like every other expected list", () => {
    const [d] = dtd('<!ELEMENT r EMPTY><!ATTLIST r kind (book|disc|tool) #IMPLIED>', '<r kind="cd"/>');
    expect(d.params?.expected).toBe("one of book, disc or tool");
  });
});

describe("long lists are cut with a count", () => {
  it("by characters as well as by number", () => {
    const names = Array.from({ length: 10 }, (_, i) => `A_RATHER_LONG_ELEMENT_NAME_${i}`);
    expect(clippedList(names)).toEqual([...names.slice(0, 5), "... (5 more)"]);
    expect(clippedList(["A", "B"])).toEqual(["A", "B"]);
  });
  it("an enumeration of 22 long values stays under 300 characters", () => {
    const values = Array.from({ length: 22 }, (_, i) => `Registry Value Existence Check ${i}`);
    const xsd = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="T"><xs:simpleType><xs:restriction base="xs:string">${values.map((v) => `<xs:enumeration value="${v}"/>`).join("")}</xs:restriction></xs:simpleType></xs:element></xs:schema>`;
    const [d] = errors(runXsd(xsd, "<T>QXML</T>"));
    expect(d.message.length).toBeLessThanOrEqual(300);
    expect(d.message).toMatch(/Registry Value Existence Check 3, \.\.\. \(18 more\)$/);
  });
  it("so does a long list of declared attributes", () => {
    const attrs = Array.from({ length: 30 }, (_, i) => `thistoken${i} CDATA #IMPLIED`).join(" ");
    const [d] = dtd(`<!ELEMENT r EMPTY><!ATTLIST r ${attrs}>`, '<r QXML="1"/>');
    expect(d.message.length).toBeLessThanOrEqual(300);
    expect(d.message).toMatch(/declared attributes: thistoken0, .*\.\.\. \(\d+ more\)$/);
  });
});

describe("no repeats", () => {
  it("a pattern the reason quotes is not repeated in the type note", () => {
    const xsd = '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="T"><xs:simpleType><xs:restriction base="xs:string"><xs:maxLength value="6"/><xs:pattern value="[A-Z]{2}-\\d{3}"/></xs:restriction></xs:simpleType></xs:element></xs:schema>';
    const [d] = errors(runXsd(xsd, "<T>!x!</T>"));
    expect(d.message).toBe("T: value \"!x!\" does not match the pattern [A-Z]{2}-\\d{3} (type xs:string of at most 6 characters)");
  });
});

describe("hints", () => {
  it("a value that differs from an enumerated one only by white space says so", () => {
    const xsd = '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="T"><xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="Registry Key"/><xs:enumeration value="Other"/></xs:restriction></xs:simpleType></xs:element></xs:schema>';
    const [d] = errors(runXsd(xsd, "<T> Registry Key</T>"));
    expect(d.hint).toBe('Remove the white space around the value ("Registry Key").');
  });
  it("a value with doubled inner spaces is told to use single spaces, not \"did you mean\" the same words", () => {
    const xsd = '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="T"><xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="Registry Key"/><xs:enumeration value="Other"/></xs:restriction></xs:simpleType></xs:element></xs:schema>';
    const [d] = errors(runXsd(xsd, "<T>Registry  Key</T>"));
    expect(d.hint).toBe('Write the value with single spaces, as listed ("Registry Key").');
  });
  it("a namespace name with white space at an end is quoted", () => {
    expect(inNamespace("urn:a ", "my")).toBe('my in namespace "urn:a "');
    expect(inNamespace("urn:a", "my")).toBe("my in namespace urn:a");
  });
  it("a child with nothing left to expect gets the plain message, not \"add one of  before\"", () => {
    const xsd = '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="contact"><xs:complexType><xs:choice minOccurs="2" maxOccurs="2"><xs:element name="customer"/><xs:element name="comment" minOccurs="0"/></xs:choice></xs:complexType></xs:element></xs:schema>';
    const [d] = errors(runXsd(xsd, "<contact><customer/><comment/><customer/></contact>"));
    expect(d.message).toBe("contact: expected </contact>; found <customer>");
    expect(d.hint).toBe("<contact> cannot contain <customer> here: remove it or move it.");
  });
  it("an attribute declared in another namespace is named with its namespace, not \"did you mean id?\"", () => {
    const xsd = '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:n" elementFormDefault="qualified" attributeFormDefault="qualified"><xs:element name="foo"><xs:complexType><xs:attribute name="id" type="xs:ID"/></xs:complexType></xs:element></xs:schema>';
    const [d] = errors(runXsd(xsd, '<foo xmlns="urn:n" id="abc"/>'));
    expect(d.message).toBe("foo: no attribute id in no namespace is declared; declared attributes: id in namespace urn:n");
    expect(d.hint).toBe('Write id with a prefix bound to urn:n (xmlns:p="urn:n" and p:id): an unprefixed attribute is in no namespace, whatever the default xmlns.');
  });
  it("a refused external entity that does not exist is told to check the system identifier first", () => {
    const ds = validateString('<!DOCTYPE r SYSTEM "missing.dtd">\n<r/>', { file: "/tmp/qxml-no-such-dir/t.xml", resolveEntity: () => ({ error: "it does not exist" }) }).diagnostics;
    const d = ds.find((x) => x.code === "xml/external-entity-refused")!;
    expect(d.hint).toMatch(/^Check the system identifier \(a relative one is resolved against the document's folder\)/);
  });
  it("the codes that had none now carry one", () => {
    const ds = dtd('<!ELEMENT r EMPTY><!ATTLIST r a CDATA #FIXED "x" ref IDREF #IMPLIED>', '<r a="y" ref="nope" b="1"/>');
    expect(ds.map((d) => [d.code, d.hint])).toEqual([
      ["valid/fixed-attribute", 'Write a="x" or leave a out (the fixed value then applies).'],
      ["valid/undeclared-attribute", "Remove b or correct its name."],
      ["valid/unresolved-idref", 'Give an element the ID "nope" (an attribute of type ID) or correct the reference.'],
    ]);
  });
});

describe("values of nested anonymous unions (deep sweeps, eighth session)", () => {
  // bug306806_1.xsd's types: a list of a union of anonymous unions. Each member was described in
  // full in "(tried ...)" and again in " (type ...)": 439-452 characters a message.
  const u3 = '<xs:simpleType><xs:union memberTypes="xs:double xs:double xs:integer"/></xs:simpleType>';
  const u5 = `<xs:union>${u3}${u3}${u3}${u3}<xs:simpleType><xs:restriction base="xs:date"/></xs:simpleType></xs:union>`;
  const xsd = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
<xs:simpleType name="U">${u5}</xs:simpleType>
<xs:element name="r"><xs:complexType><xs:sequence><xs:element name="a"><xs:simpleType><xs:list><xs:simpleType>${u5}</xs:simpleType></xs:list></xs:simpleType></xs:element><xs:element name="b" type="U"/></xs:sequence><xs:attribute name="t" type="U"/></xs:complexType></xs:element>
</xs:schema>`;
  it("name each distinct member once, and the type in a bounded label", async () => {
    const { readXsdText } = await import("../../src/schema/xsd/index.js");
    const { compileSchema } = await import("../../src/validate/index.js");
    const { schema } = compileSchema(readXsdText(xsd, "/v/u.xsd").model!);
    const ds = validateString('<r t="x"><a>1 zz</a><b>qq</b></r>', { file: "d.xml", schema }).diagnostics;
    expect(ds.map((d) => d.code)).toEqual(["valid/attribute-type", "valid/text-type", "valid/text-type"]);
    for (const d of ds) expect(d.message.length, d.message).toBeLessThanOrEqual(300);
    expect(ds[2].message).toBe('b: "qq" is not valid for any member of U (tried union of xs:double | xs:double | xs:integer, xs:date) (type union of union of xs:double | xs:double | xs:integer | union of xs:double | xs:…)');
    expect(ds[1].message).toContain('item 2 "zz" of the list is not valid: "zz" is not valid for any member of the union (tried union of xs:double | xs:double | xs:integer, xs:date)');
  });
  it("past 100 characters, say how many more were tried", async () => {
    const { triedMembers } = await import("../../src/validate/datatypes/compile.js");
    const long = (n: number) => `union of ${"xs:double | ".repeat(n)}xs:date`;
    expect(triedMembers(["xs:int", "xs:int", "xs:date"])).toEqual(["xs:int", "xs:date"]);
    expect(triedMembers([long(2), long(3), long(4), "xs:boolean"])).toEqual([long(2), long(3), "... (2 more)"]);
    expect(triedMembers([long(20)])).toEqual([long(20)]);
  });
});
