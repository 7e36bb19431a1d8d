import { oracleTemplateUnused } from "../../../src/lint/rules/oracle-template-unused.js";
import { runRuleTests } from "../rule-tester.js";

const doc = (types: string, template = "<ORACLE_AUTHENTICATION_TEMPLATE><ID>1</ID><TITLE>T1</TITLE></ORACLE_AUTHENTICATION_TEMPLATE>") => `<OPTION_PROFILES>
<ALLOW_AUTH_CREATION>
<AUTHENTICATION_TYPE_LIST>${types}</AUTHENTICATION_TYPE_LIST>
  ${template}
</ALLOW_AUTH_CREATION>
</OPTION_PROFILES>`;

runRuleTests(oracleTemplateUnused, {
  valid: [
    { name: "template with Oracle", xml: doc("<AUTHENTICATION_TYPE>Jboss Server</AUTHENTICATION_TYPE><AUTHENTICATION_TYPE>Oracle</AUTHENTICATION_TYPE>") },
    { name: "no template", xml: doc("<AUTHENTICATION_TYPE>Jboss Server</AUTHENTICATION_TYPE>", "") },
  ],
  invalid: [
    {
      name: "template with Apache only",
      xml: doc("<AUTHENTICATION_TYPE>Apache Web Server</AUTHENTICATION_TYPE>"),
      reports: [{ messageId: "unused", line: 4, column: 3, message: ['"T1"', "(Apache Web Server)"], params: { template: "T1", types: "Apache Web Server" } }],
    },
  ],
});
