/** CRITICALITY LABEL and VALUE name the same level twice; they must agree (UNDEFINED 0 … URGENT 5). */
import { ruleMeta } from "../meta.js";
import { CRITICALITY_SCALE } from "../qualys-facts.js";
import { child, type Rule } from "../types.js";

const SCALE_TEXT = [...CRITICALITY_SCALE].map(([l, v]) => `${l} ${v}`).join(", ");

export const criticality: Rule = {
  meta: ruleMeta({
    name: "criticality",
    severity: "error",
    description: "CRITICALITY LABEL and VALUE must agree (UNDEFINED 0, MINIMAL 1, MEDIUM 2, SERIOUS 3, CRITICAL 4, URGENT 5).",
    messages: {
      mismatch: 'CRITICALITY LABEL "{label}" means VALUE {expected}, found {value}',
      emptyLabel: "CRITICALITY LABEL is empty; it must name a level of the Qualys scale ({scale})",
      unknownLabel: 'CRITICALITY LABEL "{label}" is not on the Qualys scale ({scale})',
    },
    hint: "make LABEL and VALUE name the same level: " + SCALE_TEXT,
  }),
  create(context) {
    return {
      CRITICALITY(node) {
        const label = child(node, "LABEL");
        const value = child(node, "VALUE");
        if (label === undefined || value === undefined) return;
        const l = label.text.trim();
        const expected = CRITICALITY_SCALE.get(l.toUpperCase());
        if (expected === undefined) {
          context.report({ messageId: l === "" ? "emptyLabel" : "unknownLabel", node: label, params: { label: l, scale: SCALE_TEXT } });
          return;
        }
        const v = value.text.trim();
        if (v !== String(expected)) context.report({ messageId: "mismatch", node: value, params: { label: l, expected, value: v === "" ? "nothing" : v } });
      },
    };
  },
};
