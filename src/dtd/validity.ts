/**
 * The validity constraints of XML 1.0 that concern the DTD alone, checked as declarations
 * arrive (so they hold across the internal and external subsets read into one DtdDocument),
 * plus `finishDtd` for those that need the whole DTD (notations may be declared after use).
 */
import { diagnose } from "../diagnostics/codes.js";
import { oneOf } from "../diagnostics/wording.js";
import type { SourceLocation } from "../schema/model.js";
import { normalizeAttributeValue } from "./attribute-value.js";
import { isName, isNmtoken } from "./chars.js";
import type { Scanner } from "./scanner.js";
import type { AttributeDef, DtdDocument, ElementTypeDecl } from "./syntax.js";

/** VC: No Notation on Empty Element, when the element is declared after its ATTLIST. */
export function noteElementDeclared(s: Scanner, decl: ElementTypeDecl): void {
  if (decl.content.kind !== "EMPTY") return;
  for (const a of s.doc.attlists.get(decl.name) ?? []) {
    if (a.type.kind === "NOTATION") s.report("dtd/notation-on-empty", { element: decl.name, attribute: a.name }, a.location);
  }
}

/** Checks a new (binding) attribute definition against the element's first ID and NOTATION attributes so far. */
export function checkNewAttribute(s: Scanner, def: AttributeDef, declared: { firstId?: AttributeDef; firstNotation?: AttributeDef }): void {
  const { element, name } = def;
  if (def.type.kind === "ID") {
    const other = declared.firstId;
    if (other !== undefined) s.report("dtd/multiple-id", { element, first: other.name, second: name }, def.location);
    if (def.default.kind === "default" || def.default.kind === "#FIXED") s.report("dtd/id-default", { element, attribute: name }, def.location);
  }
  if (def.type.kind === "NOTATION") {
    const other = declared.firstNotation;
    if (other !== undefined) s.report("dtd/multiple-notation-attr", { element, first: other.name, second: name }, def.location);
    if (s.doc.elements.get(element)?.content.kind === "EMPTY") s.report("dtd/notation-on-empty", { element, attribute: name }, def.location);
  }
  checkDefaultLegal(s, def);
}

const EXPECTED: Record<string, string> = {
  ID: "An ID value is an XML Name",
  IDREF: "An IDREF value is an XML Name",
  ENTITY: "An ENTITY value is an XML Name",
  IDREFS: "IDREFS values are XML Names separated by spaces",
  ENTITIES: "ENTITIES values are XML Names separated by spaces",
  NMTOKEN: "An NMTOKEN value is made of name characters only",
  NMTOKENS: "NMTOKENS values are name tokens separated by spaces",
};

/** VC: Attribute Default Value Syntactically Correct (and Fixed/enumeration membership). */
function checkDefaultLegal(s: Scanner, def: AttributeDef): void {
  const d = def.default;
  if (d.kind !== "default" && d.kind !== "#FIXED") return;
  const t = def.type;
  if (t.kind === "CDATA") return;
  const value = normalizeAttributeValue(d.value, s.doc.generalEntities, false).value;
  let ok: boolean;
  let expected: string;
  switch (t.kind) {
    case "ID":
    case "IDREF":
    case "ENTITY":
      ok = isName(value);
      expected = EXPECTED[t.kind];
      break;
    case "IDREFS":
    case "ENTITIES":
      ok = value !== "" && value.split(" ").every(isName);
      expected = EXPECTED[t.kind];
      break;
    case "NMTOKEN":
      ok = isNmtoken(value);
      expected = EXPECTED[t.kind];
      break;
    case "NMTOKENS":
      ok = value !== "" && value.split(" ").every(isNmtoken);
      expected = EXPECTED[t.kind];
      break;
    case "NOTATION":
    case "enumeration":
      ok = t.values.includes(value);
      expected = `The value must be ${oneOf(t.values)}`;
      break;
  }
  if (!ok) s.report("dtd/bad-default", { element: def.element, attribute: def.name, value, type: t.kind, expected }, def.location);
}

function at(doc: DtdDocument, code: string, params: Record<string, string>, loc: SourceLocation): void {
  const diag = diagnose(code, params, { line: loc.line, column: loc.column });
  if (loc.file !== "") diag.schemaLocation = { file: loc.file, line: loc.line, column: loc.column };
  doc.diagnostics.push(diag);
}

/**
 * Checks that need the complete DTD: notations named by NOTATION attributes and unparsed
 * entities must be declared. Call once, after the internal and external subsets are read.
 */
export function finishDtd(doc: DtdDocument): void {
  for (const list of doc.attlists.values()) {
    for (const a of list) {
      if (a.type.kind !== "NOTATION") continue;
      for (const n of a.type.values) {
        if (!doc.notations.has(n)) at(doc, "dtd/undeclared-notation", { notation: n, user: `attribute ${a.name} of ${a.element}` }, a.location);
      }
    }
  }
  for (const e of doc.generalEntities.values()) {
    if (e.notation !== undefined && !doc.notations.has(e.notation)) {
      at(doc, "dtd/undeclared-notation", { notation: e.notation, user: `unparsed entity ${e.name}` }, e.location);
    }
  }
}
