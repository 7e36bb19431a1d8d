/**
 * A cheap look at a file's head to choose its schema (src/xml/head.ts says what is looked at).
 * Reads at most 64 KiB; validation proper is exact and streams the whole file.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { decodeHead, HEAD_BYTES, sniffHead, type DocumentHead } from "../xml/head.js";

export type { DocumentHead } from "../xml/head.js";

export function readHead(file: string): string {
  // Opening a FIFO blocks until a writer comes: only regular files are peeked at.
  const st = statSync(file);
  if (!st.isFile()) throw new Error(`${file} is not a regular file`);
  const fd = openSync(file, "r");
  try {
    // No larger than the file: a run over thousands of small files allocated 64 KiB for each.
    const buf = Buffer.alloc(Math.min(HEAD_BYTES, st.size));
    const n = readSync(fd, buf, 0, buf.length, 0);
    return decodeHead(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

export function peekFile(file: string): DocumentHead {
  return sniffHead(readHead(file));
}
