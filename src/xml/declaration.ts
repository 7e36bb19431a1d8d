/**
 * The XML declaration (§2.8) and the text declaration of external parsed entities (§4.3.1):
 * pseudo-attributes version, encoding, standalone, in this order.
 */
import { isSpace } from "./chars.js";

export interface Declaration {
  /** Index after "?>". */
  end: number;
  version?: string;
  encoding?: string;
  standalone?: boolean;
}

export interface DeclarationProblem {
  problem: string;
  index: number;
}

export type DeclKind = "XML declaration" | "text declaration";

const ORDER = ["version", "encoding", "standalone"];

/** Parses the declaration starting with "<?xml" at i; the text must hold its "?>". */
export function parseDeclaration(s: string, i: number, kind: DeclKind): Declaration | DeclarationProblem {
  const found = s.indexOf("?>", i + 5);
  // Not closed: read the pseudo-attributes up to the end all the same, so that the one that
  // broke (a lost "?>" is followed by markup) is reported where it breaks, not at the end.
  const close = found === -1 ? s.length : found;
  const decl: Declaration = { end: close + 2 };
  let k = i + 5;
  let last = -1;
  for (;;) {
    const spaceStart = k;
    while (k < close && isSpace(s.charCodeAt(k))) k++;
    if (k === close) break;
    if (found === -1 && !/[a-zA-Z]/.test(s[k])) return { problem: `expected '?>' to close the declaration; found ${describe(s, k)}`, index: k };
    if (k === spaceStart) return { problem: `expected a space before ${describe(s, k)}`, index: k };
    let nameEnd = k;
    while (nameEnd < close && /[a-zA-Z]/.test(s[nameEnd])) nameEnd++;
    const name = s.slice(k, nameEnd);
    const order = ORDER.indexOf(name);
    if (order === -1 || (kind === "text declaration" && name === "standalone")) {
      const allowed = kind === "text declaration" ? "version or encoding" : "version, encoding or standalone";
      return { problem: `expected ${allowed}; found ${name === "" ? describe(s, k) : `"${name}"`}`, index: k };
    }
    if (order <= last) return { problem: `"${name}" is out of order or repeated (the order is ${ORDER.join(", ")})`, index: k };
    if (kind === "XML declaration" && last === -1 && order !== 0) return { problem: `the version comes first; found "${name}"`, index: k };
    last = order;
    k = nameEnd;
    while (k < close && isSpace(s.charCodeAt(k))) k++;
    if (s.charCodeAt(k) !== 61) return { problem: `expected '=' after ${name}; found ${describe(s, k)}`, index: k };
    k++;
    while (k < close && isSpace(s.charCodeAt(k))) k++;
    const q = s.charCodeAt(k);
    if (q !== 34 && q !== 39) return { problem: `expected a quoted value for ${name}; found ${describe(s, k)}`, index: k };
    const valueEnd = s.indexOf(String.fromCharCode(q), k + 1);
    if (valueEnd === -1 || valueEnd > close) return { problem: `the value of ${name} is not closed`, index: k };
    const value = s.slice(k + 1, valueEnd);
    const bad = checkValue(name, value);
    if (bad !== undefined) return { problem: bad, index: k + 1 };
    if (name === "version") decl.version = value;
    else if (name === "encoding") decl.encoding = value;
    else decl.standalone = value === "yes";
    k = valueEnd + 1;
  }
  if (found === -1) return { problem: "the declaration is not closed with '?>'", index: s.length };
  if (kind === "XML declaration" && decl.version === undefined) return { problem: "the version is missing", index: i + 5 };
  if (kind === "text declaration" && decl.encoding === undefined) return { problem: "the encoding is missing (a text declaration requires it)", index: i + 5 };
  return decl;
}

function checkValue(name: string, value: string): string | undefined {
  if (name === "version" && !/^1\.[0-9]+$/.test(value)) return `version "${value}" is not 1.x`;
  if (name === "encoding" && !/^[A-Za-z][A-Za-z0-9._-]*$/.test(value)) return `"${value}" is not a valid encoding name`;
  if (name === "standalone" && value !== "yes" && value !== "no") return `standalone must be "yes" or "no", not "${value}"`;
  return undefined;
}

function describe(s: string, k: number): string {
  if (k >= s.length) return "the end of the declaration";
  if (s.startsWith("?>", k)) return "'?>'";
  return `'${s[k]}'`;
}

export function isDeclarationStart(s: string, i: number): boolean {
  return s.startsWith("<?xml", i) && i + 5 < s.length && isSpace(s.charCodeAt(i + 5));
}
