/**
 * Files read whole rather than streamed: schema documents, external DTD subsets and external
 * parsed entities. They are bounded like the constructs the reader holds whole (an internal
 * subset stops at maxTokenLength, 10,000,000 characters): a DTD compiled from 40 MB took 100 s
 * and then exhausted the heap, and a FIFO named as an entity would block the read forever.
 */
import { readFileSync, statSync } from "node:fs";

/** Bytes; the same figure as the reader's maxTokenLength (libxml2's XML_MAX_TEXT_LENGTH). */
export const MAX_WHOLE_FILE_BYTES = 10_000_000;

/** Reads a regular file of at most `limit` bytes; anything else throws an Error whose message says why. */
export function readWholeFile(path: string, limit = MAX_WHOLE_FILE_BYTES): Buffer {
  const st = statSync(path);
  if (!st.isFile()) throw new Error(`${path} is not a regular file`);
  if (st.size > limit) throw new Error(tooLarge(st.size, limit));
  const bytes = readFileSync(path);
  // The file may have grown since the stat.
  if (bytes.length > limit) throw new Error(tooLarge(bytes.length, limit));
  return bytes;
}

function tooLarge(size: number, limit: number): string {
  const n = (x: number): string => x.toLocaleString("en-US");
  return `the file has ${n(size)} bytes; a schema, DTD or external entity is read whole and may have at most ${n(limit)}`;
}
