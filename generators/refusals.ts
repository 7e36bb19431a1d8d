/**
 * Why a schema is not generated: the errors of reading it, else those of compiling it as `qxml
 * validate` does (a content model that is not deterministic, XSD cos-nonambig / XML 1.0 §3.2.1):
 * code generated for a schema the validator refuses would check against rules no validator applies.
 */
import type { Diagnostic } from "../src/diagnostics/diagnostic.js";
import type { SchemaModel } from "../src/schema/model.js";
import { compileSchema } from "../src/validate/compile.js";

export function schemaRefusals(model: SchemaModel | null, readDiagnostics: readonly Diagnostic[]): Diagnostic[] {
  const read = readDiagnostics.filter((d) => d.severity === "error");
  if (model === null || read.length > 0) return read;
  return compileSchema(model).diagnostics.filter((d) => d.severity === "error");
}
