/**
 * The XML reader stops at the first syntax error of a document's DTD, as XML 1.0 §1.2 requires of
 * it. When that error lies in the external subset the DOCTYPE names, the DTD is a broken schema
 * like any other: it is read again as a schema file (recovering, src/dtd/recover.ts), so the user
 * sees every syntax error of it in one run, as `--schema file.dtd` shows them.
 */
import { readDtdSchema } from "../schema/dtd/read.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { isRefusal, type EntityResolver } from "../xml/resolve.js";

export interface DoctypeRef {
  systemId?: string;
  publicId?: string;
}

/**
 * `diagnostics` with the reader's one error in the external subset replaced by every error a
 * recovering read of that file finds. Kept as they are unless the recovering read's first error
 * is the reader's own (the same file, code, line and column), so both readings agree on the file.
 */
export function withEveryDtdError(diagnostics: readonly Diagnostic[], document: string, doctype: DoctypeRef, resolver: EntityResolver): Diagnostic[] {
  const first = diagnostics.find((d) => d.severity === "error" && d.code.startsWith("dtd/") && d.schemaLocation !== undefined);
  if (first === undefined || doctype.systemId === undefined) return [...diagnostics];
  const subset = resolver(doctype.systemId, doctype.publicId, document);
  if (isRefusal(subset) || subset.file !== first.schemaLocation!.file) return [...diagnostics];
  const errors = readDtdSchema(subset.file, { recover: true, resolveEntity: resolver }).diagnostics.filter((d) => d.severity === "error");
  const same = errors[0];
  if (same === undefined || same.code !== first.code || same.line !== first.line || same.column !== first.column || same.schemaLocation?.file !== subset.file) return [...diagnostics];
  return diagnostics.flatMap((d) => (d === first ? errors : [d]));
}
