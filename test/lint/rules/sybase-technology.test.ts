import { sybaseTechnology } from "../../../src/lint/rules/sybase-technology.js";
import { runRuleTests } from "../rule-tester.js";

const udc = (check: string, techs: string, el = "USER_DEFINED_CONTROL") => `<${el}>\n<CHECK_TYPE>${check}</CHECK_TYPE>\n<TECHNOLOGIES>\n${techs}\n</TECHNOLOGIES>\n</${el}>`;
const t = (id: string, name: string) => `  <TECHNOLOGY><ID>${id}</ID><NAME>${name}</NAME></TECHNOLOGY>`;

runRuleTests(sybaseTechnology, {
  valid: [
    { name: "Sybase ASE 15 and SAP ASE 16", xml: udc("Sybase Database Check", `${t("69", "Sybase ASE 15")}\n${t("116", "SAP ASE 16")}`) },
    { name: "another check type on RHEL", xml: udc("Unix File Content Check", t("217", "Red Hat Enterprise Linux 8.x")) },
  ],
  invalid: [
    {
      name: "Sybase check on RHEL",
      xml: udc("Sybase Database Check", `${t("69", "Sybase ASE 15")}\n${t("217", "Red Hat Enterprise Linux 8.x")}`),
      reports: [{ messageId: "wrongTechnology", line: 5, column: 3, path: "/USER_DEFINED_CONTROL/TECHNOLOGIES/TECHNOLOGY[2]", message: ["TECHNOLOGY 217 (Red Hat Enterprise Linux 8.x)", "69", "116"] }],
    },
    { name: "in a CONTROL_LIST", xml: udc("Sybase Database Check", "  <TECHNOLOGY><ID>45</ID></TECHNOLOGY>", "CONTROL"), reports: [{ messageId: "wrongTechnology", line: 4, column: 3, message: ["TECHNOLOGY 45 (no NAME)"] }] },
  ],
});
