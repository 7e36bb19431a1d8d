/** What the reader reports for well-formed input: positions, DTD entities and defaults, namespaces, trees, files. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { StartTag } from "../../src/xml/events.js";
import { readFile } from "../../src/xml/reader.js";
import { localResolver } from "../../src/xml/resolve.js";
import { parseTree, XmlTreeError, isElement } from "../../src/xml/tree.js";
import { normalized, read, recorder } from "./record.js";

const starts = (run: ReturnType<typeof read>) => run.events.filter((e) => e[0] === "start").map((e) => e[1] as StartTag);

describe("positions", () => {
  it("reports start tags, attributes, text, end tags, comments and PIs at their first character", () => {
    const run = read('<a>\n  <b x="1"\n     y="2">hi</b><!--c-->\n<?p q?></a>');
    expect(run.events.map((e) => (e[0] === "start" ? ["start", e[1].name, e[1].line, e[1].column, e[1].attributes.map((a) => [a.name, a.line, a.column])] : e))).toEqual([
      ["start", "a", 1, 1, []],
      ["text", "\n  ", 1, 4, false],
      ["start", "b", 2, 3, [["x", 2, 6], ["y", 3, 6]]],
      ["text", "hi", 3, 12, false],
      ["end", "b", 3, 14],
      ["comment", "c", 3, 18],
      ["text", "\n", 3, 26, false],
      ["pi", "p", "q", 4, 1],
      ["end", "a", 4, 8],
    ]);
  });

  it("counts a surrogate pair as one column and CRLF as one line end", () => {
    const run = read("<a>\u{1F600}\u{1F600}<b/>\r\n<c/></a>");
    expect(starts(run).map((t) => [t.name, t.line, t.column])).toEqual([
      ["a", 1, 1],
      ["b", 1, 6],
      ["c", 2, 1],
    ]);
    expect(run.events.find((e) => e[0] === "text" && e[1] === "\n")).toEqual(["text", "\n", 1, 10, false]);
  });

  it("reports text from an entity at the entity reference", () => {
    const run = read('<!DOCTYPE a [<!ENTITY e "<b>in</b>">]>\n<a>x &e;</a>');
    expect(normalized(run).filter((e) => (e as unknown[])[0] !== "doctype")).toEqual([
      ["start", expect.objectContaining({ name: "a", line: 2, column: 1 })],
      ["text", "x ", 2, 4, false],
      ["start", expect.objectContaining({ name: "b", line: 2, column: 6, depth: 2 })],
      ["text", "in", 2, 6, false],
      ["end", "b", 2, 6],
      ["end", "a", 2, 9],
    ]);
  });
});

describe("DTD", () => {
  it("expands internal entities (nested, with markup) and character references in entity values", () => {
    const run = read('<!DOCTYPE a [<!ENTITY in "<i>&amp;</i>"><!ENTITY out "[&in;&#38;#60;]">]><a>&out;</a>');
    expect(run.diagnostics).toEqual([]);
    const text = run.events.filter((e) => e[0] === "text").map((e) => e[1]).join("");
    expect(text).toBe("[&<]");
    expect(starts(run).map((t) => t.name)).toEqual(["a", "i"]);
  });

  it("adds declared defaults with specified=false and normalises non-CDATA values", () => {
    const run = read(
      '<!DOCTYPE a [<!ATTLIST a t NMTOKENS "  x   y " c CDATA " keep  me " f CDATA #FIXED "&#65;&amp;" i ID #IMPLIED>]><a i="  id1 " c=" s  p "/>',
    );
    expect(run.diagnostics).toEqual([]);
    const attrs = starts(run)[0].attributes.map((a) => [a.name, a.value, a.specified, a.typeNormalized ?? false]);
    expect(attrs).toEqual([
      ["i", "id1", true, true],
      ["c", " s  p ", true, false],
      ["t", "x y", false, false],
      ["f", "A&", false, false],
    ]);
  });

  it("normalises attribute values: whitespace characters to spaces, character references kept", () => {
    const run = read('<a x="a\tb\nc&#9;d&#10;e &lt; f"/>');
    expect(starts(run)[0].attributes[0].value).toBe("a b c\td\ne < f");
  });

  it("reports the DOCTYPE with its identifiers and the parsed DTD before the root", () => {
    const run = read('<!DOCTYPE a PUBLIC "-//Q//DTD A//EN" "a.dtd" [<!ELEMENT a EMPTY>]><a/>');
    const dt = run.events[0];
    expect(dt[0]).toBe("doctype");
    const info = dt[1] as { name: string; publicId: string; systemId: string; dtd: { elements: Map<string, unknown> } };
    expect([info.name, info.publicId, info.systemId]).toEqual(["a", "-//Q//DTD A//EN", "a.dtd"]);
    expect([...info.dtd.elements.keys()]).toEqual(["a"]);
  });

  it("stops at a DTD syntax error and reports it with its position in the document", () => {
    const run = read("<!DOCTYPE a [\n<!ELEMENT a (b>\n]><a/>");
    expect(run.errors[0].code.startsWith("dtd/")).toBe(true);
    expect(run.errors[0].line).toBe(2);
    expect(starts(run)).toEqual([]);
  });

  it("skips (with a warning) an undeclared entity when the external subset was not read", () => {
    const run = read('<!DOCTYPE a SYSTEM "a.dtd"><a>x&nbsp;y</a>');
    expect(run.errors).toEqual([]);
    expect(run.diagnostics.map((d) => [d.code, d.severity])).toEqual([["xml/undeclared-entity-skipped", "warning"]]);
  });

  it("reports an undeclared name once per outer reference, however often the entity's text repeats it", () => {
    // Every reference inside the replacement text is placed at the outer &e;: twice &u; there was two identical warnings.
    const run = read('<!DOCTYPE a SYSTEM "a.dtd" [<!ENTITY e "&u; and &u; and &v;">]><a>&e; &e;</a>');
    expect(run.errors).toEqual([]);
    const at = (col: number) => ["xml/undeclared-entity-skipped", 1, col];
    const first = '<!DOCTYPE a SYSTEM "a.dtd" [<!ENTITY e "&u; and &u; and &v;">]><a>'.length + 1;
    expect(run.diagnostics.map((d) => [d.code, d.line, d.column, String(d.params?.name)])).toEqual([
      [...at(first), "u"], [...at(first), "v"], [...at(first + 4), "u"], [...at(first + 4), "v"],
    ]);
  });

  it("applies WFC Entity Declared unless the internal subset references parameter entities", () => {
    expect(read('<!DOCTYPE a [<!-- 50%off; --><?p %q;?>]><a>&x;</a>').errors[0]?.code).toBe("xml/undefined-entity");
    const pe = read("<!DOCTYPE a [<!ENTITY % p \"<!ENTITY y 'Y'>\">%p;]><a>&y;&x;</a>");
    expect(pe.errors).toEqual([]);
    expect(pe.events.filter((e) => e[0] === "text").map((e) => e[1])).toEqual(["Y"]);
    expect(pe.diagnostics.map((d) => d.code)).toEqual(["xml/undeclared-entity-skipped"]);
  });

  it("reads the external DTD subset when asked, and its declarations apply", () => {
    const dir = mkdtempSync(join(tmpdir(), "qxml-"));
    writeFileSync(join(dir, "a.dtd"), '<?xml version="1.0" encoding="UTF-8"?>\n<!ENTITY nbsp "&#160;"><!ATTLIST a v CDATA "d">');
    const run = read('<!DOCTYPE a SYSTEM "a.dtd"><a>x&nbsp;y</a>', {
      file: join(dir, "doc.xml"),
      loadExternalDtd: true,
      resolveEntity: localResolver({ allow: [dir] }),
    });
    expect(run.diagnostics).toEqual([]);
    expect(run.events.filter((e) => e[0] === "text").map((e) => e[1]).join("")).toBe("x\u00a0y");
    expect(starts(run)[0].attributes.map((a) => [a.name, a.value, a.specified])).toEqual([["v", "d", false]]);
  });
});

describe("namespaces", () => {
  it("resolves element and attribute names; unprefixed attributes have no namespace", () => {
    const run = read('<r xmlns="urn:d" xmlns:p="urn:p" a="1" p:b="2"><p:c/><d xmlns=""/></r>');
    expect(starts(run).map((t) => [t.name, t.uri, t.local])).toEqual([
      ["r", "urn:d", "r"],
      ["p:c", "urn:p", "c"],
      ["d", null, "d"],
    ]);
    expect(starts(run)[0].attributes.map((a) => [a.name, a.uri, a.local])).toEqual([
      ["xmlns", "http://www.w3.org/2000/xmlns/", "xmlns"],
      ["xmlns:p", "http://www.w3.org/2000/xmlns/", "p"],
      ["a", null, "a"],
      ["p:b", "urn:p", "b"],
    ]);
  });

  it("scopes declarations to the element", () => {
    expect(read('<r><a xmlns:p="urn:p"><p:b/></a><p:c/></r>').errors[0]?.code).toBe("xml/unbound-prefix");
  });

  it("can be turned off", () => {
    const run = read("<a:b:c/>", { namespaces: false });
    expect(run.errors).toEqual([]);
    expect(starts(run)[0].local).toBe("a:b:c");
  });
});

describe("parseTree (schema files)", () => {
  it("builds a tree with exact positions and in-scope namespaces", () => {
    const root = parseTree('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n  <xs:element name="A"\n    type="xs:string"/>\n</xs:schema>', "a.xsd");
    expect([root.local, root.uri, root.line, root.column]).toEqual(["schema", "http://www.w3.org/2001/XMLSchema", 1, 1]);
    const el = root.children.find(isElement)!;
    expect([el.line, el.column]).toEqual([2, 3]);
    expect(el.attributes.get("type")).toMatchObject({ value: "xs:string", line: 3, column: 5 });
    expect(el.namespaces.get("xs")).toBe("http://www.w3.org/2001/XMLSchema");
    expect(root.attributes.size).toBe(0);
  });

  it("throws XmlTreeError with file, line and column", () => {
    let err: unknown;
    try {
      parseTree("<a>\n<b></a>", "bad.xsd");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(XmlTreeError);
    expect((err as XmlTreeError).message).toBe("bad.xsd:2:4: expected </b> (opened at 2:1); found </a>");
  });
});

describe("readFile", () => {
  it("streams a file larger than one chunk with the same events as readString", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qxml-"));
    const body = Array.from({ length: 5000 }, (_, i) => `<item n="${i}">é😀 ${"x".repeat(i % 50)}</item>\r\n`).join("");
    const xml = `<?xml version="1.0"?>\n<list>${body}</list>\n`;
    writeFileSync(join(dir, "big.xml"), xml);
    const { handler, run } = recorder();
    await readFile(join(dir, "big.xml"), handler);
    expect(run.ended).toBe(1);
    expect(run.diagnostics).toEqual([]);
    expect(normalized(run)).toEqual(normalized(read(xml)));
  });
});
