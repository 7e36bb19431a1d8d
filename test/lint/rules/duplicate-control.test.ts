import { duplicateControl } from "../../../src/lint/rules/duplicate-control.js";
import { runRuleTests } from "../rule-tester.js";

const c = (id: string, uuid: string) => `<USER_DEFINED_CONTROL><ID>${id}</ID><UDC_ID>${uuid}</UDC_ID></USER_DEFINED_CONTROL>`;
const U1 = "c50922a1-1482-df3f-83e2-bb96c99ffc48";
const U2 = "9da2c628-fb7d-50cf-8230-6f3ff59172a8";

runRuleTests(duplicateControl, {
  valid: [
    { name: "distinct controls", xml: `<POLICY><CONTROLS>${c("100028", U1)}${c("100029", U2)}</CONTROLS></POLICY>` },
    {
      name: "the same control in two policies of one file",
      xml: `<ROOT><POLICY><CONTROLS>${c("100028", U1)}</CONTROLS></POLICY><POLICY><CONTROLS>${c("100028", U1)}</CONTROLS></POLICY></ROOT>`,
    },
    { name: "controls to be created have no ID", xml: "<CONTROL_LIST><CONTROL><CHECK_TYPE>a</CHECK_TYPE></CONTROL><CONTROL><CHECK_TYPE>a</CHECK_TYPE></CONTROL></CONTROL_LIST>" },
  ],
  invalid: [
    {
      name: "same ID across sections",
      xml: `<POLICY>\n<SECTION><CONTROLS>${c("100028", U1)}</CONTROLS></SECTION>\n<SECTION><CONTROLS>\n  ${c("100028", U2)}</CONTROLS></SECTION>\n</POLICY>`,
      reports: [{ messageId: "duplicate", line: 4, column: 25, path: "/POLICY/SECTION[2]/CONTROLS/USER_DEFINED_CONTROL/ID", message: ["control ID 100028 appears twice", "first at line 2"] }],
    },
    {
      name: "same UDC_ID",
      xml: `<POLICY><CONTROLS>\n${c("100028", U1)}\n${c("100029", U1)}\n</CONTROLS></POLICY>`,
      reports: [{ messageId: "duplicate", line: 3, column: 38, message: [`UDC_ID ${U1}`] }],
    },
  ],
});
