/** Two controls with the same ID or UDC_ID in one policy (or CONTROL_LIST): the import would overwrite or reject one. */
import { keep } from "../../diagnostics/keep.js";
import { ruleMeta } from "../meta.js";
import { UDC_ELEMENTS } from "../qualys-facts.js";
import { child, type Listener, type Rule } from "../types.js";

export const duplicateControl: Rule = {
  meta: ruleMeta({
    name: "duplicate-control",
    severity: "error",
    description: "Two controls in one policy have the same ID or UDC_ID.",
    messages: {
      duplicate: "control {key} {value} appears twice in this policy (first at line {firstLine})",
    },
    hint: "remove the duplicate control, or give a new control no ID/UDC_ID so that Qualys creates one",
  }),
  create(context) {
    let seen = new Map<string, number>();
    const reset: Listener = () => {
      seen = new Map();
    };
    const check: Listener = (node) => {
      for (const key of ["ID", "UDC_ID"]) {
        const el = child(node, key);
        const value = el?.text.trim();
        if (el === undefined || !value) continue;
        const first = seen.get(`${key}\u0000${value}`);
        // keep: the value is a slice of a read chunk, which the Map would otherwise keep alive.
        if (first === undefined) seen.set(keep(`${key}\u0000${value}`), el.line);
        else context.report({ messageId: "duplicate", node: el, params: { key, value, firstLine: first } });
      }
    };
    const listeners: Record<string, Listener> = { "POLICY:enter": reset, "CONTROL_LIST:enter": reset };
    for (const name of UDC_ELEMENTS) listeners[name] = check;
    return listeners;
  },
};
