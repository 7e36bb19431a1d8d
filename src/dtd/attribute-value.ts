/**
 * Attribute-value normalisation (XML 1.0 §3.3.3) for default values written in ATTLISTs: char
 * references give their character, internal entity references their (recursively normalised)
 * replacement text, white space becomes a space; non-CDATA values are then collapsed. Iterative
 * and bounded, so a hostile entity cannot blow the stack or the heap.
 */
import type { EntityDeclSyntax } from "./syntax.js";
import { isName, isXmlChar } from "./chars.js";

export type ValueProblem =
  | { kind: "lt" | "undeclared" | "external" | "unparsed" | "recursive" | "limit"; name: string }
  | { kind: "bad-ref" | "bad-char-ref"; name: string };

export interface NormalizedValue {
  value: string;
  problem?: ValueProblem;
}

interface Frame {
  text: string;
  pos: number;
  entity: string | null;
}

/** Parses a character reference body (`#65` or `#x41`); NaN when malformed. */
export function charRefCode(body: string): number {
  if (/^#x[0-9a-fA-F]+$/.test(body)) return parseInt(body.slice(2), 16);
  if (/^#[0-9]+$/.test(body)) return parseInt(body.slice(1), 10);
  return NaN;
}

export function normalizeAttributeValue(
  raw: string,
  entities: ReadonlyMap<string, EntityDeclSyntax>,
  cdata: boolean,
  maxChars = 1_000_000,
): NormalizedValue {
  const stack: Frame[] = [{ text: raw, pos: 0, entity: null }];
  let out = "";
  let problem: ValueProblem | undefined;
  const fail = (p: ValueProblem): NormalizedValue => ({ value: out, problem: p });
  while (stack.length > 0) {
    const f = stack[stack.length - 1];
    if (f.pos >= f.text.length) {
      stack.pop();
      continue;
    }
    const c = f.text.charCodeAt(f.pos);
    if (c === 0x3c) return fail({ kind: "lt", name: f.entity ?? "" });
    if (c !== 0x26) {
      out += c === 0x09 || c === 0x0a || c === 0x0d ? " " : f.text[f.pos];
      f.pos++;
      if (out.length > maxChars) return fail({ kind: "limit", name: f.entity ?? "" });
      continue;
    }
    const semi = f.text.indexOf(";", f.pos);
    const body = semi < 0 ? f.text.slice(f.pos + 1) : f.text.slice(f.pos + 1, semi);
    if (semi < 0) return fail({ kind: "bad-ref", name: body });
    f.pos = semi + 1;
    if (body.startsWith("#")) {
      const code = charRefCode(body);
      if (!isXmlChar(code)) return fail({ kind: "bad-char-ref", name: `&${body};` });
      out += String.fromCodePoint(code);
      continue;
    }
    // EntityRef ::= '&' Name ';' (a malformed reference is a syntax error even where an undeclared one is not).
    if (!isName(body)) return fail({ kind: "bad-ref", name: body });
    const predefined = PREDEFINED[body];
    const ent = entities.get(body);
    if (ent === undefined) {
      if (predefined !== undefined) {
        out += predefined;
        continue;
      }
      problem ??= { kind: "undeclared", name: body };
      continue;
    }
    if (ent.notation !== undefined) return fail({ kind: "unparsed", name: body });
    if (ent.value === undefined) return fail({ kind: "external", name: body });
    if (stack.some((s) => s.entity === body)) return fail({ kind: "recursive", name: body });
    if (stack.length > 40) return fail({ kind: "limit", name: body });
    stack.push({ text: ent.value, pos: 0, entity: body });
  }
  const value = cdata ? out : out.replace(/ +/g, " ").replace(/^ | $/g, "");
  return problem === undefined ? { value } : { value, problem };
}

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", apos: "'", quot: '"' };
