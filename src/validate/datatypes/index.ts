/**
 * XSD 1.0 datatypes: built-in lexical spaces, facets, and the XSD regular-expression translator.
 * Pure functions over the schema model; the validation engine and generated validators use them
 * (re-exported as "qxml/runtime"). Checks return a code and parameters (see codes.ts); the
 * caller adds the location.
 */
export type { SimpleTypeChecker, ValueCheck, ValueContext, ValueParams } from "./types.js";
export { compileSimpleType } from "./compile.js";
export { checkBuiltin } from "./builtin.js";
export { applyWhiteSpace } from "./whitespace.js";
export { translateXsdRegex, translateXsdRegexSource, type TranslatedRegex } from "./regex/translate.js";
export { XsdRegexError, XsdRegexTooComplex } from "./regex/error.js";
export { TYPE_CODES, type TypeCode } from "./codes.js";
