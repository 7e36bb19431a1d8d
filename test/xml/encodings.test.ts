/** Bytes to characters: byte-order marks, declared encodings, invalid and unsupported input. */
import { describe, expect, it } from "vitest";
import { firstError, normalized, read } from "./record.js";

function utf16(s: string, le: boolean, bom = true): Uint8Array {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  let o = 0;
  const put = (c: number) => {
    out[o++] = le ? c & 0xff : c >> 8;
    out[o++] = le ? c >> 8 : c & 0xff;
  };
  if (bom) put(0xfeff);
  for (let i = 0; i < s.length; i++) put(s.charCodeAt(i));
  return out;
}

const doc = '<?xml version="1.0" encoding="UTF-16"?>\n<a b="é">\u{1F600} ü</a>';

function texts(bytesOrString: Uint8Array | string | (Uint8Array | string)[]): string[] {
  const run = read(bytesOrString);
  expect(run.errors).toEqual([]);
  return run.events.filter((e) => e[0] === "text").map((e) => e[1] as string);
}

describe("encodings", () => {
  it("reads UTF-16LE and UTF-16BE with a byte-order mark, split anywhere", () => {
    const expected = normalized(read(doc.replace("UTF-16", "UTF-8")));
    for (const le of [true, false]) {
      const b = utf16(doc, le);
      expect(normalized(read(b))).toEqual(expected);
      for (let i = 1; i < b.length; i += 3) expect(normalized(read([b.subarray(0, i), b.subarray(i)]))).toEqual(expected);
    }
  });

  it("reads UTF-16 without a byte-order mark when the declaration says so", () => {
    expect(texts(utf16(doc, true, false))).toEqual(["\u{1F600} ü"]);
  });

  it("reads UTF-8 with a byte-order mark and a string with U+FEFF first", () => {
    const b = new TextEncoder().encode("\uFEFF<a>é</a>");
    expect(b[0]).toBe(0xef);
    expect(texts(b)).toEqual(["é"]);
    expect(texts("\uFEFF<a>é</a>")).toEqual(["é"]);
  });

  it("decodes declared ISO-8859-1 as Latin-1 (0x80-0x9F are C1 controls, not windows-1252)", () => {
    const head = new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><a>');
    const b = new Uint8Array([...head, 0xe9, 0xfc, 0xa0, ...new TextEncoder().encode("</a>")]);
    expect(texts(b)).toEqual(["éü\u00a0"]);
    // 0x85 is U+0085 (NEL) in Latin-1: a legal XML 1.0 character.
    const c = new Uint8Array([...head, 0x85, ...new TextEncoder().encode("</a>")]);
    expect(texts(c)).toEqual(["\u0085"]);
  });

  it("decodes declared windows-1252 (0x80 is the euro sign)", () => {
    const head = new TextEncoder().encode('<?xml version="1.0" encoding="windows-1252"?><a>');
    expect(texts(new Uint8Array([...head, 0x80, ...new TextEncoder().encode("</a>")]))).toEqual(["€"]);
  });

  it("rejects a non-ASCII byte in a US-ASCII document, with its offset", () => {
    const head = new TextEncoder().encode('<?xml version="1.0" encoding="US-ASCII"?>\n<a>');
    const d = firstError(read(new Uint8Array([...head, 0x41, 0xe9, 0x41])));
    expect(d.code).toBe("xml/encoding");
    expect(d.message).toContain("0xE9");
    expect([d.line, d.column]).toEqual([2, 5]);
  });

  it("names an unsupported encoding", () => {
    const d = firstError(read(new TextEncoder().encode('<?xml version="1.0" encoding="X-KLINGON"?><a/>')));
    expect(d.code).toBe("xml/unsupported-encoding");
    expect(d.params).toMatchObject({ encoding: "X-KLINGON" });
  });

  it("reports an invalid UTF-8 sequence at its line and column, split or whole", () => {
    const b = new Uint8Array([...new TextEncoder().encode("<a>\nok é "), 0xc3, 0x28, ...new TextEncoder().encode("</a>")]);
    for (const chunks of [[b], [b.subarray(0, 11), b.subarray(11)], [b.subarray(0, 12), b.subarray(12)]]) {
      const d = firstError(read(chunks));
      expect(d.code).toBe("xml/encoding");
      expect(d.message).toContain("byte 0xC3 at byte offset 10");
      expect([d.line, d.column]).toEqual([2, 6]);
    }
  });

  it("accepts a real U+FFFD (the strict decoder decides when the fast one produced one)", () => {
    expect(texts(new TextEncoder().encode("<a>x\uFFFDy</a>"))).toEqual(["x\uFFFDy"]);
  });

  it("reports a file truncated inside a multi-byte sequence", () => {
    const b = new TextEncoder().encode("<a>é");
    const d = firstError(read(b.subarray(0, b.length - 1)));
    expect(d.code).toBe("xml/encoding");
    expect(d.message).toContain("ends inside a UTF-8 multi-byte sequence");
  });

  it("reports empty and binary files", () => {
    expect(firstError(read(new Uint8Array(0))).code).toBe("xml/empty-document");
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const d = firstError(read(png));
    expect(d.code).toBe("xml/encoding");
    expect([d.line, d.column]).toEqual([1, 1]);
    expect(firstError(read(new Uint8Array([0x3c, 0x61, 0x3e, 0x00, 0x3c, 0x2f, 0x61, 0x3e]))).code).toBe("xml/invalid-char");
  });

  it("refuses UCS-4 and a declaration that contradicts the byte-order mark", () => {
    expect(firstError(read(new Uint8Array([0, 0, 0, 0x3c, 0, 0, 0, 0x61]))).code).toBe("xml/unsupported-encoding");
    const d = firstError(read(utf16('<?xml version="1.0" encoding="UTF-8"?><a/>', true)));
    expect(d.code).toBe("xml/encoding");
    expect(d.message).toContain("UTF-16LE byte-order mark");
  });

  it("reports a lone surrogate in string input", () => {
    const d = firstError(read("<a>x\uD800y</a>"));
    expect([d.code, d.column]).toEqual(["xml/invalid-char", 5]);
  });
});
