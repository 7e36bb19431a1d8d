import { templateSystemCreated } from "../../../src/lint/rules/template-system-created.js";
import { runRuleTests } from "../rule-tester.js";
import { record } from "./oracle-records.js";

runRuleTests(templateSystemCreated, {
  valid: [
    { name: "template, user-created", xml: record({ system: "0", active: "1", template: "1" }) },
    { name: "system-created, not a template", xml: record({ system: "1", active: "1", template: "0", tmpl: true }) },
  ],
  invalid: [
    { name: "both flags", xml: record({ system: "1", active: "1", template: "1" }), reports: [{ messageId: "both", line: 7, column: 3, message: ["both a template (IS_TEMPLATE 1) and system-created"] }] },
  ],
});
