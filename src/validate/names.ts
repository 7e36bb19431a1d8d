/** XML 1.0 (fifth edition) Name and Nmtoken productions, for DTD attribute values (§2.3, §3.3.1). */

const START = ":A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}";
const REST = START + "\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040";
const NAME = new RegExp(`^[${START}][${REST}]*$`, "u");
const NMTOKEN = new RegExp(`^[${REST}]+$`, "u");

export function isXmlName(s: string): boolean {
  return NAME.test(s);
}

export function isNmtoken(s: string): boolean {
  return NMTOKEN.test(s);
}

/** Splits an already-normalised list value (single spaces) into its tokens. */
export function tokens(s: string): string[] {
  return s.split(" ").filter((t) => t.length > 0);
}

/** True when every character is XML white space (no allocation, no regex: called per text node). */
export function isAllWhite(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}
