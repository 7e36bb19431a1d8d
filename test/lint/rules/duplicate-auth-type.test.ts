import { duplicateAuthType } from "../../../src/lint/rules/duplicate-auth-type.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(duplicateAuthType, {
  valid: [{ name: "distinct types", xml: "<AUTHENTICATION_TYPE_LIST><AUTHENTICATION_TYPE>Oracle</AUTHENTICATION_TYPE><AUTHENTICATION_TYPE>Tomcat Server</AUTHENTICATION_TYPE></AUTHENTICATION_TYPE_LIST>" }],
  invalid: [
    {
      name: "Oracle twice",
      xml: "<AUTHENTICATION_TYPE_LIST>\n  <AUTHENTICATION_TYPE>Oracle</AUTHENTICATION_TYPE>\n  <AUTHENTICATION_TYPE>Jboss Server</AUTHENTICATION_TYPE>\n  <AUTHENTICATION_TYPE> Oracle </AUTHENTICATION_TYPE>\n</AUTHENTICATION_TYPE_LIST>",
      reports: [{ messageId: "duplicate", line: 4, column: 3, path: "/AUTHENTICATION_TYPE_LIST/AUTHENTICATION_TYPE[3]", message: ['"Oracle"', "first at line 2"] }],
    },
  ],
});
