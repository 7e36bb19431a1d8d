/**
 * Fixes found by the schema diagnostic sweep (test/schema/schema-diagnostic-sweep.test.ts): each
 * case is a schema diagnostic whose text or position broke one of the sweep's invariants, with
 * the text it has now.
 */
import { mkdtempSync, realpathSync, writeFileSync } from "node:fs";
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

describe("a misspelt XSD element or attribute (xsd/unexpected-child, xsd/unknown-attribute)", () => {
  test("an xs: name XSD does not have: did you mean the allowed one it is nearest to", () => {
    const [d] = errors(xsd('<xs:complexType name="T"><xs:sequence><xs:elemnt name="a"/></xs:sequence></xs:complexType>'));
    expect(d.code).toBe("xsd/unexpected-child");
    expect(d.message).toBe("<xs:elemnt> is not allowed inside xs:sequence; did you mean xs:element?");
    expect(d.hint).toBe("rename it xs:element (keeping your prefix); expected one of: xs:annotation, xs:element, xs:group, xs:choice, xs:sequence, xs:any");
  });
  test("a real XSD element in the wrong place gets no suggestion", () => {
    const [d] = errors(xsd('<xs:complexType name="T"><xs:sequence><xs:attribute name="a"/></xs:sequence></xs:complexType>'));
    expect(d.message).toBe("<xs:attribute> is not allowed inside xs:sequence");
  });
  test("an attribute name near an allowed one", () => {
    const all = errors(xsd('<xs:element nmae="a"/>'));
    expect(all.map((x) => x.code).sort()).toEqual(["xsd/missing-attribute", "xsd/unknown-attribute"]);
    const d = all.find((x) => x.code === "xsd/unknown-attribute")!;
    expect(d.message).toBe('attribute "nmae" is not allowed on xs:element; did you mean name?');
    expect(d.hint).toMatch(/^rename it name; allowed attributes are: id, name, /);
  });
});

describe("a block/final value outside its set (xsd/invalid-value)", () => {
  test("says what is allowed in words, not in the schema for schemas' notation, and suggests a near token", () => {
    const [bogus] = errors(xsd('<xs:element name="a" block="bogus"/>'));
    expect(bogus.message).toBe('attribute "block" of xs:element is "bogus"; expected #all or a space-separated list of extension, restriction, substitution');
    const [near] = errors(xsd('<xs:complexType name="T" final="extension restricton"/>'));
    expect(near.message).toBe('attribute "final" of xs:complexType is "extension restricton"; expected #all or a space-separated list of extension, restriction; did you mean restriction?');
    expect(near.hint).toBe("write restriction for restricton");
  });
});

describe("a schema root in the wrong namespace (xsd/not-a-schema)", () => {
  test("says which namespace it is in, and the declaration that fixes it", () => {
    const [wrong] = errors('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema-wrong"/>');
    expect(wrong.message).toBe('the root element <xs:schema> is in namespace "http://www.w3.org/2001/XMLSchema-wrong"; expected xs:schema in namespace http://www.w3.org/2001/XMLSchema');
    expect(wrong.hint).toBe('declare xmlns:xs="http://www.w3.org/2001/XMLSchema" on <xs:schema> (the namespace URI must be exactly this)');
    const [none] = errors("<schema/>");
    expect(none.message).toBe("the root element <schema> is in no namespace; expected xs:schema in namespace http://www.w3.org/2001/XMLSchema");
    expect(none.hint).toBe('declare xmlns="http://www.w3.org/2001/XMLSchema" on <schema> (the namespace URI must be exactly this)');
    const [other] = errors("<root/>");
    expect(other.message).toBe("the root element is <root>, expected xs:schema in namespace http://www.w3.org/2001/XMLSchema");
  });
});

describe("xsd/syntax errors with a hint of their own (not the generic 'see the XML Representation Summary')", () => {
  test("text inside xs:annotation, and elsewhere", () => {
    const [inAnnotation] = errors(xsd("<xs:annotation>stray words</xs:annotation>"));
    expect([inAnnotation.message, inAnnotation.hint]).toEqual(["text is not allowed inside xs:annotation", "put the text in an xs:documentation (or xs:appinfo) inside the xs:annotation"]);
    const [inSequence] = errors(xsd('<xs:complexType name="T"><xs:sequence>stray</xs:sequence></xs:complexType>'));
    expect(inSequence.hint).toBe("remove the text, or make it a comment; to document xs:sequence, give it an xs:annotation with an xs:documentation");
  });
  test("a default on a required attribute", () => {
    const [d] = errors(xsd('<xs:attribute name="a" type="xs:string"/><xs:complexType name="T"><xs:attribute ref="a" use="required" default="x"/></xs:complexType>'));
    expect([d.message, d.hint]).toEqual(['an attribute with a default must have use="optional", not use="required"', 'remove the default (a required attribute is always given), or remove use="required"']);
  });
});

describe("the earlier declaration of a duplicate (xsd/duplicate-global, dtd/duplicate-*)", () => {
  test("is placed by line and column in the same file, by a relative path in another", () => {
    const [same] = errors(xsd('<xs:element name="a"/>\n<xs:element name="a"/>'));
    expect(same.message).toBe('element "a" is defined twice (first at line 2, column 1)');
    const dir = mkdtempSync(join(tmpdir(), "qxml-dup-fix-"));
    writeFileSync(join(dir, "inc.xsd"), xsd('<xs:element name="a"/>'));
    writeFileSync(join(dir, "main.xsd"), xsd('<xs:include schemaLocation="inc.xsd"/>\n<xs:element name="a"/>'));
    const [other] = readSchemaFileFresh(join(dir, "main.xsd"), "xsd").diagnostics;
    expect(other.message).toBe('element "a" is defined twice (first at main.xsd:3:1)');
    expect(other.schemaLocation?.file).toBe(join(realpathSync(dir), "inc.xsd"));
    expect(other.params?.first).toBe(`${join(realpathSync(dir), "main.xsd")}:3:1`);
    writeFileSync(join(dir, "d.dtd"), "<!ELEMENT a EMPTY>\n<!ELEMENT a ANY>\n<!ATTLIST a x CDATA #IMPLIED x CDATA #IMPLIED>\n");
    const messages = readSchemaFileFresh(join(dir, "d.dtd"), "dtd").diagnostics.map((d) => d.message);
    expect(messages).toContain("element a is declared more than once (first at line 1, column 1)");
    expect(messages).toContain("attribute x of a is declared more than once; the first declaration (at line 3, column 13) is used");
  });
});

describe("a type name in the XML Schema namespace that is no built-in (xsd/unresolved-type)", () => {
  test("says the namespace has no such type and suggests the nearest built-in, instead of 'define xs:strng'", () => {
    const [near] = errors(xsd('<xs:element name="a" type="xs:strng"/>'));
    expect(near.message).toBe('type "xs:strng" is not defined: the XML Schema namespace has no type strng; did you mean xs:string?');
    expect(near.hint).toBe("use xs:string");
    const [far] = errors(xsd('<xs:element name="a" type="xs:NoSuchtype"/>'));
    expect(far.message).toBe('type "xs:NoSuchtype" is not defined: the XML Schema namespace has no type NoSuchtype');
    expect(far.hint).toBe("use an XML Schema built-in type (such as xs:string, xs:int or xs:dateTime), or a type of your own without the xs prefix");
  });
});

describe("a derivation chain past the limit (xsd/too-deep-definitions)", () => {
  test("the hint says how to fix it, not only why qxml stops", () => {
    const chain = Array.from({ length: 250 }, (_, i) => `<xs:complexType name="c${i}"><xs:complexContent><xs:extension base="c${i + 1}"/></xs:complexContent></xs:complexType>`).join("\n");
    const d = errors(xsd(`${chain}\n<xs:complexType name="c250"/>`)).find((x) => x.code === "xsd/too-deep-definitions")!;
    expect(d.hint).toBe(`shorten the chain at "${d.params?.name}": derive from a type nearer the base, or inline nested group references (qxml stops at 200 levels to stay bounded)`);
  });
});

describe("a list whose item type is a list (xsd/invalid-derivation)", () => {
  test("has a hint about item types, not the generic 'make it a valid restriction or extension'", () => {
    const [d] = errors(xsd('<xs:simpleType name="L"><xs:list itemType="xs:int"/></xs:simpleType><xs:simpleType name="LL"><xs:list itemType="L"/></xs:simpleType>'));
    expect([d.message, d.hint]).toEqual(["the item type of a list cannot itself be a list type", "give the list an atomic or union item type (XSD 1.0 cos-list-of-atomic): a list of lists would not know where one item ends"]);
  });
});

describe("a facet value that fails a nested union (xsd/invalid-facet-value; deep sweep, eighth session)", () => {
  // bug306806_1.xsd, facet-break:161 (seed 17): the union's "(tried ...)" list of nested member
  // descriptions made the reason 200+ characters after an 80-character base label: 374 in all.
  const union3 = '<xs:simpleType><xs:union memberTypes="xs:double xs:double xs:double"/></xs:simpleType>';
  const text = xsd(
    `<xs:simpleType name="T"><xs:restriction><xs:simpleType><xs:list><xs:simpleType><xs:union>${union3}${union3}${union3}</xs:union></xs:simpleType></xs:list></xs:simpleType>\n<xs:enumeration value="not-a-number"/></xs:restriction></xs:simpleType>`,
  );
  test("keeps the message one readable line, the failing item still named", () => {
    const [d] = errors(text);
    expect(d.code).toBe("xsd/invalid-facet-value");
    expect(d.message.length).toBeLessThanOrEqual(300);
    expect(d.message).toContain('item 1 "not-a-number" of the list is not valid: "not-a-number" is not valid for any member of the union');
    expect(d.message.endsWith("…")).toBe(true);
  });
});
