import { authType } from "../../../src/lint/rules/auth-type.js";
import { runRuleTests } from "../rule-tester.js";

const list = (v: string) => `<AUTHENTICATION_TYPE_LIST>\n  <AUTHENTICATION_TYPE>${v}</AUTHENTICATION_TYPE>\n</AUTHENTICATION_TYPE_LIST>`;

runRuleTests(authType, {
  valid: ["Apache Web Server", "IBM WebSphere App Server", "Jboss Server", "Tomcat Server", "Oracle"].map((v) => ({ name: v, xml: list(v) })),
  invalid: [
    { name: "misspelt, with a suggestion", xml: list("Tomcat"), reports: [{ messageId: "suggest", line: 2, column: 3, message: ['"Tomcat"', 'did you mean "Tomcat Server"?'], params: { suggestion: "Tomcat Server" } }] },
    { name: "wrong case", xml: list("oracle"), reports: [{ messageId: "suggest", line: 2, column: 3, params: { suggestion: "Oracle" } }] },
    { name: "unrelated value", xml: list("MySQL"), reports: [{ messageId: "unknown", line: 2, column: 3, message: ['"MySQL"', "Apache Web Server, IBM WebSphere App Server"] }] },
  ],
});
