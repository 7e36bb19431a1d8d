/** v10.x carries UDC remediation text in policy import/export; an empty REMEDIATION imports as "no remediation". */
import { ruleMeta } from "../meta.js";
import { child, childText, type Rule } from "../types.js";

export const emptyRemediation: Rule = {
  meta: ruleMeta({
    name: "empty-remediation",
    severity: "info",
    description: "An empty REMEDIATION: the control will have no remediation text.",
    messages: {
      empty: "REMEDIATION is empty for TECHNOLOGY {technology}",
    },
    hint: "write the remediation steps in <REMEDIATION><![CDATA[…]]></REMEDIATION>, or leave the element out",
  }),
  create(context) {
    return {
      TECHNOLOGY(node) {
        const remediation = child(node, "REMEDIATION");
        if (remediation === undefined || remediation.text.trim() !== "") return;
        context.report({ messageId: "empty", node: remediation, params: { technology: childText(node, "ID") || "(no ID)" } });
      },
    };
  },
};
