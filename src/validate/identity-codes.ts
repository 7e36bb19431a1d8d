/** Diagnostic codes of identity-constraint checking (xs:unique, xs:key, xs:keyref; XSD 1.0 §3.11.4). */
import { defineCodes } from "../diagnostics/codes.js";

export const IDENTITY_CODES = defineCodes({
  "valid/duplicate-key": {
    severity: "error",
    message: "{element}: duplicate key-sequence {values} in {kind} '{name}'; the same value was first at line {firstLine}, column {firstColumn}",
    hint: "Within <{scope}> each {kind} value may occur once: change or remove one of the two.",
  },
  "valid/missing-key-field": {
    severity: "error",
    message: "{element}: not all fields of key '{name}' evaluate to a value: field '{field}' selects nothing",
    hint: "Every element a key selects must have each of its fields; add {field}.",
  },
  "valid/keyref-no-match": {
    severity: "error",
    message: "{element}: no match found for key-sequence {values} of keyref '{name}': no {referKind} '{refer}' within <{scope}> has that value",
    hint: "Use a value that {refer} defines within <{scope}>, or add it there.",
  },
  "valid/key-field-multiple": {
    severity: "error",
    message: "{element}: field '{field}' of {kind} '{name}' selects more than one node",
    hint: "A field must select at most one element or attribute per selected element.",
  },
  "valid/key-field-not-simple": {
    severity: "error",
    message: "{element}: field '{field}' of {kind} '{name}' selects <{found}>, which has no simple content",
    hint: "A field must select an attribute or an element of a simple type (or with simple content).",
  },
  // cvc-identity-constraint.3: the node a field selects "must have a simple type"; an attribute
  // no declaration covers (admitted by a lax or skip wildcard, or on an undeclared element) has none.
  "valid/key-field-untyped": {
    severity: "error",
    message: "{element}: field '{field}' of {kind} '{name}' selects attribute {found} of <{owner}>, which no attribute declaration covers: it was not validated, so it has no simple type",
    hint: "Declare {found} in the type of <{owner}> (or globally, for a wildcard to find it): a field must select a node of a simple type.",
  },
});
