/**
 * A cheap look at a file's head to choose its schema (src/xml/head.ts says what is looked at).
 * Reads at most 64 KiB; validation proper is exact and streams the whole file.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { decodeHead, HEAD_BYTES, sniffHead, type DocumentHead } from "../xml/head.js";

export type { DocumentHead } from "../xml/head.js";

export interface PeekedHead extends DocumentHead {
  /**
   * The whole document, when the head was all of it (most payloads are a few KB): validation
   * reads these bytes rather than opening the file a second time.
   */
  whole?: Uint8Array;
}

export function readHead(file: string): { text: string; whole?: Uint8Array } {
  // Opening a FIFO blocks until a writer comes: only regular files are peeked at.
  const st = statSync(file);
  if (!st.isFile()) throw new Error(`${file} is not a regular file`);
  const fd = openSync(file, "r");
  try {
    // No larger than the file (a run over thousands of small files allocated 64 KiB for each),
    // and one byte more, so that a short read tells the end was reached even if the file grew.
    const buf = Buffer.alloc(Math.min(HEAD_BYTES, st.size + 1));
    const n = readSync(fd, buf, 0, buf.length, 0);
    const head = buf.subarray(0, n);
    return n < buf.length ? { text: decodeHead(head), whole: head } : { text: decodeHead(head) };
  } finally {
    closeSync(fd);
  }
}

export function peekFile(file: string): PeekedHead {
  const { text, whole } = readHead(file);
  const head = sniffHead(text);
  return whole !== undefined ? { ...head, whole } : head;
}
