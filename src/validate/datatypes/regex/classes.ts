/**
 * The character sets XSD regexes name: multi-character escapes (\s \i \c \d \w and their
 * complements), category escapes \p{Lu}, block escapes \p{IsBasicLatin}. A set is either a list
 * of code-point ranges or a Unicode property (left to the JS engine's tables).
 */
import { BLOCKS } from "./blocks.js";
import { complementRanges, normalizeRanges, type Range } from "./ranges.js";
import { BASE_CHAR, COMBINING_CHAR, DIGIT, EXTENDER, IDEOGRAPHIC } from "./xml-letters.js";

export type CharSet =
  | { kind: "ranges"; ranges: Range[] }
  /** One or more general categories; `negated` = the complement of their union. */
  | { kind: "props"; names: string[]; negated: boolean };

export const CATEGORIES = new Set([
  "L", "Lu", "Ll", "Lt", "Lm", "Lo",
  "M", "Mn", "Mc", "Me",
  "N", "Nd", "Nl", "No",
  "P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po",
  "Z", "Zs", "Zl", "Zp",
  "S", "Sm", "Sc", "Sk", "So",
  "C", "Cc", "Cf", "Co", "Cn",
]);

const SPACE: Range[] = normalizeRanges([[0x20, 0x20], [0x9, 0x9], [0xa, 0xa], [0xd, 0xd]]);
/**
 * \i and \c as XSD 1.0 defines them: XML 1.0 (2nd edition) Letter | "_" | ":" and NameChar, the
 * Appendix B classes; not the wider 5th-edition name characters that xs:Name uses.
 */
const LETTER: Range[] = [...BASE_CHAR, ...IDEOGRAPHIC];
const INITIAL = normalizeRanges([...LETTER, [0x5f, 0x5f], [0x3a, 0x3a]]);
const NAME_CHAR = normalizeRanges([...LETTER, ...DIGIT, ...COMBINING_CHAR, ...EXTENDER, [0x2d, 0x2e], [0x5f, 0x5f], [0x3a, 0x3a]]);

/** The set a multi-character escape letter stands for (s S i I c C d D w W). */
export function multiCharEscape(letter: string): CharSet | undefined {
  switch (letter) {
    case "s": return { kind: "ranges", ranges: SPACE };
    case "S": return { kind: "ranges", ranges: complementRanges(SPACE) };
    case "i": return { kind: "ranges", ranges: INITIAL };
    case "I": return { kind: "ranges", ranges: complementRanges(INITIAL) };
    case "c": return { kind: "ranges", ranges: NAME_CHAR };
    case "C": return { kind: "ranges", ranges: complementRanges(NAME_CHAR) };
    case "d": return { kind: "props", names: ["Nd"], negated: false };
    case "D": return { kind: "props", names: ["Nd"], negated: true };
    // \w = all characters except P, Z and C; the categories partition Unicode, so that is L M N S.
    case "w": return { kind: "props", names: ["L", "M", "N", "S"], negated: false };
    case "W": return { kind: "props", names: ["P", "Z", "C"], negated: false };
    default: return undefined;
  }
}

/** The set \p{name} stands for, or undefined for an unknown category or block. */
export function propertyEscape(name: string, negated: boolean): CharSet | undefined {
  if (CATEGORIES.has(name)) return { kind: "props", names: [name], negated };
  if (name.startsWith("Is")) {
    const block = BLOCKS[name.slice(2)];
    if (block === undefined) return undefined;
    return { kind: "ranges", ranges: negated ? complementRanges(block) : normalizeRanges(block) };
  }
  return undefined;
}
