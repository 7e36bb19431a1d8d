/**
 * ON_DUPLICATE_USE_USER_AUTH / ON_DUPLICATE_USE_SYSTEM_AUTH are flags: xs:boolean fixed="1" in
 * option_profiles.xsd, #PCDATA in the export DTD, so exports get the check here.
 */
import { ruleMeta } from "../meta.js";
import type { Listener, Rule } from "../types.js";

export const onDuplicateValue: Rule = {
  meta: ruleMeta({
    name: "on-duplicate-value",
    severity: "error",
    description: "ON_DUPLICATE_USE_USER_AUTH and ON_DUPLICATE_USE_SYSTEM_AUTH are flags whose only value is 1.",
    messages: {
      empty: "{element} is empty; the flag's only allowed value is 1",
      notOne: '{element} is "{value}"; the flag\'s only allowed value is 1',
    },
    hint: "write <{element}>1</{element}>; to choose the other record, use the other element instead",
    restates: ["valid/text-type", "valid/fixed-element"],
  }),
  create(context) {
    const check: Listener = (node) => {
      const value = node.text.trim();
      // xs:boolean fixed="1" also accepts the equal value "true".
      if (value === "") context.report({ messageId: "empty", node, params: { element: node.name } });
      else if (value !== "1" && value !== "true") context.report({ messageId: "notOne", node, params: { element: node.name, value } });
    };
    return { ON_DUPLICATE_USE_USER_AUTH: check, ON_DUPLICATE_USE_SYSTEM_AUTH: check };
  },
};
