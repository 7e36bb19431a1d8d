/**
 * Name-like built-ins: Name, NCName (and ID, IDREF, ENTITY), NMTOKEN, QName, NOTATION, language.
 * Character classes are those of XML 1.0 Fifth Edition (NameStartChar / NameChar).
 */
import { bad, ok, type Parsed } from "./result.js";

/** NameStartChar without ":" (XML 1.0 5th ed. [4]), as a regex class body. */
export const NAME_START_NO_COLON =
  "A-Z_a-z\\u{C0}-\\u{D6}\\u{D8}-\\u{F6}\\u{F8}-\\u{2FF}\\u{370}-\\u{37D}\\u{37F}-\\u{1FFF}\\u{200C}-\\u{200D}" +
  "\\u{2070}-\\u{218F}\\u{2C00}-\\u{2FEF}\\u{3001}-\\u{D7FF}\\u{F900}-\\u{FDCF}\\u{FDF0}-\\u{FFFD}\\u{10000}-\\u{EFFFF}";
/** NameChar without ":" ([4a]). */
export const NAME_CHAR_NO_COLON = NAME_START_NO_COLON + "\\-.0-9\\u{B7}\\u{300}-\\u{36F}\\u{203F}-\\u{2040}";

const NCNAME = `[${NAME_START_NO_COLON}][${NAME_CHAR_NO_COLON}]*`;
const NAME_RE = new RegExp(`^[:${NAME_START_NO_COLON}][:${NAME_CHAR_NO_COLON}]*$`, "u");
const NCNAME_RE = new RegExp(`^${NCNAME}$`, "u");
const QNAME_RE = new RegExp(`^(?:(${NCNAME}):)?(${NCNAME})$`, "u");
const NMTOKEN_RE = new RegExp(`^[:${NAME_CHAR_NO_COLON}]+$`, "u");
/** XSD 1.0 §3.3.3 (RFC 3066 shape): 1–8 letters, then subtags of 1–8 letters or digits. */
const LANGUAGE_RE = /^[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*$/;

function tester(re: RegExp, expected: string): (s: string) => Parsed<string> {
  return (s) => (re.test(s) ? ok(s) : bad(expected));
}

export const parseName = tester(NAME_RE, "an XML name: a letter, _ or : followed by letters, digits, . - _ :");
export const parseNCName = tester(NCNAME_RE, "a name without colons: a letter or _ followed by letters, digits, . - _");
export const parseNmtoken = tester(NMTOKEN_RE, "a name token: one or more letters, digits, . - _ :");
export const parseLanguage = tester(LANGUAGE_RE, "a language tag such as en, en-US or zh-Hant-TW");

export interface QNameParts {
  prefix: string | null;
  local: string;
}

export function parseQNameParts(s: string): Parsed<QNameParts> {
  const m = QNAME_RE.exec(s);
  if (m === null) return bad("a qualified name: prefix:local or local, each part a name without colons");
  return ok({ prefix: m[1] ?? null, local: m[2] });
}
