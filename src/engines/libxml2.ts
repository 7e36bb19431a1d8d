/**
 * The libxml2 reference engine: validates a document with libxml2 (libxml2-wasm) and returns the
 * same result shape as qxml's validator, every libxml2 report as a "libxml2/error" (or
 * "libxml2/warning") diagnostic carrying libxml2's line, column, node path and message verbatim.
 *
 * Schemas: a DTD file, an XSD file, or (no schema) the document's own DOCTYPE. Every file libxml2
 * wants to read (external DTD subset, external entities, xs:include/import) goes through a qxml
 * EntityResolver, so nothing is read from the network or outside the allowed folders.
 *
 * Usage: `const engine = await Libxml2Engine.load(); const s = engine.prepare({kind: "xsd", file});
 * s.validate(text, {file}); s.dispose();` or the one-shot `validateWithLibxml2`.
 */
import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { dirname, resolve as resolvePath } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnose } from "../diagnostics/codes.js";
import { localResolver, refuseAll, type EntityResolver } from "../xml/resolve.js";
import { engineCodes } from "./codes.js";
import { XML } from "../xml/codes.js";
import { decodeHead, HEAD_BYTES, sniffHead, type DocumentHead } from "../xml/head.js";
import { installInputProvider, withReadScope, type ReadScope, type Refusal } from "./libxml2-io.js";
import { loadLibxml2Module, Libxml2UnavailableError, type Libxml2Module } from "./libxml2-load.js";
import type { EngineResult } from "./result.js";

export { Libxml2UnavailableError } from "./libxml2-load.js";
export type { EngineResult } from "./result.js";

export interface Libxml2Schema {
  kind: "dtd" | "xsd";
  /** Path of the schema file. */
  file: string;
}

export interface Libxml2Options {
  /** Name used in diagnostics, and the base for relative system identifiers in the document. */
  file: string;
  /** Absent: the document's own DOCTYPE (internal subset plus the external one, read through resolveEntity). */
  schema?: Libxml2Schema;
  /** Reads the document's external DTD and entities; absent: nothing external is read. */
  resolveEntity?: EntityResolver;
}

/** Which step reported a libxml2 message. */
export type Libxml2Phase = "parse" | "schema" | "validate";

/** A libxml2 report; `about` names the file a refused read was for. */
type Detail = { message: string; level: number; line: number; col: number; file?: string; xpath?: string; about?: string };

/** libxml2 xmlErrorLevel: 1 warning, 2 error, 3 fatal (a well-formedness error). */
const LEVEL_WARNING = 1;
const LEVEL_FATAL = 3;

function toDiagnostic(d: Detail, phase: Libxml2Phase, fallbackFile: string): Diagnostic {
  const code = d.level <= LEVEL_WARNING ? engineCodes["libxml2/warning"] : engineCodes["libxml2/error"];
  const where: { line: number; column: number; path?: string } = { line: d.line, column: d.col > 0 ? d.col : 1 };
  if (d.xpath !== undefined) where.path = d.xpath;
  // libxml2 knows the document by the absolute path it was given; say it as the user named it (e.g. <stdin>).
  const file = localName(d.file);
  return diagnose(code, { message: d.message.trim(), phase, level: d.level, file: file === undefined || file === resolvePath(fallbackFile) ? fallbackFile : file }, where);
}

/**
 * Namespace well-formedness errors, which libxml2 reports at level "error", not "fatal": prefixes
 * and xmlns declarations, and (Namespaces in XML 1.0 §7) a name that is no QName or a colon in an
 * entity name, PI target or notation name.
 */
export const NAMESPACE_ERROR = /^(Namespace prefix [^ ]+ (on|for) [^ ]+ (on [^ ]+ )?is not defined|xmlns(:[^ ]+)?: |Namespaced Attribute [^ ]+ in '[^']*' redefined|Failed to parse QName|colons are forbidden from )/;

function breaksWellFormedness(d: Detail): boolean {
  return d.level >= LEVEL_FATAL || NAMESPACE_ERROR.test(d.message);
}

/** libxml2 names files as it opened them; a file: URL back to a path. */
function localName(file: string | undefined): string | undefined {
  if (file === undefined || !file.startsWith("file:")) return file;
  try {
    return fileURLToPath(file);
  } catch {
    return file;
  }
}

function detailsOf(e: unknown): Detail[] | null {
  const details = (e as { details?: unknown }).details;
  return Array.isArray(details) ? (details as Detail[]) : null;
}

/** A thrown libxml2 error as details; anything else (an internal error) as one detail. */
function failureDetails(e: unknown): Detail[] {
  const details = detailsOf(e);
  if (details !== null && details.length > 0) return details;
  return [{ message: e instanceof Error ? e.message : String(e), level: 2, line: 0, col: 0 }];
}

/** True when libxml2's detail is about the named file (its "failed to load" names it quoted). */
const mentions = (d: Detail, name: string) => d.message.includes(`"${name}"`);

/** Why qxml's resolver refused each read, as warnings (placed by `placeUnlocated`). */
function refusalDetails(refusals: readonly Refusal[], file: string): Detail[] {
  return refusals.map(({ name, reason }) => ({ message: reason, level: LEVEL_WARNING, line: 0, col: 0, file, about: name }));
}

/**
 * libxml2 reports some failed loads without a place (line 0), and a refusal has none of its own.
 * Findings are 1-based: such a detail takes the place of another report about the same file (the
 * document's "failed to load" at its reference, the schema's "Failed to load the document '…'"
 * at its xs:include), else the start of the file.
 */
function placeUnlocated(details: readonly Detail[]): Detail[] {
  return details.map((d) => {
    if (d.line > 0) return d;
    const name = d.about ?? /"([^"]+)"|'([^']+)'/.exec(d.message)?.slice(1).find((g) => g !== undefined);
    const at = name === undefined ? undefined : details.find((o) => o !== d && o.line > 0 && o.message.includes(name));
    return { ...d, line: at?.line ?? 1, col: at?.col ?? 1, ...(at?.file !== undefined ? { file: at.file } : {}) };
  });
}

/** libxml2's report that a document has no DTD to validate against (after its DTD failed to load). */
const NO_DTD = /^Validation failed: no DTD found/;

/**
 * A DOCTYPE whose external DTD could not be read: libxml2 says "failed to load" and then "no DTD
 * found"; qxml's engine says once, at the DOCTYPE, which DTD was not read and why. The same one
 * finding here (code and params as qxml's, so the CLI explains it alike), replacing both.
 */
function foldUnreadDtd(head: DocumentHead, file: string, details: Detail[], refusals: Refusal[]): { details: Detail[]; refusals: Refusal[]; unread?: Diagnostic } {
  const doctype = head.doctype;
  const systemId = doctype?.systemId;
  if (doctype === undefined || systemId === undefined) return { details, refusals };
  const names = new Set([systemId, resolvePath(dirname(resolvePath(file)), systemId)]);
  const refused = refusals.find((r) => names.has(r.name));
  if (refused === undefined) return { details, refusals };
  const at = { line: doctype.line, column: doctype.column };
  return {
    details: details.filter((d) => !NO_DTD.test(d.message) && !(d.message.startsWith("failed to load") && mentions(d, refused.name))),
    refusals: refusals.filter((r) => r !== refused),
    unread: diagnose(XML["xml/external-entity-refused"], { what: "DTD", systemId, reason: refused.reason }, at),
  };
}

function asBytes(input: string | Uint8Array): Uint8Array {
  return typeof input === "string" ? new TextEncoder().encode(input) : input;
}

function headOf(bytes: Uint8Array): DocumentHead {
  return sniffHead(decodeHead(bytes.subarray(0, HEAD_BYTES)));
}

/** The root and DOCTYPE identifiers libxml2-wasm has no accessor for, from the head. */
function baseResult(head: DocumentHead): Pick<EngineResult, "root" | "doctype"> {
  const out: Pick<EngineResult, "root" | "doctype"> = {};
  const d = head.doctype;
  if (d !== undefined) out.doctype = { name: d.name, ...(d.systemId !== undefined ? { systemId: d.systemId } : {}), ...(d.publicId !== undefined ? { publicId: d.publicId } : {}) };
  if (head.root !== undefined) out.root = head.root;
  return out;
}

function scopeFor(resolver: EntityResolver | undefined, base: string): ReadScope {
  return { resolver: resolver ?? refuseAll, base: resolvePath(base), refusals: [], reads: [] };
}

/** A schema compiled by libxml2 once, to validate many documents. */
export interface PreparedLibxml2Schema {
  readonly schema: Libxml2Schema;
  /** libxml2's reports while reading the schema; errors make every validation fail. */
  readonly diagnostics: Diagnostic[];
  readonly ok: boolean;
  validate(input: string | Uint8Array, options: Omit<Libxml2Options, "schema">): EngineResult;
  dispose(): void;
}

export class Libxml2Engine {
  private constructor(private readonly lib: Libxml2Module) {}

  /** Loads libxml2-wasm; throws Libxml2UnavailableError when it is not installed. */
  static async load(): Promise<Libxml2Engine> {
    const lib = await loadLibxml2Module();
    installInputProvider(lib);
    return new Libxml2Engine(lib);
  }

  private parseFlags(extra: number): number {
    const P = this.lib.ParseOption;
    // NOENT: expand entities as qxml does; BIG_LINES: true line numbers past 65535.
    return P.XML_PARSE_NOENT | P.XML_PARSE_BIG_LINES | extra;
  }

  /** Parses a document; null plus details when it is not well-formed. */
  private parse(bytes: Uint8Array, file: string, flags: number, scope: ReadScope) {
    try {
      const doc = withReadScope(scope, () =>
        this.lib.XmlDocument.fromBuffer(bytes, { url: resolvePath(file), option: this.parseFlags(flags) }),
      );
      return { doc, details: doc.warnings as Detail[] };
    } catch (e) {
      return { doc: null, details: failureDetails(e) };
    }
  }

  /**
   * Reads a DTD or XSD file. Files it refers to are read with `resolveEntity`, by default from the
   * schema's own folder only.
   */
  prepare(schema: Libxml2Schema, resolveEntity?: EntityResolver): PreparedLibxml2Schema {
    const file = resolvePath(schema.file);
    const scope = scopeFor(resolveEntity ?? localResolver({ allow: [dirname(file)] }), file);
    const lib = this.lib;
    const diagnostics: Diagnostic[] = [];
    let validateDoc: ((doc: InstanceType<Libxml2Module["XmlDocument"]>) => void) | null = null;
    let release = () => {};
    let failed: Detail[] = [];
    try {
      const bytes = readFileSync(file);
      if (schema.kind === "dtd") {
        // XmlDtd.fromBuffer parses without options, so it never reads the DTD's external parameter
        // entities. A carrier document whose internal subset references the DTD file as a parameter
        // entity is parsed with DTDLOAD instead: libxml2 then reads the file and everything it
        // references (relative to the file) through the resolver, with the file's own line numbers.
        const carrier = `<!DOCTYPE qxml-dtd [<!ENTITY % qxml-dtd SYSTEM "${pathToFileURL(file).href}">%qxml-dtd;]><qxml-dtd/>`;
        const carrierDoc = withReadScope(scope, () =>
          lib.XmlDocument.fromString(carrier, { option: this.parseFlags(lib.ParseOption.XML_PARSE_DTDLOAD) }),
        );
        const dtd = carrierDoc.dtd;
        if (dtd === null) {
          carrierDoc.dispose();
          throw new Error(`libxml2 read no declarations from ${file}`);
        }
        const validator = new lib.DtdValidator(dtd);
        validateDoc = (doc) => validator.validate(doc);
        // The DTD belongs to the carrier document: disposing the document frees it.
        release = () => carrierDoc.dispose();
      } else {
        const xsdDoc = withReadScope(scope, () => lib.XmlDocument.fromBuffer(bytes, { url: file, option: this.parseFlags(0) }));
        try {
          const validator = withReadScope(scope, () => lib.XsdValidator.fromDoc(xsdDoc));
          validateDoc = (doc) => validator.validate(doc);
          release = () => validator.dispose();
        } finally {
          xsdDoc.dispose();
        }
      }
    } catch (e) {
      failed = failureDetails(e);
    }
    for (const d of placeUnlocated([...failed, ...refusalDetails(scope.refusals, file)])) diagnostics.push(toDiagnostic(d, "schema", file));
    const ok = validateDoc !== null;
    return {
      schema,
      diagnostics,
      ok,
      validate: (input, options) => {
        const bytes = asBytes(input);
        const docScope = scopeFor(options.resolveEntity, options.file);
        const base = baseResult(headOf(bytes));
        const parsed = this.parse(bytes, options.file, 0, docScope);
        const wellFormed = parsed.doc !== null;
        let failures: Detail[] = [];
        if (parsed.doc !== null) {
          try {
            if (validateDoc !== null) withReadScope(docScope, () => validateDoc!(parsed.doc!));
          } catch (e) {
            failures = failureDetails(e);
          } finally {
            parsed.doc.dispose();
          }
        }
        // Refused reads (during the parse or the validation) are placed among both steps' reports.
        const placed = placeUnlocated([...parsed.details, ...failures, ...refusalDetails(docScope.refusals, options.file)]);
        const out = [...diagnostics, ...placed.map((d, i) => toDiagnostic(d, i < parsed.details.length ? "parse" : "validate", options.file))];
        const valid = wellFormed && validateDoc !== null && !out.some((d) => d.severity === "error");
        return { ...base, valid, wellFormed, diagnostics: out };
      },
      dispose: () => release(),
    };
  }

  /** Validates against the document's own DOCTYPE (libxml2's parse-time validation, xmllint --valid). */
  validateWithDoctype(input: string | Uint8Array, options: Omit<Libxml2Options, "schema">): EngineResult {
    const bytes = asBytes(input);
    const head = headOf(bytes);
    const base = baseResult(head);
    const scope = scopeFor(options.resolveEntity, options.file);
    const parsed = this.parse(bytes, options.file, this.lib.ParseOption.XML_PARSE_DTDVALID, scope);
    parsed.doc?.dispose();
    // libxml2 reports validity errors at level "error" during the parse, as it does namespace
    // errors and duplicate IDs; only fatal errors and namespace errors make a document ill-formed.
    const wellFormed = !parsed.details.some(breaksWellFormedness);
    const { details, refusals, unread } = foldUnreadDtd(head, options.file, parsed.details, scope.refusals);
    const diagnostics = placeUnlocated([...details, ...refusalDetails(refusals, options.file)]).map((d) =>
      toDiagnostic(d, breaksWellFormedness(d) ? "parse" : "validate", options.file),
    );
    if (unread !== undefined) diagnostics.unshift(unread);
    return { ...base, valid: parsed.doc !== null && unread === undefined, wellFormed, diagnostics };
  }

  /** One-shot validation; for many documents against one schema, `prepare` it once instead. */
  validate(input: string | Uint8Array, options: Libxml2Options): EngineResult {
    if (options.schema === undefined) return this.validateWithDoctype(input, options);
    const prepared = this.prepare(options.schema);
    try {
      return prepared.validate(input, options);
    } finally {
      prepared.dispose();
    }
  }

}

function unavailable(e: Libxml2UnavailableError, file: string): EngineResult {
  return {
    valid: false,
    wellFormed: false,
    diagnostics: [diagnose(engineCodes["libxml2/unavailable"], { reason: e.reason, file }, { line: 1, column: 1 })],
  };
}

/** Validates a document held in memory; a missing libxml2-wasm becomes a "libxml2/unavailable" diagnostic. */
export async function validateWithLibxml2(input: string | Uint8Array, options: Libxml2Options): Promise<EngineResult> {
  let engine: Libxml2Engine;
  try {
    engine = await Libxml2Engine.load();
  } catch (e) {
    if (e instanceof Libxml2UnavailableError) return unavailable(e, options.file);
    throw e;
  }
  return engine.validate(input, options);
}

/** Validates a file; `options.file` defaults to its path. */
export async function validateFileWithLibxml2(path: string, options: Partial<Libxml2Options> = {}): Promise<EngineResult> {
  const bytes = await readFile(path);
  return validateWithLibxml2(bytes, { ...options, file: options.file ?? path });
}
