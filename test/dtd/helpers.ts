/** Test helpers: parse DTD text into a fresh document. */
import { newDtdDocument, parseDtdText, finishDtd, type DtdParseOptions } from "../../src/dtd/parse.js";
import type { DtdDocument } from "../../src/dtd/syntax.js";

export function parse(text: string, options: Partial<DtdParseOptions> = {}): DtdDocument {
  const doc = newDtdDocument();
  parseDtdText(text, doc, { file: "t.dtd", internal: false, ...options });
  finishDtd(doc);
  return doc;
}

/** Codes of the diagnostics, in order. */
export function codes(doc: DtdDocument): string[] {
  return doc.diagnostics.map((d) => d.code);
}
