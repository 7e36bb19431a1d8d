/**
 * CHECK_TYPE is an enumeration in ImportableControl.xsd, #PCDATA in policy_export_output.dtd:
 * a policy import with a misspelt check type passes the DTD and fails in Qualys.
 */
import { suggestValue } from "../suggest-value.js";
import { ruleMeta } from "../meta.js";
import { CHECK_TYPES, UDC_ELEMENTS } from "../qualys-facts.js";
import type { Rule } from "../types.js";

export const udcCheckType: Rule = {
  meta: ruleMeta({
    name: "udc-check-type",
    severity: "error",
    description: "A user-defined control's CHECK_TYPE must be one of ImportableControl.xsd's 22 check types.",
    messages: {
      empty: "CHECK_TYPE is empty; it must be one of the 22 check types of ImportableControl.xsd",
      unknown: 'CHECK_TYPE "{value}" is not one of the 22 check types of ImportableControl.xsd',
      suggest: 'CHECK_TYPE "{value}" is not one of the 22 check types of ImportableControl.xsd; did you mean "{suggestion}"?',
    },
    hint: 'write the check type exactly as ImportableControl.xsd spells it (e.g. "Window File/Directory Existence", without "s"); the list is in docs/rules/qualys/udc-check-type.md',
    restates: ["valid/text-type"],
  }),
  create(context) {
    return {
      CHECK_TYPE(node) {
        if (node.parent === null || !UDC_ELEMENTS.includes(node.parent)) return;
        const value = node.text;
        if (CHECK_TYPES.includes(value)) return;
        // An empty value is named as such: 'CHECK_TYPE ""' reads like a bug in the message.
        if (value.trim() === "") {
          context.report({ messageId: "empty", node });
          return;
        }
        const suggestion = suggestValue(value, CHECK_TYPES);
        if (suggestion !== undefined) context.report({ messageId: "suggest", node, params: { value, suggestion } });
        else context.report({ messageId: "unknown", node, params: { value } });
      },
    };
  },
};
