import { udcId } from "../../../src/lint/rules/udc-id.js";
import { runRuleTests } from "../rule-tester.js";

const udc = (v: string) => `<USER_DEFINED_CONTROL>\n  <ID>100028</ID>\n  <UDC_ID>${v}</UDC_ID>\n</USER_DEFINED_CONTROL>`;

runRuleTests(udcId, {
  valid: [
    { name: "the notes' UDC_ID (version nibble d, not RFC 4122)", xml: udc("c50922a1-1482-df3f-83e2-bb96c99ffc48") },
    { name: "upper-case hex", xml: udc("9DA2C628-FB7D-50CF-8230-6F3FF59172A8") },
    { name: "UDC_ID outside a control is not this rule's", xml: "<X><UDC_ID>nope</UDC_ID></X>" },
  ],
  invalid: [
    { name: "cut short", xml: udc("c50922a1-1482-df3f-83e2"), reports: [{ messageId: "notUuid", line: 3, column: 3, path: "/USER_DEFINED_CONTROL/UDC_ID", message: ['"c50922a1-1482-df3f-83e2"', "8-4-4-4-12"] }] },
    { name: "a control number", xml: udc("100028"), reports: [{ messageId: "notUuid", line: 3, column: 3 }] },
    { name: "empty", xml: udc(""), reports: [{ messageId: "empty", line: 3, column: 3, message: ["UDC_ID is empty"] }] },
    { name: "non-hex letter", xml: udc("g50922a1-1482-df3f-83e2-bb96c99ffc48"), reports: [{ messageId: "notUuid", line: 3, column: 3 }] },
  ],
});
