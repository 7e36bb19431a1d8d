import { udcControlId } from "../../../src/lint/rules/udc-control-id.js";
import { runRuleTests } from "../rule-tester.js";

const udc = (v: string) => `<CONTROLS>\n<USER_DEFINED_CONTROL>\n  <ID>${v}</ID>\n</USER_DEFINED_CONTROL>\n</CONTROLS>`;

runRuleTests(udcControlId, {
  valid: [
    { name: "100000", xml: udc("100000") },
    { name: "100947", xml: udc("100947") },
    { name: "a library CONTROL with a low ID", xml: "<CONTROLS><CONTROL><ID>1028</ID></CONTROL></CONTROLS>" },
  ],
  invalid: [
    { name: "1028", xml: udc("1028"), reports: [{ messageId: "low", line: 3, column: 3, path: "/CONTROLS/USER_DEFINED_CONTROL/ID", message: ["ID 1028 is below 100000"] }] },
    { name: "not a number", xml: udc("10002x"), reports: [{ messageId: "notNumber", line: 3, column: 3 }] },
  ],
});
