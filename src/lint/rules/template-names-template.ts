/** v10.x: a template is linked to system-created records, never to another template; a template record carries no TEMPLATE. */
import { ruleMeta } from "../meta.js";
import type { Rule } from "../types.js";
import { oracleRecordFlags, recordName } from "./oracle-record.js";

export const templateNamesTemplate: Rule = {
  meta: ruleMeta({
    name: "template-names-template",
    severity: "error",
    description: "An Oracle system record template (IS_TEMPLATE 1) that itself names a TEMPLATE.",
    messages: {
      nested: "Oracle record {record} is a template (IS_TEMPLATE 1) but names TEMPLATE {template}; templates link to system-created records, not to other templates",
    },
    hint: "remove TEMPLATE from the template record; only system-created records (IS_SYSTEM_CREATED 1) carry one",
  }),
  create(context) {
    return {
      AUTH_ORACLE(node) {
        const f = oracleRecordFlags(node);
        if (!f.isTemplate || f.template === undefined) return;
        const t =
          f.template.children
            .map((c) => c.text.trim())
            .filter((s) => s !== "")
            .join(" ") || "(with no ID or TITLE)";
        context.report({ messageId: "nested", node: f.template, params: { record: recordName(node, f), template: t } });
      },
    };
  },
};
