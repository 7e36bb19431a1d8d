/**
 * The DTD parser: the whole DTD grammar of XML 1.0 (§2.8, §3.2–3.4, §4.2, §4.7), for internal
 * subsets, external subsets and external parameter entities. Declarations are added to a
 * DtdDocument (first declaration wins); problems go to doc.diagnostics. A well-formedness error
 * stops reading (FATAL_DTD_CODES); validity errors and warnings do not. With `recover` (DTDs read
 * as schema files, never a document's DTD) reading resumes after errors in the DTD's own text.
 */
import { resolve as resolvePath } from "node:path";
import type { EntityResolver } from "../xml/resolve.js";
import { readWholeFile } from "../xml/whole-file.js";
import { decodeEntityBytes } from "./decode.js";
import { parseAttlistDecl } from "./decl-attlist.js";
import { parseElementDecl } from "./decl-element.js";
import { parseEntityDecl, parseNotationDecl } from "./decl-entity.js";
import { Input, normalizeNewlines } from "./input.js";
import { readComment, skipIgnoreSection, skipPI } from "./markup.js";
import { isRecoverableCode, MAX_RECOVERED_ERRORS, resumePoint } from "./recover.js";
import { DEFAULT_LIMITS, DtdFatal, Scanner } from "./scanner.js";
import type { DtdDocument } from "./syntax.js";
import { finishDtd } from "./validity.js";
import { diagnose } from "../diagnostics/codes.js";

export { finishDtd } from "./validity.js";
export { isFatalDtdCode } from "./codes.js";

export function newDtdDocument(): DtdDocument {
  return {
    elements: new Map(),
    attlists: new Map(),
    generalEntities: new Map(),
    parameterEntities: new Map(),
    notations: new Map(),
    diagnostics: [],
  };
}

export interface DtdParseOptions {
  /** The file the text comes from (the document's path for an internal subset). */
  file: string;
  /** Line and column of the text's first character in `file` (internal subsets start mid-file). */
  line?: number;
  column?: number;
  /** True for an internal subset (PE references only between declarations, no conditional sections). */
  internal: boolean;
  /** Reads external parameter entities; without it they are skipped with a warning. */
  resolveEntity?: EntityResolver;
  limits?: { maxEntityExpansions?: number; maxEntityNesting?: number; maxExpandedChars?: number };
  /**
   * After a well-formedness error in the DTD's own text, skip to the next declaration and go on
   * (at most MAX_RECOVERED_ERRORS times), so every syntax error is reported in one run. For DTDs
   * read as schema files only: a document's DTD must stop at its first one (XML 1.0 §1.2). Errors
   * inside a parameter entity's text still stop reading. Default false.
   */
  recover?: boolean;
}

/**
 * Parses DTD text (internal subset or external subset/entity) and adds its declarations to `doc`
 * (first declaration wins). Errors go to doc.diagnostics. Call `finishDtd(doc)` once after the
 * last subset for the checks that need the whole DTD (declared notations).
 */
export function parseDtdText(text: string, doc: DtdDocument, options: DtdParseOptions): void {
  const top = new Input(normalizeNewlines(text), { file: options.file, line: options.line ?? 1, column: options.column ?? 1 }, null, !options.internal, null);
  const s = new Scanner(doc, { internal: options.internal, resolveEntity: options.resolveEntity, limits: { ...DEFAULT_LIMITS, ...options.limits } }, top);
  const recovery: Recovery | null = options.recover === true ? { recovered: 0 } : null;
  try {
    s.checkChars(top);
    if (!options.internal) {
      try {
        s.textDecl();
      } catch (e) {
        recoverOrRethrow(s, recovery, e, { construct: 0 }, false);
      }
    }
    parseDeclarations(s, recovery);
  } catch (e) {
    if (!(e instanceof DtdFatal)) throw e;
  }
}

interface Recovery {
  recovered: number;
}

/** Where the construct being read began: its offset in the top input, or null (see parseNext). */
interface Mark {
  construct: number | null;
}

/**
 * After a fatal error: when recovering and the error lies in the DTD's own text, move the cursor
 * to the next plausible declaration start (src/dtd/recover.ts) and return; otherwise rethrow.
 */
function recoverOrRethrow(s: Scanner, recovery: Recovery | null, e: unknown, mark: Mark, includesOpen: boolean): void {
  if (recovery === null || !(e instanceof DtdFatal) || !e.atTop || !isRecoverableCode(e.message)) throw e;
  if (recovery.recovered >= MAX_RECOVERED_ERRORS) {
    s.fatal("dtd/too-many-errors", { limit: MAX_RECOVERED_ERRORS });
  }
  recovery.recovered++;
  s.cur.pos = resumePoint(s.cur.text, mark.construct, s.cur.pos, includesOpen);
  s.lastComment = undefined;
}

/** An open INCLUDE section: the input it began in (VC: Proper Conditional Section/PE Nesting). */
interface OpenInclude {
  input: Input;
  at: ReturnType<Scanner["where"]>;
}

/** extSubsetDecl / intSubset: declarations, comments, PIs, PE references, conditional sections. */
function parseDeclarations(s: Scanner, recovery: Recovery | null): void {
  const includes: OpenInclude[] = [];
  const mark: Mark = { construct: null };
  for (;;) {
    try {
      if (!parseNext(s, includes, mark)) return;
    } catch (e) {
      recoverOrRethrow(s, recovery, e, mark, includes.length > 0);
    }
  }
}

/** Reads the next construct; false at the end of the text. */
function parseNext(s: Scanner, includes: OpenInclude[], mark: Mark): boolean {
  // No construct start while reading PE references between declarations, or when the construct
  // begins inside a PE's text: recovery then searches from the cursor.
  mark.construct = null;
  if (s.skipS(false)) {
    // Whitespace keeps a preceding comment attached; a PE boundary does too (harmless).
  }
  if (s.peek() === -1) {
    if (includes.length > 0) s.report("dtd/unterminated", { construct: "the INCLUDE section", expected: "']]>'" }, includes[includes.length - 1].at);
    return false;
  }
  if (s.inputs.length === 1) mark.construct = s.cur.pos;
  const at = s.where();
  const input = s.cur;
  if (s.startsWith("<!--")) {
    s.lastComment = readComment(s).trim();
    return true;
  }
  const comment = s.lastComment;
  s.lastComment = undefined;
  if (s.startsWith("<?")) {
    skipPI(s);
    return true;
  }
  if (s.startsWith("<![")) {
    if (s.inTopInternal) s.fatal("dtd/conditional-in-internal-subset", {}, at);
    s.advance(3);
    s.skipS(true);
    const ctx = "in the conditional section";
    let keyword: string;
    if (s.eat("INCLUDE")) keyword = "INCLUDE";
    else if (s.eat("IGNORE")) keyword = "IGNORE";
    else s.syntax("INCLUDE or IGNORE", "after '<!['");
    s.skipS(true);
    if (!s.eat("[")) s.syntax(`'[' after ${keyword}`, ctx);
    s.checkDeclNesting(input, `${keyword} section keyword`, at);
    if (keyword === "IGNORE") skipIgnoreSection(s);
    else includes.push({ input, at });
    return true;
  }
  if (s.startsWith("]]>") && includes.length > 0) {
    const open = includes.pop()!;
    s.checkDeclNesting(open.input, "INCLUDE section", open.at);
    s.advance(3);
    return true;
  }
  if (s.eat("<!ELEMENT")) parseElementDecl(s, at, input, comment);
  else if (s.eat("<!ATTLIST")) parseAttlistDecl(s, at, input, comment);
  else if (s.eat("<!ENTITY")) parseEntityDecl(s, at, input);
  else if (s.eat("<!NOTATION")) parseNotationDecl(s, at, input);
  else s.syntax("a markup declaration (<!ELEMENT, <!ATTLIST, <!ENTITY, <!NOTATION), a comment, a processing instruction or a parameter-entity reference", "in the DTD");
  return true;
}

export interface ReadDtdOptions {
  resolveEntity?: EntityResolver;
  limits?: DtdParseOptions["limits"];
  /** Report every syntax error, not only the first (DtdParseOptions.recover). */
  recover?: boolean;
}

/** Reads an external DTD file (decoding it by BOM or text declaration) into a new DtdDocument. */
export function readDtdFile(path: string, options: ReadDtdOptions = {}): DtdDocument {
  const doc = newDtdDocument();
  const file = resolvePath(path);
  let bytes: Uint8Array;
  try {
    bytes = readWholeFile(file);
  } catch (e) {
    doc.diagnostics.push(diagnose("dtd/unreadable", { file, reason: (e as Error).message }, { line: 1, column: 1 }));
    return doc;
  }
  const decoded = decodeEntityBytes(bytes);
  if ("error" in decoded) {
    doc.diagnostics.push(diagnose("dtd/encoding", { file, problem: decoded.error }, { line: 1, column: 1 }));
    return doc;
  }
  parseDtdText(decoded.text, doc, { file, internal: false, resolveEntity: options.resolveEntity, limits: options.limits, recover: options.recover });
  finishDtd(doc);
  return doc;
}
