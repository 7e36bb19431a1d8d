import { countMismatch } from "../../../src/lint/rules/count-mismatch.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(countMismatch, {
  valid: [
    { name: "matching counts", xml: '<POLICY><TECHNOLOGIES total="2"><TECHNOLOGY/><TECHNOLOGY/></TECHNOLOGIES><SECTIONS total="1"><SECTION><CONTROLS total="2"><CONTROL/><USER_DEFINED_CONTROL/></CONTROLS></SECTION></SECTIONS></POLICY>' },
    { name: "no total attribute", xml: "<TECHNOLOGIES><TECHNOLOGY/></TECHNOLOGIES>" },
    { name: "DEFAULT_VALUES and CONTROL_LIST", xml: '<CONTROL_LIST total="1"><CONTROL><DEFAULT_VALUES total="0"></DEFAULT_VALUES></CONTROL></CONTROL_LIST>' },
  ],
  invalid: [
    {
      name: "SECTIONS total 2 with one SECTION (as in the notes' sample)",
      xml: '<POLICY>\n  <SECTIONS total="2">\n    <SECTION/>\n  </SECTIONS>\n</POLICY>',
      reports: [{ messageId: "mismatch", line: 2, column: 13, path: "/POLICY/SECTIONS", message: ['SECTIONS total="2" but it has 1 SECTION element'], params: { count: 1, elements: "element" } }],
    },
    {
      name: "nested mismatches are each reported, inner first by position",
      xml: '<CONTROLS total="3"><USER_DEFINED_CONTROL><TECHNOLOGIES total="0"><TECHNOLOGY/></TECHNOLOGIES></USER_DEFINED_CONTROL></CONTROLS>',
      reports: [
        { messageId: "mismatch", line: 1, column: 11, message: ["CONTROLS total=\"3\" but it has 1"] },
        { messageId: "mismatch", line: 1, column: 57, message: ["TECHNOLOGIES total=\"0\" but it has 1"] },
      ],
    },
    {
      name: "a count other than 1 is plural",
      xml: '<TECHNOLOGIES total="1"><TECHNOLOGY/><TECHNOLOGY/></TECHNOLOGIES>\n',
      reports: [{ messageId: "mismatch", line: 1, column: 15, message: ['TECHNOLOGIES total="1" but it has 2 TECHNOLOGY elements'] }],
    },
    {
      name: "no children at all is plural too",
      xml: '<CONTROL_LIST total="1"></CONTROL_LIST>',
      reports: [{ messageId: "mismatch", line: 1, column: 15, message: ['CONTROL_LIST total="1" but it has 0 CONTROL elements'] }],
    },
    { name: "not a number", xml: '<DEFAULT_VALUES total="two"><DEFAULT_VALUE/></DEFAULT_VALUES>', reports: [{ messageId: "notNumber", line: 1, column: 17 }] },
  ],
});
