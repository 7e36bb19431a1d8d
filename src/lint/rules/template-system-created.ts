/** v10.x: templates are saved by users; a system-created record "cannot be converted" into one. Both flags at 1 contradict. */
import { ruleMeta } from "../meta.js";
import { child, type Rule } from "../types.js";
import { oracleRecordFlags, recordName } from "./oracle-record.js";

export const templateSystemCreated: Rule = {
  meta: ruleMeta({
    name: "template-system-created",
    severity: "error",
    description: "An Oracle record that is both a template (IS_TEMPLATE 1) and system-created (IS_SYSTEM_CREATED 1).",
    messages: {
      both: "Oracle record {record} is both a template (IS_TEMPLATE 1) and system-created (IS_SYSTEM_CREATED 1); templates are created by users",
    },
    hint: "a template has IS_SYSTEM_CREATED 0; a system-created record has IS_TEMPLATE 0",
  }),
  create(context) {
    return {
      AUTH_ORACLE(node) {
        const f = oracleRecordFlags(node);
        if (f.isTemplate && f.isSystemCreated) context.report({ messageId: "both", node: child(node, "IS_TEMPLATE") ?? node, params: { record: recordName(node, f) } });
      },
    };
  },
};
