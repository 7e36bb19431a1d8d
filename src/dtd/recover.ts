/**
 * Error recovery for DTDs read as schema files (parseDtdText's `recover` option). After a
 * well-formedness error in the DTD's own text, reading resumes at the next plausible start of a
 * markup declaration, so one run reports every syntax error, as a compiler does. XML 1.0 §1.2
 * forbids this for a document's DTD (the reader must stop), so it is off by default and the XML
 * reader never turns it on.
 *
 * The resume point is found on the text alone, from where the failed construct began:
 * - a comment resumes after the next '-->', a PI after the next '?>', a conditional section whose
 *   header is broken after its matching ']]>' (its content is skipped, never half-read);
 * - a declaration resumes at the next '<!' or '<?' (or ']]>' closing an open INCLUDE section),
 *   skipping quoted literals until its '>' (so a literal holding '<!ELEMENT' text does not
 *   cascade); after that '>', a `%name;` at the start of a line is a start too.
 * Inside a declaration a '%' is a reference within it, not a start: resuming there would read the
 * entity's text between declarations and turn one error into many.
 */
import { isNameChar, isNameStartChar, isWhite } from "./chars.js";

/** After this many recovered errors the next one stops reading (with `dtd/too-many-errors`). */
export const MAX_RECOVERED_ERRORS = 100;

/** Fatal codes after which reading stops even when recovering: going on would only repeat them. */
const STOP_CODES: ReadonlySet<string> = new Set([
  // The limits count for the whole call: once exceeded, every further expansion would exceed them.
  "dtd/entity-limit",
  // An external parameter entity that cannot be decoded: its text, not the DTD's, is broken.
  "dtd/encoding",
]);

export function isRecoverableCode(code: string): boolean {
  return !STOP_CODES.has(code);
}

/**
 * Offset in `text` (the top input) where reading resumes. `construct` is the offset where the
 * failed construct began in this text, or null when it began inside a parameter entity's text
 * (then the search starts at `cursor`, inside a declaration). Always > `construct` when given.
 */
export function resumePoint(text: string, construct: number | null, cursor: number, includesOpen: boolean): number {
  if (construct === null) return nextStart(text, cursor, true, includesOpen);
  if (text.startsWith("<!--", construct)) return afterOr(text, text.indexOf("-->", construct + 4), 3, construct, includesOpen);
  if (text.startsWith("<![", construct)) return afterOr(text, matchingSectionEnd(text, construct + 3), 3, construct, includesOpen);
  if (text.startsWith("<?", construct)) return afterOr(text, text.indexOf("?>", construct + 2), 2, construct, includesOpen);
  return nextStart(text, construct + 1, text.startsWith("<!", construct), includesOpen);
}

/** Just after the terminator at `end`; when there is none, at the next plausible start. */
function afterOr(text: string, end: number, length: number, construct: number, includesOpen: boolean): number {
  return end >= 0 ? end + length : nextStart(text, construct + 1, false, includesOpen);
}

/** Offset of the ']]>' closing a section whose content starts at `from` (nested '<![' counted), or -1. */
function matchingSectionEnd(text: string, from: number): number {
  let depth = 1;
  let i = from;
  for (;;) {
    const open = text.indexOf("<![", i);
    const close = text.indexOf("]]>", i);
    if (close < 0) return -1;
    if (open >= 0 && open < close) {
      depth++;
      i = open + 3;
      continue;
    }
    if (--depth === 0) return close;
    i = close + 3;
  }
}

/**
 * The next '<!', '<?', ']]>' (only while an INCLUDE section is open) or line-initial `%name;`
 * (only outside a declaration) at or after `from`. `inDecl`: the search starts inside a
 * declaration, whose quoted literals are skipped until its closing '>'.
 */
function nextStart(text: string, from: number, inDecl: boolean, includesOpen: boolean): number {
  let lineStart = atLineStart(text, from);
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      lineStart = true;
      continue;
    }
    if (inDecl && (c === 0x22 || c === 0x27)) {
      const close = text.indexOf(text[i], i + 1);
      // A quote never closed is an ordinary character: the text has no literal to skip.
      if (close >= 0) {
        i = close;
        lineStart = false;
        continue;
      }
    }
    if (c === 0x3c /* < */ && (text.charCodeAt(i + 1) === 0x21 || text.charCodeAt(i + 1) === 0x3f)) return i;
    if (includesOpen && text.startsWith("]]>", i)) return i;
    if (inDecl && c === 0x3e /* > */) inDecl = false;
    else if (!inDecl && lineStart && c === 0x25 /* % */ && isPeRef(text, i)) return i;
    if (!isWhite(c)) lineStart = false;
  }
  return text.length;
}

function atLineStart(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) return true;
    if (!isWhite(c)) return false;
  }
  return true;
}

/** `%Name;` at `at`. */
function isPeRef(text: string, at: number): boolean {
  let i = at + 1;
  if (!isNameStartChar(text.codePointAt(i) ?? -1)) return false;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    if (!isNameChar(cp)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return text.charCodeAt(i) === 0x3b;
}
