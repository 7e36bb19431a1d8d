/** The optional `reference` call: character and entity references in content, reported before their text (XML 1.0 erratum E15 needs their origin). */
import { describe, expect, it } from "vitest";
import type { XmlHandler } from "../../src/xml/events.js";
import { readString } from "../../src/xml/reader.js";
import { teeHandler } from "../../src/xml/tee.js";

type Call = [string, string, number, number];

function calls(xml: string): Call[] {
  const out: Call[] = [];
  const handler: XmlHandler = {
    startElement: () => {},
    endElement: () => {},
    text: (t, p) => out.push(["text", t, p.line, p.column]),
    reference: (kind, t, p) => out.push([kind, t, p.line, p.column]),
    diagnostic: (d) => out.push(["diag", d.code, d.line, d.column]),
  };
  readString(xml, handler);
  return out;
}

describe("reference events", () => {
  it("a character reference is reported with its character, just before its text", () => {
    expect(calls("<a>x&#32;&#x41;</a>")).toEqual([
      ["text", "x", 1, 4],
      ["char", " ", 1, 5],
      ["text", " ", 1, 5],
      ["char", "A", 1, 10],
      ["text", "A", 1, 10],
    ]);
  });
  it("a reference to a declared entity is reported by name, also when its replacement text is empty", () => {
    expect(calls('<!DOCTYPE a [<!ENTITY e ""><!ENTITY f "y">]><a>&e;&f;</a>')).toEqual([
      ["entity", "e", 1, 48],
      ["entity", "f", 1, 51],
      ["text", "y", 1, 51],
    ]);
  });
  it("a character reference inside an entity's replacement text is reported too", () => {
    const got = calls('<!DOCTYPE a [<!ENTITY s "&#38;#32;">]><a>&s;</a>');
    expect(got.map((c) => [c[0], c[1]])).toEqual([
      ["entity", "s"],
      ["char", " "],
      ["text", " "],
    ]);
  });
  it("predefined entities and undeclared entities give no reference call", () => {
    const got = calls("<a>&amp;&lt;</a>");
    expect(got.filter((c) => c[0] === "entity" || c[0] === "char")).toEqual([]);
  });
  it("references in attribute values give no reference call", () => {
    const got = calls('<!DOCTYPE a [<!ENTITY e "v">]><a x="&#32;&e;"/>');
    expect(got).toEqual([]);
  });
  it("teeHandler forwards reference calls to every handler that has one", () => {
    const seen: string[] = [];
    const base: XmlHandler = { startElement: () => {}, endElement: () => {}, text: () => {}, diagnostic: () => {} };
    const h = teeHandler({ ...base, reference: (k, t) => seen.push(`1${k}${t}`) }, [base, { ...base, reference: (k, t) => seen.push(`3${k}${t}`) }]);
    readString("<a>&#65;</a>", h);
    expect(seen).toEqual(["1charA", "3charA"]);
  });
});
