/**
 * xs:hexBinary and xs:base64Binary. Values are kept in a canonical text form (upper-case hex;
 * base64 without spaces) with their length in octets, which is what length facets count.
 */
import { bad, ok, type Parsed } from "./result.js";

export interface BinaryValue {
  canonical: string;
  octets: number;
}

export function parseHexBinary(s: string): Parsed<BinaryValue> {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(s)) return bad("an even number of hexadecimal digits, e.g. 0FB7");
  return ok({ canonical: s.toUpperCase(), octets: s.length / 2 });
}

/**
 * Part 2 §3.2.16 grammar: groups of four base64 characters, the last group possibly padded with
 * "=" (after "==" the previous character must be one of AQgw, after "=" one of AEIMQUYcgkosw048);
 * a single space may follow any character, which after whitespace collapsing means spaces may
 * separate characters anywhere.
 */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=|[A-Za-z0-9+/][AQgw]==)?$/;

export function parseBase64Binary(s: string): Parsed<BinaryValue> {
  const compact = s.replace(/ /g, "");
  if (/^ | $| {2}/.test(s) || !BASE64.test(compact)) {
    return bad("base64 text: groups of 4 characters from A-Z a-z 0-9 + /, padded with = at the end");
  }
  const padding = compact.endsWith("==") ? 2 : compact.endsWith("=") ? 1 : 0;
  return ok({ canonical: compact, octets: (compact.length / 4) * 3 - padding });
}
