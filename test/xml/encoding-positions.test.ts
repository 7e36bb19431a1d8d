/**
 * Encoding errors are reported where they are (issue 3): an unpaired surrogate or an odd final
 * byte in UTF-16 at the character it breaks, an unsupported or contradicted encoding label at the
 * label, and an encoding error that cuts the internal subset short as itself, not as the
 * "unterminated" construct it leaves behind. Found by the well-formedness differential.
 */
import { describe, expect, it } from "vitest";
import { createReader } from "../../src/xml/reader.js";

interface Found {
  code: string;
  line: number;
  column: number;
  message: string;
}

function firstError(bytes: Uint8Array, split?: number): Found | undefined {
  let found: Found | undefined;
  const r = createReader(
    {
      startElement() {},
      endElement() {},
      text() {},
      diagnostic(d) {
        if (d.severity === "error") found ??= { code: d.code, line: d.line, column: d.column, message: d.message };
      },
    },
    { namespaces: true },
  );
  if (split === undefined) r.write(bytes);
  else {
    r.write(bytes.subarray(0, split));
    r.write(bytes.subarray(split));
  }
  r.close();
  return found;
}

const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")]);
const utf16be = (s: string) => {
  const b = Buffer.from(s, "utf16le");
  b.swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), b]);
};

describe("UTF-16 errors are reported at the broken character", () => {
  it("an unpaired high or low surrogate, in either byte order, at its line and column", () => {
    for (const encode of [utf16le, utf16be]) {
      for (const lone of ["\uD800", "\uDC00"]) {
        const e = firstError(encode(`<a>\n𝄞x${lone}y</a>`));
        expect(e?.code).toBe("xml/encoding");
        // Columns count characters: the astral 𝄞 is one column.
        expect([e?.line, e?.column]).toEqual([2, 3]);
        expect(e?.message).toMatch(/unpaired surrogate 0xD[8C]00 at byte offset 16/);
      }
    }
  });

  it("the same place when the document arrives in two chunks cut inside a code unit or a surrogate pair", () => {
    const bytes = utf16le("<a>\n𝄞x\uD800y</a>");
    const whole = firstError(bytes);
    for (let split = 1; split < bytes.length; split++) expect(firstError(bytes, split), `split ${split}`).toEqual(whole);
    const good = utf16be("<a>\n𝄞x</a>");
    for (let split = 1; split < good.length; split++) expect(firstError(good, split), `split ${split}`).toBeUndefined();
  });

  it("an odd number of bytes: at the end of the input, with the byte offset", () => {
    const e = firstError(Buffer.concat([utf16le("<a>x</a>\n"), Buffer.from([0x20])]));
    expect(e?.code).toBe("xml/encoding");
    expect([e?.line, e?.column]).toEqual([2, 1]);
    expect(e?.message).toContain("an odd number of bytes; byte offset 20");
  });

  it("UTF-8 byte offsets count the byte-order mark", () => {
    const e = firstError(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("<a>"), Buffer.from([0xc0]), Buffer.from("</a>")]));
    expect(e?.message).toContain("byte 0xC0 at byte offset 6");
    expect([e?.line, e?.column]).toEqual([1, 4]);
  });
});

describe("encoding labels: errors at the label", () => {
  it("an unsupported encoding is reported at its name in the declaration", () => {
    const e = firstError(Buffer.from('<?xml version="1.0"\n  encoding="x-klingon"?><a/>'));
    expect(e?.code).toBe("xml/unsupported-encoding");
    expect([e?.line, e?.column]).toEqual([2, 13]);
  });

  it("a label that is not an EncName is a broken declaration, reported by the declaration's parser", () => {
    const e = firstError(Buffer.from('<?xml version="1.0" encoding="UTF xmlns:p="urn:p"-8"?><a/>'));
    expect(e?.code).toBe("xml/xml-declaration");
  });

  it("a label that contradicts the byte-order mark is reported at the label", () => {
    for (const bytes of [utf16le('<?xml version="1.0" encoding="ISO-8859-1"?><a/>'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a/>')])]) {
      const e = firstError(bytes);
      expect(e?.code).toBe("xml/encoding");
      expect([e?.line, e?.column]).toEqual([1, 31]);
    }
  });
});

describe("an encoding error that cuts the internal subset short", () => {
  it("is reported as itself, not as the comment it leaves unterminated", () => {
    const bytes = Buffer.concat([Buffer.from("<!DOCTYPE a [\n<!-- note "), Buffer.from([0xc0]), Buffer.from(" -->\n]><a/>")]);
    const e = firstError(bytes);
    expect(e?.code).toBe("xml/encoding");
    expect([e?.line, e?.column]).toEqual([2, 11]);
  });

  it("a construct that really is unterminated is still reported as such", () => {
    expect(firstError(Buffer.from("<!DOCTYPE a [\n<!-- note "))?.code).toBe("dtd/unterminated");
  });
});

describe("UTF-16 declared for single-byte text", () => {
  it("is reported at the label", () => {
    const e = firstError(Buffer.from('<?xml version="1.0" encoding="UTF-16"?><a/>'));
    expect(e?.code).toBe("xml/encoding");
    expect([e?.line, e?.column]).toEqual([1, 31]);
  });
});

describe("an encoding error inside a markup declaration of the internal subset", () => {
  it("is reported as itself, not as the syntax error the DTD parser meets at the cut", () => {
    const bytes = Buffer.concat([Buffer.from('<!DOCTYPE a [\n<!ENTITY % '), Buffer.from([0xff]), Buffer.from('p "x">\n]><a/>')]);
    const e = firstError(bytes);
    expect(e?.code).toBe("xml/encoding");
    expect([e?.line, e?.column]).toEqual([2, 12]);
  });

  it("a DTD error before the bad byte still comes first", () => {
    const bytes = Buffer.concat([Buffer.from('<!DOCTYPE a [\n<!ELEMENT>\n<!-- '), Buffer.from([0xff]), Buffer.from(" -->\n]><a/>")]);
    expect(firstError(bytes)?.code).toBe("dtd/syntax");
  });
});

describe("windows-1252", () => {
  it("0x80 is € also when the bytes are decoded in one final call (Node 20 decodes a non-streaming call as ISO-8859-1)", async () => {
    const { decodeAll } = await import("../../src/xml/decode.js");
    // No '?>' in the head: the decoder is chosen only at the end, and decodes everything in its final call.
    const d = decodeAll(new Uint8Array(Buffer.from('<?xml version="1.0" encoding="windows-1252"\x80\x81', "latin1")));
    expect(d.text.endsWith("\u20AC\u0081")).toBe(true);
  });
});
