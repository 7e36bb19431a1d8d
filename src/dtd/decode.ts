/**
 * Bytes of an external DTD or entity to text (XML 1.0 §4.3.3, Appendix F), through the XML
 * reader's decoder (src/xml/decode.ts): a byte-order mark, else the first bytes, else the
 * encoding in the text declaration decide; UTF-8 is the default. Decoding is strict: bad bytes
 * are an error naming the encoding and the offset. This module only adapts the result to the
 * DTD parser's `{ text } | { error }` shape.
 */
import { decodeAll, type DecodeError } from "../xml/decode.js";

export type Decoded = { text: string } | { error: string };

function describe(e: DecodeError): string {
  return e.code === "xml/unsupported-encoding" ? `encoding "${e.params.encoding}" is not supported` : e.params.problem;
}

export function decodeEntityBytes(bytes: Uint8Array): Decoded {
  const d = decodeAll(bytes);
  return d.error === undefined ? { text: d.text } : { error: describe(d.error) };
}
