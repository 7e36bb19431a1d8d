/**
 * Reads only the lines a code frame needs, streaming, so a 100 MB file is never held whole.
 * Decodes as the XML reader does (byte order mark, else the XML declaration's encoding, else
 * UTF-8) and breaks lines where XML does (CR LF, CR, LF), so frames match the reported lines.
 */
import { createReadStream, statSync } from "node:fs";
import { TextDecoder } from "node:util";

export type SourceLines = Map<number, string>;

/** The encoding a document's first bytes announce; undefined when TextDecoder does not know it. */
export function sniffEncoding(head: Uint8Array): { encoding: string; bomBytes: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", bomBytes: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bomBytes: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bomBytes: 2 };
  // UTF-16 without a BOM, known by its first "<?" (XML 1.0 Appendix F), as the reader detects it.
  if (head[0] === 0x3c && head[1] === 0x00 && head[2] === 0x3f && head[3] === 0x00) return { encoding: "utf-16le", bomBytes: 0 };
  if (head[0] === 0x00 && head[1] === 0x3c && head[2] === 0x00 && head[3] === 0x3f) return { encoding: "utf-16be", bomBytes: 0 };
  // Without a BOM the declaration is ASCII-compatible bytes; latin1 reads it whatever follows.
  const decl = /^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(Buffer.from(head.subarray(0, 256)).toString("latin1"));
  if (decl !== null) {
    try {
      const encoding = new TextDecoder(decl[1]).encoding;
      // A declaration read as single bytes cannot be UTF-16 (the reader reports the mismatch);
      // decoding it as declared would show the line as CJK-looking noise.
      return { encoding: encoding.startsWith("utf-16") ? "utf-8" : encoding, bomBytes: 0 };
    } catch {
      // An encoding TextDecoder does not know: the reader reports it; show UTF-8.
    }
  }
  return { encoding: "utf-8", bomBytes: 0 };
}

/**
 * The wanted lines of `file`: line number → how many characters (UTF-16 code units) of it a frame
 * may show. Only that much of a line is kept, and every character is looked at once, so a
 * document written on one 100 MB line costs neither time nor memory here.
 */
export async function readLines(file: string, wanted: ReadonlyMap<number, number>): Promise<SourceLines> {
  const out: SourceLines = new Map();
  if (wanted.size === 0) return out;
  // A FIFO or device would block or never end: frames come from regular files only.
  try {
    if (!statSync(file).isFile()) return out;
  } catch {
    return out;
  }
  const last = Math.max(...wanted.keys());
  let decoder: TextDecoder | undefined;
  let n = 1;
  let room = wanted.get(1) ?? 0;
  let pieces: string[] = [];
  // The chunk before ended in CR: a LF opening this one belongs to that line break.
  let afterCr = false;
  const keep = (text: string, from: number, to: number) => {
    if (room <= 0 || to <= from) return;
    const piece = text.slice(from, Math.min(to, from + room));
    pieces.push(piece);
    room -= piece.length;
  };
  const endLine = () => {
    if (wanted.has(n)) out.set(n, pieces.join(""));
    n++;
    pieces = [];
    room = wanted.get(n) ?? 0;
  };
  const breaks = /\r\n?|\n/g;
  const stream = createReadStream(file);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let bytes: Uint8Array = chunk;
      if (decoder === undefined) {
        const { encoding, bomBytes } = sniffEncoding(chunk);
        decoder = new TextDecoder(encoding);
        bytes = chunk.subarray(bomBytes);
      }
      const text = decoder.decode(bytes, { stream: true });
      let start = afterCr && text.charCodeAt(0) === 0x0a ? 1 : 0;
      afterCr = false;
      breaks.lastIndex = start;
      for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) {
        keep(text, start, m.index);
        endLine();
        if (n > last) return out;
        start = m.index + m[0].length;
        if (m[0] === "\r" && start === text.length) afterCr = true;
      }
      keep(text, start, text.length);
    }
    if (decoder !== undefined) keep(decoder.decode(), 0, Infinity);
    endLine();
  } catch {
    // A file we cannot re-read (removed, unreadable) simply gets no frame.
  } finally {
    stream.destroy();
  }
  return out;
}
