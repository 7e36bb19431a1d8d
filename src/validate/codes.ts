/**
 * Diagnostic codes of the validation engine ("valid/"). Messages say what was expected and what
 * was found; the element path and position come with the diagnostic itself.
 */
import { defineCodes } from "../diagnostics/codes.js";

export const V = defineCodes({
  // Schema (compile-time) errors.
  "valid/ambiguous-content-model": {
    severity: "error",
    message: "{element}: content model is not deterministic: {found} may match {first} or {second}",
    hint: "Rewrite the content model so each child can be matched by one particle only (factor out the common prefix).",
  },
  "valid/content-model-too-deep": {
    severity: "error",
    message: "{element}: content model nesting exceeds {limit} levels",
    hint: "Flatten the content model.",
  },
  "valid/content-model-too-large": {
    severity: "error",
    message: "{element}: content model is too large to compile ({what})",
    hint: "Simplify the content model (a repeated choice of thousands of names grows with the square of its size; groups or parameter entities that use each other twice double it at each step).",
  },
  "valid/unsupported-content": {
    severity: "warning",
    message: "{element}: {feature} is not supported by the validator; {fallback}",
  },
  // Document structure.
  "valid/unreadable": {
    severity: "error",
    message: "cannot read {file}: {reason}",
    hint: "Check the path and the file's permissions.",
  },
  "valid/no-grammar": {
    severity: "error",
    message: "no schema to validate against: the document has no DOCTYPE declaration and none was given",
    hint: "Add a DOCTYPE naming the DTD, or pass a schema.",
  },
  "valid/dtd-not-read": {
    severity: "error",
    message: "the external DTD \"{systemId}\" was not read, so there is nothing to validate against",
    hint: "Give qxml a resolver (or catalog entry) that maps \"{systemId}\" to a local file, or validate against a bundled schema.",
  },
  "valid/dtd-partly-read": {
    severity: "warning",
    message: "the external DTD \"{systemId}\" was not read; validating against the internal subset only",
    hint: "Give qxml a resolver (or catalog entry) that maps \"{systemId}\" to a local file.",
  },
  "valid/root-mismatch": {
    severity: "error",
    message: "root element: expected <{expected}> (the DOCTYPE name); found <{found}>",
    hint: "Make the DOCTYPE name and the root element agree.",
  },
  "valid/unknown-root": {
    severity: "error",
    message: "root element: expected {expectedText}; found {foundText}",
    hint: "Use a root element that the schema declares globally.",
  },
  "valid/undeclared-element": {
    severity: "error",
    message: "no declaration for element <{found}>",
    hint: "Declare the element or correct its name.",
  },
  "valid/unexpected-element": {
    severity: "error",
    message: "{parent}: expected {expected}; found <{found}>",
  },
  "valid/missing-element": {
    severity: "error",
    message: "{parent}: expected {expected} before </{parent}>",
    hint: "Add the missing child element.",
  },
  "valid/text-not-allowed": {
    severity: "error",
    message: "{parent}: element-only content; found {found}",
    hint: "Remove the text or move it into a child element.",
  },
  "valid/not-empty": {
    severity: "error",
    message: "{parent}: declared EMPTY; found {found}",
    hint: "Remove the content or write the element as <{parent}/>.",
  },
  "valid/element-in-simple-content": {
    severity: "error",
    message: "{parent}: text-only content of type {type}; found <{found}>",
    hint: "{parent} holds text only: if </{parent}> is missing, close it before <{found}>; otherwise move <{found}> out of {parent}.",
  },
  "valid/abstract-element": {
    severity: "error",
    message: "<{found}> is declared abstract and cannot appear in a document",
    hint: "Use one of the elements that may substitute for <{found}> (its substitution group), or change the schema.",
  },
  "valid/abstract-type": {
    severity: "error",
    message: "<{element}> has the abstract type {type}{via}: {fix}",
    hint: "An abstract type only describes what its derived types share: add xsi:type naming a derived type that is not abstract (with xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" in scope), or change the schema.",
  },
  "valid/fixed-element": {
    severity: "error",
    message: "{parent}: expected the fixed value \"{expected}\"; found \"{found}\"",
    hint: "Write the fixed value \"{expected}\" as the text of <{parent}>, or leave <{parent}> empty (the fixed value then applies).",
  },
  "valid/fixed-mixed-child": {
    severity: "error",
    message: "{parent}: has a fixed value (\"{expected}\"), so it may hold only that text; found the element <{found}>",
    hint: "remove <{found}> from <{parent}>, or remove the fixed value from its declaration",
  },
  "valid/nil": {
    severity: "error",
    message: "{parent}: {problem}",
    hint: "xsi:nil=\"true\" is allowed only on an element the schema declares nillable, and the element must then be empty: remove xsi:nil or the content (or declare the element nillable=\"true\").",
  },
  "valid/xsi-type": {
    severity: "error",
    message: "{parent}: xsi:type=\"{found}\": {problem}",
    hint: "Name in xsi:type a type the schema declares and that derives from the element's declared type, or remove xsi:type.",
  },
  // Attributes.
  "valid/undeclared-attribute": {
    severity: "error",
    message: "{element}: no attribute {found} is declared; declared attributes: {expected}",
    hint: "Remove {found} or correct its name.",
  },
  "valid/missing-attribute": {
    severity: "error",
    message: "{element}: required attribute {name} is missing",
    hint: "Add {name}=\"...\" to the start tag.",
  },
  "valid/prohibited-attribute": {
    severity: "error",
    message: "{element}: attribute {name} is prohibited",
    hint: "Remove {name} from the start tag.",
  },
  "valid/fixed-attribute": {
    severity: "error",
    message: "{element}: attribute {name}: expected the fixed value \"{expected}\"; found \"{found}\"",
    hint: "Write {name}=\"{expected}\" or leave {name} out (the fixed value then applies).",
  },
  "valid/attribute-value": {
    severity: "error",
    message: "{element}: attribute {name}: expected {expected}; found \"{found}\"",
    hint: "Change the value of {name}: expected {expected}.",
  },
  "valid/attribute-type": {
    severity: "error",
    message: "{element}: attribute {name}: {reason}{typeNote}",
    hint: "Change the value of {name} to one its type allows.",
  },
  "valid/text-type": {
    severity: "error",
    message: "{parent}: {reason}{typeNote}",
    hint: "Change the text of <{parent}> to a value of its type.",
  },
  "valid/duplicate-id": {
    severity: "error",
    message: "ID \"{found}\" is already used by an element at line {firstLine}",
    hint: "IDs must be unique within a document.",
  },
  "valid/unresolved-idref": {
    severity: "error",
    message: "{element}: attribute {name}: IDREF \"{found}\" matches no ID in the document",
    hint: "Give an element the ID \"{found}\" (an attribute of type ID) or correct the reference.",
  },
  "valid/standalone": {
    severity: "error",
    message: "standalone=\"yes\": {problem}",
    hint: "Declare standalone=\"no\" or move the declaration into the internal subset.",
  },
  "valid/undeclared-entity": {
    severity: "error",
    message: "entity &{name}; is not declared",
    hint: "Declare <!ENTITY {name} ...> in the DTD (VC: Entity Declared).",
  },
  "valid/value-too-long": {
    severity: "error",
    message: "{element}: its value is longer than {limit} characters (at least {length}); it is not checked",
    hint: "A value this long is almost certainly a mistake (a missing end tag, or data in the wrong element); qxml stops holding it to protect against hostile input.",
  },
  "valid/too-many-errors": {
    severity: "error",
    message: "more than {limit} validity errors; {rest}",
    hint: "Fix the first errors (often one systematic mistake) and validate again.",
  },
});
