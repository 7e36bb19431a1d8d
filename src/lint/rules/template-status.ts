/**
 * v10.x: status "cannot be specified for Oracle system record templates", so a template is
 * always active; an inactive template (IS_ACTIVE 0) means the record's flags are wrong.
 */
import { ruleMeta } from "../meta.js";
import { child, type Rule } from "../types.js";
import { oracleRecordFlags, recordName } from "./oracle-record.js";

export const templateStatus: Rule = {
  meta: ruleMeta({
    name: "template-status",
    severity: "warning",
    description: "An Oracle system record template with a status other than active (status cannot be set on templates).",
    messages: {
      inactive: "Oracle record {record} is a template with IS_ACTIVE {value}; a template's status cannot be set, so it is always active",
    },
    hint: "templates have IS_ACTIVE 1; to stop using a template, unlink it from the option profile instead",
  }),
  create(context) {
    return {
      AUTH_ORACLE(node) {
        const f = oracleRecordFlags(node);
        if (!f.isTemplate || f.isActive === undefined || f.isActive === "1") return;
        // An empty IS_ACTIVE is shown as such ("IS_ACTIVE ;" would read like a bug in the message).
        const value = f.isActive === "" ? "empty" : f.isActive;
        context.report({ messageId: "inactive", node: child(node, "IS_ACTIVE") ?? node, params: { record: recordName(node, f), value } });
      },
    };
  },
};
