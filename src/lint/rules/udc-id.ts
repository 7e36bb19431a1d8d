/** UDC_ID is a UUID-shaped id (8-4-4-4-12 hex digits); the samples' version nibbles are not RFC 4122, so only the shape counts. */
import { ruleMeta } from "../meta.js";
import { UDC_ELEMENTS, UDC_ID_PATTERN } from "../qualys-facts.js";
import type { Rule } from "../types.js";

export const udcId: Rule = {
  meta: ruleMeta({
    name: "udc-id",
    severity: "error",
    description: "A UDC_ID must be a UUID (8-4-4-4-12 hexadecimal digits).",
    messages: {
      empty: "UDC_ID is empty; a UDC_ID is a UUID (8-4-4-4-12 hexadecimal digits, e.g. c50922a1-1482-df3f-83e2-bb96c99ffc48)",
      notUuid: 'UDC_ID "{value}" is not a UUID (8-4-4-4-12 hexadecimal digits, e.g. c50922a1-1482-df3f-83e2-bb96c99ffc48)',
    },
    hint: "keep the UDC_ID Qualys exported, or leave UDC_ID out for a control to be created",
  }),
  create(context) {
    return {
      UDC_ID(node) {
        if (node.parent === null || !UDC_ELEMENTS.includes(node.parent)) return;
        const value = node.text.trim();
        if (value === "") context.report({ messageId: "empty", node });
        else if (!UDC_ID_PATTERN.test(value)) context.report({ messageId: "notUuid", node, params: { value } });
      },
    };
  },
};
