/**
 * One test per validity code not covered elsewhere, through the real reader: code, params,
 * line, column, path and message text. (unexpected/missing element, text, attributes, IDs:
 * engine.test.ts; XSD codes: xsd.test.ts; ambiguous content model: automaton/engine tests.)
 */
import { describe, expect, it } from "vitest";
import { validateString } from "../../src/validate/index.js";
import { allCodes } from "../../src/diagnostics/codes.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";

const run = (xml: string): Diagnostic[] => validateString(xml, { file: "doc.xml" }).diagnostics.filter((d) => d.code.startsWith("valid/"));
const pick = (d: Diagnostic) => ({ code: d.code, line: d.line, column: d.column, path: d.path, message: d.message, params: d.params });

describe("validity diagnostics: code, params, position, path, message", () => {
  it("valid/no-grammar", () => {
    expect(run(`<a/>`).map(pick)).toEqual([
      { code: "valid/no-grammar", line: 1, column: 1, path: "/a", message: "no schema to validate against: the document has no DOCTYPE declaration and none was given", params: undefined },
    ]);
  });
  it("valid/dtd-not-read: an unread external DTD is one error, not one per element", () => {
    expect(run(`<!DOCTYPE a SYSTEM "https://example.com/a.dtd">\n<a><b/><c/></a>`).map(pick)).toEqual([
      {
        code: "valid/dtd-not-read",
        line: 1,
        column: 1,
        path: undefined,
        message: 'the external DTD "https://example.com/a.dtd" was not read, so there is nothing to validate against',
        params: { systemId: "https://example.com/a.dtd" },
      },
    ]);
  });
  it("valid/dtd-partly-read: with an internal subset, a warning and validation against it", () => {
    const ds = validateString(`<!DOCTYPE a SYSTEM "a.dtd" [<!ELEMENT a EMPTY>]>\n<a><b/></a>`, { file: "doc.xml" }).diagnostics;
    expect(ds.map((d) => [d.severity, d.code])).toEqual([
      ["warning", "valid/dtd-partly-read"],
      ["error", "valid/not-empty"],
    ]);
  });
  it("valid/root-mismatch", () => {
    expect(run(`<!DOCTYPE a [<!ELEMENT a EMPTY><!ELEMENT b EMPTY>]>\n<b/>`).map(pick)).toEqual([
      { code: "valid/root-mismatch", line: 2, column: 1, path: "/b", message: "root element: expected <a> (the DOCTYPE name); found <b>", params: { expected: "a", found: "b" } },
    ]);
  });
  it("valid/undeclared-element", () => {
    expect(run(`<!DOCTYPE a [<!ELEMENT a ANY>]>\n<a>\n  <zz/></a>`).map(pick)).toEqual([
      { code: "valid/undeclared-element", line: 3, column: 3, path: "/a/zz", message: "no declaration for element <zz>", params: { found: "zz" } },
    ]);
  });
  it("valid/not-empty for a comment in an EMPTY element", () => {
    expect(run(`<!DOCTYPE a [<!ELEMENT a EMPTY>]>\n<a><!-- x --></a>`).map(pick)).toEqual([
      { code: "valid/not-empty", line: 2, column: 4, path: "/a", message: "a: declared EMPTY; found a comment", params: { parent: "a", found: "a comment" } },
    ]);
  });
  it("valid/standalone: white space in element content declared externally is not checked for internal declarations", () => {
    expect(run(`<?xml version="1.0" standalone="yes"?>\n<!DOCTYPE a [<!ELEMENT a (b)><!ELEMENT b EMPTY>]>\n<a> <b/> </a>`)).toEqual([]);
  });
  it("valid/undeclared-entity when the whole DTD was read", () => {
    const ds = run(`<!DOCTYPE a [<!ENTITY % p "<!ENTITY e1 'x'>"> %p; <!ELEMENT a ANY>]>\n<a>&e2;</a>`);
    expect(ds.map(pick)).toEqual([
      { code: "valid/undeclared-entity", line: 2, column: 4, path: "/a", message: "entity &e2; is not declared", params: { name: "e2" } },
    ]);
  });
  it("valid/attribute-value for NOTATION and ENTITY attributes", () => {
    const dtd = `<!DOCTYPE a [<!NOTATION gif SYSTEM "gif"><!ENTITY pic SYSTEM "p.gif" NDATA gif><!ENTITY txt "t">
<!ELEMENT a ANY><!ATTLIST a n NOTATION (gif) #IMPLIED e ENTITY #IMPLIED>]>\n`;
    expect(run(dtd + `<a n="gif" e="pic"/>`)).toEqual([]);
    expect(run(dtd + `<a n="png" e="txt"/>`).map((d) => [d.code, d.column, d.message])).toEqual([
      ["valid/attribute-value", 4, 'a: attribute n: expected "gif"; found "png"'],
      ["valid/attribute-value", 12, 'a: attribute e: expected the name of an unparsed entity declared in the DTD (ENTITY); found "txt"'],
    ]);
  });
  it("valid/attribute-value: ID values are NCNames when namespaces are on", () => {
    const xml = `<!DOCTYPE a [<!ELEMENT a EMPTY><!ATTLIST a id ID #IMPLIED>]>\n<a id="x:y"/>`;
    expect(run(xml).map((d) => d.message)).toEqual(['a: attribute id: expected a name without a colon (ID values are NCNames when namespaces are in use); found "x:y"']);
    expect(validateString(xml, { file: "doc.xml", namespaces: false }).valid).toBe(true);
  });
  it("valid/undeclared-attribute lists what is declared", () => {
    expect(run(`<!DOCTYPE a [<!ELEMENT a EMPTY><!ATTLIST a one CDATA #IMPLIED two CDATA #IMPLIED>]>\n<a three="3"/>`).map(pick)).toEqual([
      {
        code: "valid/undeclared-attribute",
        line: 2,
        column: 4,
        path: "/a",
        message: "a: no attribute three is declared; declared attributes: one, two",
        params: { element: "a", found: "three", expected: "one, two" },
      },
    ]);
  });
  it("DTD validity errors are reported, and do not make the document not well-formed", () => {
    const r = validateString(`<!DOCTYPE a [<!ELEMENT a EMPTY><!ELEMENT a ANY>]>\n<a/>`, { file: "doc.xml" });
    expect(r.wellFormed).toBe(true);
    expect(r.valid).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["dtd/duplicate-element"]);
  });
  it("every valid/ code has a message without unfilled placeholders and a severity", () => {
    for (const [code, def] of allCodes()) {
      if (!code.startsWith("valid/")) continue;
      expect(def.message.length, code).toBeGreaterThan(5);
      expect(["error", "warning", "info"]).toContain(def.severity);
    }
  });
});

describe("validateFile", () => {
  it("streams a file and reports like validateString", async () => {
    const { validateFile } = await import("../../src/validate/index.js");
    const { writeFileSync, mkdtempSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const file = join(mkdtempSync(join(tmpdir(), "qxml-v-")), "doc.xml");
    writeFileSync(file, `<!DOCTYPE a [<!ELEMENT a (b)><!ELEMENT b EMPTY>]>\n<a><c/></a>`);
    const r = await validateFile(file, { file });
    expect(r.wellFormed).toBe(true);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([["valid/unexpected-element", 2, 4]]);
  });
  it("a missing file is a diagnostic, not an exception", async () => {
    const { validateFile } = await import("../../src/validate/index.js");
    const r = await validateFile("/nonexistent/qxml/doc.xml", { file: "doc.xml" });
    expect(r).toMatchObject({ valid: false, wellFormed: false });
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([["valid/unreadable", "cannot read /nonexistent/qxml/doc.xml: ENOENT"]]);
  });
});
