/** The loader entry point for DTD schemas: file → DtdDocument → SchemaModel, with diagnostics. */
import { dirname, resolve } from "node:path";
import { diagnose, type Params } from "../../diagnostics/codes.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { isFatalDtdCode } from "../../dtd/codes.js";
import { readDtdFile } from "../../dtd/parse.js";
import type { ContentParticle, DtdDocument } from "../../dtd/syntax.js";
import { localResolver, type EntityResolver } from "../../xml/resolve.js";
import type { SchemaModel, SourceLocation } from "../model.js";
import { dtdToModel } from "./to-model.js";

export interface ReadDtdSchemaOptions {
  /** Reads external parameter entities; default: files in the DTD's own folder (never the network). */
  resolveEntity?: EntityResolver;
  limits?: { maxEntityExpansions?: number; maxEntityNesting?: number; maxExpandedChars?: number };
  /**
   * Report every syntax error of the DTD, not only the first (src/dtd/recover.ts). The model is
   * still null when there is one: a schema with declarations missing would be a guess.
   */
  recover?: boolean;
}

export interface DtdSchemaResult {
  /** null when the DTD has a well-formedness error (the declarations read would be a guess). */
  model: SchemaModel | null;
  diagnostics: Diagnostic[];
}

/** Notes past this many are counted, not kept: a DTD naming 100,000 undeclared children kept 48 MB of them. */
export const MAX_MODEL_NOTES = 1_000;

/** A note at a declaration, naming its file as the parser's diagnostics do: it may be in an external parameter entity's file. */
function noteAt(code: string, params: Params, at: SourceLocation): Diagnostic {
  const d = diagnose(code, params, { line: at.line, column: at.column });
  if (at.file !== "") d.schemaLocation = { file: at.file, line: at.line, column: at.column };
  return d;
}

/** Notes about the model the DTD produces: attribute lists and content models naming undeclared elements. */
export function modelNotes(doc: DtdDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  let more = 0;
  const note = (make: () => Diagnostic): void => {
    if (out.length < MAX_MODEL_NOTES) out.push(make());
    else more++;
  };
  for (const [element, list] of doc.attlists) {
    if (!doc.elements.has(element) && list.length > 0) {
      const l = list[0].location;
      note(() => noteAt("dtd/attlist-undeclared-element", { element }, l));
    }
  }
  for (const decl of doc.elements.values()) {
    const names = decl.content.kind === "mixed" ? decl.content.names : decl.content.kind === "children" ? particleNames(decl.content.particle) : [];
    for (const name of new Set(names)) {
      if (!doc.elements.has(name)) note(() => noteAt("dtd/undeclared-child", { element: decl.name, name }, decl.location));
    }
  }
  if (more > 0) {
    const last = out[out.length - 1];
    out.push(noteAt("dtd/too-many-notes", { limit: MAX_MODEL_NOTES, notReported: more }, last.schemaLocation ?? { file: "", line: last.line, column: last.column }));
  }
  return out;
}

function particleNames(root: ContentParticle): string[] {
  const out: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (p.kind === "name") out.push(p.name);
    else stack.push(...p.items);
  }
  return out;
}

export function readDtdSchema(path: string, options: ReadDtdSchemaOptions = {}): DtdSchemaResult {
  const file = resolve(path);
  const doc = readDtdFile(file, { resolveEntity: options.resolveEntity ?? localResolver({ allow: [dirname(file)] }), limits: options.limits, recover: options.recover });
  if (doc.diagnostics.some((d) => isFatalDtdCode(d.code))) return { model: null, diagnostics: doc.diagnostics };
  return { model: dtdToModel(doc, file), diagnostics: [...doc.diagnostics, ...modelNotes(doc)] };
}
