/** User-defined control IDs start at 100000 (every sample; Qualys help); a lower ID names a library control. */
import { ruleMeta } from "../meta.js";
import { UDC_FIRST_CONTROL_ID } from "../qualys-facts.js";
import type { Rule } from "../types.js";

export const udcControlId: Rule = {
  meta: ruleMeta({
    name: "udc-control-id",
    severity: "warning",
    description: "A USER_DEFINED_CONTROL ID below 100000, where user-defined control IDs start.",
    messages: {
      low: "USER_DEFINED_CONTROL ID {value} is below 100000, where user-defined control IDs start",
      empty: "USER_DEFINED_CONTROL ID is empty; a control ID is a number of 100000 or more",
      notNumber: 'USER_DEFINED_CONTROL ID "{value}" is not a number',
    },
    hint: "keep the ID Qualys exported for this control (100000 or more), or leave ID out to create a new control",
  }),
  create(context) {
    return {
      ID(node) {
        if (node.parent !== "USER_DEFINED_CONTROL") return;
        const value = node.text.trim();
        if (value === "") context.report({ messageId: "empty", node });
        else if (!/^\d+$/.test(value)) context.report({ messageId: "notNumber", node, params: { value } });
        else if (Number(value) < UDC_FIRST_CONTROL_ID) context.report({ messageId: "low", node, params: { value } });
      },
    };
  },
};
