/**
 * Entity references: predefined entities, expansion in content and in attribute values,
 * external parsed entities read through the resolver, and the expansion budget that stops
 * entity bombs (billion laughs, quadratic blow-up) early.
 */
import type { EntityDeclSyntax } from "../dtd/syntax.js";
import { codePointHex, firstIllegalChar, isXmlCodePoint, scanName } from "./chars.js";
import { decodeAll } from "./decode.js";
import { isDeclarationStart, parseDeclaration } from "./declaration.js";
import { isRefusal } from "./resolve.js";
import { didYouMean } from "../diagnostics/suggest.js";
import type { Parser } from "./parser.js";

export interface Budget {
  expansions: number;
  /** Characters produced by expansion so far. */
  expanded: number;
  /** Characters of document input so far (the base of the amplification limit). */
  inputChars: number;
}

export function predefinedEntity(name: string): string | undefined {
  switch (name) {
    case "lt":
      return "<";
    case "gt":
      return ">";
    case "amp":
      return "&";
    case "apos":
      return "'";
    case "quot":
      return '"';
  }
  return undefined;
}

/** Counts one expansion of `size` characters against the limits; fails at index i when over. */
function charge(p: Parser, size: number, i: number): void {
  const lim = p.o.limits;
  const b = p.budget;
  if (++b.expansions > lim.maxEntityExpansions) {
    p.fail("xml/entity-expansion-limit", { what: "too many entity references expanded", limit: lim.maxEntityExpansions }, i);
  }
  b.expanded += size;
  const cap = Math.max(lim.maxExpandedSize, lim.maxAmplification * b.inputChars);
  if (b.expanded > cap) p.fail("xml/entity-expansion-limit", { what: `entities expand to more than ${cap} characters`, limit: cap }, i);
}

function checkNesting(p: Parser, names: string[], name: string, i: number): void {
  if (names.includes(name)) {
    const from = names.indexOf(name);
    p.fail("xml/entity-recursion", { name, chain: [...names.slice(from), name].map((n) => `&${n};`).join(" → ") }, i);
  }
  if (names.length >= p.o.limits.maxEntityNesting) {
    p.fail("xml/entity-expansion-limit", { what: `entity references nested ${names.length + 1} deep`, limit: p.o.limits.maxEntityNesting }, i);
  }
}

/** HTML entities that turn up in XML payloads, with the character reference to write instead. */
const HTML_ENTITIES: Record<string, number> = {
  nbsp: 160, copy: 169, reg: 174, trade: 8482, mdash: 8212, ndash: 8211, hellip: 8230, laquo: 171, raquo: 187,
  lsquo: 8216, rsquo: 8217, ldquo: 8220, rdquo: 8221, bull: 8226, middot: 183, deg: 176, euro: 8364, eacute: 233,
};

/** "; did you mean ..." for a misspelt or HTML entity name, or "". */
function suggestEntity(p: Parser, name: string): string {
  const html = HTML_ENTITIES[name];
  if (html !== undefined) return ` (&${name}; is an HTML entity: write &#${html}; instead)`;
  const candidates = ["lt", "gt", "amp", "apos", "quot", ...(p.dtd?.generalEntities.keys() ?? [])];
  const near = didYouMean(name, candidates);
  return near === undefined ? "" : `; did you mean &${near};?`;
}

/** An entity name that is not declared: fatal when WFC Entity Declared applies, else skipped. */
function undeclared(p: Parser, name: string, i: number, attribute?: string): void {
  if (p.dtdComplete) p.fail("xml/undefined-entity", { name, suggestion: suggestEntity(p, name) }, i);
  // `attribute`: the reference is in a start tag, whose element the handler has not opened yet.
  p.warn("xml/undeclared-entity-skipped", attribute === undefined ? { name } : { name, attribute }, i);
}

/** WFC Entity Declared with standalone="yes": the declaration may not come from the external subset. */
function standaloneCheck(p: Parser, decl: EntityDeclSyntax, i: number): void {
  if (p.standalone && decl.external) p.fail("xml/standalone-entity", { name: decl.name }, i);
}

/**
 * A general entity reference in content at index i (`afterRef` is the index after ';').
 * Returns where the current input continues: 0 when the replacement text was pushed as the new
 * input, `afterRef` when it was emitted directly or skipped.
 */
export function enterEntity(p: Parser, name: string, i: number, afterRef: number): number {
  const decl = p.dtd?.generalEntities.get(name);
  if (decl === undefined) {
    undeclared(p, name, i);
    return afterRef;
  }
  standaloneCheck(p, decl, i);
  if (decl.notation !== undefined) p.fail("xml/unparsed-entity-ref", { name, notation: decl.notation, where: "content" }, i);
  checkNesting(
    p,
    p.entStack.map((e) => e.name),
    name,
    i,
  );
  p.h.reference?.("entity", name, p.at(i));
  const text = decl.systemId !== undefined ? loadExternalEntity(p, decl, i) : (decl.value ?? "");
  if (text === null) return afterRef;
  charge(p, text.length, i);
  const pos = p.at(i);
  if (text.indexOf("<") === -1 && text.indexOf("&") === -1 && text.indexOf("]]>") === -1) {
    if (text.length > 0) p.h.text(text, pos, false);
    return afterRef;
  }
  p.pushEntity(name, text, pos, afterRef);
  return 0;
}

/** The replacement text of an external parsed entity, or null when it is not read. */
function loadExternalEntity(p: Parser, decl: EntityDeclSyntax, i: number): string | null {
  const key = `${decl.base}\u0000${decl.systemId}`;
  const cached = p.externalTexts.get(key);
  if (cached !== undefined) return cached;
  const what = `entity &${decl.name};`;
  const text = readExternal(p, decl.systemId ?? "", decl.publicId, decl.base, what, i)?.text ?? null;
  p.externalTexts.set(key, text);
  return text;
}

/**
 * Reads an external entity or DTD through the resolver: decoded, line ends normalised, text
 * declaration removed. Null when there is no resolver (a warning says what was not read).
 */
export function readExternal(p: Parser, systemId: string, publicId: string | undefined, base: string, what: string, i: number): { text: string; file: string } | null {
  const resolve = p.o.resolveEntity;
  if (resolve === undefined) {
    p.warn("xml/external-entity-not-read", { what, systemId }, i);
    return null;
  }
  const r = resolve(systemId, publicId, base);
  if (isRefusal(r)) return p.fail("xml/external-entity-refused", { what, systemId, reason: r.error }, i);
  const kept = p.o.dtdCache?.decodedText(r.file, r.bytes);
  if (kept !== undefined) return { text: kept, file: r.file };
  const decoded = decodeAll(r.bytes);
  if (decoded.error !== undefined) {
    const problem = String(decoded.error.params.problem ?? `encoding "${decoded.error.params.encoding}" is not supported`);
    p.fail("xml/encoding", { problem: `${what} (${r.file}): ${problem}` }, i);
  }
  let text = decoded.text;
  if (text.indexOf("\r") !== -1) text = text.replace(/\r\n?/g, "\n");
  if (isDeclarationStart(text, 0)) {
    const d = parseDeclaration(text, 0, "text declaration");
    if ("problem" in d) p.fail("xml/xml-declaration", { problem: d.problem, decl: `text declaration of ${what} (${r.file})` }, i);
    if (d.version !== undefined && d.version !== "1.0" && p.version === "1.0") {
      p.fail("xml/xml-declaration", { problem: `version ${d.version} differs from the document's version 1.0`, decl: `text declaration of ${what} (${r.file})` }, i);
    }
    text = text.slice(d.end);
  }
  const bad = firstIllegalChar(text);
  if (bad !== -1) p.fail("xml/invalid-char", { code: `${codePointHex(text, bad)} (in ${what}, ${r.file})` }, i);
  // Every check above stops the document when it fails, so a text that got here is kept; the
  // version check depends on the document, and in a 1.0 document it held.
  if (p.version === "1.0") p.o.dtdCache?.keepDecodedText(r.file, r.bytes, text);
  return { text, file: r.file };
}

interface AttrSource {
  s: string;
  i: number;
  end: number;
  /** Entity whose replacement text this is; null for the attribute value as written. */
  name: string | null;
}

/**
 * Attribute-value normalisation (§3.3.3, CDATA rule) of buf[start, end): references replaced,
 * whitespace characters replaced by spaces, entity replacement text processed in turn.
 */
export function expandAttribute(p: Parser, start: number, end: number, attr: string): string {
  let out = "";
  const stack: AttrSource[] = [{ s: p.buf, i: start, end, name: null }];
  let refAt = start;
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const s = top.s;
    let k = top.i;
    // Copy a run of ordinary characters in one slice.
    while (k < top.end) {
      const c = s.charCodeAt(k);
      if (c === 38 || c === 60 || c === 9 || c === 10 || c === 13) break;
      k++;
    }
    if (k > top.i) out += s.slice(top.i, k);
    if (k >= top.end) {
      stack.pop();
      continue;
    }
    const c = s.charCodeAt(k);
    if (top.name === null) refAt = k;
    if (c === 60) p.fail("xml/lt-in-attribute", { name: attr }, refAt);
    if (c !== 38) {
      out += " ";
      top.i = k + 1;
      continue;
    }
    if (s.charCodeAt(k + 1) === 35) {
      const r = charRefIn(p, s, k, top.end, refAt);
      out += r.text;
      top.i = r.end;
      continue;
    }
    const nameEnd = scanName(s, k + 1, top.end);
    if (nameEnd === k + 1 || s.charCodeAt(nameEnd) !== 59 || nameEnd >= top.end) {
      p.fail("xml/syntax", { expected: "an entity reference &name;", context: `in the value of attribute ${attr}`, found: JSON.stringify(s.slice(k, Math.min(top.end, k + 12))) }, refAt);
    }
    const name = s.slice(k + 1, nameEnd);
    top.i = nameEnd + 1;
    const pre = predefinedEntity(name);
    if (pre !== undefined) {
      out += pre;
      continue;
    }
    const decl = p.dtd?.generalEntities.get(name);
    if (decl === undefined) {
      undeclared(p, name, refAt, attr);
      continue;
    }
    standaloneCheck(p, decl, refAt);
    if (decl.notation !== undefined) p.fail("xml/unparsed-entity-ref", { name, notation: decl.notation, where: "an attribute value" }, refAt);
    if (decl.systemId !== undefined) p.fail("xml/external-entity-in-attribute", { name }, refAt);
    const names: string[] = [];
    for (const f of stack) if (f.name !== null) names.push(f.name);
    checkNesting(p, names, name, refAt);
    const value = decl.value ?? "";
    charge(p, value.length, refAt);
    stack.push({ s: value, i: 0, end: value.length, name });
  }
  return out;
}

function charRefIn(p: Parser, s: string, k: number, end: number, at: number): { text: string; end: number } {
  const semi = s.indexOf(";", k);
  const m = /^&#(?:x([0-9a-fA-F]+)|([0-9]+));$/.exec(s.slice(k, semi === -1 || semi >= end ? k + 2 : semi + 1));
  if (m === null) return p.fail("xml/syntax", { expected: "a character reference &#N; or &#xH;", context: "in an attribute value", found: JSON.stringify(s.slice(k, Math.min(end, k + 10))) }, at);
  const cp = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10);
  if (!isXmlCodePoint(cp)) p.fail("xml/invalid-char-ref", { ref: m[0] }, at);
  return { text: String.fromCodePoint(cp), end: k + m[0].length };
}
