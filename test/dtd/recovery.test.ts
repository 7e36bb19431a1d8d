/**
 * Error recovery for DTDs read as schema files (`recover: true`, src/dtd/recover.ts): every
 * syntax error in one run, nothing half-read in the document, errors inside parameter-entity
 * text still stop, and the XML reader (a document's DTD) still stops at the first error.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { MAX_RECOVERED_ERRORS } from "../../src/dtd/recover.js";
import { readDtdSchema } from "../../src/schema/dtd/index.js";
import type { EntityResolver } from "../../src/xml/resolve.js";
import { read } from "../xml/record.js";
import { codes, parse } from "./helpers.js";

const recover = (text: string, extra: Parameters<typeof parse>[1] = {}) => parse(text, { recover: true, ...extra });
const pick = (d: Diagnostic) => ({ code: d.code, line: d.line, column: d.column, message: d.message });

function memory(files: Record<string, string>): EntityResolver {
  return (systemId) => {
    const text = files[systemId];
    return text === undefined ? { error: `no file ${systemId}` } : { file: systemId, bytes: new TextEncoder().encode(text) };
  };
}

const TWO_BROKEN = `<!ELEMENT a (b|c>
<!ELEMENT b EMPTY>
<!ATTLIST b x CDATA #BAD>
<!ELEMENT c EMPTY>
`;

const THREE_BROKEN = `<!ELEMENT root (head, body)>
<!ELEMENT head (#PCDATA|title)>
<!ELEMENT title (#PCDATA)>
<!ATTLIST title lang NMTOKEN #IMPLIED>
<!ENTITY copy "&#xZZ;">
<!ELEMENT body (p*)>
<!NOTATION gif SYSTEM>
<!ELEMENT p (#PCDATA)>
`;

describe("DTD error recovery (recover: true)", () => {
  it("reports both of two broken declarations and keeps the valid ones around them", () => {
    const doc = recover(TWO_BROKEN);
    expect(doc.diagnostics.map(pick)).toEqual([
      { code: "dtd/syntax", line: 1, column: 17, message: "expected '|' or ')' in <!ELEMENT a ...>; found '>'" },
      { code: "dtd/syntax", line: 3, column: 21, message: "expected #REQUIRED, #IMPLIED, #FIXED or a quoted default value in the definition of attribute x of b; found '#BAD'" },
    ]);
    expect([...doc.elements.keys()]).toEqual(["b", "c"]);
    // The broken ATTLIST left nothing behind.
    expect(doc.attlists.has("b")).toBe(false);
  });

  it("reports all three of three broken declarations, each with its own construct", () => {
    const doc = recover(THREE_BROKEN);
    expect(doc.diagnostics.map(pick)).toEqual([
      { code: "dtd/syntax", line: 2, column: 31, message: "expected ')*' after a mixed content model that names elements in <!ELEMENT head ...>; found '>'" },
      { code: "dtd/syntax", line: 5, column: 16, message: "expected a character reference &#number; or &#xhex; in <!ENTITY copy ...>; found '&#xZZ;'" },
      { code: "dtd/syntax", line: 7, column: 22, message: "expected whitespace after SYSTEM in <!NOTATION gif ...>; found '>'" },
    ]);
    expect([...doc.elements.keys()]).toEqual(["root", "title", "body", "p"]);
    expect(doc.attlists.get("title")!.map((a) => a.name)).toEqual(["lang"]);
    expect(doc.generalEntities.has("copy")).toBe(false);
    expect(doc.notations.size).toBe(0);
  });

  it("off by default: the same text gives the first error only, as before", () => {
    expect(parse(THREE_BROKEN).diagnostics.map(pick)).toEqual([recover(THREE_BROKEN).diagnostics.map(pick)[0]]);
    const doc = parse(TWO_BROKEN);
    expect(codes(doc)).toEqual(["dtd/syntax"]);
    expect(doc.elements.size).toBe(0);
    expect(parse(TWO_BROKEN, { recover: false }).diagnostics).toEqual(doc.diagnostics);
  });

  it("a broken declaration followed by a valid one for the same element: the valid one counts, no duplicate", () => {
    const doc = recover(`<!ELEMENT a (b,c|d)>\n<!ELEMENT a (b, c)>\n<!ELEMENT b EMPTY>\n<!ELEMENT c EMPTY>`);
    expect(codes(doc)).toEqual(["dtd/syntax"]);
    expect(doc.elements.get("a")!.location).toMatchObject({ line: 2, column: 1 });
    expect(doc.elements.get("a")!.content).toMatchObject({ kind: "children", particle: { kind: "seq" } });
  });

  it("a broken ATTLIST adds none of its attributes, also to an element's earlier list", () => {
    const doc = recover(`<!ATTLIST a x CDATA #IMPLIED>\n<!ATTLIST a y ID #IMPLIED z BAD>\n<!ATTLIST a w CDATA "1">\n<!ELEMENT a EMPTY>`);
    expect(doc.diagnostics.map(pick)).toEqual([
      { code: "dtd/syntax", line: 2, column: 29, message: "expected an attribute type (CDATA, ID, IDREF, IDREFS, ENTITY, ENTITIES, NMTOKEN, NMTOKENS, NOTATION or '(') in the definition of attribute z of a; found 'BAD'" },
    ]);
    expect(doc.attlists.get("a")!.map((d) => d.name)).toEqual(["x", "w"]);
  });

  describe("a quoted literal holding '<!' in a broken declaration does not cascade", () => {
    it("a bad reference in an entity value whose text holds a declaration", () => {
      const doc = recover(`<!ENTITY x "see <!ELEMENT y EMPTY> & more">\n<!ELEMENT z EMPTY>`);
      expect(doc.diagnostics.map(pick)).toEqual([
        { code: "dtd/syntax", line: 1, column: 36, message: "expected an entity reference &name; (write &#38;#38; for a literal '&') in <!ENTITY x ...>; found '& more'" },
      ]);
      expect([...doc.elements.keys()]).toEqual(["z"]);
      expect(doc.generalEntities.has("x")).toBe(false);
    });

    it("a literal over several lines, with '<!ELEMENT' at the start of one, then junk before '>'", () => {
      const doc = recover(`<!ENTITY % decls "\n<!ELEMENT y EMPTY>\n<!ATTLIST y a CDATA #IMPLIED>\n" junk>\n<!ELEMENT z EMPTY>`);
      expect(doc.diagnostics.map(pick)).toEqual([{ code: "dtd/syntax", line: 4, column: 3, message: "expected '>' to close <!ENTITY % decls ...>; found 'junk'" }]);
      expect([...doc.elements.keys()]).toEqual(["z"]);
      expect(doc.parameterEntities.has("decls")).toBe(false);
    });

    it("an unterminated default value: the quote is not a literal, the next declaration is read", () => {
      const doc = recover(`<!ATTLIST a b CDATA "x>\n<!ELEMENT a EMPTY>`);
      expect(doc.diagnostics.map(pick)).toEqual([
        { code: "dtd/unterminated", line: 1, column: 21, message: 'the quoted default value in the definition of attribute b of a is not terminated: the text ends before "' },
      ]);
      expect([...doc.elements.keys()]).toEqual(["a"]);
    });
  });

  it("a '>' inside a broken content model does not make its rest a second error", () => {
    const doc = recover(`<!ELEMENT a (b > c)>\n<!ELEMENT b EMPTY>`);
    expect(codes(doc)).toEqual(["dtd/syntax"]);
    expect([...doc.elements.keys()]).toEqual(["b"]);
  });

  it("a declaration missing its '>' is followed by the next one, which is read", () => {
    const doc = recover(`<!ELEMENT a EMPTY\n  <!ELEMENT b EMPTY>\n<!ELEMENT c ANY`);
    expect(doc.diagnostics.map(pick)).toEqual([
      { code: "dtd/syntax", line: 2, column: 3, message: "expected '>' to close <!ELEMENT a ...>; found '<!ELEMENT'" },
      { code: "dtd/syntax", line: 3, column: 16, message: "expected '>' to close <!ELEMENT c ...>; found the end of the DTD" },
    ]);
    expect([...doc.elements.keys()]).toEqual(["b"]);
  });

  it("comments, PIs, the text declaration and stray text recover too", () => {
    const doc = recover(`<?xml version="1.0"?>\n<!-- a -- don't -->\n<!ELEMENT a EMPTY>\n<?XML x?>\nstray text, isn't it\n<!ELEMENT b EMPTY>`);
    expect(doc.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ["dtd/text-decl", 1, 20],
      ["dtd/syntax", 2, 8],
      ["dtd/reserved-pi", 4, 1],
      ["dtd/syntax", 5, 1],
    ]);
    expect([...doc.elements.keys()]).toEqual(["a", "b"]);
  });

  it("a PE reference at the start of a line after a broken declaration is read; one inside it is not", () => {
    const doc = recover(`<!ENTITY % more "<!ELEMENT m EMPTY>">\n<!ENTITY % model "x | y">\n<!ELEMENT a (b c\n  %model;)>\n<!ELEMENT c (d>\n%more;\n<!ELEMENT z EMPTY>`);
    expect(doc.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ["dtd/syntax", 3, 16],
      ["dtd/syntax", 5, 15],
    ]);
    expect([...doc.elements.keys()]).toEqual(["m", "z"]);
  });

  describe("conditional sections", () => {
    it("an error right before ']]>' recovers inside the INCLUDE section and closes it", () => {
      const doc = recover(`<![INCLUDE[\n<!ELEMENT a EMPTY>\n<!ELEMENT b (c>\n]]>\n<!ELEMENT c EMPTY>`);
      expect(doc.diagnostics.map(pick)).toEqual([{ code: "dtd/syntax", line: 3, column: 15, message: "expected ',', '|' or ')' in <!ELEMENT b ...>; found '>'" }]);
      expect([...doc.elements.keys()]).toEqual(["a", "c"]);
    });

    it("an unclosed declaration stops at ']]>' of the open section; nested sections stay balanced", () => {
      const doc = recover(`<![INCLUDE[\n<![INCLUDE[\n<!ELEMENT a (b]]>\n<!ELEMENT x (y>\n]]>\n<!ELEMENT c EMPTY>\n<!ELEMENT d (e>`);
      expect(doc.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
        ["dtd/syntax", 3, 15],
        ["dtd/syntax", 4, 15],
        ["dtd/syntax", 7, 15],
      ]);
      expect([...doc.elements.keys()]).toEqual(["c"]);
    });

    it("an error after the section is closed is not mistaken for the section's end", () => {
      const doc = recover(`<![INCLUDE[ <!ELEMENT a EMPTY> ]]>\n<!ELEMENT b (c>\n]]>\n<!ELEMENT c EMPTY>`);
      // The stray ']]>' is text between declarations: skipped with the broken declaration.
      expect(doc.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([["dtd/syntax", 2, 15]]);
      expect([...doc.elements.keys()]).toEqual(["a", "c"]);
    });

    it("a broken section header skips the whole section; an unterminated section is still reported", () => {
      const doc = recover(`<![INCLUD[ <!ELEMENT a EMPTY> <![IGNORE[ x ]]> ]]>\n<!ELEMENT b EMPTY>\n<![INCLUDE[\n<!ELEMENT c EMPTY>`);
      expect(doc.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
        ["dtd/syntax", 1, 4],
        ["dtd/unterminated", 3, 1],
      ]);
      expect([...doc.elements.keys()]).toEqual(["b", "c"]);
    });
  });

  describe("errors inside parameter-entity text stop reading, as before", () => {
    it("an internal PE's replacement text", () => {
      const text = `<!ELEMENT a (b>\n<!ENTITY % p "<!ELEMENT q (r>">\n%p;\n<!ELEMENT c (d>\n<!ELEMENT e EMPTY>`;
      const doc = recover(text);
      expect(doc.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
        ["dtd/syntax", 1, 15],
        // Inside %p; (internal text: located at the reference); nothing after it is read.
        ["dtd/syntax", 3, 1],
      ]);
      expect(doc.elements.size).toBe(0);
    });

    it("an external PE's text, and an external PE read into an entity value", () => {
      const resolveEntity = memory({ "mod.ent": `<!ELEMENT m EMPTY>\n<!ELEMENT n (o>`, "val.ent": "100%" });
      const doc = recover(`<!ENTITY % mod SYSTEM "mod.ent">\n%mod;\n<!ELEMENT z (y>`, { resolveEntity });
      expect(doc.diagnostics.map((d) => [d.code, d.schemaLocation?.file, d.line, d.column])).toEqual([["dtd/syntax", "mod.ent", 2, 15]]);
      expect([...doc.elements.keys()]).toEqual(["m"]);
      const inValue = recover(`<!ENTITY % v SYSTEM "val.ent">\n<!ENTITY x "%v;">\n<!ELEMENT z (y>`, { resolveEntity });
      expect(codes(inValue)).toEqual(["dtd/syntax"]);
      expect(inValue.diagnostics[0].schemaLocation?.file).toBe("val.ent");
    });
  });

  it("an exceeded entity limit stops even when recovering", () => {
    const doc = recover(`<!ENTITY % e "">\n%e;%e;%e;\n<!ELEMENT a (b>`, { limits: { maxEntityExpansions: 2 } });
    expect(codes(doc)).toEqual(["dtd/entity-limit"]);
  });

  it(`stops after ${MAX_RECOVERED_ERRORS} recovered errors with one more diagnostic`, () => {
    const lines = Array.from({ length: 120 }, (_, i) => `<!ELEMENT e${i} (x>`);
    const doc = recover(lines.join("\n") + "\n<!ELEMENT last EMPTY>");
    const c = codes(doc);
    expect(c).toHaveLength(MAX_RECOVERED_ERRORS + 2);
    expect(c.slice(0, MAX_RECOVERED_ERRORS + 1).every((x) => x === "dtd/syntax")).toBe(true);
    expect(doc.diagnostics.at(-1)).toMatchObject({
      code: "dtd/too-many-errors",
      line: MAX_RECOVERED_ERRORS + 1,
      message: `too many syntax errors: reading stopped after ${MAX_RECOVERED_ERRORS} recovered errors; the rest of the DTD was not read`,
    });
    expect(doc.elements.has("last")).toBe(false);
    // Exactly the limit: all reported, no cap diagnostic.
    const atLimit = recover(lines.slice(0, MAX_RECOVERED_ERRORS).join("\n") + "\n<!ELEMENT last EMPTY>");
    expect(codes(atLimit)).toEqual(Array(MAX_RECOVERED_ERRORS).fill("dtd/syntax"));
    expect(atLimit.elements.has("last")).toBe(true);
  });

  it("hostile text: every position of a broken DTD is reported once, in order, and reading ends", () => {
    const text = `<!ELEMENT a (b|c>'"<!ENTITY x "<!-- ]]> <?" bad>\n%<!ATTLIST a b (x|y) "z" c>\n<![ <!ELEMENT q EMPTY>`;
    const doc = recover(text);
    const lines = doc.diagnostics.map((d) => d.line * 1000 + d.column);
    expect(lines).toEqual([...lines].sort((x, y) => x - y));
    expect(new Set(lines).size).toBe(lines.length);
    expect(codes(doc).length).toBeGreaterThan(1);
  });
});

describe("readDtdSchema with recover", () => {
  const dir = mkdtempSync(join(tmpdir(), "qxml-dtd-recover-"));
  const file = join(dir, "broken.dtd");
  writeFileSync(file, THREE_BROKEN);

  it("reports every syntax error and gives no model (a model with declarations missing would be a guess)", () => {
    const r = readDtdSchema(file, { recover: true });
    expect(r.model).toBeNull();
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column, d.schemaLocation?.file])).toEqual([
      ["dtd/syntax", 2, 31, file],
      ["dtd/syntax", 5, 16, file],
      ["dtd/syntax", 7, 22, file],
    ]);
  });

  it("without the option: the first error only", () => {
    expect(readDtdSchema(file).diagnostics.map((d) => [d.code, d.line])).toEqual([["dtd/syntax", 2]]);
  });
});

describe("a document's DTD (the XML reader) still stops at its first error", () => {
  it("internal subset with two broken declarations: one DTD error", () => {
    const run = read(`<!DOCTYPE a [\n<!ELEMENT a (b>\n<!ELEMENT c (d>\n]>\n<a/>`);
    expect(run.errors.filter((d) => d.code.startsWith("dtd/")).map((d) => [d.code, d.line, d.column])).toEqual([["dtd/syntax", 2, 15]]);
  });

  it("external subset with two broken declarations: one DTD error", () => {
    const resolveEntity = memory({ "ext.dtd": TWO_BROKEN });
    const run = read(`<!DOCTYPE a SYSTEM "ext.dtd">\n<a/>`, { resolveEntity, loadExternalDtd: true });
    expect(run.errors.filter((d) => d.code.startsWith("dtd/")).map((d) => [d.code, d.line, d.column])).toEqual([["dtd/syntax", 1, 17]]);
  });
});
