/** Diagnostic code of the XSD reader for references into namespaces a schema document does not import. */
import { defineCodes } from "../../diagnostics/codes.js";

export const IMPORT_CODES = defineCodes({
  "xsd/namespace-not-imported": {
    severity: "error",
    message: '{attribute}="{qname}" refers to {target}, which this schema document does not import (src-resolve.4.2: only its target namespace, the XML Schema namespace and imported namespaces may be referred to)',
  },
});
