/**
 * The UTF-8 decoder's ASCII fast path (src/xml/decode.ts: a chunk of ASCII without C0 controls
 * skips the reader's scan for illegal characters): bytes must give exactly what the same text
 * given as a string gives, for every control character, wherever the chunks are cut.
 */
import { describe, expect, it } from "vitest";
import { read } from "./record.js";

const encoder = new TextEncoder();

/** The first error's code, line and column. */
function firstErrorAt(chunks: (string | Uint8Array)[] | string | Uint8Array) {
  const e = read(chunks).errors[0];
  return e === undefined ? undefined : { code: e.code, line: e.line, column: e.column, message: e.message };
}

function cut(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

describe("ASCII chunks skip the illegal-character scan, and still find every illegal character", () => {
  const illegal = Array.from({ length: 0x20 }, (_, c) => c).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d);

  it("reports each C0 control (29 of them) at its line and column, as the string path does", () => {
    for (const c of illegal) {
      const text = `<?xml version="1.0"?>\n<a>\n  <b>ok</b>\n  <c>x${String.fromCharCode(c)}y</c>\n</a>\n`;
      const fromString = firstErrorAt(text);
      expect(fromString).toMatchObject({ code: "xml/invalid-char", line: 4, column: 7 });
      const bytes = encoder.encode(text);
      expect(firstErrorAt(bytes)).toEqual(fromString);
      for (const size of [1, 3, 7, 16]) expect(firstErrorAt(cut(bytes, size))).toEqual(fromString);
    }
  });

  it("keeps checking a chunk that follows clean ASCII chunks, and chunks that are not ASCII", () => {
    const clean = "<a>" + "<b>text</b>\n".repeat(2000);
    const bytes = encoder.encode(clean + "<c>é\u0001</c></a>");
    const expected = firstErrorAt(clean + "<c>é\u0001</c></a>");
    expect(expected).toMatchObject({ code: "xml/invalid-char", line: 2001, column: 5 });
    expect(firstErrorAt(cut(bytes, 4096))).toEqual(expected);
    // U+FFFE and an astral character (a surrogate pair) come only from non-ASCII chunks.
    expect(firstErrorAt(encoder.encode("<a>\uFFFE</a>"))).toMatchObject({ code: "xml/invalid-char", line: 1, column: 4 });
    expect(read(cut(encoder.encode("<a>\u{1F600}</a>"), 2)).errors).toEqual([]);
  });

  it("a clean ASCII document gives the same events from bytes as from a string", () => {
    const text = '<?xml version="1.0"?>\n<a x="1">\n\t<b>one</b>\r\n  <c/>\n</a>\n';
    const strip = (r: ReturnType<typeof read>) => r.events.filter((e) => e[0] !== "text");
    expect(strip(read(cut(encoder.encode(text), 5)))).toEqual(strip(read(text)));
    expect(read(encoder.encode(text)).errors).toEqual([]);
  });
});
