/**
 * Terminal display width of text, so a code frame's caret lands under the right character.
 * Findings count columns in characters (docs/findings.md); a terminal gives East Asian Wide and
 * Fullwidth characters and emoji two cells and combining marks none. The ranges are the main
 * blocks of Unicode's EastAsianWidth.txt (W/F) and of the combining marks: enough for frames,
 * not a full UAX #11 implementation.
 */

/** [first, last] code point ranges, sorted, that take two cells. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo initial consonants
  [0x2e80, 0x303e], // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
  [0x3041, 0xa4cf], // Hiragana ... Yi (U+303F HALF FILL SPACE is narrow)
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xff60], // Fullwidth forms
  [0xffe0, 0xffe6], // Fullwidth signs
  [0x1f300, 0x1f64f], // Miscellaneous symbols and pictographs, emoticons
  [0x1f680, 0x1f6ff], // Transport and map symbols
  [0x1f900, 0x1f9ff], // Supplemental symbols and pictographs
  [0x20000, 0x3fffd], // CJK ideograph extensions, planes 2 and 3
];

/** Ranges that take no cell: combining marks, zero-width joiners and variation selectors. */
const ZERO: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f], // Combining diacritical marks
  [0x1ab0, 0x1aff], // Combining diacritical marks extended
  [0x1dc0, 0x1dff], // Combining diacritical marks supplement
  [0x200b, 0x200f], // zero width space, ZWNJ, ZWJ, direction marks
  [0x20d0, 0x20ff], // Combining marks for symbols
  [0xfe00, 0xfe0f], // Variation selectors
  [0xfe20, 0xfe2f], // Combining half marks
  [0xe0100, 0xe01ef], // Variation selectors supplement
];

function inRanges(cp: number, ranges: readonly (readonly [number, number])[]): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < ranges[mid][0]) hi = mid - 1;
    else if (cp > ranges[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Cells one code point takes: 0, 1 or 2. */
export function codePointWidth(cp: number): 0 | 1 | 2 {
  if (cp < 0x300) return 1; // the common case, ASCII and Latin-1, fast
  if (inRanges(cp, ZERO)) return 0;
  return inRanges(cp, WIDE) ? 2 : 1;
}

/** Cells a string takes, counted by code point (a surrogate pair is one character). */
export function displayWidth(text: string): number {
  let cells = 0;
  for (const ch of text) cells += codePointWidth(ch.codePointAt(0)!);
  return cells;
}
