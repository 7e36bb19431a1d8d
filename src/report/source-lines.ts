/**
 * Reads only the lines a code frame needs, streaming, so a 100 MB file is never held whole.
 * Decodes as the XML reader does (sniffEncoding: byte order mark, else the XML declaration's
 * encoding, else UTF-8) and breaks lines where XML does (CR LF, CR, LF), so frames match the
 * reported lines.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { TextDecoder } from "node:util";
import { sniffEncoding } from "../xml/head.js";

export type SourceLines = Map<number, string>;

/**
 * The wanted lines of `file`: line number → how many characters (UTF-16 code units) of it a frame
 * may show. Only that much of a line is kept, and every character is looked at once, so a
 * document written on one 100 MB line costs neither time nor memory here.
 */
export function readLines(file: string, wanted: ReadonlyMap<number, number>): SourceLines {
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
  // Read in chunks, synchronously: a read stream per file (thread-pool round trips, and an
  // AbortError with its stack trace when the loop stops early) was a fifth of a lint run over
  // 2,000 files with findings.
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const buf = Buffer.allocUnsafe(CHUNK_BYTES);
    for (let got = readSync(fd, buf, 0, CHUNK_BYTES, null); got > 0; got = readSync(fd, buf, 0, CHUNK_BYTES, null)) {
      const chunk = buf.subarray(0, got);
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
    if (fd !== undefined) closeSync(fd);
  }
  return out;
}

const CHUNK_BYTES = 64 * 1024;
