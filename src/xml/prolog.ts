/** The prolog: the XML declaration and the document type declaration with its DTD subsets. */
import type { DtdDocument } from "../dtd/syntax.js";
import { isPubidCode, isSpace, scanName } from "./chars.js";
import { parseDeclaration } from "./declaration.js";
import { readExternal } from "./entities.js";
import type { EntityResolver } from "./resolve.js";
import { NEED, STOP, type Parser } from "./parser.js";

export function parseXmlDeclaration(p: Parser, i: number): number {
  if (p.buf.indexOf("?>", i + 5) === -1 && !p.final) return NEED;
  const d = parseDeclaration(p.buf, i, "XML declaration");
  if ("problem" in d) {
    if (d.index >= p.buf.length) return p.eof("the XML declaration", d.index);
    return p.fail("xml/xml-declaration", { problem: d.problem, decl: "XML declaration" }, d.index);
  }
  if (d.standalone === true) p.standalone = true;
  p.version = d.version!;
  checkDeclaredEncoding(p, d.encoding, i);
  p.h.xmlDeclaration?.({ version: d.version!, ...(d.encoding !== undefined ? { encoding: d.encoding } : {}), ...(d.standalone !== undefined ? { standalone: d.standalone } : {}) });
  return d.end;
}

const UTF16 = /^(utf-16(le|be)?|iso-10646-ucs-2|ucs-2)$/i;

/** The encoding declaration must agree with a byte-order mark or UTF-16 detected from the first bytes (§4.3.3). */
function checkDeclaredEncoding(p: Parser, declared: string | undefined, i: number): void {
  const det = p.detected;
  if (det === null || declared === undefined) return;
  const sixteen = det.encoding.startsWith("utf-16");
  const bad = sixteen ? !UTF16.test(declared) : det.bom && det.encoding === "utf-8" && !/^utf-?8$/i.test(declared);
  if (bad) {
    const found = det.bom ? `a ${det.encoding.toUpperCase()} byte-order mark` : `${det.encoding.toUpperCase()} bytes`;
    // Reported at the label, the thing to change (the declaration was read whole, so it is in the buffer).
    const label = p.buf.indexOf(declared, p.buf.indexOf("encoding", i));
    p.fail("xml/encoding", { problem: `the XML declaration names encoding "${declared}", but the document starts with ${found}` }, label < 0 ? i : label);
  }
}

/**
 * Index after the '>' that ends the DOCTYPE at i (literals, comments, PIs and the subset skipped),
 * or -1; and whether the internal subset holds a parameter-entity reference outside literals.
 */
function doctypeEnd(buf: string, i: number): { end: number; peRefs: boolean } {
  const none = { end: -1, peRefs: false };
  let peRefs = false;
  let inSubset = false;
  let j = i + 9;
  while (j < buf.length) {
    const c = buf.charCodeAt(j);
    if (c === 34 || c === 39) {
      const k = buf.indexOf(buf[j], j + 1);
      if (k === -1) return none;
      j = k + 1;
    } else if (inSubset && c === 60 && buf.startsWith("<!--", j)) {
      const k = buf.indexOf("-->", j + 4);
      if (k === -1) return none;
      j = k + 3;
    } else if (inSubset && c === 60 && buf.charCodeAt(j + 1) === 63) {
      const k = buf.indexOf("?>", j + 2);
      if (k === -1) return none;
      j = k + 2;
    } else if (inSubset && c === 37 && scanName(buf, j + 1, buf.length) > j + 1) {
      peRefs = true;
      j++;
    } else if (c === 91 && !inSubset) {
      inSubset = true;
      j++;
    } else if (c === 93 && inSubset) {
      inSubset = false;
      j++;
    } else if (c === 62 && !inSubset) {
      return { end: j + 1, peRefs };
    } else j++;
  }
  return none;
}

function skipSpace(buf: string, k: number): number {
  while (k < buf.length && isSpace(buf.charCodeAt(k))) k++;
  return k;
}

/** A quoted literal at k: its value and the index after it. */
function literal(p: Parser, k: number, what: string): { value: string; end: number } {
  const q = p.buf.charCodeAt(k);
  if (q !== 34 && q !== 39) return p.expected(`a quoted ${what}`, "in the DOCTYPE", k);
  const end = p.buf.indexOf(p.buf[k], k + 1);
  if (end === -1) return p.eof(`the ${what} of the DOCTYPE`, p.buf.length);
  return { value: p.buf.slice(k + 1, end), end: end + 1 };
}

export function parseDoctype(p: Parser, i: number): number {
  const buf = p.buf;
  const { end, peRefs } = doctypeEnd(buf, i);
  if (end === -1) {
    if (!p.final) return NEED;
  }
  const pos = p.at(i);
  let k = i + 9;
  if (!isSpace(buf.charCodeAt(k))) return p.expected("a space", "after <!DOCTYPE", k);
  k = skipSpace(buf, k);
  const nameEnd = scanName(buf, k, buf.length);
  if (nameEnd === k) return p.expected("the document type name", "in the DOCTYPE", k);
  const name = buf.slice(k, nameEnd);
  k = nameEnd;
  let publicId: string | undefined;
  let systemId: string | undefined;
  let s = skipSpace(buf, k);
  if (buf.startsWith("SYSTEM", s) || buf.startsWith("PUBLIC", s)) {
    if (s === k) return p.expected("a space", `after the document type name ${name}`, k);
    const isPublic = buf.startsWith("PUBLIC", s);
    k = s + 6;
    s = skipSpace(buf, k);
    if (s === k) return p.expected("a space", `after ${isPublic ? "PUBLIC" : "SYSTEM"}`, k);
    if (isPublic) {
      const lit = literal(p, s, "public identifier");
      for (let x = 0; x < lit.value.length; x++) {
        if (!isPubidCode(lit.value.charCodeAt(x))) {
          p.fail("xml/syntax", { expected: "public identifier characters", context: "in the DOCTYPE", found: `'${lit.value[x]}'` }, s + 1 + x);
        }
      }
      publicId = lit.value;
      k = lit.end;
      s = skipSpace(buf, k);
      if (s === k) return p.expected("a space and the system identifier", "after the public identifier", k);
    }
    const sys = literal(p, s, "system identifier");
    systemId = sys.value;
    k = sys.end;
    s = skipSpace(buf, k);
  }
  k = s;
  let subset: string | undefined;
  let subsetAt = 0;
  if (buf.charCodeAt(k) === 91) {
    subsetAt = k + 1;
    if (end === -1) {
      failInSubset(p, subsetAt, buf.length);
      return p.eof("the internal DTD subset", buf.length);
    }
    // `end` is just past the DOCTYPE's '>': the subset's ']' is before it, never a ']' in the text after.
    const close = buf.lastIndexOf("]", end - 1);
    subset = buf.slice(subsetAt, close);
    k = skipSpace(buf, close + 1);
    // A broken subset can hide its ']>' (the ']' found is then not the subset's end): its own first error comes first.
    if (buf.charCodeAt(k) !== 62) failInSubset(p, subsetAt, close);
  }
  if (k >= buf.length) return p.eof("the DOCTYPE declaration", k);
  if (buf.charCodeAt(k) !== 62) return p.expected(subset === undefined ? "'[', an external ID or '>'" : "'>'", "in the DOCTYPE", k);
  p.sawDoctype = true;
  const dtd = readDtd(p, { text: subset, at: subsetAt, peRefs }, systemId, publicId, i);
  p.dtd = dtd;
  // No attribute-list declarations: start tags skip the DTD step altogether.
  p.attlists = dtd === null || dtd.attlists.size === 0 ? null : new Map();
  p.h.doctype?.({ name, ...(publicId !== undefined ? { publicId } : {}), ...(systemId !== undefined ? { systemId } : {}), dtd, line: pos.line, column: pos.column });
  return k + 1;
}

/**
 * The internal subset does not end in ']>': usually a declaration broke (a stray quote, a lost
 * '>') and the scan for the end ran on. The DTD parser's first fatal error in buf[at, end) says
 * where, far more usefully than "the input ends"; with none, the caller reports its own error.
 */
function failInSubset(p: Parser, at: number, end: number): void {
  const parser = p.o.dtdParser;
  if (parser === undefined) return;
  const doc = parser.newDtdDocument();
  const start = p.at(at);
  const limits = { maxEntityExpansions: p.o.limits.maxEntityExpansions, maxEntityNesting: p.o.limits.maxEntityNesting };
  parser.parseDtdText(p.buf.slice(at, end), doc, { file: p.o.file, line: start.line, column: start.column, internal: true, limits });
  const fatal = doc.diagnostics.find((d) => d.severity === "error" && parser.isFatal(d.code));
  if (fatal === undefined) return;
  // The subset ran to the end of the input because the input was cut by an encoding error or an
  // illegal character: that is the error, not the construct it left unterminated nor what the DTD
  // parser found (or missed) at the cut.
  const cut = end === p.buf.length ? p.pendingAt() : undefined;
  if (cut !== undefined && (fatal.code === "dtd/unterminated" || fatal.line > cut.line || (fatal.line === cut.line && fatal.column >= cut.column))) p.failPending();
  p.report(fatal);
  p.stopped = true;
  throw STOP;
}

interface InternalSubset {
  text: string | undefined;
  /** Index of its first character in the buffer. */
  at: number;
  /** It references parameter entities (outside literals and comments). */
  peRefs: boolean;
}

function readDtd(p: Parser, internal: InternalSubset, systemId: string | undefined, publicId: string | undefined, i: number): DtdDocument | null {
  const parser = p.o.dtdParser;
  const subset = internal.text;
  // WFC: Entity Declared binds only when every declaration is in the internal subset (§4.1).
  p.dtdComplete = p.standalone || (systemId === undefined && !internal.peRefs);
  if (parser === undefined || (subset === undefined && systemId === undefined)) {
    if (parser === undefined && subset !== undefined) p.dtdComplete = p.standalone;
    return null;
  }
  let doc = parser.newDtdDocument();
  const limits = { maxEntityExpansions: p.o.limits.maxEntityExpansions, maxEntityNesting: p.o.limits.maxEntityNesting };
  const common = { ...(p.o.resolveEntity !== undefined ? { resolveEntity: p.o.resolveEntity } : {}), limits };
  if (subset !== undefined) {
    const at = p.at(internal.at);
    parser.parseDtdText(subset, doc, { file: p.o.file, line: at.line, column: at.column, internal: true, ...common });
    forward(p, doc, 0);
  }
  if (systemId !== undefined && p.o.loadExternalDtd) {
    const seen = doc.diagnostics.length;
    const ext = readExternal(p, systemId, publicId, p.o.file, "DTD", i);
    if (ext !== null) {
      // Without an internal subset `doc` is still empty and may be served from the cache instead.
      if (subset === undefined && p.o.dtdCache !== undefined) doc = externalOnly(p, ext, limits, doc);
      else parser.parseDtdText(ext.text, doc, { file: ext.file, internal: false, ...common });
      forward(p, doc, seen);
    }
  }
  if (p.o.namespaces) checkColonFreeNames(p, doc);
  if (parser.finish !== undefined) {
    const seen = doc.diagnostics.length;
    parser.finish(doc);
    forward(p, doc, seen);
  }
  return doc;
}

/**
 * The DTD of a DOCTYPE with no internal subset: the external subset alone, parsed once per run
 * through the reader's DtdCache (src/xml/dtd-cache.ts) unless it read external parameter entities.
 * `empty`: the document's DTD so far (nothing in it yet), parsed into when the cache has no copy.
 */
function externalOnly(p: Parser, ext: { text: string; file: string }, limits: { maxEntityExpansions: number; maxEntityNesting: number }, empty: DtdDocument): DtdDocument {
  const parser = p.o.dtdParser!;
  const cache = p.o.dtdCache!;
  const key = `${limits.maxEntityExpansions}/${limits.maxEntityNesting}`;
  const hit = cache.lookup(ext.file, ext.text, key, parser);
  if (hit !== undefined) return hit;
  const resolve = p.o.resolveEntity;
  let readMore = false;
  const resolveEntity: EntityResolver | undefined =
    resolve === undefined
      ? undefined
      : (systemId, publicId, base) => {
          readMore = true;
          return resolve(systemId, publicId, base);
        };
  parser.parseDtdText(ext.text, empty, { file: ext.file, internal: false, limits, ...(resolveEntity !== undefined ? { resolveEntity } : {}) });
  return readMore ? empty : cache.store(ext.file, ext.text, key, parser, empty);
}

/** Namespaces in XML §7: entity and notation names and PI targets contain no colons. */
function checkColonFreeNames(p: Parser, doc: DtdDocument): void {
  for (const table of [doc.generalEntities, doc.parameterEntities, doc.notations]) {
    for (const name of table.keys()) {
      if (name.indexOf(":") !== -1) {
        const loc = table.get(name)!.location;
        p.failAt("xml/qname", { name: `${name} (entity and notation names may not contain ':')` }, { line: loc.line, column: loc.column });
      }
    }
  }
  for (const { target, location } of doc.piTargets ?? []) {
    if (target.indexOf(":") !== -1) p.failAt("xml/qname", { name: `${target} (a processing instruction target may not contain ':')` }, { line: location.line, column: location.column });
  }
}

/** Passes the DTD's diagnostics on; stops the reader after a fatal one. */
function forward(p: Parser, doc: DtdDocument, from: number): void {
  const isFatal = p.o.dtdParser!.isFatal;
  for (let x = from; x < doc.diagnostics.length; x++) {
    const d = doc.diagnostics[x];
    p.report(d);
    // Within the DTD too, WFC Entity Declared binds when every declaration is internal (§4.1).
    const wfc = d.code === "dtd/undeclared-entity-in-default" && p.dtdComplete;
    if ((d.severity === "error" && isFatal(d.code)) || wfc) {
      p.stopped = true;
      throw STOP;
    }
  }
}
