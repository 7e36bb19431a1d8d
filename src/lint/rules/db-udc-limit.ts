/**
 * SYBASE DB_UDC_LIMIT: option_profiles.xsd SYBASEType allows 1..256 and DB_UDC_RESTRICTION = 1;
 * the v10.x prose says "maximum allowed limit for Sybase is 2500 rows". The export DTD has
 * #PCDATA, so exports get the check here; the message names both numbers.
 */
import { ruleMeta } from "../meta.js";
import { DB_UDC_LIMIT_MAX, DB_UDC_LIMIT_MIN } from "../qualys-facts.js";
import { child, type Rule } from "../types.js";

export const dbUdcLimit: Rule = {
  meta: ruleMeta({
    name: "db-udc-limit",
    severity: "error",
    description: "Sybase DB_UDC_LIMIT must be an integer in 1..256 (the import schema) and needs DB_UDC_RESTRICTION 1.",
    messages: {
      empty: "DB_UDC_LIMIT is empty; option_profiles.xsd allows 1 to 256 rows (the release notes also speak of up to 2,500 rows for Sybase)",
      notInteger: 'DB_UDC_LIMIT "{value}" is not an integer; option_profiles.xsd allows 1 to 256 rows (the release notes also speak of up to 2,500 rows for Sybase)',
      outOfRange: "DB_UDC_LIMIT {value} is outside 1..256, the range option_profiles.xsd allows (the release notes also speak of up to 2,500 rows for Sybase, which the import schema does not accept)",
      noRestriction: "DB_UDC_LIMIT is given without DB_UDC_RESTRICTION 1 (found {restriction}), so the limit does not apply",
    },
    hint: "write <DB_UDC_RESTRICTION>1</DB_UDC_RESTRICTION> and a DB_UDC_LIMIT from 1 to 256 rows (default 256)",
    restates: ["valid/text-type"],
  }),
  create(context) {
    return {
      SYBASE(node) {
        if (node.parent !== "DATABASE_PREFERENCE_KEY") return;
        const limit = child(node, "DB_UDC_LIMIT");
        if (limit === undefined) return;
        const value = limit.text.trim();
        if (value === "") context.report({ messageId: "empty", node: limit });
        else if (!/^[+-]?\d+$/.test(value)) context.report({ messageId: "notInteger", node: limit, params: { value } });
        else {
          const n = Number(value);
          if (n < DB_UDC_LIMIT_MIN || n > DB_UDC_LIMIT_MAX) context.report({ messageId: "outOfRange", node: limit, params: { value } });
        }
        const restriction = child(node, "DB_UDC_RESTRICTION");
        const r = restriction?.text.trim();
        if (r !== "1") {
          const found = r === undefined ? "no DB_UDC_RESTRICTION" : r === "" ? "an empty DB_UDC_RESTRICTION" : `"${r}"`;
          context.report({ messageId: "noRestriction", node: restriction ?? node, params: { value, restriction: found } });
        }
      },
    };
  },
};
