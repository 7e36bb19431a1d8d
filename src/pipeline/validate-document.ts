/**
 * One document, from path to FileResult: choose the schema (--schema, the config's file globs,
 * the DOCTYPE, else the catalog's root-element mapping), then validate in one streaming pass
 * with qxml's engine or libxml2's. Used by `qxml validate` and `qxml lint`.
 */
import { existsSync, statSync, type Stats } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Diagnostic, FileResult } from "../diagnostics/diagnostic.js";
import { diagnose } from "../diagnostics/codes.js";
import type { QxmlConfig } from "../config/config.js";
import { bundledSchemasDir, type Catalog } from "../schema/catalog.js";
import { loadEntry, loadSchema, type LoadedSchema } from "../schema/load.js";
import { compileSchema, validateFile, validateString, type CompiledSchema, type ValidateOptions, type ValidationResult } from "../validate/index.js";
import type { DtdCache } from "../xml/dtd-cache.js";
import type { XmlHandler } from "../xml/events.js";
import { isInsideFolders, localResolver, type EntityResolver } from "../xml/resolve.js";
import { locationFile, shownPath } from "../diagnostics/location.js";
import { pipelineCodes } from "./codes.js";
import { withEveryDtdError, type DoctypeRef } from "./dtd-errors.js";
import { readWithoutSchema } from "./no-schema.js";
import { peekFile, type PeekedHead } from "./peek.js";
import { documentPath, mappedSchema, type StdinSource } from "./stdin-source.js";

/** Diagnostics in document order (stable: equal positions keep the engine's order). */
const byPosition = (a: Diagnostic, b: Diagnostic) => a.line - b.line || a.column - b.column;

export type EngineName = "qxml" | "libxml2";

export interface DocumentContext {
  catalog: Catalog;
  config: QxmlConfig;
  cwd: string;
  /** The schema named on the command line, already loaded. */
  schema?: LoadedSchema;
  engine: EngineName;
  /** Handlers fed by the same reader pass as the validator (the linter's rules). */
  extraHandlers?: (file: string) => XmlHandler[];
  /** The document's head, when the caller has read it already (lint does, to pick the import schema). */
  head?: PeekedHead;
  /** The document is standard input (src/pipeline/stdin-source.ts): where its bytes are. */
  stdin?: StdinSource;
  /** Shared by the documents of a run: a DOCTYPE's external DTD is read and compiled once. */
  dtdCache?: DtdCache;
}

export interface DocumentOutcome {
  result: FileResult;
  /** The schema that was chosen, if any (lint uses it to pick rules). */
  schema?: LoadedSchema;
  /** A schema could not be read or compiled: the command exits 2. */
  schemaFailure: boolean;
}

type Choice = ({ kind: "schema"; loaded: LoadedSchema } | { kind: "doctype"; name: string; ref: DoctypeRef } | { kind: "none" }) & {
  /** The document's bytes, when its head was peeked at and was all of it. */
  whole?: Uint8Array;
};

/** `path`: where the document's bytes are; `st`: their stat. */
function chooseSchema(file: string, ctx: DocumentContext, path: string, st: Stats): Choice {
  // Lint peeks first, to pick the import schema it passes in.
  if (ctx.schema !== undefined) return { kind: "schema", loaded: ctx.schema, ...(ctx.head?.whole !== undefined ? { whole: ctx.head.whole } : {}) };
  const mapped = mappedSchema(file, ctx);
  if (mapped !== undefined) {
    const loaded = loadSchema(mapped, ctx.catalog);
    if (loaded !== undefined) return { kind: "schema", loaded };
  }
  const head = ctx.head ?? peekFile(path, st);
  const whole = head.whole !== undefined ? { whole: head.whole } : {};
  // A DOCTYPE is the grammar when it names a DTD or its internal subset declares elements; an
  // internal subset of entities only leaves the choice to the catalog's root mapping.
  if (head.doctype !== undefined && (head.doctype.systemId !== undefined || head.doctype.declaresElements === true)) {
    const entry = head.doctype.systemId !== undefined ? ctx.catalog.bySystemId(head.doctype.systemId) : undefined;
    const { systemId, publicId } = head.doctype;
    return { kind: "doctype", name: entry?.name ?? systemId ?? "DOCTYPE", ref: { ...(systemId !== undefined ? { systemId } : {}), ...(publicId !== undefined ? { publicId } : {}) }, ...whole };
  }
  const byRoot = head.root !== undefined ? ctx.catalog.byRoot(head.root) : [];
  if (byRoot.length > 0) return { kind: "schema", loaded: loadEntry(byRoot[0]), ...whole };
  return { kind: "none" };
}

/**
 * The reader refuses a DOCTYPE URL that is neither local nor in the catalog; at this level we
 * know the fixes (--schema, a catalog entry in the config), so say those instead.
 */
function explainUnknownDoctype(d: Diagnostic, file: string, ctx: DocumentContext): Diagnostic {
  if (d.code !== "xml/external-entity-refused" || d.params?.what !== "DTD" || typeof d.params.systemId !== "string") return d;
  const systemId = d.params.systemId;
  const where = { line: d.line, column: d.column, ...(d.path ? { path: d.path } : {}) };
  // A URL (or other scheme) is never fetched; a relative or absolute path is a local file.
  if (/^[a-z][a-z0-9+.-]+:/i.test(systemId) && !/^[a-z]:[\\/]/i.test(systemId)) return diagnose(pipelineCodes["qxml/unknown-doctype"], { systemId }, where);
  const target = resolve(dirname(resolve(ctx.cwd, file)), systemId);
  const path = schemaLabel(target, ctx.cwd);
  if (!existsSync(target)) return diagnose(pipelineCodes["qxml/doctype-not-found"], { systemId, path }, where);
  // Inside the folders and still refused (not a regular file, too large): the reader's reason stands.
  if (isInsideFolders(target, allowedFolders(resolve(ctx.cwd, file), ctx))) return d;
  return diagnose(pipelineCodes["qxml/doctype-outside-folder"], { systemId, path }, where);
}

/** A schema path as the user would write it (relative below the working directory); names as they are. */
const schemaLabel = (name: string, cwd: string): string => shownPath(name, cwd);

/** The document's folder and the catalog's: the only places a document's external entities are read from. */
function allowedFolders(absolute: string, ctx: DocumentContext): string[] {
  return [dirname(absolute), bundledSchemasDir, ...ctx.catalog.folders];
}

/** `absolute`: the document's file name made absolute (its folder is where its entities may be). */
function resolverFor(absolute: string, ctx: DocumentContext): EntityResolver {
  const cache = ctx.dtdCache;
  return localResolver({
    allow: allowedFolders(absolute, ctx),
    map: (systemId) => ctx.catalog.mapSystemId(systemId),
    ...(cache !== undefined ? { read: (f: string) => cache.readFile(f) } : {}),
  });
}

function fail(file: string, schema: string | null, d: Diagnostic, schemaFailure = false, loaded?: LoadedSchema): DocumentOutcome {
  return { result: { file, schema, valid: false, diagnostics: [d] }, schemaFailure, ...(loaded ? { schema: loaded } : {}) };
}

async function runEngine(file: string, path: string, ctx: DocumentContext, resolveEntity: EntityResolver, schema: LoadedSchema | undefined, compiledSchema: CompiledSchema | undefined, whole: Uint8Array | undefined): Promise<ValidationResult> {
  if (ctx.engine === "libxml2") {
    const { validateFileWithLibxml2 } = await import("../engines/libxml2.js");
    return validateFileWithLibxml2(path, {
      file,
      resolveEntity,
      ...(schema !== undefined ? { schema: { kind: schema.kind, file: schema.file } } : {}),
    });
  }
  const options: ValidateOptions = {
    file,
    resolveEntity,
    ...(compiledSchema !== undefined ? { schema: compiledSchema } : {}),
    ...(ctx.extraHandlers !== undefined ? { extraHandlers: ctx.extraHandlers(file) } : {}),
    ...(ctx.dtdCache !== undefined ? { dtdCache: ctx.dtdCache } : {}),
  };
  return whole !== undefined ? validateString(whole, options) : validateFile(path, options);
}

export async function validateDocument(file: string, ctx: DocumentContext): Promise<DocumentOutcome> {
  const at = { line: 1, column: 1 };
  // Each once: path.resolve allocates, and a run over many small documents called it a dozen times each.
  const absolute = resolve(ctx.cwd, file);
  const path = documentPath(file, ctx);
  let st: Stats;
  try {
    st = statSync(path);
    if (!st.isFile()) return fail(file, null, diagnose(pipelineCodes["qxml/unreadable-file"], { file, reason: "not a regular file" }, at));
  } catch (e) {
    return fail(file, null, diagnose(pipelineCodes["qxml/unreadable-file"], { file, reason: (e as NodeJS.ErrnoException).code ?? String(e) }, at));
  }
  const choice = chooseSchema(file, ctx, path, st);
  if (choice.kind === "none") {
    let diagnostics: Diagnostic[];
    try {
      diagnostics = await readWithoutSchema(path, file, ctx.extraHandlers?.(file) ?? [], ctx.catalog.entries);
    } catch (e) {
      return fail(file, null, diagnose(pipelineCodes["qxml/unreadable-file"], { file, reason: (e as NodeJS.ErrnoException).code ?? String(e) }, at));
    }
    return { result: { file, schema: null, valid: false, diagnostics: diagnostics.sort(byPosition) }, schemaFailure: false };
  }

  let loaded: LoadedSchema | undefined;
  let compiledSchema: CompiledSchema | undefined;
  if (choice.kind === "schema") {
    loaded = choice.loaded;
    const schemaErrors = loaded.diagnostics.filter((d) => d.severity === "error");
    if (loaded.model === null || schemaErrors.length > 0) {
      const label = schemaLabel(loaded.name, ctx.cwd);
      const reason = schemaErrors.map((d) => `${locationFile(schemaLabel(loaded!.file, ctx.cwd), d, ctx.cwd)}:${d.line}:${d.column}: ${d.message}`).join("; ") || "it could not be read";
      return fail(file, label, diagnose(pipelineCodes["qxml/schema-error"], { schema: label, reason }, at), true, loaded);
    }
    if (ctx.engine === "qxml") {
      // Compiled once per model: compileSchema caches its result.
      const c = compileSchema(loaded.model);
      const errors = c.diagnostics.filter((d) => d.severity === "error");
      if (errors.length > 0) {
        const label = schemaLabel(loaded.name, ctx.cwd);
        const reason = errors.map((d) => `${locationFile(schemaLabel(loaded!.file, ctx.cwd), d, ctx.cwd)}:${d.line}:${d.column}: ${d.message}`).join("; ");
        return fail(file, label, diagnose(pipelineCodes["qxml/schema-error"], { schema: label, reason }, at), true, loaded);
      }
      compiledSchema = c.schema;
    }
  }
  const resolveEntity = resolverFor(absolute, ctx);
  const r = await runEngine(file, path, ctx, resolveEntity, loaded, compiledSchema, choice.whole);
  const schemaName = loaded !== undefined ? schemaLabel(loaded.name, ctx.cwd) : choice.kind === "doctype" ? choice.name : null;
  let diagnostics = choice.kind === "doctype" ? r.diagnostics.map((d) => explainUnknownDoctype(d, file, ctx)) : [...r.diagnostics];
  if (choice.kind === "doctype" && ctx.engine === "qxml") diagnostics = withEveryDtdError(diagnostics, absolute, choice.ref, resolveEntity);
  const valid = !diagnostics.some((d) => d.severity === "error");
  // An error in the external DTD the DOCTYPE names is a broken schema (exit 2, as for --schema),
  // not a finding in the document; errors in the internal subset are the document's own.
  const brokenDtd = choice.kind === "doctype" && diagnostics.some((d) => d.severity === "error" && d.code.startsWith("dtd/") && locationFile(file, d, ctx.cwd) !== file);
  return { result: { file, schema: schemaName, valid, diagnostics: diagnostics.sort(byPosition) }, schemaFailure: brokenDtd, ...(loaded ? { schema: loaded } : {}) };
}
