/** src/dtd/decode.ts: external DTD/entity bytes through the XML reader's decoder. */
import { describe, expect, it } from "vitest";
import { decodeEntityBytes } from "../../src/dtd/decode.js";

const text = `<!ELEMENT caf\u00e9 EMPTY>`;

describe("decodeEntityBytes", () => {
  it("UTF-8 without and with a byte-order mark (the mark is dropped)", () => {
    expect(decodeEntityBytes(Buffer.from(text, "utf8"))).toEqual({ text });
    expect(decodeEntityBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]))).toEqual({ text });
  });

  it("UTF-16 LE and BE with a byte-order mark, and UTF-16 sniffed from '<?' without one", () => {
    const decl = `<?xml encoding="UTF-16"?>${text}`;
    expect(decodeEntityBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]))).toEqual({ text });
    expect(decodeEntityBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]))).toEqual({ text });
    expect(decodeEntityBytes(Buffer.from(decl, "utf16le"))).toEqual({ text: decl });
  });

  it("the encoding of a text declaration: ISO-8859-1 (not windows-1252), US-ASCII, windows-1252", () => {
    const l1 = `<?xml encoding="ISO-8859-1"?>${text}\u0080`;
    expect(decodeEntityBytes(Buffer.from(l1, "latin1"))).toEqual({ text: l1 });
    const w = Buffer.from(`<?xml version="1.0" encoding='windows-1252'?>\x80`, "latin1");
    expect(decodeEntityBytes(w)).toEqual({ text: `<?xml version="1.0" encoding='windows-1252'?>\u20ac` });
    expect(decodeEntityBytes(Buffer.from(`<?xml encoding="US-ASCII"?><!ELEMENT a EMPTY>`))).toEqual({ text: `<?xml encoding="US-ASCII"?><!ELEMENT a EMPTY>` });
  });

  it("errors name the problem: bad UTF-8, bytes outside ASCII, UTF-16 declared without a mark, unknown or unsupported encodings", () => {
    expect(decodeEntityBytes(Buffer.from([0x3c, 0x21, 0xff, 0x3e]))).toEqual({ error: expect.stringMatching(/utf-8/i) });
    expect(decodeEntityBytes(Buffer.from(`<?xml encoding="US-ASCII"?>\u00e9`, "latin1"))).toHaveProperty("error");
    expect(decodeEntityBytes(Buffer.from(`<?xml encoding="UTF-16"?><!ELEMENT a EMPTY>`))).toEqual({ error: expect.stringContaining('declares encoding "UTF-16"') });
    expect(decodeEntityBytes(Buffer.from(`<?xml encoding="x-klingon"?>`))).toEqual({ error: 'encoding "x-klingon" is not supported' });
    expect(decodeEntityBytes(Buffer.from([0x00, 0x00, 0x00, 0x3c]))).toEqual({ error: 'encoding "UCS-4" is not supported' });
  });

  it("an empty entity is empty text", () => {
    expect(decodeEntityBytes(new Uint8Array(0))).toEqual({ text: "" });
  });
});
