import { udcCheckType } from "../../../src/lint/rules/udc-check-type.js";
import { CHECK_TYPES } from "../../../src/lint/qualys-facts.js";
import { runRuleTests } from "../rule-tester.js";

const udc = (v: string, el = "USER_DEFINED_CONTROL") => `<CONTROLS>\n<${el}>\n  <CHECK_TYPE>${v}</CHECK_TYPE>\n</${el}>\n</CONTROLS>`;

runRuleTests(udcCheckType, {
  valid: [
    ...CHECK_TYPES.map((v) => ({ name: v, xml: udc(v) })),
    { name: "CONTROL_LIST/CONTROL", xml: udc("Sybase Database Check", "CONTROL") },
    { name: "CHECK_TYPE elsewhere is not a UDC's", xml: "<X><CHECK_TYPE>whatever</CHECK_TYPE></X>" },
  ],
  invalid: [
    {
      name: "plural slip, with a suggestion",
      xml: udc("Unix File/Directory Permissions"),
      reports: [{ messageId: "suggest", line: 3, column: 3, path: "/CONTROLS/USER_DEFINED_CONTROL/CHECK_TYPE", message: ['"Unix File/Directory Permissions"', 'did you mean "Unix File/Directory Permission"?'] }],
    },
    { name: '"Windows" where the XSD spells "Window"', xml: udc("Windows File/Directory Existence"), reports: [{ messageId: "suggest", line: 3, column: 3, params: { suggestion: "Window File/Directory Existence" } }] },
    { name: "surrounding spaces are not in the enumeration", xml: udc(" Sybase Database Check "), reports: [{ messageId: "suggest", line: 3, column: 3, params: { suggestion: "Sybase Database Check" } }] },
    { name: "unrelated", xml: udc("PostgreSQL Query", "CONTROL"), reports: [{ messageId: "unknown", line: 3, column: 3 }] },
  ],
});
