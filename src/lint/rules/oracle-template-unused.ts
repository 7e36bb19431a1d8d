/** A template given while Oracle is not discovered is most likely a leftover (v10.x: the template is for auto_auth_types=Oracle). */
import { ruleMeta } from "../meta.js";
import { child, childText, descendants, type Rule } from "../types.js";

export const oracleTemplateUnused: Rule = {
  meta: ruleMeta({
    name: "oracle-template-unused",
    severity: "warning",
    description: "An ORACLE_AUTHENTICATION_TEMPLATE while Oracle is not among the AUTHENTICATION_TYPEs has no effect.",
    messages: {
      unused: 'ORACLE_AUTHENTICATION_TEMPLATE "{template}" is given but Oracle is not among the AUTHENTICATION_TYPEs ({types})',
      unusedUnnamed: "an ORACLE_AUTHENTICATION_TEMPLATE (with no TITLE or ID) is given but Oracle is not among the AUTHENTICATION_TYPEs ({types})",
    },
    hint: "add <AUTHENTICATION_TYPE>Oracle</AUTHENTICATION_TYPE> to discover Oracle instances, or remove the template",
  }),
  create(context) {
    return {
      ALLOW_AUTH_CREATION(node) {
        const template = child(node, "ORACLE_AUTHENTICATION_TEMPLATE");
        if (template === undefined) return;
        // Empty types are left out of the list (qualys/auth-type reports them): "(, , )" says nothing.
        const types = descendants(node, "AUTHENTICATION_TYPE")
          .map((t) => t.text.trim())
          .filter((t) => t !== "");
        if (types.includes("Oracle")) return;
        const name = childText(template, "TITLE") || childText(template, "ID") || "";
        context.report({ messageId: name === "" ? "unusedUnnamed" : "unused", node: template, params: { template: name, types: types.length > 0 ? types.join(", ") : "none" } });
      },
    };
  },
};
