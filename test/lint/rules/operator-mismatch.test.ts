import { operatorMismatch } from "../../../src/lint/rules/operator-mismatch.js";
import { runRuleTests } from "../rule-tester.js";

const tech = (dp: string, operator: string) =>
  `<TECHNOLOGIES>\n<TECHNOLOGY>\n  <ID>217</ID>\n  <EVALUATE><CTRL><DP><K>custom.x.1</K>${dp}</DP></CTRL></EVALUATE>\n  <DATAPOINT>\n    <CARDINALITY>no_cd</CARDINALITY>\n    <OPERATOR>${operator}</OPERATOR>\n  </DATAPOINT>\n</TECHNOLOGY>\n</TECHNOLOGIES>`;

runRuleTests(operatorMismatch, {
  valid: [
    { name: "re and OP re (the notes' sample)", xml: tech("<OP>re</OP><V>.*</V>", "re") },
    { name: "no_op and no OP (the notes' sample)", xml: tech("<L>2</L><V>false</V>", "no_op") },
    { name: "no DATAPOINT (Sybase query UDC)", xml: "<TECHNOLOGY><ID>69</ID><EVALUATE><CTRL><DP><K>custom.sybase_query.1</K></DP></CTRL></EVALUATE></TECHNOLOGY>" },
  ],
  invalid: [
    { name: "eq vs OP re", xml: tech("<OP>re</OP>", "eq"), reports: [{ messageId: "differs", line: 7, column: 5, path: "/TECHNOLOGIES/TECHNOLOGY/DATAPOINT/OPERATOR", message: ['OPERATOR "eq"', 'OP "re"', "(line 4)", "TECHNOLOGY 217"] }] },
    { name: "re without any OP", xml: tech("<V>x</V>", "re"), reports: [{ messageId: "expectedNoOp", line: 7, column: 5, message: ["EVALUATE has no OP", "no_op"] }] },
  ],
});
