/**
 * XML 1.0 (5th edition) character classes on UTF-16 char codes. ASCII goes through a table;
 * the rest through the ranges of the NameStartChar / NameChar productions (§2.3).
 */

const NAME_START = 1;
const NAME = 2;
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const start = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58;
  const name = start || (c >= 48 && c <= 57) || c === 45 || c === 46;
  ASCII[c] = (start ? NAME_START : 0) | (name ? NAME : 0);
}

/** NameStartChar for a BMP code unit (surrogates excluded: see scanName). */
export function isNameStartCode(c: number): boolean {
  if (c < 128) return (ASCII[c] & NAME_START) !== 0;
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    (c >= 0x200c && c <= 0x200d) ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd)
  );
}

export function isNameCode(c: number): boolean {
  if (c < 128) return (ASCII[c] & NAME) !== 0;
  return isNameStartCode(c) || c === 0xb7 || (c >= 0x300 && c <= 0x36f) || (c >= 0x203f && c <= 0x2040);
}

/** A high surrogate whose pair lies in [#x10000-#xEFFFF], the astral NameStartChar range. */
function isNameHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdb7f;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Scans a Name starting at `i`; returns the index after it (`i` when no name starts there).
 * Stops at `end`.
 */
export function scanName(s: string, i: number, end: number): number {
  if (i >= end) return i;
  const c = s.charCodeAt(i);
  if (c < 128) {
    if ((ASCII[c] & NAME_START) === 0) return i;
    i++;
  } else if (isNameStartCode(c)) i++;
  else if (isNameHighSurrogate(c) && i + 1 < end && isLowSurrogate(s.charCodeAt(i + 1))) i += 2;
  else return i;
  return scanNmtoken(s, i, end);
}

/** Scans an Nmtoken (NameChar+); returns the index after it. */
export function scanNmtoken(s: string, i: number, end: number): number {
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if ((ASCII[c] & NAME) === 0) return i;
      i++;
    } else if (isNameCode(c)) i++;
    else if (isNameHighSurrogate(c) && i + 1 < end && isLowSurrogate(s.charCodeAt(i + 1))) i += 2;
    else return i;
  }
  return i;
}

export function isName(s: string): boolean {
  return s.length > 0 && scanName(s, 0, s.length) === s.length;
}

/** S ::= (#x20 | #x9 | #xD | #xA)+ */
export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** Char production, for a code point. */
export function isXmlCodePoint(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/**
 * Controls, U+FFFE/U+FFFF and every surrogate: the complement of the Char production's BMP part.
 * A regular expression without the u flag runs much faster; surrogate pairs it finds are then
 * checked one by one. The class is written positively: a third faster than the negated form.
 */
const SUSPECT = /[\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/g;

/** The first character outside the Char production (a lone surrogate included); -1 if none. */
export function firstIllegalChar(s: string): number {
  return scanChars(s).illegal;
}

/** Finds the first illegal character and whether the text holds a surrogate pair. */
export function scanChars(s: string): { illegal: number; astral: boolean } {
  let astral = false;
  SUSPECT.lastIndex = 0;
  for (;;) {
    const m = SUSPECT.exec(s);
    if (m === null) return { illegal: -1, astral };
    const i = m.index;
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        astral = true;
        SUSPECT.lastIndex = i + 2;
        continue;
      }
    }
    return { illegal: i, astral };
  }
}

/** PubidChar ::= #x20 | #xD | #xA | [a-zA-Z0-9] | [-'()+,./:=?;!*#@$_%] */
export function isPubidCode(c: number): boolean {
  if (c === 0x20 || c === 0xd || c === 0xa) return true;
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
  return "-'()+,./:=?;!*#@$_%".indexOf(String.fromCharCode(c)) !== -1;
}

/** The code point at `i` as U+XXXX digits, for diagnostics. */
export function codePointHex(s: string, i: number): string {
  const cp = s.codePointAt(i) ?? 0;
  return cp.toString(16).toUpperCase().padStart(4, "0");
}
