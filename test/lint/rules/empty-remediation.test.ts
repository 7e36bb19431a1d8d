import { emptyRemediation } from "../../../src/lint/rules/empty-remediation.js";
import { runRuleTests } from "../rule-tester.js";

const tech = (rem: string) => `<TECHNOLOGY>\n  <ID>217</ID>\n  ${rem}\n</TECHNOLOGY>`;

runRuleTests(emptyRemediation, {
  valid: [
    { name: "remediation text", xml: tech("<REMEDIATION><![CDATA[chmod 644 /etc/profile]]></REMEDIATION>") },
    { name: "no REMEDIATION", xml: tech("") },
  ],
  invalid: [
    { name: "empty CDATA (the notes' sample)", xml: tech("<REMEDIATION><![CDATA[]]></REMEDIATION>"), reports: [{ messageId: "empty", line: 3, column: 3, path: "/TECHNOLOGY/REMEDIATION", message: ["TECHNOLOGY 217"] }] },
    { name: "whitespace only", xml: tech("<REMEDIATION>\n   </REMEDIATION>"), reports: [{ messageId: "empty", line: 3, column: 3 }] },
  ],
});
