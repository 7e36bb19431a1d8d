import { templateStatus } from "../../../src/lint/rules/template-status.js";
import { runRuleTests } from "../rule-tester.js";
import { record } from "./oracle-records.js";

runRuleTests(templateStatus, {
  valid: [
    { name: "active template (the notes' sample)", xml: record({ system: "0", active: "1", template: "1" }) },
    { name: "inactive regular record", xml: record({ system: "0", active: "0", template: "0" }) },
  ],
  invalid: [
    { name: "inactive template", xml: record({ system: "0", active: "0", template: "1" }), reports: [{ messageId: "inactive", line: 6, column: 3, path: "/AUTH_ORACLE_LIST_OUTPUT/RESPONSE/AUTH_ORACLE_LIST/AUTH_ORACLE/IS_ACTIVE", message: ["IS_ACTIVE 0"] }] },
  ],
});
