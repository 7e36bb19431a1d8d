/**
 * The DTD parser the reader hands the internal and external subsets to (src/dtd/parse.ts).
 * It is injected through this interface so the reader does not depend on its internals.
 */
import type { DtdDocument } from "../dtd/syntax.js";
import { finishDtd, isFatalDtdCode, newDtdDocument, parseDtdText, type DtdParseOptions } from "../dtd/parse.js";

export type { DtdParseOptions };

export interface DtdParser {
  newDtdDocument(): DtdDocument;
  /** Adds the declarations of `text` to `doc` (first declaration wins); errors go to doc.diagnostics. */
  parseDtdText(text: string, doc: DtdDocument, options: DtdParseOptions): void;
  /** Checks that need the whole DTD, after the last subset. */
  finish?(doc: DtdDocument): void;
  /** Whether a diagnostic code from the DTD parser is a well-formedness (fatal) error. */
  isFatal(code: string): boolean;
}

export const defaultDtdParser: DtdParser = { newDtdDocument, parseDtdText, finish: finishDtd, isFatal: isFatalDtdCode };
