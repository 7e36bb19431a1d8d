/**
 * Diagnostic codes of the reference engines. libxml2's own message is kept verbatim in
 * `message` (it is the reference wording people search for); `params.phase` says which step
 * reported it, so tests can tell a schema error from a document error without parsing prose.
 */
import { defineCodes } from "../diagnostics/codes.js";

export const engineCodes = defineCodes({
  "libxml2/error": {
    severity: "error",
    message: "{message}",
    hint: "This is libxml2's report ({phase}); compare it with qxml's own diagnostic for the same place.",
  },
  "libxml2/warning": {
    severity: "warning",
    message: "{message}",
  },
  "libxml2/unavailable": {
    severity: "error",
    message: "the libxml2 reference engine could not be loaded: {reason}",
    hint: "Install the dev dependency libxml2-wasm (npm install --save-dev libxml2-wasm) or use the qxml engine.",
  },
});
