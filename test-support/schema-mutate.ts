/**
 * The seeded schema mutator: from one XSD or DTD text, up to `perKind` mutated texts of each
 * mutation kind (test-support/schema-mutate/xsd-kinds.ts, dtd-kinds.ts), chosen by the seeded
 * generator. A mutation's id is "<kind>:<index among that kind's candidates>", stable for a given
 * seed text whatever the generator's seed, so a finding can be pinned by id.
 */
import { seededRng, sample } from "./mutate/rng.js";
import { DTD_KINDS, dtdCandidates, type DtdKind } from "./schema-mutate/dtd-kinds.js";
import { XSD_KINDS, xsdCandidates, type XsdKind } from "./schema-mutate/xsd-kinds.js";
import { applySplices, insertFirstChild, renameElement, scanElements, setAttr, type El } from "./schema-mutate/markup.js";

export { DTD_KINDS, XSD_KINDS };
export type SchemaMutationKind = XsdKind | DtdKind;

export interface SchemaMutation {
  id: string;
  kind: SchemaMutationKind;
  description: string;
  text: string;
}

export interface SchemaMutateOptions {
  seed: number;
  /** Mutations kept per kind (sampled from all candidates). */
  perKind: number;
  /** The file name the mutated schema will be written as (for mutations that include the schema itself). */
  selfName: string;
  /** Only these kinds (default all of the schema language's kinds). */
  kinds?: readonly SchemaMutationKind[];
}

export function mutateSchema(language: "xsd" | "dtd", text: string, options: SchemaMutateOptions): SchemaMutation[] {
  const rng = seededRng(options.seed);
  const kinds: readonly SchemaMutationKind[] = language === "xsd" ? XSD_KINDS : DTD_KINDS;
  const out: SchemaMutation[] = [];
  for (const kind of kinds) {
    if (options.kinds !== undefined && !options.kinds.includes(kind)) continue;
    const all = language === "xsd" ? xsdCandidates(text, kind as XsdKind, options.selfName) : dtdCandidates(text, kind as DtdKind);
    const indexed = all.map((c, i) => ({ ...c, id: `${kind}:${i}`, kind }));
    for (const m of sample(indexed, options.perKind, rng)) out.push(m);
  }
  return out;
}

// ---- syntax mutations (the schema diagnostic sweep's; not among mutateSchema's kinds) -----------

/**
 * Broken schema text, for test-support/schema-diagnostic-sweep.ts: what a hand-edited schema file
 * looks like when it does not parse or names things wrongly. Kept apart from mutateSchema's kinds
 * so the libxml2 differential's counts and known differences stay as they are.
 */
export const SYNTAX_KINDS = ["syntax-truncate", "syntax-drop-gt", "syntax-drop-cdata-end", "syntax-bad-pe", "syntax-bad-decl", "syntax-unknown-element", "syntax-bad-attribute", "syntax-include-sibling"] as const;
export type SyntaxKind = (typeof SYNTAX_KINDS)[number];

export interface SyntaxMutation {
  id: string;
  kind: SyntaxKind;
  description: string;
  text: string;
}

type Edit = { description: string; text: string };

const lineAt = (text: string, offset: number) => text.slice(0, offset).split("\n").length;

function truncations(text: string): Edit[] {
  // Sixteen cuts spread over the file: inside a tag, a value, a comment, between declarations.
  return Array.from({ length: 16 }, (_, i) => Math.floor((text.length * (i + 1)) / 17)).map((at) => ({ description: `truncated at line ${lineAt(text, at)} (offset ${at})`, text: text.slice(0, at) }));
}

function dropAll(text: string, token: string, what: string): Edit[] {
  const out: Edit[] = [];
  for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) out.push({ description: `${what} dropped at line ${lineAt(text, at)}`, text: text.slice(0, at) + text.slice(at + token.length) });
  return out;
}

/** After the first markup declaration (so the inserted text is read in the DTD's own context), else at the start. */
function dtdInsert(text: string, markup: string, description: string): Edit {
  const end = /<!(?:ELEMENT|ATTLIST|ENTITY|NOTATION)[^>]*>/.exec(text);
  const at = end === null ? 0 : end.index + end[0].length;
  return { description, text: `${text.slice(0, at)}\n${markup}${text.slice(at)}` };
}

const BAD_PES: readonly [string, string][] = [
  ["an undeclared parameter entity", "%qxNoSuchPe;"],
  ["a parameter entity reference without its ;", "<!ENTITY % qxPe \"<!ELEMENT qxPe EMPTY>\">%qxPe"],
  ["a % with no name", "% ;"],
  ["an undeclared parameter entity inside a declaration", "<!ELEMENT qxPe %qxNoSuch;>"],
  ["a parameter entity that holds half a declaration", "<!ENTITY % qxHalf \"<!ELEMENT qxHalf\">%qxHalf; EMPTY>"],
  ["a parameter entity whose value names itself", "<!ENTITY % qxLoop \"%qxLoop;\">%qxLoop;"],
];

const BAD_DECLS: readonly [string, string][] = [
  ["a misspelt keyword", "<!ELEMNT qxBad EMPTY>"],
  ["a misspelt content keyword", "<!ELEMENT qxBad EMTPY>"],
  ["an unknown attribute type", "<!ATTLIST qxBad a CDTA #IMPLIED>"],
  ["a misspelt default", "<!ATTLIST qxBad a CDATA #REQUIERD>"],
  ["mixed , and | in one group", "<!ELEMENT qxBad (a,b|c)>"],
  ["mixed content without *", "<!ELEMENT qxBad (#PCDATA|a)>"],
  ["a name twice in mixed content", "<!ELEMENT qxBad (#PCDATA|a|a)*>"],
  ["an entity with SYSTEM and no literal", "<!ENTITY qxBad SYSTEM>"],
  ["an unclosed comment", "<!-- qxml: never closed"],
  ["an unclosed group", "<!ELEMENT qxBad (a,b>"],
  ["an enumeration with an empty value", "<!ATTLIST qxBad a (x||y) #IMPLIED>"],
  ["an attribute default not in its enumeration", "<!ATTLIST qxBad a (x|y) \"z\">"],
  ["a control character in a declaration", "<!ELEMENT qxBad\u0001 EMPTY>"],
  ["a character reference to U+0000", "<!ENTITY qxBad \"&#0;\">"],
  ["a < in an attribute default", "<!ATTLIST qxBad a CDATA \"x<y\">"],
  ["an external entity in an attribute default", "<!ENTITY qxExt SYSTEM \"qx.ent\"><!ATTLIST qxBad a CDATA \"&qxExt;\">"],
  ["an undeclared entity in an attribute default", "<!ATTLIST qxBad a CDATA \"&qxNone;\">"],
  ["a general entity that names itself, used in a default", "<!ENTITY qxR \"&qxR;\"><!ATTLIST qxBad a CDATA \"&qxR;\">"],
  ["NDATA on a parameter entity", "<!ENTITY % qxN SYSTEM \"qx.gif\" NDATA gif>"],
  ["two NOTATION attributes on one element", "<!NOTATION qxg SYSTEM \"g\"><!ATTLIST qxBad a NOTATION (qxg) #IMPLIED b NOTATION (qxg) #IMPLIED>"],
  ["a parameter entity closing a group it did not open", "<!ENTITY % qxClose \"b)\"><!ELEMENT qxBad (a,%qxClose;>"],
  ["a parameter entity ending a declaration it did not start", "<!ENTITY % qxEnd \"EMPTY>\"><!ELEMENT qxBad %qxEnd;"],
];

/** Broken global XSD definitions; "T:" stands for the prefix of the schema's target namespace. */
const BAD_XSD_DEFS: readonly [string, string][] = [
  ["a bad XPath in an identity constraint", '<xs:element name="qxIdc" type="xs:string"><xs:unique name="qxU"><xs:selector xpath="a[1]"/><xs:field xpath="@"/></xs:unique></xs:element>'],
  ["a keyref to no key", '<xs:element name="qxK"><xs:complexType><xs:sequence><xs:element name="v" type="xs:string"/></xs:sequence></xs:complexType><xs:keyref name="qxR" refer="T:qxNoKey"><xs:selector xpath="v"/><xs:field xpath="."/></xs:keyref></xs:element>'],
  ["a restriction loosening a fixed facet", '<xs:simpleType name="qxF"><xs:restriction base="xs:string"><xs:maxLength value="2" fixed="true"/></xs:restriction></xs:simpleType><xs:simpleType name="qxG"><xs:restriction base="T:qxF"><xs:maxLength value="3"/></xs:restriction></xs:simpleType>'],
  ["a restriction loosening maxLength", '<xs:simpleType name="qxF"><xs:restriction base="xs:string"><xs:maxLength value="2"/></xs:restriction></xs:simpleType><xs:simpleType name="qxG"><xs:restriction base="T:qxF"><xs:maxLength value="3"/></xs:restriction></xs:simpleType>'],
  ["a union of a complex type", '<xs:complexType name="qxC"/><xs:simpleType name="qxU"><xs:union memberTypes="T:qxC xs:int"/></xs:simpleType>'],
  ["a list of a list", '<xs:simpleType name="qxL"><xs:list itemType="xs:int"/></xs:simpleType><xs:simpleType name="qxLL"><xs:list itemType="T:qxL"/></xs:simpleType>'],
  ["an xs:all inside a sequence", '<xs:complexType name="qxA"><xs:sequence><xs:all><xs:element name="a"/></xs:all></xs:sequence></xs:complexType>'],
  ["two ID attributes in one type", '<xs:complexType name="qxI"><xs:attribute name="a" type="xs:ID"/><xs:attribute name="b" type="xs:ID"/></xs:complexType>'],
];

/** The prefix (with its colon) the schema's targetNamespace is bound to; "" for none or the default namespace. */
function targetPrefix(root: El): string {
  const tns = root.attrs.find((a) => a.name === "targetNamespace")?.value;
  const decl = tns === undefined ? undefined : root.attrs.find((a) => a.name.startsWith("xmlns:") && a.value === tns);
  return decl === undefined ? "" : `${decl.name.slice(6)}:`;
}

const UNKNOWN_ELEMENTS = ["elemnt", "sequense", "qxUnknown", "complexTyp", "attribte"];

/** Bad values (and an unknown attribute) on XSD elements that have the attribute's owner kind. */
const BAD_ATTRIBUTES: readonly [string, string, string][] = [
  ["element", "minOccurs", "x"],
  ["element", "maxOccurs", "-1"],
  ["element", "maxOccurs", "1.5"],
  ["element", "nillable", "yes"],
  ["element", "form", "x"],
  ["element", "block", "bogus"],
  ["element", "nmae", "x"],
  ["element", "type", "nope:string"],
  ["attribute", "use", "sometimes"],
  ["attribute", "type", "xs:"],
  ["sequence", "minOccurs", "-3"],
  ["complexType", "final", "everything"],
  ["complexType", "mixed", "maybe"],
  ["any", "processContents", "maybe"],
  ["restriction", "base", ""],
];

function xsdEdits(text: string, kind: SyntaxKind): Edit[] {
  const els = scanElements(text);
  const root = els[0];
  if (root === undefined || root.local !== "schema") return [];
  const xs = root.prefix === "" ? "" : `${root.prefix}:`;
  const mine = els.filter((e) => e.prefix === root.prefix);
  const at = (e: El) => `line ${lineAt(text, e.start)}`;
  if (kind === "syntax-unknown-element") {
    const out: Edit[] = [];
    for (const e of mine.slice(1))
      for (const u of UNKNOWN_ELEMENTS) {
        out.push({ description: `xs:${u} inserted before xs:${e.local} (${at(e)})`, text: applySplices(text, [{ start: e.start, end: e.start, text: `<${xs}${u} name="qx"/>` }]) });
        if (u.startsWith(e.local.slice(0, 3))) out.push({ description: `xs:${e.local} renamed xs:${u} (${at(e)})`, text: applySplices(text, renameElement(text, e, u)) });
      }
    return out;
  }
  if (kind === "syntax-bad-decl") {
    // Definitions go last, before </xs:schema> (after any include/import/redefine).
    const at = root.selfClosing ? -1 : text.lastIndexOf("</", root.end);
    if (at < 0) return [];
    return BAD_XSD_DEFS.map(([what, markup]) => ({ description: what, text: applySplices(text, [{ start: at, end: at, text: markup.replace(/xs:/g, xs).replace(/T:/g, targetPrefix(root)) }]) }));
  }
  if (kind === "syntax-bad-attribute") {
    const out: Edit[] = [];
    for (const e of mine)
      for (const [owner, name, value] of BAD_ATTRIBUTES) if (e.local === owner) out.push({ description: `xs:${owner} (${at(e)}): ${name}="${value}"`, text: applySplices(text, [setAttr(e, name, value.replace(/^xs:/, xs))]) });
    return out;
  }
  return [];
}

/**
 * Another schema of the seed's folder pulled in (xs:include, or a DTD's external parameter entity):
 * diagnostics then arise in that file, and must name it.
 */
function includeSibling(language: "xsd" | "dtd", text: string, siblings: readonly string[]): Edit[] {
  if (language === "dtd") return siblings.map((f) => dtdInsert(text, `<!ENTITY % qxSibling SYSTEM "${f}">%qxSibling;`, `${f} read as a parameter entity`));
  const root = scanElements(text)[0];
  if (root === undefined || root.local !== "schema") return [];
  const xs = root.prefix === "" ? "" : `${root.prefix}:`;
  return siblings.map((f) => ({ description: `xs:include of ${f}`, text: applySplices(text, insertFirstChild(text, root, `<${xs}include schemaLocation="${f}"/>`)) }));
}

function syntaxEdits(language: "xsd" | "dtd", text: string, kind: SyntaxKind, siblings: readonly string[]): Edit[] {
  switch (kind) {
    case "syntax-include-sibling":
      return includeSibling(language, text, siblings);
    case "syntax-truncate":
      return truncations(text);
    case "syntax-drop-gt":
      return dropAll(text, ">", "a >");
    case "syntax-drop-cdata-end":
      return dropAll(text, "]]>", "a ]]>");
    case "syntax-bad-pe":
      return language === "dtd" ? BAD_PES.map(([what, markup]) => dtdInsert(text, markup, what)) : [];
    case "syntax-bad-decl":
      return language === "dtd" ? BAD_DECLS.map(([what, markup]) => dtdInsert(text, markup, what)) : xsdEdits(text, kind);
    default:
      return language === "xsd" ? xsdEdits(text, kind) : [];
  }
}

/**
 * Up to `perKind` syntax mutations of each kind; ids "<kind>:<index among that kind's candidates>",
 * as mutateSchema's. `siblings`: the other schema files of the folder (names relative to it).
 */
export function syntaxMutations(language: "xsd" | "dtd", text: string, options: { seed: number; perKind: number; siblings?: readonly string[] }): SyntaxMutation[] {
  const rng = seededRng(options.seed);
  const out: SyntaxMutation[] = [];
  for (const kind of SYNTAX_KINDS) {
    const all = syntaxEdits(language, text, kind, options.siblings ?? []).map((e, i) => ({ ...e, id: `${kind}:${i}`, kind })).filter((m) => m.text !== text);
    out.push(...sample(all, options.perKind, rng));
  }
  return out;
}
