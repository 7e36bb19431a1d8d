/** Two controls with the same ID or UDC_ID in one policy (or CONTROL_LIST): the import would overwrite or reject one. */
import { keep } from "../../diagnostics/keep.js";
import { ruleMeta } from "../meta.js";
import { UDC_ELEMENTS } from "../qualys-facts.js";
import type { Listener, Rule } from "../types.js";

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
    // One scope per open POLICY or CONTROL_LIST (a stack: one pasted inside another is compared
    // on its own, and the outer one's controls after it still against the outer one's).
    const scopes: Map<string, number>[] = [new Map()];
    const open: Listener = () => {
      scopes.push(new Map());
    };
    const close: Listener = () => {
      if (scopes.length > 1) scopes.pop();
    };
    // On the ID and UDC_ID elements themselves, not on their control's subtree: they close in
    // document order, so of a control pasted inside another the later one is the one reported.
    const check: Listener = (el) => {
      if (el.parent === null || !UDC_ELEMENTS.includes(el.parent)) return;
      // A second ID in one control is the schema's error, not a second control.
      if (el.path.endsWith("]")) return;
      const value = el.text.trim();
      if (!value) return;
      const key = el.name;
      const seen = scopes[scopes.length - 1];
      const first = seen.get(`${key}\u0000${value}`);
      // keep: the value is a slice of a read chunk, which the Map would otherwise keep alive.
      if (first === undefined) seen.set(keep(`${key}\u0000${value}`), el.line);
      else context.report({ messageId: "duplicate", node: el, params: { key, value, firstLine: first } });
    };
    return { "POLICY:enter": open, "POLICY:exit": close, "CONTROL_LIST:enter": open, "CONTROL_LIST:exit": close, ID: check, UDC_ID: check };
  },
};
