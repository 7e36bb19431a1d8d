/**
 * A cheap look at a document's head, to choose its schema before the exact reader runs: the
 * DOCTYPE (name, identifiers, internal subset, where it starts) and the root element's name.
 * One scanner for every caller, walking the prolog as XML 1.0 §2.8 orders it: a DOCTYPE counts
 * only before the first element, never inside a comment, PI or CDATA section, and an internal
 * subset ends at the first "]" outside literals, comments and PIs. It never reports errors: on
 * anything unexpected it stops and says what it found so far (the reader reports the error).
 */
import { declaredEncoding, markedEncoding } from "./decode.js";

export interface HeadDoctype {
  name: string;
  publicId?: string;
  systemId?: string;
  internalSubset: boolean;
  /** The internal subset declares elements (an entities-only subset is no grammar); true when it is cut off. */
  declaresElements?: boolean;
  /** Where `<!DOCTYPE` starts: lines break at CR LF, CR and LF; columns count characters. */
  line: number;
  column: number;
}

export interface DocumentHead {
  doctype?: HeadDoctype;
  root?: string;
}

/** How much of a document is looked at: a prolog is small. */
export const HEAD_BYTES = 65536;

const NAME = "[A-Za-z_:\\u00C0-\\uFFFF][-A-Za-z0-9_:.\\u00B7-\\uFFFF]*";
const DOCTYPE_START = new RegExp(`<!DOCTYPE\\s+(${NAME})`, "y");
const QUOTED = `("[^"]*"|'[^']*')`;
const EXTERNAL_ID = new RegExp(`\\s+(?:SYSTEM\\s+${QUOTED}|PUBLIC\\s+${QUOTED}\\s+${QUOTED})`, "y");
const ELEMENT_NAME = new RegExp(`<(${NAME})(?=[\\s/>]|$)`, "y");
const SPACE = /[ \t\r\n]*/y;

/**
 * The encoding a document's first bytes announce, as the reader decides it (src/xml/decode.ts):
 * byte order mark, else UTF-16 by its first "<?" (XML 1.0 Appendix F), else the XML declaration's
 * encoding when TextDecoder knows it, else UTF-8; and how many bytes of byte order mark to skip.
 */
export function sniffEncoding(head: Uint8Array): { encoding: string; bomBytes: number } {
  const marked = markedEncoding(head);
  if (marked !== undefined) return { encoding: marked.name, bomBytes: marked.bom };
  // Without a BOM the declaration is ASCII-compatible bytes, read as the reader's decoder reads it.
  const declared = declaredEncoding(head);
  if (declared !== undefined) {
    try {
      const encoding = new TextDecoder(declared).encoding;
      // A declaration read as single bytes cannot be UTF-16 (the reader reports the mismatch);
      // decoding it as declared would show the line as CJK-looking noise.
      return { encoding: encoding.startsWith("utf-16") ? "utf-8" : encoding, bomBytes: 0 };
    } catch {
      // An encoding TextDecoder does not know: the reader reports it; show UTF-8.
    }
  }
  return { encoding: "utf-8", bomBytes: 0 };
}

/** The text of a document's first bytes (undecodable bytes replaced). */
export function decodeHead(bytes: Uint8Array): string {
  const { encoding, bomBytes } = sniffEncoding(bytes);
  return new TextDecoder(encoding).decode(bytes.subarray(bomBytes));
}

export function sniffHead(text: string): DocumentHead {
  return sniff(text).head;
}

/**
 * As sniffHead, for the first part of a document: undefined unless the root element's name is
 * in it whole (followed by a character), since what comes before the root is then all there.
 */
export function sniffPrefix(text: string): DocumentHead | undefined {
  const { head, rootNameWhole } = sniff(text);
  return rootNameWhole ? head : undefined;
}

/** The head, and whether the root element's name was found with a character after it. */
function sniff(text: string): { head: DocumentHead; rootNameWhole: boolean } {
  // A byte order mark is no character of the document: columns count from after it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const head: DocumentHead = {};
  let i = 0;
  for (;;) {
    i = skipMisc(text, i);
    if (i < 0 || i >= text.length) return { head, rootNameWhole: false };
    if (head.doctype === undefined && text.startsWith("<!DOCTYPE", i)) {
      const found = readDoctype(text, i);
      if (found === undefined) return { head, rootNameWhole: false };
      head.doctype = found.doctype;
      if (found.end < 0) return { head, rootNameWhole: false };
      i = found.end;
      continue;
    }
    ELEMENT_NAME.lastIndex = i;
    const root = ELEMENT_NAME.exec(text);
    if (root === null) return { head, rootNameWhole: false };
    head.root = root[1];
    return { head, rootNameWhole: ELEMENT_NAME.lastIndex < text.length };
  }
}

/** Past white space, comments and processing instructions (the XML declaration among them); -1 when one is cut off. */
function skipMisc(text: string, i: number): number {
  for (;;) {
    SPACE.lastIndex = i;
    SPACE.exec(text);
    i = SPACE.lastIndex;
    if (text.startsWith("<!--", i)) i = after(text, "-->", i + 4);
    else if (text.startsWith("<?", i)) i = after(text, "?>", i + 2);
    else return i;
    if (i < 0) return -1;
  }
}

function after(text: string, close: string, from: number): number {
  const k = text.indexOf(close, from);
  return k < 0 ? -1 : k + close.length;
}

/** The DOCTYPE at i, and the index after its `>` (-1 when the head ends first). */
function readDoctype(text: string, i: number): { doctype: HeadDoctype; end: number } | undefined {
  DOCTYPE_START.lastIndex = i;
  const start = DOCTYPE_START.exec(text);
  if (start === null) return undefined;
  const doctype: HeadDoctype = { name: start[1], internalSubset: false, ...positionOf(text, i) };
  let k = DOCTYPE_START.lastIndex;
  EXTERNAL_ID.lastIndex = k;
  const id = EXTERNAL_ID.exec(text);
  if (id !== null) {
    if (id[2] !== undefined) doctype.publicId = id[2].slice(1, -1);
    const systemId = id[1] ?? id[3];
    doctype.systemId = systemId.slice(1, -1);
    k = EXTERNAL_ID.lastIndex;
  }
  SPACE.lastIndex = k;
  SPACE.exec(text);
  k = SPACE.lastIndex;
  if (text.charCodeAt(k) === 0x5b /* [ */) {
    doctype.internalSubset = true;
    const subset = scanSubset(text, k + 1);
    doctype.declaresElements = subset.declaresElements;
    if (subset.end < 0) return { doctype, end: -1 };
    SPACE.lastIndex = subset.end;
    SPACE.exec(text);
    k = SPACE.lastIndex;
  }
  return { doctype, end: text.charCodeAt(k) === 0x3e /* > */ ? k + 1 : -1 };
}

/**
 * An internal subset from i: the index after its closing "]" (-1 when the head ends first, in
 * which case it is assumed to declare elements) and whether it declares any.
 */
function scanSubset(text: string, i: number): { end: number; declaresElements: boolean } {
  let declaresElements = false;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x5d /* ] */) return { end: i + 1, declaresElements };
    let next = i + 1;
    if (c === 0x22 || c === 0x27) next = after(text, c === 0x22 ? '"' : "'", i + 1);
    else if (text.startsWith("<!--", i)) next = after(text, "-->", i + 4);
    else if (text.startsWith("<?", i)) next = after(text, "?>", i + 2);
    else if (text.startsWith("<!ELEMENT", i)) declaresElements = true;
    if (next < 0) break;
    i = next;
  }
  return { end: -1, declaresElements: true };
}

function positionOf(text: string, i: number): { line: number; column: number } {
  const lines = text.slice(0, i).split(/\r\n|\r|\n/);
  return { line: lines.length, column: Array.from(lines[lines.length - 1]).length + 1 };
}
