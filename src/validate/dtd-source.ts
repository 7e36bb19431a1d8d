/**
 * The schema of a document validated against its own DTD: the DOCTYPE's parsed subsets →
 * schema model → compiled schema, plus the DTD checks that need the whole DTD.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { finishDtd, newDtdDocument, parseDtdText, isFatalDtdCode } from "../dtd/parse.js";
import { dtdToModel } from "../schema/dtd/to-model.js";
import type { DtdParser } from "../xml/dtd-hook.js";
import type { DoctypeInfo } from "../xml/events.js";
import { compileSchema, type CompiledSchema } from "./compile.js";

/** The DTD parser handed to the reader (the reader does not depend on src/dtd itself). */
export const dtdParser: DtdParser = { newDtdDocument, parseDtdText, isFatal: isFatalDtdCode };

export function schemaFromDoctype(info: DoctypeInfo, file: string): { schema: CompiledSchema | null; diagnostics: Diagnostic[] } {
  if (info.dtd === null) return { schema: null, diagnostics: [] };
  // The reader has already forwarded the diagnostics so far; only the whole-DTD checks are new.
  const before = info.dtd.diagnostics.length;
  finishDtd(info.dtd);
  const late = info.dtd.diagnostics.slice(before);
  const compiled = compileSchema(dtdToModel(info.dtd, file));
  return { schema: compiled.schema, diagnostics: [...late, ...compiled.diagnostics] };
}
