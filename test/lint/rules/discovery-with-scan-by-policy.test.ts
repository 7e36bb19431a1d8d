import { discoveryWithScanByPolicy } from "../../../src/lint/rules/discovery-with-scan-by-policy.js";
import { runRuleTests } from "../rule-tester.js";

const BY_POLICY = "<SCAN_RESTRICTION><SCAN_BY_POLICY><POLICY><ID>1</ID><TITLE>p</TITLE></POLICY></SCAN_BY_POLICY></SCAN_RESTRICTION>";
const DISCOVERY = "<SYSTEM_AUTH_RECORD><ALLOW_AUTH_CREATION/></SYSTEM_AUTH_RECORD>";
const INCLUDE = "<SYSTEM_AUTH_RECORD><INCLUDE_SYSTEM_AUTH><ON_DUPLICATE_USE_USER_AUTH>1</ON_DUPLICATE_USE_USER_AUTH></INCLUDE_SYSTEM_AUTH></SYSTEM_AUTH_RECORD>";

runRuleTests(discoveryWithScanByPolicy, {
  valid: [
    { name: "scan by policy with INCLUDE_SYSTEM_AUTH", xml: `<OPTION_PROFILES><OPTION_PROFILE><SCAN>${BY_POLICY}${INCLUDE}</SCAN></OPTION_PROFILE></OPTION_PROFILES>` },
    {
      name: "discovery and scan by policy in two different profiles",
      xml: `<OPTION_PROFILES>\n<OPTION_PROFILE><SCAN>${BY_POLICY}</SCAN></OPTION_PROFILE>\n<OPTION_PROFILE><SCAN>${DISCOVERY}</SCAN></OPTION_PROFILE>\n</OPTION_PROFILES>`,
    },
  ],
  invalid: [
    {
      name: "both in one profile",
      xml: `<OPTION_PROFILES>\n<OPTION_PROFILE>\n<SCAN>\n${BY_POLICY}\n  ${DISCOVERY}\n</SCAN>\n</OPTION_PROFILE>\n</OPTION_PROFILES>`,
      reports: [{ messageId: "combined", line: 5, column: 23, path: "/OPTION_PROFILES/OPTION_PROFILE/SCAN/SYSTEM_AUTH_RECORD/ALLOW_AUTH_CREATION", message: ["SCAN_BY_POLICY (line 4)"] }],
    },
    {
      name: "second profile of two",
      xml: `<OPTION_PROFILES>\n<OPTION_PROFILE><SCAN>${INCLUDE}</SCAN></OPTION_PROFILE>\n<OPTION_PROFILE><SCAN>${BY_POLICY}${DISCOVERY}</SCAN></OPTION_PROFILE>\n</OPTION_PROFILES>`,
      reports: [{ messageId: "combined", line: 3, column: 1 + `<OPTION_PROFILE><SCAN>${BY_POLICY}${DISCOVERY}`.indexOf("<ALLOW_AUTH_CREATION"), path: "/OPTION_PROFILES/OPTION_PROFILE[2]/SCAN/SYSTEM_AUTH_RECORD/ALLOW_AUTH_CREATION" }],
    },
  ],
});
