/**
 * The schema of a document validated against its own DTD: the DOCTYPE's parsed subsets →
 * schema model → compiled schema, plus the DTD checks that need the whole DTD.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { finishDtd, newDtdDocument, parseDtdText, isFatalDtdCode } from "../dtd/parse.js";
import { dtdToModel } from "../schema/dtd/to-model.js";
import type { DtdParser } from "../xml/dtd-hook.js";
import type { DtdDocument } from "../dtd/syntax.js";
import type { SchemaModel } from "../schema/model.js";
import type { DtdCache } from "../xml/dtd-cache.js";
import type { DoctypeInfo } from "../xml/events.js";
import { compileSchema, type CompiledSchema } from "./compile.js";

/** The DTD parser handed to the reader (the reader does not depend on src/dtd itself). */
export const dtdParser: DtdParser = { newDtdDocument, parseDtdText, isFatal: isFatalDtdCode };

/** The model of each external subset kept by a DtdCache: built once, compiled once (compileSchema caches per model). */
const sharedModels = new WeakMap<DtdDocument, SchemaModel>();

export function schemaFromDoctype(info: DoctypeInfo, file: string, cache?: DtdCache): { schema: CompiledSchema | null; diagnostics: Diagnostic[] } {
  if (info.dtd === null) return { schema: null, diagnostics: [] };
  // The reader has already forwarded the diagnostics so far; only the whole-DTD checks are new.
  const before = info.dtd.diagnostics.length;
  finishDtd(info.dtd);
  const late = info.dtd.diagnostics.slice(before);
  const compiled = compileSchema(modelOf(info.dtd, file, cache));
  return { schema: compiled.schema, diagnostics: [...late, ...compiled.diagnostics] };
}

function modelOf(dtd: DtdDocument, file: string, cache: DtdCache | undefined): SchemaModel {
  const origin = cache?.origin(dtd);
  if (origin === undefined) return dtdToModel(dtd, file);
  let model = sharedModels.get(origin.doc);
  if (model === undefined) {
    // Named after the DTD file, not the first document that used it.
    model = dtdToModel(origin.doc, origin.file);
    sharedModels.set(origin.doc, model);
  }
  return model;
}
