import { describe, expect, it } from "vitest";
import { codes, parse } from "./helpers.js";

describe("element declarations", () => {
  it("reads EMPTY, ANY, mixed and children content", () => {
    const doc = parse(`<!ELEMENT e EMPTY><!ELEMENT a ANY><!ELEMENT m (#PCDATA)><!ELEMENT m2 (#PCDATA)*><!ELEMENT x ( #PCDATA | b | c )*>
<!ELEMENT c (a, (b | c)*, d?, e+)>`);
    expect(codes(doc)).toEqual([]);
    expect(doc.elements.get("e")!.content).toEqual({ kind: "EMPTY" });
    expect(doc.elements.get("a")!.content).toEqual({ kind: "ANY" });
    expect(doc.elements.get("m")!.content).toEqual({ kind: "mixed", names: [] });
    expect(doc.elements.get("m2")!.content).toEqual({ kind: "mixed", names: [] });
    expect(doc.elements.get("x")!.content).toEqual({ kind: "mixed", names: ["b", "c"] });
    const c = doc.elements.get("c")!.content;
    if (c.kind !== "children") throw new Error("children expected");
    const p = c.particle;
    expect(p.kind).toBe("seq");
    if (p.kind === "name") throw new Error("group expected");
    expect(p.items.map((i) => [i.kind, i.occur])).toEqual([["name", ""], ["choice", "*"], ["name", "?"], ["name", "+"]]);
    expect(p.location).toEqual({ file: "t.dtd", line: 2, column: 13 });
    expect(p.items[0].location).toEqual({ file: "t.dtd", line: 2, column: 14 });
  });

  it("keeps the comment right before a declaration, and only that one", () => {
    const doc = parse(`<!-- qxml:inferred from payloads -->\n<!ELEMENT a EMPTY>\n<!-- about b -->\n<?pi x?>\n<!ELEMENT b EMPTY>`);
    expect(doc.elements.get("a")!.comment).toBe("qxml:inferred from payloads");
    expect(doc.elements.get("b")!.comment).toBeUndefined();
  });

  it("handles deeply nested groups without recursion", () => {
    const depth = 50_000;
    const doc = parse(`<!ELEMENT a ${"(".repeat(depth)}b${")".repeat(depth)}>`);
    expect(codes(doc)).toEqual([]);
    expect(doc.elements.get("a")!.content.kind).toBe("children");
  });

  it.each([
    ["<!ELEMENT a (b,c|d)>", "',' or ')' (a group cannot mix ',' and '|')", "'|'", 1, 17],
    ["<!ELEMENT a (b|c>", "'|' or ')'", "'>'", 1, 17],
    ["<!ELEMENT a (#PCDATA|b)>", "')*' after a mixed content model that names elements", "'>'", 1, 24],
    ["<!ELEMENT a (b, #PCDATA)>", "an element name or '(' (#PCDATA must come first, in a mixed content model)", "'#PCDATA'", 1, 17],
    ["<!ELEMENT a EMPTY\n  <!ELEMENT b EMPTY>", "'>' to close <!ELEMENT a ...>", "'<!ELEMENT'", 2, 3],
    ["<!ELEMENT OPTION_PROFILE (A)X>", "'>' to close <!ELEMENT OPTION_PROFILE ...>", "'X'", 1, 29],
    ["<!ELEMENT a empty>", "EMPTY, ANY or '(' to start the content model", "'empty'", 1, 13],
    ["<!ELEMENTa EMPTY>", "whitespace", "'a'", 1, 10],
    ["<!ELEMENT a (b) *>", "'>' to close <!ELEMENT a ...>", "'*'", 1, 17],
  ])("syntax error in %j", (text, expected, found, line, column) => {
    const doc = parse(text);
    expect(doc.diagnostics).toHaveLength(1);
    const d = doc.diagnostics[0];
    expect(d.code).toBe("dtd/syntax");
    expect(d.params).toMatchObject({ expected, found });
    expect([d.line, d.column]).toEqual([line, column]);
    expect(d.message).toContain(`expected ${expected}`);
  });

  it("reports a second declaration of an element and keeps the first", () => {
    const doc = parse(`<!ELEMENT a EMPTY>\n<!ELEMENT a ANY>`);
    expect(codes(doc)).toEqual(["dtd/duplicate-element"]);
    expect(doc.diagnostics[0]).toMatchObject({ line: 2, column: 1, params: { name: "a", first: "t.dtd:1:1" } });
    expect(doc.elements.get("a")!.content.kind).toBe("EMPTY");
  });

  it("reports duplicate names in mixed content (VC: No Duplicate Types)", () => {
    const doc = parse(`<!ELEMENT a (#PCDATA | b | c | d | c)*>`);
    expect(codes(doc)).toEqual(["dtd/duplicate-mixed-name"]);
    expect(doc.diagnostics[0]).toMatchObject({ line: 1, column: 36, params: { name: "c", element: "a" } });
  });
});

describe("attribute-list declarations", () => {
  it("reads every type and default", () => {
    const doc = parse(`<!NOTATION gif SYSTEM "gif"><!NOTATION png PUBLIC "-//png">
<!ELEMENT e ANY>
<!ATTLIST e c CDATA #IMPLIED i ID #REQUIRED r IDREF #IMPLIED rs IDREFS #IMPLIED
  en ENTITY #IMPLIED ens ENTITIES #IMPLIED t NMTOKEN "x" ts NMTOKENS #FIXED "a b"
  n NOTATION (gif|png) "gif" k ( a | b-1 | 2 ) 'a'>
<!ATTLIST e c NMTOKEN #REQUIRED extra CDATA "">`);
    expect(codes(doc)).toEqual(["dtd/duplicate-attribute"]);
    expect(doc.diagnostics[0]).toMatchObject({ severity: "warning", line: 6, column: 13, params: { attribute: "c", first: "t.dtd:3:13" } });
    const list = doc.attlists.get("e")!;
    expect(list.map((a) => [a.name, a.type.kind, a.default.kind])).toEqual([
      ["c", "CDATA", "#IMPLIED"],
      ["i", "ID", "#REQUIRED"],
      ["r", "IDREF", "#IMPLIED"],
      ["rs", "IDREFS", "#IMPLIED"],
      ["en", "ENTITY", "#IMPLIED"],
      ["ens", "ENTITIES", "#IMPLIED"],
      ["t", "NMTOKEN", "default"],
      ["ts", "NMTOKENS", "#FIXED"],
      ["n", "NOTATION", "default"],
      ["k", "enumeration", "default"],
      ["extra", "CDATA", "default"],
    ]);
    expect(list[8].type).toEqual({ kind: "NOTATION", values: ["gif", "png"] });
    expect(list[9].type).toEqual({ kind: "enumeration", values: ["a", "b-1", "2"] });
    expect(list[7].default).toEqual({ kind: "#FIXED", value: "a b" });
    expect(list[0].external).toBe(true);
  });

  it("marks attributes of the internal subset as not external", () => {
    const doc = parse(`<!ATTLIST e a CDATA #IMPLIED>`, { internal: true });
    expect(doc.attlists.get("e")![0].external).toBe(false);
  });

  it.each([
    [`<!ATTLIST e a CDATA>`, "dtd/syntax", { expected: "whitespace" }, 1, 20],
    [`<!ATTLIST e a STRING #IMPLIED>`, "dtd/syntax", { found: "'STRING'" }, 1, 15],
    [`<!ATTLIST e a (x|y z) #IMPLIED>`, "dtd/syntax", { expected: "'|' or ')'" }, 1, 20],
    [`<!ATTLIST e a (x|$) #IMPLIED>`, "dtd/syntax", { expected: "a name token (enumeration value)" }, 1, 18],
    [`<!ATTLIST e a CDATA "<">`, "dtd/lt-in-default", { element: "e", attribute: "a" }, 1, 21],
    [`<!ATTLIST e a CDATA "&#0;">`, "dtd/invalid-char-ref", { ref: "&#0;" }, 1, 21],
    [`<!ATTLIST e a CDATA "a & b">`, "dtd/syntax", {}, 1, 21],
    [`<!ATTLIST e a CDATA #FIXED>`, "dtd/syntax", { expected: "whitespace" }, 1, 27],
  ])("error in %j", (text, code, params, line, column) => {
    const doc = parse(text);
    expect(codes(doc)).toEqual([code]);
    expect(doc.diagnostics[0].params).toMatchObject(params);
    expect([doc.diagnostics[0].line, doc.diagnostics[0].column]).toEqual([line, column]);
  });

  it("checks the DTD's attribute validity constraints", () => {
    const doc = parse(`<!ELEMENT e EMPTY>
<!ATTLIST e a ID #IMPLIED>
<!ATTLIST e b ID "x">
<!ATTLIST e n NOTATION (gif) #IMPLIED m NOTATION (jpg) #IMPLIED>
<!ATTLIST e k (x|y|x) "z">
<!ATTLIST e t NMTOKEN "a b" ts NMTOKENS " a  b " r IDREF "1x" rs IDREFS "" en ENTITY "e:1">
<!NOTATION gif SYSTEM "g">`);
    expect(doc.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ["dtd/multiple-id", 3, 13],
      ["dtd/id-default", 3, 13],
      ["dtd/notation-on-empty", 4, 13],
      ["dtd/multiple-notation-attr", 4, 39],
      ["dtd/notation-on-empty", 4, 39],
      ["dtd/duplicate-token", 5, 20],
      ["dtd/bad-default", 5, 13],
      ["dtd/bad-default", 6, 13],
      ["dtd/bad-default", 6, 50],
      ["dtd/bad-default", 6, 63],
      ["dtd/undeclared-notation", 4, 39],
    ]);
    expect(doc.diagnostics[0].params).toEqual({ element: "e", first: "a", second: "b" });
    expect(doc.diagnostics[6].params).toMatchObject({ value: "z", type: "enumeration" });
    expect(doc.diagnostics[10].params).toEqual({ notation: "jpg", user: "attribute m of e" });
  });

  it("reports NOTATION on an EMPTY element declared after the ATTLIST", () => {
    const doc = parse(`<!ATTLIST e n NOTATION (g) #IMPLIED><!NOTATION g SYSTEM "g"><!ELEMENT e EMPTY>`);
    expect(codes(doc)).toEqual(["dtd/notation-on-empty"]);
  });

  it("checks entity references in default values", () => {
    expect(codes(parse(`<!ENTITY x "a"><!ATTLIST e a CDATA "&x;&lt;">`))).toEqual([]);
    expect(codes(parse(`<!ATTLIST e a CDATA "&nope;">`))).toEqual(["dtd/undeclared-entity-in-default"]);
    expect(codes(parse(`<!ENTITY x SYSTEM "x.ent"><!ATTLIST e a CDATA "&x;">`))).toEqual(["dtd/external-entity-in-default"]);
    expect(codes(parse(`<!ENTITY x "&#60;"><!ATTLIST e a CDATA "&x;">`))).toEqual(["dtd/lt-in-default"]);
    expect(codes(parse(`<!ENTITY x "&#38;#60;"><!ATTLIST e a CDATA "&x;">`))).toEqual([]);
  });
});

describe("entity and notation declarations", () => {
  it("builds replacement texts: PE and char refs expanded, general refs bypassed", () => {
    const doc = parse(`<!ENTITY % pub "&#xc9;ditions Gallimard">
<!ENTITY rights "All rights reserved">
<!ENTITY book "La Peste: Albert Camus, &#xA9; 1947 %pub;. &rights;">
<!ENTITY % q '"'>
<!ENTITY quoted "%q;x%q;">`);
    expect(codes(doc)).toEqual([]);
    expect(doc.generalEntities.get("book")!.value).toBe("La Peste: Albert Camus, © 1947 Éditions Gallimard. &rights;");
    expect(doc.generalEntities.get("quoted")!.value).toBe('"x"');
    expect(doc.parameterEntities.get("pub")!.parameter).toBe(true);
  });

  it("reads external and unparsed entities and notations", () => {
    const doc = parse(`<!NOTATION gif PUBLIC "-//GIF  image//EN">
<!NOTATION jpg PUBLIC "-//JPG//EN" "jpg.exe">
<!ENTITY ext SYSTEM "ext.xml">
<!ENTITY % pext PUBLIC "-//P//EN" "p.ent">
<!ENTITY pic SYSTEM "pic.gif" NDATA gif>`);
    expect(codes(doc)).toEqual([]);
    expect(doc.notations.get("gif")).toMatchObject({ publicId: "-//GIF image//EN" });
    expect(doc.notations.get("jpg")).toMatchObject({ publicId: "-//JPG//EN", systemId: "jpg.exe" });
    expect(doc.generalEntities.get("ext")).toMatchObject({ systemId: "ext.xml", base: "t.dtd" });
    expect(doc.parameterEntities.get("pext")).toMatchObject({ publicId: "-//P//EN", systemId: "p.ent" });
    expect(doc.generalEntities.get("pic")).toMatchObject({ notation: "gif" });
  });

  it("keeps the first declaration of an entity, warning about later ones", () => {
    const doc = parse(`<!ENTITY a "1"><!ENTITY a "2"><!ENTITY lt "&#38;#60;">`);
    expect(codes(doc)).toEqual(["dtd/duplicate-entity"]);
    expect(doc.generalEntities.get("a")!.value).toBe("1");
  });

  it.each([
    [`<!ENTITY % p SYSTEM "p" NDATA gif>`, "dtd/ndata-parameter-entity"],
    [`<!ENTITY a "50%">`, "dtd/syntax"],
    [`<!ENTITY a "x & y">`, "dtd/syntax"],
    [`<!ENTITY a "&#xD800;">`, "dtd/invalid-char-ref"],
    [`<!ENTITY a "open>`, "dtd/unterminated"],
    [`<!ENTITY a PUBLIC "a{b" "c">`, "dtd/syntax"],
    [`<!ENTITY a PUBLIC "ab">`, "dtd/syntax"],
    [`<!NOTATION n "x">`, "dtd/syntax"],
    [`<!ENTITY a SYSTEM "x"NDATA n>`, "dtd/syntax"],
    [`<!NOTATION n SYSTEM "x"><!NOTATION n SYSTEM "y">`, "dtd/duplicate-notation"],
    [`<!ENTITY e SYSTEM "x" NDATA n>`, "dtd/undeclared-notation"],
  ])("%j gives %s", (text, code) => {
    expect(codes(parse(text))).toEqual([code]);
  });
});

describe("comments, PIs, text", () => {
  it.each([
    [`<!-- a -- b -->`, "dtd/syntax", 1, 8],
    [`<!-- open`, "dtd/unterminated", 1, 1],
    [`<?xml version="1.0"?><!ELEMENT a EMPTY>`.replace(/^/, "\n"), "dtd/reserved-pi", 2, 1],
    [`<?pi`, "dtd/unterminated", 1, 1],
    [`<!ELEMENT a EMPTY>\n\u0001`, "dtd/invalid-char", 2, 1],
    [`<!ELEMENT a EMPTY>\n<foo>`, "dtd/syntax", 2, 1],
    [`<!DOCTYPE a>`, "dtd/syntax", 1, 1],
  ])("%j gives %s", (text, code, line, column) => {
    const doc = parse(text);
    expect(codes(doc)).toEqual([code]);
    expect([doc.diagnostics[0].line, doc.diagnostics[0].column]).toEqual([line, column]);
  });

  it("accepts a text declaration at the start of an external subset only", () => {
    expect(codes(parse(`<?xml version="1.0" encoding="UTF-8"?><!ELEMENT a EMPTY>`))).toEqual([]);
    expect(codes(parse(`<?xml encoding="UTF-8" ?>`))).toEqual([]);
    expect(codes(parse(`<?xml version="1.0"?>`))).toEqual(["dtd/text-decl"]);
    expect(codes(parse(`<?xml version="1.0" encoding="UTF-8"?>`, { internal: true }))).toEqual(["dtd/reserved-pi"]);
  });

  it("offsets internal-subset positions by options.line/column and normalises CR LF", () => {
    const doc = parse(`<!ELEMENT a EMPTY>\r\n  <!ELEMENT a EMPTY>`, { internal: true, file: "doc.xml", line: 3, column: 15 });
    expect(doc.diagnostics[0]).toMatchObject({ code: "dtd/duplicate-element", line: 4, column: 3, params: { first: "doc.xml:3:15" } });
    const doc2 = parse(`<!ELEMENT b EMPTY> <!ELEMENT b ANY>`, { internal: true, file: "doc.xml", line: 3, column: 15 });
    expect(doc2.diagnostics[0]).toMatchObject({ line: 3, column: 34 });
  });

  it("stops at the first well-formedness error", () => {
    const doc = parse(`<!ELEMENT a EMPTY>\n<!ELEMENT b (c>\n<!ELEMENT d EMPTY>`);
    expect(codes(doc)).toEqual(["dtd/syntax"]);
    expect([...doc.elements.keys()]).toEqual(["a"]);
  });
});

describe("messages", () => {
  it("reads as a sentence: what was expected, in which declaration, what was found", () => {
    expect(parse(`<!ELEMENT OPTION_PROFILE (A)X>`).diagnostics[0].message).toBe("expected '>' to close <!ELEMENT OPTION_PROFILE ...>; found 'X'");
    expect(parse(`<!ELEMENT a (b|c>`).diagnostics[0].message).toBe("expected '|' or ')' in <!ELEMENT a ...>; found '>'");
    expect(parse(`<!ENTITY % e "v">\n%e %e;`).diagnostics[0]).toMatchObject({
      message: "expected ';' to end the parameter-entity reference; found whitespace",
      line: 2,
      column: 3,
    });
  });
});
