/** Each well-formedness error: its code, position and message parameters. */
import { describe, expect, it } from "vitest";
import { allCodes } from "../../src/diagnostics/codes.js";
import "../../src/xml/codes.js";
import { firstError, read } from "./record.js";

interface Case {
  name: string;
  xml: string;
  code: string;
  line: number;
  column: number;
  params?: Record<string, unknown>;
  message?: string;
}

const cases: Case[] = [
  { name: "mismatched end tag", xml: "<A>\n  <B>\n</A>", code: "xml/mismatched-end-tag", line: 3, column: 1, message: "expected </B> (opened at 2:3); found </A>" },
  { name: "unclosed element", xml: "<A>\n<B>text", code: "xml/unclosed-element", line: 2, column: 8, params: { name: "B", openLine: 2, openColumn: 1 } },
  { name: "end tag without start", xml: "<A></A></B>", code: "xml/extra-content", line: 1, column: 8 },
  { name: "end tag before root", xml: "</B>", code: "xml/unexpected-end-tag", line: 1, column: 1, params: { found: "B" } },
  { name: "undefined entity", xml: "<A>\n a &nbsp; b</A>", code: "xml/undefined-entity", line: 2, column: 4, params: { name: "nbsp" } },
  { name: "HTML entity", xml: "<A>a&nbsp;b</A>", code: "xml/undefined-entity", line: 1, column: 5, message: "entity &nbsp; is not declared (&nbsp; is an HTML entity: write &#160; instead)" },
  { name: "misspelt entity", xml: '<!DOCTYPE A [<!ENTITY company "Qualys">]><A>&compnay;</A>', code: "xml/undefined-entity", line: 1, column: 45, message: "entity &compnay; is not declared; did you mean &company;?" },
  { name: "invalid char", xml: "<A>\n ok \u0007</A>", code: "xml/invalid-char", line: 2, column: 5, params: { code: "0007" } },
  { name: "invalid char ref", xml: "<A>&#0;</A>", code: "xml/invalid-char-ref", line: 1, column: 4, params: { ref: "&#0;" } },
  { name: "duplicate attribute", xml: '<A x="1"\n   x="2"/>', code: "xml/duplicate-attribute", line: 2, column: 4, params: { name: "x", firstLine: 1, firstColumn: 4 } },
  { name: "< in attribute", xml: '<A x="a<b"/>', code: "xml/lt-in-attribute", line: 1, column: 8, params: { name: "x" } },
  { name: "]]> in text", xml: "<A>a]]>b</A>", code: "xml/cdata-end-in-text", line: 1, column: 5 },
  { name: "-- in comment", xml: "<A><!-- a -- b --></A>", code: "xml/comment-double-hyphen", line: 1, column: 11 },
  { name: "reserved PI target", xml: '<A/><?xml version="1.0"?>', code: "xml/reserved-pi-target", line: 1, column: 5 },
  { name: "two roots", xml: "<A/>\n<B/>", code: "xml/extra-content", line: 2, column: 1, message: "a second root element <B> after the end of the root element </A>" },
  { name: "text after root", xml: "<A/>x", code: "xml/extra-content", line: 1, column: 5 },
  { name: "text before root", xml: "hello<A/>", code: "xml/text-outside-root", line: 1, column: 1 },
  { name: "no root", xml: "<!-- only a comment -->", code: "xml/no-root", line: 1, column: 24 },
  { name: "empty document", xml: "", code: "xml/empty-document", line: 1, column: 1 },
  { name: "blank document", xml: "  \n ", code: "xml/empty-document", line: 2, column: 2 },
  { name: "truncated tag", xml: '<A x="1"', code: "xml/unexpected-eof", line: 1, column: 9 },
  { name: "truncated comment", xml: "<A><!-- x", code: "xml/unexpected-eof", line: 1, column: 10 },
  { name: "bad name", xml: "<1A/>", code: "xml/syntax", line: 1, column: 2, params: { expected: "an element name" } },
  { name: "missing =", xml: "<A x 1/>", code: "xml/syntax", line: 1, column: 6, params: { expected: "'='" } },
  { name: "unquoted value", xml: "<A x=1/>", code: "xml/syntax", line: 1, column: 6, params: { expected: "a quoted value" } },
  { name: "no space between attributes", xml: '<A x="1"y="2"/>', code: "xml/syntax", line: 1, column: 9 },
  { name: "xml declaration order", xml: '<?xml encoding="UTF-8" version="1.0"?><A/>', code: "xml/xml-declaration", line: 1, column: 7 },
  { name: "xml declaration version", xml: '<?xml version="2.0"?><A/>', code: "xml/xml-declaration", line: 1, column: 16 },
  { name: "xml declaration standalone", xml: '<?xml version="1.0" standalone="maybe"?><A/>', code: "xml/xml-declaration", line: 1, column: 33 },
  { name: "xml declaration not first", xml: ' <?xml version="1.0"?><A/>', code: "xml/reserved-pi-target", line: 1, column: 2 },
  // A lost "?>" or "]" is reported where the markup breaks, not at the end of the input (libxml2 differential).
  { name: "XML declaration without '?>'", xml: '<?xml version="1.0" encoding="UTF-8"\n<A>\n</A>\n', code: "xml/xml-declaration", line: 2, column: 1, params: { problem: "expected '?>' to close the declaration; found '<'" } },
  { name: "internal subset without ']'", xml: "<!DOCTYPE A [\n<!ELEMENT A ANY>\n>\n<A>\n</A>\n", code: "dtd/syntax", line: 3, column: 1 },
  { name: "broken internal subset before a lost '>'", xml: "<!DOCTYPE A [\n<<!ELEMENT A ANY>\n]\n<A/>", code: "dtd/syntax", line: 2, column: 1 },
  { name: "sound internal subset, lost '>'", xml: "<!DOCTYPE A [\n<!ELEMENT A ANY>\n]\n<A/>", code: "xml/syntax", line: 4, column: 1, params: { expected: "'>'" } },
  { name: "internal subset with an unterminated literal", xml: '<!DOCTYPE A [\n<!ENTITY e "x>\n<!ELEMENT A ANY>]>\n<A/>', code: "dtd/unterminated", line: 2, column: 12 },
  { name: "second DOCTYPE", xml: "<!DOCTYPE A><!DOCTYPE A><A/>", code: "xml/doctype", line: 1, column: 13 },
  { name: "DOCTYPE in content", xml: "<A><!DOCTYPE A></A>", code: "xml/doctype", line: 1, column: 4 },
  { name: "unbound prefix", xml: "<A>\n<x:B/></A>", code: "xml/unbound-prefix", line: 2, column: 1, params: { prefix: "x" } },
  { name: "unbound attribute prefix", xml: '<A y:b="1"/>', code: "xml/unbound-prefix", line: 1, column: 4 },
  { name: "bad QName", xml: "<a:b:c xmlns:a='u'/>", code: "xml/qname", line: 1, column: 1 },
  { name: "QName local part starting with a digit", xml: "<a xmlns:p='u'>\n<b p:7c='1'/></a>", code: "xml/qname", line: 2, column: 4 },
  { name: "element QName local part starting with '-'", xml: "<p:-a xmlns:p='u'/>", code: "xml/qname", line: 1, column: 1 },
  // Namespaces in XML §7: no colon in PI targets, in the DTD too (found by the libxml2 differential).
  { name: "colon in a DTD PI target", xml: "<!DOCTYPE A [\n<?a:b c?>]><A/>", code: "xml/qname", line: 2, column: 1 },
  // EntityRef ::= '&' Name ';' in an ATTLIST default, also where an external subset could declare entities.
  { name: "malformed reference in a default value", xml: '<!DOCTYPE A SYSTEM "a.dtd" [<!ATTLIST A d CDATA "&7a;">]><A/>', code: "dtd/syntax", line: 1, column: 49 },
  { name: "colon in a PI target from a parameter entity", xml: '<!DOCTYPE A [<!ENTITY % p "<?a:b c?>">\n%p;]><A/>', code: "xml/qname", line: 2, column: 1 },
  { name: "xmlns:p=''", xml: "<A xmlns:p=''/>", code: "xml/namespace-declaration", line: 1, column: 4 },
  { name: "rebinding xml", xml: "<A xmlns:xml='urn:x'/>", code: "xml/namespace-declaration", line: 1, column: 4 },
  { name: "duplicate expanded attribute", xml: "<A xmlns:p='u' xmlns:q='u' p:a='1' q:a='2'/>", code: "xml/duplicate-expanded-attribute", line: 1, column: 36 },
  { name: "recursive entity", xml: '<!DOCTYPE A [<!ENTITY a "&b;"><!ENTITY b "&a;">]><A>&a;</A>', code: "xml/entity-recursion", line: 1, column: 53 },
  { name: "unbalanced entity", xml: '<!DOCTYPE A [<!ENTITY e "<B>">]><A>&e;</A>', code: "xml/entity-unbalanced", line: 1, column: 36 },
  { name: "unparsed entity in content", xml: '<!DOCTYPE A [<!NOTATION n SYSTEM "n"><!ENTITY e SYSTEM "e" NDATA n>]><A>&e;</A>', code: "xml/unparsed-entity-ref", line: 1, column: 73 },
  { name: "external entity in attribute", xml: '<!DOCTYPE A [<!ENTITY e SYSTEM "e.xml">]><A x="&e;"/>', code: "xml/external-entity-in-attribute", line: 1, column: 48 },
  { name: "< through an entity in an attribute", xml: '<!DOCTYPE A [<!ENTITY e "&#60;">]><A x="&e;"/>', code: "xml/lt-in-attribute", line: 1, column: 41 },
];

describe("well-formedness errors", () => {
  for (const c of cases) {
    it(`${c.name}: ${c.code} at ${c.line}:${c.column}`, () => {
      const run = read(c.xml);
      const d = firstError(run);
      expect({ code: d.code, line: d.line, column: d.column }).toEqual({ code: c.code, line: c.line, column: c.column });
      if (c.params !== undefined) expect(d.params).toMatchObject(c.params);
      if (c.message !== undefined) expect(d.message).toBe(c.message);
      expect(d.hint).toBeTruthy();
      // The reader stops at the first error: nothing but `end` follows.
      expect(run.events[run.events.length - 1]).toEqual(["diag", d]);
      expect(run.ended).toBe(1);
    });
  }

  it("hints fit the mistake: a bare '&' or '<' in text, an end tag in another case, a truncated document", () => {
    const hint = (xml: string) => firstError(read(xml)).hint;
    expect(hint("<A>Smith & Sons</A>")).toBe("A literal '&' in text is written &amp; (or put the text in a CDATA section).");
    expect(hint("<A>1 < 2</A>")).toBe("A literal '<' in text is written &lt; (or put the text in a CDATA section).");
    expect(hint("<UNIT_ID>0</unit_id>")).toBe("XML names are case-sensitive: write </UNIT_ID>.");
    expect(hint("<A><B></A>")).toBe("Close elements in the reverse order they were opened.");
    expect(hint("<A><B")).toBe("The document is truncated, or the start tag <B> is not closed.");
    expect(hint("<A><!-- x")).toBe("The document is truncated, or a comment is not closed.");
  });

  it("a PI whose target starts with xml (<?xmll ...?>) is no XML declaration: its pseudo-attributes are not read", () => {
    const xml = '<?xmll encoding=""?>\n<A/>';
    expect(read(xml).errors).toEqual([]);
    expect(read(new TextEncoder().encode(xml)).errors).toEqual([]);
  });

  it("a QName's local part may start with any NameStartChar, astral ones included", () => {
    expect(read("<p:\u00e9 xmlns:p='u' p:_a='1' p:\u{10000}='2'/>").errors).toEqual([]);
  });

  it("a colon in a DTD PI target is well-formed XML: only the namespace layer rejects it", () => {
    expect(read("<!DOCTYPE A [<?a:b c?>]><A/>", { namespaces: false }).errors).toEqual([]);
    expect(read("<!DOCTYPE A [<?ab c?>]><A/>").errors).toEqual([]);
  });

  it("a well-formed document with every construct reports no diagnostic", () => {
    const run = read('<?xml version="1.0" standalone="yes"?>\n<!DOCTYPE A [<!ENTITY e "x">]>\n<A a="1"><!--c--><?p d?><![CDATA[<]]>&e;&#65;</A>\n');
    expect(run.diagnostics).toEqual([]);
  });

  it("every xml/ code has a hint", () => {
    const xml = [...allCodes()].filter(([code]) => code.startsWith("xml/"));
    expect(xml.length).toBeGreaterThan(30);
    for (const [code, def] of xml) expect(def.hint, code).toBeTruthy();
  });
});
