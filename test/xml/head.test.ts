/** The head sniffer that picks a document's schema before the reader runs (src/xml/head.ts). */
import { describe, expect, it } from "vitest";
import { decodeHead, sniffEncoding, sniffHead } from "../../src/xml/head.js";

describe("sniffHead: the DOCTYPE", () => {
  it("reads SYSTEM and PUBLIC identifiers", () => {
    expect(sniffHead(`<?xml version="1.0"?><!DOCTYPE X PUBLIC "-//P" 'x.dtd'><X/>`)).toEqual({
      doctype: { name: "X", publicId: "-//P", systemId: "x.dtd", internalSubset: false, line: 1, column: 22 },
      root: "X",
    });
    expect(sniffHead(`<!DOCTYPE Z [<!ELEMENT Z EMPTY>]><Z/>`).doctype).toEqual({ name: "Z", internalSubset: true, declaresElements: true, line: 1, column: 1 });
  });

  it("locates it as the reader does: lines at CR LF, CR and LF, columns in characters", () => {
    expect(sniffHead(`<?xml version="1.0"?>\r\n<!-- 漢😀 --> <!DOCTYPE X SYSTEM "x.dtd"><X/>`).doctype).toMatchObject({ line: 2, column: 13 });
    expect(sniffHead(`<!--a\rb\nc-->\n\n<!DOCTYPE X><X/>`).doctype).toMatchObject({ line: 5, column: 1 });
    expect(sniffHead(`\uFEFF<!DOCTYPE X><X/>`).doctype).toMatchObject({ line: 1, column: 1 });
  });

  it("takes no DOCTYPE from a comment, a PI, a CDATA section or after the root", () => {
    expect(sniffHead(`<X/>`)).toEqual({ root: "X" });
    expect(sniffHead(`<X><!-- <!DOCTYPE Y SYSTEM "y"> --></X>`)).toEqual({ root: "X" });
    expect(sniffHead(`<X><![CDATA[<!DOCTYPE Y SYSTEM "http://h/y.dtd">]]></X>`)).toEqual({ root: "X" });
    expect(sniffHead(`<X/><!DOCTYPE Y SYSTEM "y">`)).toEqual({ root: "X" });
    expect(sniffHead(`<!-- <!DOCTYPE Y SYSTEM "y.dtd"> --><?pi <!DOCTYPE W SYSTEM "w"> ?>\n<!DOCTYPE X SYSTEM "x.dtd"><X/>`).doctype).toMatchObject({ name: "X", systemId: "x.dtd", line: 2 });
  });

  it("ends the internal subset at the first ']' outside literals, comments and PIs", () => {
    const head = sniffHead(`<!DOCTYPE R [<!ENTITY e "]>"><!-- ]> --><?p ]>?><!ATTLIST R a CDATA ']'><!ELEMENT R EMPTY>]>\n<R/>`);
    expect(head).toEqual({ doctype: { name: "R", internalSubset: true, declaresElements: true, line: 1, column: 1 }, root: "R" });
  });

  it("tells a grammar from an entities-only subset, and assumes a grammar when the subset is cut off", () => {
    expect(sniffHead(`<!DOCTYPE R [<!ENTITY e "<!ELEMENT x ANY>"><!-- <!ELEMENT y ANY> -->]><R/>`).doctype?.declaresElements).toBe(false);
    expect(sniffHead(`<!DOCTYPE R SYSTEM "r.dtd" [<!ENTITY e "x">`)).toEqual({ doctype: { name: "R", systemId: "r.dtd", internalSubset: true, declaresElements: true, line: 1, column: 1 } });
  });

  it("stops without a guess at what it cannot read", () => {
    expect(sniffHead(``)).toEqual({});
    expect(sniffHead(`<!-- unterminated <X/>`)).toEqual({});
    expect(sniffHead(`text <X/>`)).toEqual({});
    expect(sniffHead(`<!DOCTYPE>`)).toEqual({});
    expect(sniffHead(`<!DOCTYPE X SYSTEM "x.dtd" junk><X/>`)).toEqual({ doctype: { name: "X", systemId: "x.dtd", internalSubset: false, line: 1, column: 1 } });
  });
});

describe("decodeHead", () => {
  const utf16 = (s: string, le: boolean) => {
    const out = new Uint8Array(2 + s.length * 2);
    out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      out[2 + 2 * i + (le ? 0 : 1)] = c & 0xff;
      out[2 + 2 * i + (le ? 1 : 0)] = c >> 8;
    }
    return out;
  };

  it("decodes UTF-16 by its byte order mark, UTF-8 otherwise, and a declared ISO-8859-1", () => {
    expect(sniffHead(decodeHead(utf16(`<!DOCTYPE É SYSTEM "é.dtd"><É/>`, true))).doctype?.systemId).toBe("é.dtd");
    expect(sniffHead(decodeHead(utf16(`<Ré/>`, false))).root).toBe("Ré");
    expect(sniffHead(decodeHead(new TextEncoder().encode(`\uFEFF<!-- 漢 --><!DOCTYPE Ré><Ré/>`))).doctype).toMatchObject({ name: "Ré", column: 11 });
    expect(sniffHead(decodeHead(Uint8Array.from([...new TextEncoder().encode(`<?xml version="1.0" encoding="ISO-8859-1"?><R`), 0xe9, ...new TextEncoder().encode(`/>`)]))).root).toBe("Ré");
  });

  it("decodes UTF-16 without a byte order mark by its first '<?' (XML 1.0 Appendix F), and a single-byte file that declares UTF-16 as UTF-8", () => {
    expect(sniffHead(decodeHead(utf16(`<?xml version="1.0" encoding="UTF-16"?><OPTION_PROFILES/>`, true).subarray(2))).root).toBe("OPTION_PROFILES");
    expect(sniffHead(decodeHead(utf16(`<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE R SYSTEM "r.dtd"><R/>`, false).subarray(2))).doctype?.systemId).toBe("r.dtd");
    expect(sniffHead(decodeHead(new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-16"?><Ré/>`))).root).toBe("Ré");
  });

  it("reads the encoding only from an XML declaration, as the reader does: <?xmll ...?> is a PI", () => {
    expect(sniffEncoding(new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-2"?><a/>'))).toEqual({ encoding: "iso-8859-2", bomBytes: 0 });
    expect(sniffEncoding(new TextEncoder().encode('<?xmll encoding="ISO-8859-2"?><a/>'))).toEqual({ encoding: "utf-8", bomBytes: 0 });
  });

  it("falls back to UTF-8 for an encoding it does not know", () => {
    expect(sniffHead(decodeHead(new TextEncoder().encode(`<?xml version="1.0" encoding="x-unknown"?><Ré/>`))).root).toBe("Ré");
  });
});
