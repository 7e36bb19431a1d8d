/**
 * <!ELEMENT name contentspec> (XML 1.0 §3.2). Content models are read with an explicit stack
 * (no recursion), so hostile nesting depth cannot overflow the call stack.
 */
import { MAX_CONTENT_PARTICLES, type SourceLocation } from "../schema/model.js";
import type { Input } from "./input.js";
import type { Scanner } from "./scanner.js";
import type { ContentParticle, ContentSpec, ElementTypeDecl, Occurrence } from "./syntax.js";
import { noteElementDeclared } from "./validity.js";
import { earlierPlace } from "../diagnostics/location.js";

export function parseElementDecl(s: Scanner, start: SourceLocation, startInput: Input, comment: string | undefined): void {
  const ctx0 = "after <!ELEMENT";
  s.requireS(ctx0);
  const name = s.readName("an element name", ctx0);
  const ctx = `in <!ELEMENT ${name} ...>`;
  s.requireS(ctx);
  const content = parseContentSpec(s, name, ctx);
  s.skipS(true);
  if (!s.eat(">")) s.syntax(`'>' to close <!ELEMENT ${name} ...>`, "");
  s.checkDeclNesting(startInput, `declaration <!ELEMENT ${name} ...>`, start);
  const decl: ElementTypeDecl = { name, content, location: start };
  if (comment !== undefined) decl.comment = comment;
  const prior = s.doc.elements.get(name);
  if (prior !== undefined) {
    s.report("dtd/duplicate-element", { name, first: `${prior.location.file}:${prior.location.line}:${prior.location.column}`, firstAt: earlierPlace(prior.location, start.file) }, start);
    return;
  }
  s.doc.elements.set(name, decl);
  noteElementDeclared(s, decl);
}

function parseContentSpec(s: Scanner, element: string, ctx: string): ContentSpec {
  if (s.eat("EMPTY")) return { kind: "EMPTY" };
  if (s.eat("ANY")) return { kind: "ANY" };
  if (s.peek() !== 0x28 /* ( */) s.syntax("EMPTY, ANY or '(' to start the content model", ctx);
  const open = { at: s.where(), input: s.cur };
  s.advance();
  s.skipS(true);
  if (s.eat("#PCDATA")) return parseMixed(s, element, ctx, open);
  return { kind: "children", particle: parseChildren(s, element, ctx, open) };
}

interface Open {
  at: SourceLocation;
  input: Input;
}

function checkGroupNesting(s: Scanner, element: string, open: Open): void {
  if (s.cur !== open.input) s.report("dtd/pe-nesting-group", { element }, open.at);
}

/** After '(' S? '#PCDATA': ( S? '|' S? Name )* S? ')*'  or  S? ')'. */
function parseMixed(s: Scanner, element: string, ctx: string, open: Open): ContentSpec {
  const names: string[] = [];
  for (;;) {
    s.skipS(true);
    if (s.peek() === 0x29 /* ) */) {
      checkGroupNesting(s, element, open);
      s.advance();
      if (s.eat("*")) return { kind: "mixed", names };
      if (names.length > 0) s.syntax("')*' after a mixed content model that names elements", ctx);
      return { kind: "mixed", names };
    }
    if (!s.eat("|")) s.syntax(names.length === 0 ? "'|' or ')' after #PCDATA" : "'|' or ')*'", ctx);
    s.skipS(true);
    const at = s.where();
    const name = s.readName("an element name", ctx);
    if (names.includes(name)) s.report("dtd/duplicate-mixed-name", { name, element }, at);
    else names.push(name);
  }
}

interface GroupFrame {
  items: ContentParticle[];
  sep: "," | "|" | null;
  open: Open;
}

function readOccurrence(s: Scanner): Occurrence {
  const c = s.peek();
  if (c === 0x3f || c === 0x2a || c === 0x2b) {
    s.advance();
    return c === 0x3f ? "?" : c === 0x2a ? "*" : "+";
  }
  return "";
}

/** children ::= (choice | seq) ('?' | '*' | '+')?, read after the first '('. */
function parseChildren(s: Scanner, element: string, ctx: string, first: Open): ContentParticle {
  const stack: GroupFrame[] = [{ items: [], sep: null, open: first }];
  let expectItem = true;
  let names = 0;
  for (;;) {
    s.skipS(true);
    const top = stack[stack.length - 1];
    if (expectItem) {
      if (s.peek() === 0x28) {
        stack.push({ items: [], sep: null, open: { at: s.where(), input: s.cur } });
        s.advance();
        continue;
      }
      const at = s.where();
      if (s.startsWith("#PCDATA")) s.syntax("an element name or '(' (#PCDATA must come first, in a mixed content model)", ctx);
      const name = s.readName("an element name or '('", ctx);
      // Parameter entities that each use the previous one twice build 2^n names in a few lines (20
      // of them: a million, 0.6 GB before the validator refused the model).
      if (++names > MAX_CONTENT_PARTICLES) s.fatal("dtd/content-model-too-large", { element, limit: MAX_CONTENT_PARTICLES }, at);
      top.items.push({ kind: "name", name, occur: readOccurrence(s), location: at });
      expectItem = false;
      continue;
    }
    const c = s.peek();
    if (c === 0x2c || c === 0x7c) {
      const sep = c === 0x2c ? "," : "|";
      if (top.sep !== null && top.sep !== sep) s.syntax(`'${top.sep}' or ')' (a group cannot mix ',' and '|')`, ctx);
      top.sep = sep;
      s.advance();
      expectItem = true;
      continue;
    }
    if (c !== 0x29) s.syntax(top.sep === null ? "',', '|' or ')'" : `'${top.sep}' or ')'`, ctx);
    checkGroupNesting(s, element, top.open);
    s.advance();
    const group: ContentParticle = { kind: top.sep === "|" ? "choice" : "seq", items: top.items, occur: readOccurrence(s), location: top.open.at };
    stack.pop();
    if (stack.length === 0) return group;
    stack[stack.length - 1].items.push(group);
  }
}
