/**
 * Codes only the object form can produce (a JavaScript value of the wrong kind has no XML
 * counterpart). Everything else reuses the validation engine's "valid/" codes.
 */
import { defineCodes } from "../../src/diagnostics/codes.js";

export const OBJECT_CODES = defineCodes({
  "object/type": {
    severity: "error",
    message: "{element}: expected {expected}; found {found}",
    hint: "Give <{element}> the shape its generated type declares.",
  },
  "object/too-deep": {
    severity: "error",
    message: "{element}: the object nests deeper than {limit} levels",
    hint: "Object forms of qxml schemas are never this deep: check for a cycle.",
  },
});
