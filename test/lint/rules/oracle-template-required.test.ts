import { oracleTemplateRequired } from "../../../src/lint/rules/oracle-template-required.js";
import { runRuleTests } from "../rule-tester.js";

const aac = (inner: string) => `<OPTION_PROFILES><OPTION_PROFILE><SCAN><SYSTEM_AUTH_RECORD>
  <ALLOW_AUTH_CREATION>
${inner}
  </ALLOW_AUTH_CREATION>
</SYSTEM_AUTH_RECORD></SCAN></OPTION_PROFILE></OPTION_PROFILES>`;
const types = (...t: string[]) => `    <AUTHENTICATION_TYPE_LIST>${t.map((x) => `<AUTHENTICATION_TYPE>${x}</AUTHENTICATION_TYPE>`).join("")}</AUTHENTICATION_TYPE_LIST>`;

runRuleTests(oracleTemplateRequired, {
  valid: [
    { name: "Oracle with a template ID and TITLE", xml: aac(types("Oracle") + "\n    <ORACLE_AUTHENTICATION_TEMPLATE><ID>2247418</ID><TITLE>t</TITLE></ORACLE_AUTHENTICATION_TEMPLATE>") },
    { name: "Oracle with a template TITLE only", xml: aac(types("Oracle") + "\n    <ORACLE_AUTHENTICATION_TEMPLATE><ID></ID><TITLE>t</TITLE></ORACLE_AUTHENTICATION_TEMPLATE>") },
    { name: "no Oracle, no template", xml: aac(types("Apache Web Server")) },
  ],
  invalid: [
    {
      name: "Oracle without a template",
      xml: aac(types("Apache Web Server", "Oracle")),
      reports: [{ messageId: "missing", line: 2, column: 3, path: "/OPTION_PROFILES/OPTION_PROFILE/SCAN/SYSTEM_AUTH_RECORD/ALLOW_AUTH_CREATION", message: ['"Oracle"', "ORACLE_AUTHENTICATION_TEMPLATE"] }],
    },
    {
      name: "Oracle with an empty template",
      xml: aac(types("Oracle") + "\n    <ORACLE_AUTHENTICATION_TEMPLATE><ID> </ID><TITLE/></ORACLE_AUTHENTICATION_TEMPLATE>"),
      reports: [{ messageId: "empty", line: 4, column: 5, message: ["neither an ID nor a TITLE"] }],
    },
  ],
});
