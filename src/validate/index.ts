/**
 * The validator's public API: compile a schema model once, validate documents against it (or
 * against their own DOCTYPE DTD) in one streaming pass, and get every diagnostic back.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { EntityResolver } from "../xml/resolve.js";
import { compileSchema, type CompiledSchema } from "./compile.js";

export { compileSchema };
export type { CompiledSchema };

/** Reader limits (entity expansion, depth...); passed through to src/xml/reader.ts. */
export type ReaderLimits = Record<string, number>;

export interface ValidateOptions {
  /** Name used in diagnostics. */
  file: string;
  /** Absent: the document's own DTD from its DOCTYPE (internal + external subset). */
  schema?: CompiledSchema;
  /** Absent: no external entity or DTD is read. */
  resolveEntity?: EntityResolver;
  limits?: ReaderLimits;
}

export interface ValidationResult {
  valid: boolean;
  wellFormed: boolean;
  diagnostics: Diagnostic[];
  root?: string;
  doctype?: { name: string; systemId?: string; publicId?: string };
}

export async function validateFile(path: string, options: ValidateOptions): Promise<ValidationResult> {
  void path;
  void options;
  throw new Error("qxml validate: the streaming reader (src/xml/reader.ts) has not landed yet");
}

export function validateString(input: string | Uint8Array, options: ValidateOptions): ValidationResult {
  void input;
  void options;
  throw new Error("qxml validate: the streaming reader (src/xml/reader.ts) has not landed yet");
}
