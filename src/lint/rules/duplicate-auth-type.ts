/** A technology listed twice in AUTHENTICATION_TYPE_LIST is a copy-paste slip (auto_auth_types is a set). */
import { keep } from "../../diagnostics/keep.js";
import { ruleMeta } from "../meta.js";
import { childrenNamed, type Rule } from "../types.js";

export const duplicateAuthType: Rule = {
  meta: ruleMeta({
    name: "duplicate-auth-type",
    severity: "warning",
    description: "The same AUTHENTICATION_TYPE is listed twice.",
    messages: {
      duplicate: 'AUTHENTICATION_TYPE "{value}" is listed twice (first at line {firstLine})',
    },
    hint: "remove the second <AUTHENTICATION_TYPE>{value}</AUTHENTICATION_TYPE>",
  }),
  create(context) {
    return {
      AUTHENTICATION_TYPE_LIST(node) {
        const seen = new Map<string, number>();
        for (const t of childrenNamed(node, "AUTHENTICATION_TYPE")) {
          const value = t.text.trim();
          if (value === "") continue; // qualys/auth-type reports each empty one; "listed twice" would say nothing more
          const first = seen.get(value);
          if (first === undefined) seen.set(keep(value), t.line);
          else context.report({ messageId: "duplicate", node: t, params: { value, firstLine: first } });
        }
      },
    };
  },
};
