import { describe, expect, it } from "vitest";
import { compileSchema } from "../../src/validate/compile.js";
import { ValidationEngine } from "../../src/validate/engine.js";
import type { SchemaModel } from "../../src/schema/model.js";
import { choice, el, seq } from "./particles.js";
import { model } from "./models.js";
import { feed } from "./feed.js";

function validate(m: SchemaModel, xml: string) {
  const { schema, diagnostics } = compileSchema(m);
  expect(diagnostics).toEqual([]);
  const engine = new ValidationEngine({ file: "doc.xml", schema });
  feed(xml, engine);
  return engine;
}

const profile = model("dtd", {
  OPTION_PROFILE: { content: { kind: "elements", particle: seq([el("BASIC_INFO"), el("SCAN"), el("MAP", 0)]) } },
  BASIC_INFO: { content: { kind: "elements", particle: seq([el("GROUP_NAME"), el("GROUP_TYPE", 0)]) } },
  GROUP_NAME: { content: "PCDATA" },
  GROUP_TYPE: { content: "PCDATA" },
  SCAN: {
    content: { kind: "elements", particle: seq([el("PERFORMANCE"), el("LOAD_BALANCER_DETECTION", 0), choice([el("TCP"), el("UDP")], 0, "unbounded")]) },
    attrs: [
      { name: "mode", type: "enumeration", values: ["fast", "full"], use: "required" },
      { name: "id", type: "ID" },
      { name: "ref", type: "IDREF" },
      { name: "version", fixed: "2" },
      { name: "tags", type: "NMTOKENS" },
    ],
  },
  PERFORMANCE: { content: "EMPTY" },
  LOAD_BALANCER_DETECTION: { content: "EMPTY" },
  TCP: { content: "PCDATA" },
  UDP: { content: "PCDATA" },
  MAP: { content: "ANY" },
});

const ok = `<OPTION_PROFILE>
  <BASIC_INFO><GROUP_NAME>x</GROUP_NAME></BASIC_INFO>
  <SCAN mode="fast"><PERFORMANCE/><TCP>1</TCP><UDP/></SCAN>
</OPTION_PROFILE>`;

describe("engine: DTD-like model, valid documents", () => {
  it("accepts a valid document", () => {
    const e = validate(profile, ok);
    expect(e.diagnostics).toEqual([]);
    expect(e.valid).toBe(true);
    expect(e.root).toBe("OPTION_PROFILE");
  });
});

describe("engine: content errors", () => {
  it("unexpected element: expected list, found, position, path, did-you-mean", () => {
    const e = validate(profile, ok.replace("<TCP>1</TCP>", "<PERFORMANSE/><TCP>1</TCP>"));
    expect(e.diagnostics).toHaveLength(1);
    const [d] = e.diagnostics;
    expect(d.code).toBe("valid/unexpected-element");
    expect(d.line).toBe(3);
    expect(d.column).toBe(35);
    expect(d.path).toBe("/OPTION_PROFILE/SCAN/PERFORMANSE");
    expect(d.params).toMatchObject({ parent: "SCAN", found: "PERFORMANSE", expectedNames: ["LOAD_BALANCER_DETECTION", "TCP", "UDP"] });
    expect(d.message).toBe("SCAN: expected one of LOAD_BALANCER_DETECTION, TCP, UDP or </SCAN>; found <PERFORMANSE>");
  });
  it("did-you-mean for a misspelt name", () => {
    const e = validate(profile, ok.replace("<PERFORMANCE/>", "<PERFORMANSE/>"));
    const [d] = e.diagnostics;
    expect(d.code).toBe("valid/unexpected-element");
    expect(d.params?.suggestion).toBe("PERFORMANCE");
    expect(d.hint).toBe("Did you mean <PERFORMANCE>?");
    expect(d.message).toBe("SCAN: expected <PERFORMANCE>; found <PERFORMANSE>");
  });
  it("recovery: one unexpected child yields one error, and the rest still validates", () => {
    const xml = ok.replace("<GROUP_NAME>x</GROUP_NAME>", "<FOO><BAR/></FOO><GROUP_NAME>x</GROUP_NAME>");
    const e = validate(profile, xml);
    expect(e.diagnostics.map((d) => d.code)).toEqual(["valid/unexpected-element", "valid/undeclared-element"]);
    expect(e.diagnostics[1].params).toEqual({ found: "BAR" });
  });
  it("recovery: a moved child gives one error, not one per following sibling", () => {
    const xml = ok.replace("<BASIC_INFO><GROUP_NAME>x</GROUP_NAME></BASIC_INFO>", "<BASIC_INFO><GROUP_TYPE/><GROUP_NAME>x</GROUP_NAME></BASIC_INFO>");
    expect(validate(profile, xml).diagnostics.map((d) => d.message)).toEqual(["BASIC_INFO: expected <GROUP_NAME> (missing before <GROUP_TYPE>); found <GROUP_TYPE>"]);
    const moved = ok.replace(/<BASIC_INFO>.*<\/BASIC_INFO>\n  (<SCAN.*<\/SCAN>)/, "$1<BASIC_INFO><GROUP_NAME>x</GROUP_NAME></BASIC_INFO>");
    expect(validate(profile, moved).diagnostics.map((d) => d.message)).toEqual(["OPTION_PROFILE: expected <BASIC_INFO> (missing before <SCAN>); found <SCAN>"]);
  });
  it("recovery: a left-out child gives one error at the child found instead", () => {
    const xml = ok.replace("<PERFORMANCE/>", "");
    expect(validate(profile, xml).diagnostics.map((d) => d.message)).toEqual(["SCAN: expected <PERFORMANCE> (missing before <TCP>); found <TCP>"]);
  });
  it("recovery: a misspelt child is validated as the one meant (its content too)", () => {
    const xml = ok.replace("<BASIC_INFO><GROUP_NAME>x</GROUP_NAME></BASIC_INFO>", "<BASIC_INFOS><GROUP_NAME>x</GROUP_NAME><NOPE/></BASIC_INFOS>");
    expect(validate(profile, xml).diagnostics.map((d) => [d.path, d.message])).toEqual([
      ["/OPTION_PROFILE/BASIC_INFOS", "OPTION_PROFILE: expected <BASIC_INFO>; found <BASIC_INFOS>"],
      ["/OPTION_PROFILE/BASIC_INFOS/NOPE", "BASIC_INFOS: expected one of GROUP_TYPE or </BASIC_INFOS>; found <NOPE>"],
    ]);
  });
  it("recovery: a repeated child is not taken for a misspelling of another", () => {
    const xml = ok.replace("<UDP/>", "<UDP/>").replace("<PERFORMANCE/>", "<PERFORMANCE/><PERFORMANCE/>");
    expect(validate(profile, xml).diagnostics.map((d) => [d.code, d.params?.suggestion])).toEqual([["valid/unexpected-element", undefined]]);
  });
  it("recovery: a required child replaced by another gives one error, not a second at the end tag", () => {
    const m = model("dtd", { L: { content: { kind: "elements", particle: seq([el("A"), el("B")]) } }, A: { content: "EMPTY" }, B: { content: "EMPTY" }, X: { content: "EMPTY" } });
    expect(validate(m, "<L><A/><X/></L>").diagnostics.map((d) => d.message)).toEqual(["L: expected <B>; found <X>"]);
    expect(validate(m, "<L><X/><A/><B/></L>").diagnostics.map((d) => d.message)).toEqual(["L: expected <A>; found <X>"]);
  });
  it("missing child at the end tag", () => {
    const e = validate(profile, "<OPTION_PROFILE>\n<BASIC_INFO><GROUP_NAME/></BASIC_INFO>\n</OPTION_PROFILE>");
    expect(e.diagnostics).toHaveLength(1);
    const [d] = e.diagnostics;
    expect(d.code).toBe("valid/missing-element");
    expect(d.message).toBe("OPTION_PROFILE: expected <SCAN> before </OPTION_PROFILE>");
    expect([d.line, d.column, d.path]).toEqual([3, 1, "/OPTION_PROFILE"]);
  });
  it("text in element-only content, reported once per element", () => {
    const e = validate(profile, ok.replace("<PERFORMANCE/>", "hello<PERFORMANCE/>world"));
    expect(e.diagnostics).toHaveLength(1);
    expect(e.diagnostics[0]).toMatchObject({ code: "valid/text-not-allowed", line: 3, column: 21, path: "/OPTION_PROFILE/SCAN" });
    expect(e.diagnostics[0].message).toBe('SCAN: element-only content; found text "hello"');
  });
  it("text after indentation is located where the text starts, not where the white space before it does", () => {
    const e = validate(profile, ok.replace("<PERFORMANCE/>", "\n   \t  oops\n<PERFORMANCE/>"));
    expect(e.diagnostics).toHaveLength(1);
    expect(e.diagnostics[0]).toMatchObject({ code: "valid/text-not-allowed", line: 4, column: 7, path: "/OPTION_PROFILE/SCAN" });
  });
  it("content in an EMPTY element", () => {
    const e = validate(profile, ok.replace("<PERFORMANCE/>", "<PERFORMANCE> </PERFORMANCE>"));
    expect(e.diagnostics.map((d) => [d.code, d.path, d.message])).toEqual([
      ["valid/not-empty", "/OPTION_PROFILE/SCAN/PERFORMANCE", "PERFORMANCE: declared EMPTY; found white space"],
    ]);
  });
  it("child element in (#PCDATA)", () => {
    const e = validate(profile, ok.replace("<TCP>1</TCP>", "<TCP>1<UDP/></TCP>"));
    expect(e.diagnostics.map((d) => [d.code, d.path, d.message])).toEqual([
      ["valid/unexpected-element", "/OPTION_PROFILE/SCAN/TCP/UDP", "TCP: expected </TCP>; found <UDP>"],
    ]);
  });
  it("ANY accepts declared elements and reports undeclared ones", () => {
    const e = validate(profile, ok.replace("</SCAN>", "</SCAN><MAP>t<TCP/><X/></MAP>"));
    expect(e.diagnostics.map((d) => [d.code, d.path])).toEqual([["valid/undeclared-element", "/OPTION_PROFILE/MAP/X"]]);
  });
  it("paths count same-named siblings", () => {
    const e = validate(profile, ok.replace("<UDP/>", "<UDP/><UDP><X/></UDP>"));
    expect(e.diagnostics[0].path).toBe("/OPTION_PROFILE/SCAN/UDP[2]/X");
  });
  it("root element without declaration", () => {
    const e = validate(profile, "<NOPE/>");
    expect(e.diagnostics.map((d) => d.code)).toEqual(["valid/undeclared-element"]);
  });
});

describe("engine: attributes (DTD types)", () => {
  const scan = (attrs: string): string => ok.replace('<SCAN mode="fast">', `<SCAN ${attrs}>`);
  const codes = (xml: string): (string | undefined)[][] => validate(profile, xml).diagnostics.map((d) => [d.code, d.message]);
  it("required, enumeration, fixed, undeclared with did-you-mean", () => {
    expect(codes(scan('id="a"'))).toEqual([["valid/missing-attribute", "SCAN: required attribute mode is missing"]]);
    expect(codes(scan('mode="slow"'))).toEqual([["valid/attribute-value", 'SCAN: attribute mode: expected one of fast or full; found "slow"']]);
    expect(codes(scan('mode="fast" version="3"'))).toEqual([["valid/fixed-attribute", 'SCAN: attribute version: expected the fixed value "2"; found "3"']]);
    const e = validate(profile, scan('mode="fast" verison="2"'));
    expect(e.diagnostics[0]).toMatchObject({ code: "valid/undeclared-attribute", line: 3, column: 21, params: { suggestion: "version" }, hint: "Did you mean version?" });
  });
  it("NMTOKENS and ID syntax", () => {
    expect(codes(scan('mode="fast" tags="a b.c -d"'))).toEqual([]);
    expect(codes(scan('mode="fast" tags="a,b"'))[0][0]).toBe("valid/attribute-value");
    expect(codes(scan('mode="fast" id="1abc"'))[0][0]).toBe("valid/attribute-value");
  });
  it("ID unique, IDREF resolved at the end", () => {
    const xml = `<OPTION_PROFILE><BASIC_INFO><GROUP_NAME/></BASIC_INFO><SCAN mode="fast" id="s1" ref="s2"><PERFORMANCE/></SCAN><MAP><SCAN mode="full" id="s1"><PERFORMANCE/></SCAN></MAP></OPTION_PROFILE>`;
    const e = validate(profile, xml);
    expect(e.diagnostics.map((d) => [d.code, d.message, d.path])).toEqual([
      ["valid/duplicate-id", 'ID "s1" is already used by an element at line 1', "/OPTION_PROFILE/MAP/SCAN"],
      ["valid/unresolved-idref", 'SCAN: attribute ref: IDREF "s2" matches no ID in the document', "/OPTION_PROFILE/SCAN"],
    ]);
  });
});

describe("engine: counters at run time", () => {
  const m = model("dtd", { L: { content: { kind: "elements", particle: seq([el("I", 2, 3)]) } }, I: { content: "EMPTY" } });
  it("too few and too many", () => {
    expect(validate(m, "<L><I/><I/></L>").diagnostics).toEqual([]);
    expect(validate(m, "<L><I/></L>").diagnostics.map((d) => d.message)).toEqual(["L: expected <I> before </L>"]);
    expect(validate(m, "<L><I/><I/><I/><I/></L>").diagnostics.map((d) => d.message)).toEqual(["L: expected </L>; found <I>"]);
  });
});

describe("engine: schema diagnostics", () => {
  it("non-deterministic content model is reported with the element name", () => {
    const m = model("dtd", { A: { content: { kind: "elements", particle: choice([seq([el("B"), el("C")]), seq([el("B"), el("D")])]) } } });
    const { diagnostics } = compileSchema(m);
    expect(diagnostics.map((d) => [d.code, d.params?.element, d.params?.found])).toEqual([["valid/ambiguous-content-model", "A", "<B>"]]);
  });
});
