/** Diagnostics of the linter itself (the rules' own codes are their ids, registered in registry.ts). */
import { defineCodes } from "../diagnostics/codes.js";

export const lintCodes = defineCodes({
  "qxml/lint-rule-failed": {
    severity: "error",
    message: "lint rule {rule} failed on <{element}>: {reason}",
    hint: "this is a bug in qxml; please report it with the file, and turn the rule off in qxml.config.json meanwhile",
  },
  "qxml/too-many-findings": {
    severity: "error",
    message: "more than {limit} lint findings in this file; {notReported} more were not reported",
    hint: "fix the first findings (often one systematic mistake) and lint again; this finding has the worst severity of those left out",
  },
});
