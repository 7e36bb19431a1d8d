import { criticality } from "../../../src/lint/rules/criticality.js";
import { runRuleTests } from "../rule-tester.js";

const crit = (label: string, value: string) => `<USER_DEFINED_CONTROL>\n<CRITICALITY>\n  <LABEL><![CDATA[${label}]]></LABEL>\n  <VALUE>${value}</VALUE>\n</CRITICALITY>\n</USER_DEFINED_CONTROL>`;

runRuleTests(criticality, {
  valid: [
    ["UNDEFINED", "0"],
    ["MINIMAL", "1"],
    ["MEDIUM", "2"],
    ["SERIOUS", "3"],
    ["CRITICAL", "4"],
    ["URGENT", "5"],
  ].map(([l, v]) => ({ name: `${l} ${v}`, xml: crit(l, v) })),
  invalid: [
    { name: "SERIOUS 4", xml: crit("SERIOUS", "4"), reports: [{ messageId: "mismatch", line: 4, column: 3, path: "/USER_DEFINED_CONTROL/CRITICALITY/VALUE", message: ['LABEL "SERIOUS" means VALUE 3, found 4'] }] },
    { name: "empty VALUE", xml: crit("URGENT", ""), reports: [{ messageId: "mismatch", line: 4, column: 3, message: ["found nothing"] }] },
    { name: "unknown label", xml: crit("HIGH", "4"), reports: [{ messageId: "unknownLabel", line: 3, column: 3, message: ['"HIGH"', "UNDEFINED 0"] }] },
  ],
});
