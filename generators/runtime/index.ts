/** What generated code imports from "qxml/runtime" for the object form. */
export type { FormNode, FormTable, ValueKind } from "./table.js";
export { parseWithTable, ParseError } from "./parse.js";
export { serializeWithTable, type SerializeOptions } from "./serialize.js";
export { fromLexical, toLexical } from "./values.js";
export { undeclaredAttribute, wildcardAttribute, wildcardTakes, type AttributeWildcard } from "./check.js";
export { checkChild, checkValue, childPath, ContentErrors, textOf, xsdReservedAttribute, type CheckFn, describeJs, excerpt, expectedText, foundText, isRecord, MAX_DEPTH, report, SimpleTypes, typeError, type Diagnostic } from "./check.js";
export { ORDER, orderOf, recordedOrder, type ChildOrder } from "./order.js";
export { orderedSchema, orderedText, walkContent, type AllLiteral, type AutomatonLiteral, type ContentLiteral, type OrderedSchema } from "./ordered.js";
export { retype } from "./retype.js";
export { nameInPath, rootNameOf, WRITTEN, ROOT_NAME, writtenNames, writtenAttribute } from "./qnames.js";
export { checkDtdAttribute } from "./dtd-values.js";
