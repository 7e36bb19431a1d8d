/**
 * XML 1.0 (fifth edition) character classes (§2.2–2.3) on code points, as the DTD scanner reads
 * them. The ranges live once, in the reader's src/xml/chars.ts (on UTF-16 code units); this adds
 * the astral part for code points.
 */
import { isNameCode, isNameStartCode, isPubidCode, isSpace, isXmlCodePoint, scanName, scanNmtoken } from "../xml/chars.js";

export const isWhite = isSpace;
export const isXmlChar = isXmlCodePoint;
export const isPubidChar = isPubidCode;

/** [#x10000-#xEFFFF] is NameStartChar (and so NameChar); below it the BMP tables decide. */
export function isNameStartChar(c: number): boolean {
  return c >= 0x10000 ? c <= 0xeffff : isNameStartCode(c);
}

export function isNameChar(c: number): boolean {
  return c >= 0x10000 ? c <= 0xeffff : isNameCode(c);
}

export function isName(s: string): boolean {
  return s.length > 0 && scanName(s, 0, s.length) === s.length;
}

export function isNmtoken(s: string): boolean {
  return s.length > 0 && scanNmtoken(s, 0, s.length) === s.length;
}
