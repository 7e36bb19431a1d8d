import { dbUdcLimit } from "../../../src/lint/rules/db-udc-limit.js";
import { runRuleTests } from "../rule-tester.js";

const syb = (inner: string) => `<SCAN><DATABASE_PREFERENCE_KEY>\n<SYBASE>\n${inner}\n</SYBASE>\n</DATABASE_PREFERENCE_KEY></SCAN>`;
const R1 = "<DB_UDC_RESTRICTION>1</DB_UDC_RESTRICTION>";

runRuleTests(dbUdcLimit, {
  valid: [
    { name: "limit 60 (the notes' sample)", xml: syb(`${R1}<DB_UDC_LIMIT>60</DB_UDC_LIMIT>`) },
    { name: "limit 1 and 256, the bounds", xml: syb(`${R1}<DB_UDC_LIMIT>1</DB_UDC_LIMIT>`) + syb(`${R1}<DB_UDC_LIMIT>256</DB_UDC_LIMIT>`) },
    { name: "no limit", xml: syb(R1) },
    { name: "SYBASE outside DATABASE_PREFERENCE_KEY is not this rule's", xml: "<X><SYBASE><DB_UDC_LIMIT>9999</DB_UDC_LIMIT></SYBASE></X>" },
  ],
  invalid: [
    {
      name: "limit 2500 (allowed by the prose, not by the import XSD)",
      xml: syb(`${R1}\n  <DB_UDC_LIMIT>2500</DB_UDC_LIMIT>`),
      reports: [{ messageId: "outOfRange", line: 4, column: 3, path: "/SCAN/DATABASE_PREFERENCE_KEY/SYBASE/DB_UDC_LIMIT", message: ["2500 is outside 1..256", "2,500 rows"] }],
    },
    { name: "limit 0", xml: syb(`${R1}<DB_UDC_LIMIT>0</DB_UDC_LIMIT>`), reports: [{ messageId: "outOfRange", line: 3, column: 43 }] },
    { name: "not an integer", xml: syb(`${R1}<DB_UDC_LIMIT>1e3</DB_UDC_LIMIT>`), reports: [{ messageId: "notInteger", line: 3, column: 43, message: ['"1e3"', "2,500"] }] },
    { name: "limit without restriction", xml: syb("<DB_UDC_LIMIT>60</DB_UDC_LIMIT>"), reports: [{ messageId: "noRestriction", line: 2, column: 1, message: ["without DB_UDC_RESTRICTION 1 (found no DB_UDC_RESTRICTION)"] }] },
    { name: "restriction 0", xml: syb("<DB_UDC_RESTRICTION>0</DB_UDC_RESTRICTION><DB_UDC_LIMIT>60</DB_UDC_LIMIT>"), reports: [{ messageId: "noRestriction", line: 3, column: 1, message: ['(found "0")'] }] },
  ],
});
