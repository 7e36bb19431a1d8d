/**
 * A cheap look at a file's head to choose its schema (src/xml/head.ts says what is looked at).
 * Reads at most 64 KiB; validation proper is exact, and streams the file when it is larger.
 */
import { closeSync, openSync, readSync, statSync, type Stats } from "node:fs";
import { decodeHead, HEAD_BYTES, sniffHead, sniffPrefix, type DocumentHead } from "../xml/head.js";

export type { DocumentHead } from "../xml/head.js";

export interface PeekedHead extends DocumentHead {
  /**
   * The whole document, when the head was all of it (most payloads are a few KB): validation
   * reads these bytes rather than opening the file a second time.
   */
  whole?: Uint8Array;
}

/**
 * Bytes decoded first: a prolog is rarely longer, and decoding a whole small document here as
 * well as in the reader was a tenth of what a run over many small documents allocated.
 */
const FIRST_LOOK_BYTES = 4096;

/** The first HEAD_BYTES of a file, and whether they are all of it. */
function readHead(file: string, st: Stats): { bytes: Uint8Array; whole: boolean } {
  // Opening a FIFO blocks until a writer comes: only regular files are peeked at.
  if (!st.isFile()) throw new Error(`${file} is not a regular file`);
  const fd = openSync(file, "r");
  try {
    // No larger than the file (a run over thousands of small files allocated 64 KiB for each),
    // and one byte more, so that a short read tells the end was reached even if the file grew.
    const buf = Buffer.alloc(Math.min(HEAD_BYTES, st.size + 1));
    const n = readSync(fd, buf, 0, buf.length, 0);
    return { bytes: buf.subarray(0, n), whole: n < buf.length };
  } finally {
    closeSync(fd);
  }
}

/** `st`: the file's stat, when the caller has it. */
export function peekFile(file: string, st: Stats = statSync(file)): PeekedHead {
  const { bytes, whole } = readHead(file, st);
  const head = (bytes.length > FIRST_LOOK_BYTES ? sniffPrefix(decodeHead(bytes.subarray(0, FIRST_LOOK_BYTES))) : undefined) ?? sniffHead(decodeHead(bytes));
  return whole ? { ...head, whole: bytes } : head;
}
