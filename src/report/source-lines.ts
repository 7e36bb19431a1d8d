/** Reads only the lines a code frame needs, streaming, so a 100 MB file is never held whole. */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

export type SourceLines = Map<number, string>;

export async function readLines(file: string, wanted: Set<number>): Promise<SourceLines> {
  const out: SourceLines = new Map();
  if (wanted.size === 0) return out;
  const last = Math.max(...wanted);
  const rl = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of rl) {
      n++;
      // Very long lines (minified XML) are cut around nothing here; the frame trims them.
      if (wanted.has(n)) out.set(n, line);
      if (n >= last) break;
    }
  } catch {
    // A file we cannot re-read (removed, binary) simply gets no frame.
  } finally {
    rl.close();
  }
  return out;
}
