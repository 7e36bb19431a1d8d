import { unknownTechnology } from "../../../src/lint/rules/unknown-technology.js";
import { runRuleTests } from "../rule-tester.js";

const policy = (udcTechs: string) =>
  `<POLICY>\n<TECHNOLOGIES total="2"><TECHNOLOGY><ID>69</ID></TECHNOLOGY><TECHNOLOGY><ID>116</ID></TECHNOLOGY></TECHNOLOGIES>\n<SECTIONS><SECTION><CONTROLS><USER_DEFINED_CONTROL>\n<TECHNOLOGIES>\n${udcTechs}\n</TECHNOLOGIES>\n</USER_DEFINED_CONTROL></CONTROLS></SECTION></SECTIONS>\n</POLICY>`;

const SECOND_POLICY = `<ROOT>${policy("<TECHNOLOGY><ID>69</ID></TECHNOLOGY>").replace(/\n/g, "")}<POLICY><TECHNOLOGIES><TECHNOLOGY><ID>217</ID></TECHNOLOGY></TECHNOLOGIES><CONTROLS><USER_DEFINED_CONTROL><TECHNOLOGIES><TECHNOLOGY><ID>69</ID></TECHNOLOGY></TECHNOLOGIES></USER_DEFINED_CONTROL></CONTROLS></POLICY></ROOT>`;

runRuleTests(unknownTechnology, {
  valid: [
    { name: "the policy's technologies", xml: policy("<TECHNOLOGY><ID>69</ID></TECHNOLOGY><TECHNOLOGY><ID>116</ID></TECHNOLOGY>") },
    { name: "a CONTROL_LIST has no policy list", xml: "<CONTROL_LIST><CONTROL><TECHNOLOGIES><TECHNOLOGY><ID>217</ID></TECHNOLOGY></TECHNOLOGIES></CONTROL></CONTROL_LIST>" },
  ],
  invalid: [
    {
      name: "technology 217 not listed",
      xml: policy("<TECHNOLOGY><ID>69</ID></TECHNOLOGY>\n  <TECHNOLOGY><ID>217</ID></TECHNOLOGY>"),
      reports: [{ messageId: "unknown", line: 6, column: 3, path: "/POLICY/SECTIONS/SECTION/CONTROLS/USER_DEFINED_CONTROL/TECHNOLOGIES/TECHNOLOGY[2]", message: ["TECHNOLOGY ID 217", "(69, 116)"] }],
    },
    {
      name: "a second policy does not inherit the first one's list",
      xml: SECOND_POLICY,
      reports: [{ messageId: "unknown", line: 1, column: SECOND_POLICY.lastIndexOf("<TECHNOLOGY>") + 1, message: ["TECHNOLOGY ID 69", "(217)"] }],
    },
  ],
});
