import { systemRecordTemplate } from "../../../src/lint/rules/system-record-template.js";
import { runRuleTests } from "../rule-tester.js";
import { record } from "./oracle-records.js";

runRuleTests(systemRecordTemplate, {
  valid: [
    { name: "system-created with TEMPLATE", xml: record({ system: "1", active: "1", template: "0", tmpl: true }) },
    { name: "user-created without TEMPLATE", xml: record({ system: "0", active: "0", template: "0" }) },
  ],
  invalid: [
    { name: "system-created without TEMPLATE", xml: record({ system: "1", active: "1", template: "0" }), reports: [{ messageId: "missing", line: 2, column: 1, message: ['record 2237327 "OracleTemplate" has no TEMPLATE'] }] },
  ],
});
