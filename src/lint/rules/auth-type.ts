/**
 * AUTHENTICATION_TYPE values are an enumeration in option_profiles.xsd only; the export DTD says
 * #PCDATA, so exports (option_profile_info) need the same check as a rule.
 */
import { suggestValue } from "../suggest-value.js";
import { ruleMeta } from "../meta.js";
import { AUTHENTICATION_TYPES } from "../qualys-facts.js";
import type { Rule } from "../types.js";

export const authType: Rule = {
  meta: ruleMeta({
    name: "auth-type",
    severity: "error",
    description: "An AUTHENTICATION_TYPE that is not one of the five technologies instance discovery supports.",
    messages: {
      empty: "AUTHENTICATION_TYPE is empty; it must be one of {expected}",
      unknown: 'AUTHENTICATION_TYPE "{value}" is not one of {expected}',
      suggest: 'AUTHENTICATION_TYPE "{value}" is not one of the supported technologies; did you mean "{suggestion}"?',
    },
    hint: "write one of: Apache Web Server, IBM WebSphere App Server, Jboss Server, Tomcat Server, Oracle (exact spelling)",
    restates: ["valid/text-type"],
  }),
  create(context) {
    return {
      AUTHENTICATION_TYPE(node) {
        const value = node.text;
        if (AUTHENTICATION_TYPES.includes(value)) return;
        if (value.trim() === "") {
          context.report({ messageId: "empty", node, params: { expected: [...AUTHENTICATION_TYPES] } });
          return;
        }
        const suggestion = suggestValue(value, AUTHENTICATION_TYPES);
        if (suggestion !== undefined) context.report({ messageId: "suggest", node, params: { value, suggestion } });
        else context.report({ messageId: "unknown", node, params: { value, expected: [...AUTHENTICATION_TYPES] } });
      },
    };
  },
};
