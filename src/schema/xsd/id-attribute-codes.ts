/** Diagnostic codes of the one-ID rules (id-attributes.ts; XSD 1.0 ct-props-correct.5, ag-props-correct.3). */
import { defineCodes } from "../../diagnostics/codes.js";

export const ID_ATTRIBUTE_CODES = defineCodes({
  "xsd/two-id-attributes": {
    severity: "error",
    message: "{type} has two attributes of type xs:ID (or derived from it): \"{first}\" and \"{second}\"; a type may have at most one",
    hint: "give \"{second}\" (or \"{first}\") another type, e.g. xs:NCName, or xs:IDREF to refer to an ID: an element has at most one ID (XSD 1.0 ct-props-correct.5)",
  },
  "xsd/two-id-attributes-in-group": {
    severity: "error",
    message: "attributeGroup \"{group}\" has two attributes of type xs:ID (or derived from it): \"{first}\" and \"{second}\"; an attribute group may have at most one",
    hint: "give \"{second}\" (or \"{first}\") another type, e.g. xs:NCName, or xs:IDREF to refer to an ID: an element has at most one ID (XSD 1.0 ag-props-correct.3, even when no type uses the group)",
  },
});
