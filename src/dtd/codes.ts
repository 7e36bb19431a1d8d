/**
 * Diagnostic codes of the DTD parser. `FATAL_DTD_CODES` are well-formedness (syntax) errors:
 * after one of them the parser stops reading the DTD, as XML 1.0 §1.2 requires (or, for a DTD
 * read as a schema file with `recover`, skips to the next declaration: src/dtd/recover.ts). The
 * others are validity constraints (VC) and warnings: reading continues.
 */
import { defineCodes } from "../diagnostics/codes.js";

export const DTD = defineCodes({
  "dtd/syntax": {
    severity: "error",
    message: "expected {expected}{context}; found {found}",
    hint: "Fix the declaration syntax: XML 1.0 §3.2–4.7 give the grammar.",
  },
  "dtd/unterminated": {
    severity: "error",
    message: "{construct} is not terminated: the text ends before {expected}",
    hint: "Close {construct} with {expected}.",
  },
  "dtd/invalid-char": {
    severity: "error",
    message: "character U+{code} is not allowed in XML",
    hint: "Remove the character or write it as a character reference if it is legal there.",
  },
  "dtd/invalid-char-ref": {
    severity: "error",
    message: "character reference {ref} does not name a legal XML character",
    hint: "Use a code point allowed by the Char production (XML 1.0 §2.2).",
  },
  "dtd/pe-in-internal-subset": {
    severity: "error",
    message: "parameter-entity reference %{name}; inside a markup declaration of the internal subset",
    hint: "In the internal subset, parameter-entity references may only stand between declarations (WFC: PEs in Internal Subset); move the declaration to an external DTD or expand it by hand.",
  },
  "dtd/undeclared-pe": {
    severity: "error",
    message: "parameter entity %{name}; is referenced but not declared",
    hint: "Declare <!ENTITY % {name} ...> before its first use.",
  },
  "dtd/recursive-entity": {
    severity: "error",
    message: "entity {name} refers to itself (through {chain})",
    hint: "Break the cycle: an entity may not reference itself, directly or indirectly (WFC: No Recursion).",
  },
  "dtd/content-model-too-large": {
    severity: "error",
    message: "the content model of {element} names more than {limit} elements",
    hint: "qxml stops here to stay bounded: real content models name hundreds; look for parameter entities that each use the previous one more than once.",
  },
  "dtd/entity-limit": {
    severity: "error",
    message: "entity expansion limit exceeded: {what} (limit {limit})",
    hint: "qxml stops here to protect against entity bombs: the DTD expands entities more than qxml allows. Check the DTD (library users can raise the DTD limits for trusted input).",
  },
  "dtd/external-entity-refused": {
    severity: "warning",
    message: "external parameter entity %{name}; was not read: {reason}",
    hint: "Declarations inside it are missing; map its system identifier in the catalog or allow its folder.",
  },
  "dtd/conditional-in-internal-subset": {
    severity: "error",
    message: "conditional section in the internal subset",
    hint: "<![INCLUDE[ and <![IGNORE[ are only allowed in the external subset and external parameter entities.",
  },
  "dtd/text-decl": {
    severity: "error",
    message: "text declaration {problem}",
    hint: "A text declaration is <?xml version=\"1.0\" encoding=\"...\"?> at the very start of an external entity.",
  },
  "dtd/unreadable": {
    severity: "error",
    message: "cannot read the DTD file {file}: {reason}",
    hint: "Check the path. A DTD is read whole, and qxml reads at most 10,000,000 bytes of one (a hostile-input limit).",
  },
  "dtd/encoding": {
    severity: "error",
    message: "cannot decode {file}: {problem}",
    hint: "Save the file as UTF-8 (or UTF-16 with a byte order mark), or declare an encoding qxml supports.",
  },
  "dtd/reserved-pi": {
    severity: "error",
    message: "processing instruction target \"{target}\" is reserved",
    hint: "A PI target may not be \"xml\" in any case; an XML or text declaration may only appear at the very start.",
  },
  "dtd/lt-in-default": {
    severity: "error",
    message: "'<' in the default value of attribute {attribute} of {element}",
    hint: "Write &lt; instead (WFC: No < in Attribute Values).",
  },
  "dtd/undeclared-entity-in-default": {
    severity: "error",
    message: "entity &{name}; in the default value of attribute {attribute} of {element} is not declared",
    hint: "Declare the entity before the ATTLIST (WFC: Entity Declared).",
  },
  "dtd/external-entity-in-default": {
    severity: "error",
    message: "external entity &{name}; in the default value of attribute {attribute} of {element}",
    hint: "Attribute values may only reference internal entities (WFC: No External Entity References).",
  },
  "dtd/ndata-parameter-entity": {
    severity: "error",
    message: "parameter entity %{name}; cannot be unparsed (NDATA)",
    hint: "Only general entities may carry an NDATA notation.",
  },
  "dtd/pe-nesting-decl": {
    severity: "error",
    message: "the {construct} starts and ends in different entities",
    hint: "A parameter entity's replacement text must hold whole declarations (VC: Proper Declaration/PE Nesting).",
  },
  "dtd/pe-between-declarations": {
    severity: "error",
    message: "parameter entity %{name}; is referenced between declarations but holds only part of the {construct}",
    hint: "The replacement text of a parameter entity referenced between declarations must be whole declarations (WFC: PE Between Declarations).",
  },
  "dtd/pe-nesting-group": {
    severity: "error",
    message: "the parentheses of a content-model group in {element} are split across parameter entities",
    hint: "Put both parentheses of a group in the same parameter entity (VC: Proper Group/PE Nesting).",
  },
  "dtd/duplicate-element": {
    severity: "error",
    message: "element {name} is declared more than once (first at {firstAt})",
    hint: "Remove one declaration (VC: Unique Element Type Declaration); the first one is used.",
  },
  "dtd/duplicate-mixed-name": {
    severity: "error",
    message: "element {name} appears more than once in the mixed content of {element}",
    hint: "List each element once in (#PCDATA|...)* (VC: No Duplicate Types).",
  },
  "dtd/duplicate-attribute": {
    severity: "warning",
    message: "attribute {attribute} of {element} is declared more than once; the first declaration (at {firstAt}) is used",
    hint: "Remove the later declaration.",
  },
  "dtd/duplicate-entity": {
    severity: "warning",
    message: "entity {name} is declared more than once; the first declaration (at {firstAt}) is used",
    hint: "Remove the later declaration.",
  },
  "dtd/duplicate-notation": {
    severity: "error",
    message: "notation {name} is declared more than once (first at {firstAt})",
    hint: "Remove one declaration (VC: Unique Notation Name).",
  },
  "dtd/duplicate-token": {
    severity: "error",
    message: "value {value} is listed twice in the {kind} type of attribute {attribute} of {element}",
    hint: "List each value once (VC: No Duplicate Tokens).",
  },
  "dtd/multiple-id": {
    severity: "error",
    message: "element {element} has more than one ID attribute: {first} and {second}",
    hint: "An element type may have at most one ID attribute (VC: One ID per Element Type).",
  },
  "dtd/id-default": {
    severity: "error",
    message: "ID attribute {attribute} of {element} has a default value",
    hint: "Declare ID attributes #IMPLIED or #REQUIRED (VC: ID Attribute Default).",
  },
  "dtd/multiple-notation-attr": {
    severity: "error",
    message: "element {element} has more than one NOTATION attribute: {first} and {second}",
    hint: "An element type may have at most one NOTATION attribute (VC: One Notation Per Element Type).",
  },
  "dtd/notation-on-empty": {
    severity: "error",
    message: "NOTATION attribute {attribute} is declared on EMPTY element {element}",
    hint: "Remove the attribute or give the element content (VC: No Notation on Empty Element).",
  },
  "dtd/undeclared-notation": {
    severity: "error",
    message: "notation {notation} used by {user} is not declared",
    hint: "Declare <!NOTATION {notation} SYSTEM \"...\"> (VC: Notation Attributes / Notation Declared).",
  },
  "dtd/bad-default": {
    severity: "error",
    message: "default value \"{value}\" of attribute {attribute} of {element} is not a legal {type}",
    hint: "{expected} (VC: Attribute Default Value Syntactically Correct).",
  },
  "dtd/attlist-undeclared-element": {
    severity: "info",
    message: "ATTLIST for element {element}, which has no element declaration",
    hint: "Declare the element, or remove the attribute list if it is obsolete.",
  },
  "dtd/undeclared-child": {
    severity: "info",
    message: "content model of {element} names undeclared element {name}",
    hint: "Declare {name}, or fix the spelling.",
  },
  "dtd/too-many-notes": {
    severity: "info",
    message: "{notReported} more notes about undeclared elements were not reported (the first {limit} are)",
    hint: "Declare the elements named so far, or remove the references, and run again.",
  },
  "dtd/too-many-errors": {
    severity: "error",
    message: "too many syntax errors: reading stopped after {limit} recovered errors; the rest of the DTD was not read",
    hint: "Fix the errors reported so far and run again.",
  },
});

/** Codes after which the parser stops (well-formedness errors). */
export const FATAL_DTD_CODES: ReadonlySet<string> = new Set([
  "dtd/syntax",
  "dtd/unterminated",
  "dtd/invalid-char",
  "dtd/invalid-char-ref",
  "dtd/pe-in-internal-subset",
  "dtd/recursive-entity",
  "dtd/entity-limit",
  "dtd/content-model-too-large",
  "dtd/conditional-in-internal-subset",
  "dtd/text-decl",
  "dtd/encoding",
  "dtd/unreadable",
  "dtd/reserved-pi",
  "dtd/lt-in-default",
  "dtd/external-entity-in-default",
  "dtd/ndata-parameter-entity",
  "dtd/pe-between-declarations",
  "dtd/too-many-errors",
]);

export function isFatalDtdCode(code: string): boolean {
  return FATAL_DTD_CODES.has(code);
}
