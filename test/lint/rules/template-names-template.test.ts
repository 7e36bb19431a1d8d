import { templateNamesTemplate } from "../../../src/lint/rules/template-names-template.js";
import { runRuleTests } from "../rule-tester.js";
import { record } from "./oracle-records.js";

runRuleTests(templateNamesTemplate, {
  valid: [
    { name: "template without TEMPLATE", xml: record({ system: "0", active: "1", template: "1" }) },
    { name: "system-created record with TEMPLATE", xml: record({ system: "1", active: "1", template: "0", tmpl: true }) },
  ],
  invalid: [
    {
      name: "template naming a template",
      xml: record({ system: "0", active: "1", template: "1", tmpl: true }),
      reports: [{ messageId: "nested", line: 8, column: 3, path: "/AUTH_ORACLE_LIST_OUTPUT/RESPONSE/AUTH_ORACLE_LIST/AUTH_ORACLE/TEMPLATE", message: ['2237327 "OracleTemplate"', "TEMPLATE 2237300 Other"] }],
    },
  ],
});
