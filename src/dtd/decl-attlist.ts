/** <!ATTLIST element (name type default)*> (XML 1.0 §3.3). The first definition of an attribute binds. */
import type { SourceLocation } from "../schema/model.js";
import { normalizeAttributeValue } from "./attribute-value.js";
import type { Input } from "./input.js";
import type { Scanner } from "./scanner.js";
import type { AttributeDef, AttributeDefault, AttributeTypeSyntax } from "./syntax.js";
import { checkNewAttribute } from "./validity.js";
import { earlierPlace } from "../diagnostics/location.js";

const SIMPLE_TYPES = ["CDATA", "IDREFS", "IDREF", "ID", "ENTITY", "ENTITIES", "NMTOKENS", "NMTOKEN"] as const;

/**
 * An element's attribute definitions by name, and its first ID and NOTATION attributes: searching
 * the element's list for each new attribute made 20,000 attributes take seconds (quadratic, hostile
 * DTDs). Kept by the scanner (src/dtd/scanner.ts), built from the list on first use.
 */
export interface AttributeIndex {
  byName: Map<string, AttributeDef>;
  firstId?: AttributeDef;
  firstNotation?: AttributeDef;
}

function indexOf(list: readonly AttributeDef[]): AttributeIndex {
  const ix: AttributeIndex = { byName: new Map() };
  for (const d of list) addToIndex(ix, d);
  return ix;
}

function addToIndex(ix: AttributeIndex, d: AttributeDef): void {
  ix.byName.set(d.name, d);
  if (d.type.kind === "ID") ix.firstId ??= d;
  if (d.type.kind === "NOTATION") ix.firstNotation ??= d;
}

export function parseAttlistDecl(s: Scanner, start: SourceLocation, startInput: Input, comment: string | undefined): void {
  const ctx0 = "after <!ATTLIST";
  s.requireS(ctx0);
  const element = s.readName("an element name", ctx0);
  const existed = s.doc.attlists.get(element);
  const list = existed ?? [];
  s.doc.attlists.set(element, list);
  const mark = list.length;
  let ix = s.attributeIndex.get(element);
  if (ix === undefined) s.attributeIndex.set(element, (ix = indexOf(list)));
  try {
    readAttributeDefs(s, element, list, ix, comment);
    s.checkDeclNesting(startInput, `declaration <!ATTLIST ${element} ...>`, start);
  } catch (e) {
    // A broken ATTLIST adds nothing (reading may recover after it: nothing half-read may stay).
    list.length = mark;
    s.attributeIndex.set(element, indexOf(list));
    if (existed === undefined) s.doc.attlists.delete(element);
    throw e;
  }
}

function readAttributeDefs(s: Scanner, element: string, list: AttributeDef[], ix: AttributeIndex, comment: string | undefined): void {
  for (;;) {
    const hadS = s.skipS(true);
    if (s.eat(">")) break;
    if (!hadS) s.syntax(`whitespace or '>' to close <!ATTLIST ${element} ...>`, "");
    const at = s.where();
    const name = s.readName(`an attribute name or '>' to close <!ATTLIST ${element} ...>`, "");
    const actx = `in the definition of attribute ${name} of ${element}`;
    s.requireS(actx);
    const type = parseAttType(s, element, name, actx);
    s.requireS(actx);
    const dflt = parseDefault(s, element, name, actx);
    const def: AttributeDef = { element, name, type, default: dflt, external: s.external, location: at };
    if (comment !== undefined) def.comment = comment;
    const prior = ix.byName.get(name);
    if (prior !== undefined) {
      const l = prior.location;
      s.report("dtd/duplicate-attribute", { element, attribute: name, first: `${l.file}:${l.line}:${l.column}`, firstAt: earlierPlace(l, at.file) }, at);
      continue;
    }
    checkNewAttribute(s, def, ix);
    list.push(def);
    addToIndex(ix, def);
  }
}

function parseAttType(s: Scanner, element: string, attribute: string, ctx: string): AttributeTypeSyntax {
  if (s.peek() === 0x28) return { kind: "enumeration", values: parseValueList(s, "enumeration", element, attribute, ctx) };
  if (s.eat("NOTATION")) {
    s.requireS(`after NOTATION ${ctx}`);
    if (s.peek() !== 0x28) s.syntax("'(' to start the list of notation names", ctx);
    return { kind: "NOTATION", values: parseValueList(s, "NOTATION", element, attribute, ctx) };
  }
  for (const k of SIMPLE_TYPES) {
    if (s.startsWith(k) && !isNameCharAt(s, k.length)) {
      s.advance(k.length);
      return { kind: k };
    }
  }
  s.syntax("an attribute type (CDATA, ID, IDREF, IDREFS, ENTITY, ENTITIES, NMTOKEN, NMTOKENS, NOTATION or '(')", ctx);
}

function isNameCharAt(s: Scanner, offset: number): boolean {
  const c = s.peek(offset);
  return c !== -1 && /[\w.:\-\u00b7\u00c0-\uffff]/.test(String.fromCharCode(c));
}

/** '(' S? token (S? '|' S? token)* S? ')': Nmtokens for enumerations, Names for NOTATION. */
function parseValueList(s: Scanner, kind: "enumeration" | "NOTATION", element: string, attribute: string, ctx: string): string[] {
  const values: string[] = [];
  const open = s.cur;
  s.advance();
  for (;;) {
    s.skipS(true);
    const at = s.where();
    const v = kind === "NOTATION" ? s.readName("a notation name", ctx) : s.readNmtoken("a name token (enumeration value)", ctx);
    if (values.includes(v)) s.report("dtd/duplicate-token", { value: v, kind, attribute, element }, at);
    else values.push(v);
    s.skipS(true);
    if (s.peek() === 0x29) {
      if (s.cur !== open) s.report("dtd/pe-nesting-decl", { construct: `${kind} value list` });
      s.advance();
      return values;
    }
    if (!s.eat("|")) s.syntax("'|' or ')'", ctx);
  }
}

function parseDefault(s: Scanner, element: string, attribute: string, ctx: string): AttributeDefault {
  if (s.eat("#REQUIRED")) return { kind: "#REQUIRED" };
  if (s.eat("#IMPLIED")) return { kind: "#IMPLIED" };
  let fixed = false;
  if (s.eat("#FIXED")) {
    s.requireS(`after #FIXED ${ctx}`);
    fixed = true;
  }
  if (s.peek() !== 0x22 && s.peek() !== 0x27) s.syntax(fixed ? "a quoted default value" : "#REQUIRED, #IMPLIED, #FIXED or a quoted default value", ctx);
  const at = s.where();
  const value = s.quoted("default value", ctx);
  checkDefaultLiteral(s, value, element, attribute, at);
  return fixed ? { kind: "#FIXED", value } : { kind: "default", value };
}

/** Well-formedness of a default value: no '<', well-formed references to declared parsed entities. */
function checkDefaultLiteral(s: Scanner, raw: string, element: string, attribute: string, at: SourceLocation): void {
  const r = normalizeAttributeValue(raw, s.doc.generalEntities, true);
  const p = r.problem;
  if (p === undefined) return;
  switch (p.kind) {
    case "lt":
      s.fatal("dtd/lt-in-default", { element, attribute }, at);
    case "bad-ref":
      s.fatal("dtd/syntax", { expected: "a reference of the form &name; or &#number;", context: ` in the default value of attribute ${attribute} of ${element}`, found: `'&${p.name}'` }, at);
    case "bad-char-ref":
      s.fatal("dtd/invalid-char-ref", { ref: p.name }, at);
    case "external":
    case "unparsed":
      s.fatal("dtd/external-entity-in-default", { element, attribute, name: p.name }, at);
    case "recursive":
      s.fatal("dtd/recursive-entity", { name: `&${p.name};`, chain: `the default value of ${attribute}` }, at);
    case "limit":
      s.fatal("dtd/entity-limit", { what: `expanding the default value of ${attribute}`, limit: 1_000_000 }, at);
    case "undeclared":
      s.report("dtd/undeclared-entity-in-default", { element, attribute, name: p.name }, at);
  }
}
