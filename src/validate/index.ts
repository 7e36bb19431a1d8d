/**
 * The validator's public API: compile a schema model once, validate documents against it (or
 * against their own DOCTYPE DTD) in one streaming pass, and get every diagnostic back.
 */
import { diagnose } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { createReader, readFile, readString, type ReaderOptions } from "../xml/reader.js";
import type { ReaderLimits } from "../xml/options.js";
import type { EntityResolver } from "../xml/resolve.js";
import type { DtdCache } from "../xml/dtd-cache.js";
import type { XmlHandler } from "../xml/events.js";
import { teeHandler } from "../xml/tee.js";
import { compileSchema, type CompiledSchema } from "./compile.js";
import { dtdParser, schemaFromDoctype } from "./dtd-source.js";
import { ValidationEngine } from "./engine.js";

export { compileSchema };
export type { CompiledSchema, ReaderLimits };

export interface ValidateOptions {
  /** Name used in diagnostics. */
  file: string;
  /** Absent: the document's own DTD from its DOCTYPE (internal + external subset). */
  schema?: CompiledSchema;
  /** Absent: no external entity or DTD is read. */
  resolveEntity?: EntityResolver;
  /** Passed to the reader. */
  limits?: Partial<ReaderLimits>;
  /** Namespace processing in the reader (default true); off for DTD-only documents with colons in odd places. */
  namespaces?: boolean;
  /** Handlers fed by the same reader pass, after the validator (e.g. the linter's rules). */
  extraHandlers?: XmlHandler[];
  /**
   * Share one across the documents of a run: a DTD that several documents name in their DOCTYPE
   * (with no internal subset) is then read into a schema and compiled once.
   */
  dtdCache?: DtdCache;
}

export interface ValidationResult {
  valid: boolean;
  wellFormed: boolean;
  diagnostics: Diagnostic[];
  root?: string;
  doctype?: { name: string; systemId?: string; publicId?: string };
}

function setup(options: ValidateOptions): { engine: ValidationEngine; handler: XmlHandler; reader: ReaderOptions } {
  const engine = new ValidationEngine({
    file: options.file,
    ...(options.schema !== undefined ? { schema: options.schema } : {}),
    dtdSchema: (info) => schemaFromDoctype(info, options.file, options.dtdCache),
    namespaces: options.namespaces ?? true,
    dtdComplete: options.resolveEntity !== undefined,
    externalDtdRead: options.resolveEntity !== undefined,
  });
  const reader: ReaderOptions = {
    file: options.file,
    dtdParser,
    // The external subset is part of the DTD a document is validated against.
    loadExternalDtd: options.schema === undefined && options.resolveEntity !== undefined,
  };
  if (options.resolveEntity !== undefined) reader.resolveEntity = options.resolveEntity;
  if (options.limits !== undefined) reader.limits = options.limits;
  if (options.namespaces !== undefined) reader.namespaces = options.namespaces;
  if (options.dtdCache !== undefined) reader.dtdCache = options.dtdCache;
  return { engine, handler: teeHandler(engine, options.extraHandlers ?? []), reader };
}

function result(engine: ValidationEngine): ValidationResult {
  const r: ValidationResult = { valid: engine.valid, wellFormed: engine.wellFormed, diagnostics: engine.diagnostics };
  if (engine.root !== undefined) r.root = engine.root;
  if (engine.declaredDoctype !== undefined) r.doctype = engine.declaredDoctype;
  return r;
}

export async function validateFile(path: string, options: ValidateOptions): Promise<ValidationResult> {
  const { engine, handler, reader } = setup(options);
  try {
    await readFile(path, handler, reader);
  } catch (e) {
    // A file that cannot be opened is a diagnostic like any other bad input, not an exception.
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return { valid: false, wellFormed: false, diagnostics: [diagnose("valid/unreadable", { file: path, reason }, { line: 1, column: 1 })] };
  }
  return result(engine);
}

export function validateString(input: string | Uint8Array, options: ValidateOptions): ValidationResult {
  const { engine, handler, reader } = setup(options);
  if (typeof input === "string") readString(input, handler, reader);
  else {
    // Bytes go through the reader's decoder (BOM, encoding declaration).
    const r = createReader(handler, reader);
    r.write(input);
    r.close();
  }
  return result(engine);
}
