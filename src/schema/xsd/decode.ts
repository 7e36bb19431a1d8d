/**
 * Bytes of a schema file → text, through the XML reader's decoder (src/xml/decode.ts): BOM,
 * first bytes, then the XML declaration's encoding, else UTF-8. Strict: bad bytes or an
 * unsupported encoding are an error (the reader reports it), never silently replaced text.
 */
import { decodeAll } from "../../xml/decode.js";

export type DecodedSchema = { text: string } | { error: string };

export function decodeXml(bytes: Uint8Array): DecodedSchema {
  const d = decodeAll(bytes);
  if (d.error === undefined) return { text: d.text };
  return { error: d.error.code === "xml/unsupported-encoding" ? `encoding "${d.error.params.encoding}" is not supported` : d.error.params.problem };
}
