/** Test support: reads the DTD (internal subset, then external subset) of one XML document. */
import { readFileSync } from "node:fs";
import { decodeEntityBytes } from "../../src/dtd/decode.js";
import { finishDtd, newDtdDocument, parseDtdText } from "../../src/dtd/parse.js";
import type { DtdDocument } from "../../src/dtd/syntax.js";
import { isRefusal, type EntityResolver } from "../../src/xml/resolve.js";
import { isFatalDtdCode } from "../../src/dtd/codes.js";
import { findDoctype } from "./doctype.js";

export type CaseDtd = { doc: DtdDocument } | { skip: string };

export function readDocumentDtd(file: string, resolveEntity: EntityResolver): CaseDtd {
  const decoded = decodeEntityBytes(readFileSync(file));
  if ("error" in decoded) return { skip: `document not decodable: ${decoded.error}` };
  const dt = findDoctype(decoded.text);
  if (dt === undefined) return { skip: "no DOCTYPE" };
  const doc = newDtdDocument();
  if (dt.internal !== undefined) {
    parseDtdText(dt.internal.text, doc, { file, line: dt.internal.line, column: dt.internal.column, internal: true, resolveEntity });
  }
  if (dt.systemId !== undefined && !doc.diagnostics.some((d) => isFatalDtdCode(d.code))) {
    const r = resolveEntity(dt.systemId, dt.publicId, file);
    if (isRefusal(r)) return { skip: `external subset: ${r.error}` };
    const ext = decodeEntityBytes(r.bytes);
    if ("error" in ext) return { skip: `external subset not decodable: ${ext.error}` };
    parseDtdText(ext.text, doc, { file: r.file, internal: false, resolveEntity });
  }
  finishDtd(doc);
  return { doc };
}
