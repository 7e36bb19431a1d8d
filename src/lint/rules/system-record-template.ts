/** v10.x: the template "is linked automatically to the system created records", so each carries TEMPLATE (ID, TITLE). */
import { ruleMeta } from "../meta.js";
import type { Rule } from "../types.js";
import { oracleRecordFlags, recordName } from "./oracle-record.js";

export const systemRecordTemplate: Rule = {
  meta: ruleMeta({
    name: "system-record-template",
    severity: "error",
    description: "A system-created Oracle record (IS_SYSTEM_CREATED 1) without the TEMPLATE it was created from.",
    messages: {
      missing: "system-created Oracle record {record} has no TEMPLATE; system-created records are linked to the template they were created from",
    },
    hint: "a system-created record lists <TEMPLATE><ID>…</ID><TITLE>…</TITLE></TEMPLATE>; check the record's IS_SYSTEM_CREATED flag",
  }),
  create(context) {
    return {
      AUTH_ORACLE(node) {
        const f = oracleRecordFlags(node);
        if (f.isSystemCreated && f.template === undefined) context.report({ messageId: "missing", node, params: { record: recordName(node, f) } });
      },
    };
  },
};
