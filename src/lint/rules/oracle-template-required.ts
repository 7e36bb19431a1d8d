/** Oracle among the AUTHENTICATION_TYPEs needs an Oracle system record template (v10.x: oracle_template_id or oracle_template_name). */
import { ruleMeta } from "../meta.js";
import { child, childText, descendants, type Rule } from "../types.js";

export const oracleTemplateRequired: Rule = {
  meta: ruleMeta({
    name: "oracle-template-required",
    severity: "error",
    description: "Oracle instance discovery (AUTHENTICATION_TYPE Oracle) needs an ORACLE_AUTHENTICATION_TEMPLATE with an ID or TITLE.",
    messages: {
      missing: 'AUTHENTICATION_TYPE "Oracle" is selected but ALLOW_AUTH_CREATION has no ORACLE_AUTHENTICATION_TEMPLATE',
      empty: 'ORACLE_AUTHENTICATION_TEMPLATE has neither an ID nor a TITLE, but AUTHENTICATION_TYPE "Oracle" needs one',
    },
    hint: "add <ORACLE_AUTHENTICATION_TEMPLATE><ID>…</ID><TITLE>…</TITLE></ORACLE_AUTHENTICATION_TEMPLATE> naming the Oracle system record template the created records link to",
  }),
  create(context) {
    return {
      ALLOW_AUTH_CREATION(node) {
        const types = descendants(node, "AUTHENTICATION_TYPE").map((t) => t.text.trim());
        if (!types.includes("Oracle")) return;
        const template = child(node, "ORACLE_AUTHENTICATION_TEMPLATE");
        if (template === undefined) {
          context.report({ messageId: "missing", node });
          return;
        }
        if (!childText(template, "ID") && !childText(template, "TITLE")) context.report({ messageId: "empty", node: template });
      },
    };
  },
};
