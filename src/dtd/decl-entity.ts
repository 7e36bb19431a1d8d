/**
 * <!ENTITY ...> and <!NOTATION ...> (XML 1.0 §4.2, §4.7), with the construction of an internal
 * entity's replacement text: parameter-entity and character references in the literal are
 * replaced, general-entity references are kept (bypassed) for later, §4.4.5/§4.4.7.
 */
import type { SourceLocation } from "../schema/model.js";
import { charRefCode } from "./attribute-value.js";
import { isNameChar, isNameStartChar, isPubidChar, isWhite, isXmlChar } from "./chars.js";
import type { Input } from "./input.js";
import type { Scanner } from "./scanner.js";
import type { EntityDeclSyntax, NotationDeclSyntax } from "./syntax.js";
import { earlierPlace } from "../diagnostics/location.js";

const PREDEFINED = new Set(["lt", "gt", "amp", "apos", "quot"]);

/** The file (or base) that relative system identifiers in the current input resolve against. */
export function currentBase(s: Scanner): string {
  for (let i = s.inputs.length - 1; i >= 0; i--) {
    const o = s.inputs[i].origin;
    if (o !== null) return o.file;
  }
  return "";
}

export function parseEntityDecl(s: Scanner, start: SourceLocation, startInput: Input): void {
  const ctx0 = "after <!ENTITY";
  s.requireS(ctx0);
  let parameter = false;
  if (s.peek() === 0x25 /* % */) {
    s.advance();
    parameter = true;
    s.requireS("after '%' in <!ENTITY %");
  }
  const name = s.readName(parameter ? "a parameter entity name" : "an entity name", ctx0);
  const label = parameter ? `% ${name}` : name;
  const ctx = `in <!ENTITY ${label} ...>`;
  s.requireS(ctx);
  const decl: EntityDeclSyntax = { name, parameter, base: currentBase(s), external: s.external, location: start };
  const q = s.peek();
  if (q === 0x22 || q === 0x27) {
    decl.value = readEntityValue(s, name, ctx);
  } else {
    const id = parseExternalId(s, ctx, false);
    decl.systemId = id.systemId;
    if (id.publicId !== undefined) decl.publicId = id.publicId;
    const hadS = s.skipS(true);
    if (s.startsWith("NDATA")) {
      if (!hadS) s.syntax("whitespace before NDATA", ctx);
      if (parameter) s.fatal("dtd/ndata-parameter-entity", { name });
      s.advance(5);
      s.requireS(`after NDATA ${ctx}`);
      decl.notation = s.readName("a notation name", `after NDATA ${ctx}`);
    }
  }
  s.skipS(true);
  if (!s.eat(">")) s.syntax(`'>' to close <!ENTITY ${label} ...>`, "");
  s.checkDeclNesting(startInput, `declaration <!ENTITY ${label} ...>`, start);
  const table = parameter ? s.doc.parameterEntities : s.doc.generalEntities;
  const prior = table.get(name);
  if (prior !== undefined) {
    if (!(PREDEFINED.has(name) && !parameter)) {
      const l = prior.location;
      s.report("dtd/duplicate-entity", { name: parameter ? `%${name};` : name, first: `${l.file}:${l.line}:${l.column}`, firstAt: earlierPlace(l, start.file) }, start);
    }
    return;
  }
  table.set(name, decl);
}

export function parseNotationDecl(s: Scanner, start: SourceLocation, startInput: Input): void {
  const ctx0 = "after <!NOTATION";
  s.requireS(ctx0);
  const name = s.readName("a notation name", ctx0);
  const ctx = `in <!NOTATION ${name} ...>`;
  s.requireS(ctx);
  const id = parseExternalId(s, ctx, true);
  s.skipS(true);
  if (!s.eat(">")) s.syntax(`'>' to close <!NOTATION ${name} ...>`, "");
  s.checkDeclNesting(startInput, `declaration <!NOTATION ${name} ...>`, start);
  const prior = s.doc.notations.get(name);
  if (prior !== undefined) {
    const l = prior.location;
    s.report("dtd/duplicate-notation", { name, first: `${l.file}:${l.line}:${l.column}`, firstAt: earlierPlace(l, start.file) }, start);
    return;
  }
  const decl: NotationDeclSyntax = { name, location: start };
  if (id.systemId !== undefined) decl.systemId = id.systemId;
  if (id.publicId !== undefined) decl.publicId = id.publicId;
  s.doc.notations.set(name, decl);
}

interface ExternalId {
  systemId?: string;
  publicId?: string;
}

/** SYSTEM "uri" | PUBLIC "pubid" "uri"; for notations the system literal after PUBLIC is optional. */
function parseExternalId(s: Scanner, ctx: string, notation: boolean): ExternalId {
  if (s.eat("SYSTEM")) {
    s.requireS(`after SYSTEM ${ctx}`);
    return { systemId: s.quoted("system identifier", ctx) };
  }
  if (s.eat("PUBLIC")) {
    s.requireS(`after PUBLIC ${ctx}`);
    const at = s.where();
    const raw = s.quoted("public identifier", ctx);
    for (let i = 0; i < raw.length; i++) {
      if (!isPubidChar(raw.charCodeAt(i))) s.fatal("dtd/syntax", { expected: "public identifier characters", context: ` ${ctx}`, found: `'${raw[i]}'` }, at);
    }
    const publicId = raw.replace(/[ \n\r]+/g, " ").trim();
    const hadS = s.skipS(true);
    const q = s.peek();
    if (q === 0x22 || q === 0x27) {
      if (!hadS) s.syntax("whitespace between the public and system identifiers", ctx);
      return { publicId, systemId: s.quoted("system identifier", ctx) };
    }
    if (!notation) s.syntax("the quoted system identifier after the public identifier", ctx);
    return { publicId };
  }
  s.syntax(notation ? "SYSTEM or PUBLIC" : "a quoted entity value, SYSTEM or PUBLIC", ctx);
}

/** Reads a quoted EntityValue in the current input and returns its replacement text. */
function readEntityValue(s: Scanner, name: string, ctx: string): string {
  const input = s.cur;
  const quote = input.text.charCodeAt(input.pos);
  const start = input.pos + 1;
  const end = input.text.indexOf(String.fromCharCode(quote), start);
  if (end < 0) s.fatal("dtd/unterminated", { construct: `the entity value ${ctx}`, expected: String.fromCharCode(quote) });
  const value = expandLiteral(s, input.text.slice(start, end), (i) => input.locate(start + i), s.activeEntities(), ctx, 0);
  input.pos = end + 1;
  void name;
  return value;
}

/**
 * Replaces parameter-entity and character references in `text`. An internal PE's replacement
 * text was built the same way when it was declared, so it is inserted as is; an external PE's
 * text is read and processed here (it has never been).
 */
function expandLiteral(s: Scanner, text: string, locate: (i: number) => SourceLocation, chain: string[], ctx: string, depth: number): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x25 /* % */) {
      const at = locate(i);
      const end = scanRefName(text, i + 1);
      if (end < 0) s.fatal("dtd/syntax", { expected: "a parameter-entity reference %name; (write &#37; for a literal '%')", context: ` ${ctx}`, found: `'${text.slice(i, i + 10)}'` }, at);
      const ref = text.slice(i + 1, end);
      if (s.inTopInternal && depth === 0) s.fatal("dtd/pe-in-internal-subset", { name: ref }, at);
      out += includePE(s, ref, at, chain, ctx, depth);
      i = end + 1;
      continue;
    }
    if (c === 0x26 /* & */) {
      const at = locate(i);
      if (text.charCodeAt(i + 1) === 0x23 /* # */) {
        const semi = text.indexOf(";", i);
        const body = semi < 0 ? "" : text.slice(i + 1, semi);
        const code = charRefCode(body);
        if (Number.isNaN(code)) s.fatal("dtd/syntax", { expected: "a character reference &#number; or &#xhex;", context: ` ${ctx}`, found: `'${text.slice(i, i + 10)}'` }, at);
        if (!isXmlChar(code)) s.fatal("dtd/invalid-char-ref", { ref: `&${body};` }, at);
        out += String.fromCodePoint(code);
        i = semi + 1;
        continue;
      }
      const end = scanRefName(text, i + 1);
      if (end < 0) s.fatal("dtd/syntax", { expected: "an entity reference &name; (write &#38;#38; for a literal '&')", context: ` ${ctx}`, found: `'${text.slice(i, i + 10)}'` }, at);
      out += text.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    out += text[i];
    i++;
  }
  return out;
}

/** Index of the ';' ending a Name that starts at `from`, or -1. */
function scanRefName(text: string, from: number): number {
  if (!isNameStartChar(text.codePointAt(from) ?? -1)) return -1;
  let i = from;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    if (!isNameChar(cp)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return text.charCodeAt(i) === 0x3b ? i : -1;
}

function includePE(s: Scanner, name: string, at: SourceLocation, chain: string[], ctx: string, depth: number): string {
  const ent = s.doc.parameterEntities.get(name);
  if (ent === undefined) {
    s.report("dtd/undeclared-pe", { name }, at);
    return "";
  }
  s.guard(name, chain, at);
  if (ent.value !== undefined) {
    s.account(ent.value.length, at);
    return ent.value;
  }
  const loaded = s.loadExternal(ent, at);
  if (loaded === undefined) return "";
  s.account(loaded.text.length, at);
  const body = stripTextDecl(loaded.text);
  const file = loaded.file;
  s.literalEntityDepth++;
  try {
    return expandLiteral(s, body, () => ({ file, line: 1, column: 1 }), [...chain, name], ctx, depth + 1);
  } finally {
    s.literalEntityDepth--;
  }
}

function stripTextDecl(text: string): string {
  if (!text.startsWith("<?xml") || !isWhite(text.charCodeAt(5))) return text;
  const end = text.indexOf("?>");
  return end < 0 ? text : text.slice(end + 2);
}
