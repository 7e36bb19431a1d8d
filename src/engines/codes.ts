/**
 * Diagnostic codes of the reference engines. libxml2's own message is kept verbatim in
 * `message` (it is the reference wording people search for); `params.phase` says which step
 * reported it, so tests can tell a schema error from a document error without parsing prose.
 */
import { defineCodes } from "../diagnostics/codes.js";

export const engineCodes = defineCodes({
  "libxml2/error": {
    title: "libxml2 reference engine: an error libxml2 reported (its own message)",
    severity: "error",
    message: "{message}",
    verbatim: true,
    hint: "This is libxml2's report ({phase}); compare it with qxml's own diagnostic for the same place.",
  },
  "libxml2/warning": {
    title: "libxml2 reference engine: a warning libxml2 reported (its own message), or a read qxml refused",
    severity: "warning",
    message: "{message}",
    verbatim: true,
  },
  "libxml2/unavailable": {
    title: "libxml2 reference engine: libxml2-wasm could not be loaded",
    severity: "error",
    message: "the libxml2 reference engine could not be loaded: {reason}",
    hint: "Install the dev dependency libxml2-wasm (npm install --save-dev libxml2-wasm) or use the qxml engine.",
  },
});
