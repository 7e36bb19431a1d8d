import { onDuplicateValue } from "../../../src/lint/rules/on-duplicate-value.js";
import { runRuleTests } from "../rule-tester.js";

const inc = (el: string, v: string) => `<INCLUDE_SYSTEM_AUTH>\n  <${el}>${v}</${el}>\n</INCLUDE_SYSTEM_AUTH>`;

runRuleTests(onDuplicateValue, {
  valid: [
    { name: "user auth 1", xml: inc("ON_DUPLICATE_USE_USER_AUTH", "1") },
    { name: "system auth true (the same xs:boolean value)", xml: inc("ON_DUPLICATE_USE_SYSTEM_AUTH", "true") },
  ],
  invalid: [
    { name: "system auth 0", xml: inc("ON_DUPLICATE_USE_SYSTEM_AUTH", "0"), reports: [{ messageId: "notOne", line: 2, column: 3, message: ['ON_DUPLICATE_USE_SYSTEM_AUTH is "0"'] }] },
    { name: "user auth empty", xml: inc("ON_DUPLICATE_USE_USER_AUTH", ""), reports: [{ messageId: "empty", line: 2, column: 3, message: ["ON_DUPLICATE_USE_USER_AUTH is empty"] }] },
  ],
});
