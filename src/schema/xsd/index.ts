/**
 * The XSD reader's entry points: an XSD 1.0 file (and what it includes and imports) → the
 * schema model, with diagnostics. The model is null when any error was found; warnings (such
 * as unsupported features) leave it usable.
 *
 * Pipeline: load (parse + read syntax, follow include/redefine/import) → apply redefines → build (resolve names, derive
 * types, report unresolved, duplicate and circular definitions) → model.
 */
import { realpathSync } from "node:fs";
import { dirname, resolve as resolvePath } from "node:path";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { localResolver, type EntityResolver } from "../../xml/resolve.js";
import { readWholeFile } from "../../xml/whole-file.js";
import type { SchemaModel } from "../model.js";
import { buildModel } from "./build-model.js";
import { decodeXml } from "./decode.js";
import { loadSchemaSet, readDocument } from "./load.js";
import { applyRedefines } from "./redefine.js";
import { Reporter } from "./report.js";

export interface XsdReadOptions {
  /** How xs:include / xs:import locations are read; default: local files under the schema's folder. */
  resolveEntity?: EntityResolver;
}

export interface XsdReadResult {
  model: SchemaModel | null;
  diagnostics: Diagnostic[];
}

function defaultResolver(file: string): EntityResolver {
  return localResolver({ allow: [dirname(file)] });
}

/** Reads schema text; `file` names it in diagnostics and is the base for include/import. */
export function readXsdText(text: string, file: string, options: XsdReadOptions = {}): XsdReadResult {
  const reporter = new Reporter();
  const root = readDocument(text, file, reporter, null);
  if (root === null) return { model: null, diagnostics: reporter.sorted() };
  const set = loadSchemaSet(root, options.resolveEntity ?? defaultResolver(file), reporter);
  applyRedefines(set.redefines, reporter);
  const model = buildModel(set.docs, reporter);
  return { model: reporter.hasErrors() ? null : model, diagnostics: reporter.sorted() };
}

export function readXsdFile(path: string, options: XsdReadOptions = {}): XsdReadResult {
  let file = resolvePath(path);
  let bytes: Uint8Array;
  try {
    file = realpathSync(file);
    bytes = readWholeFile(file);
  } catch (e) {
    const reporter = new Reporter();
    reporter.report("xsd/unreadable", { file: path, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }, { file, line: 1, column: 1 });
    return { model: null, diagnostics: reporter.diagnostics };
  }
  const decoded = decodeXml(bytes);
  if ("error" in decoded) {
    const reporter = new Reporter();
    reporter.report("xsd/unreadable", { file: path, reason: decoded.error }, { file, line: 1, column: 1 });
    return { model: null, diagnostics: reporter.diagnostics };
  }
  return readXsdText(decoded.text, file, options);
}

export { XSD as XSD_CODES } from "./codes.js";
