/**
 * `total` attributes are counts of the children. The notes' own samples are partial listings
 * (SECTIONS total="2" with one SECTION), so a mismatch is a warning. Streams: counts at :exit.
 */
import { ruleMeta } from "../meta.js";
import type { Listener, Rule } from "../types.js";

/** Element with a `total` attribute → the child it counts. */
const COUNTED: Record<string, string> = {
  TECHNOLOGIES: "TECHNOLOGY",
  SECTIONS: "SECTION",
  CONTROLS: "CONTROL/USER_DEFINED_CONTROL",
  DEFAULT_VALUES: "DEFAULT_VALUE",
  CONTROL_LIST: "CONTROL",
};

export const countMismatch: Rule = {
  meta: ruleMeta({
    name: "count-mismatch",
    severity: "warning",
    description: "A total attribute (TECHNOLOGIES, SECTIONS, CONTROLS, DEFAULT_VALUES, CONTROL_LIST) differs from the number of its children.",
    messages: {
      mismatch: '{element} total="{total}" but it has {count} {child} {elements}',
      notNumber: '{element} total="{total}" is not a count',
    },
    hint: 'set total="{count}" or add the missing {child} elements',
  }),
  create(context) {
    const check: Listener = (node) => {
      const total = node.attributes.get("total");
      if (total === undefined) return;
      // Every child counts: a renamed or misplaced child is the schema's error, and one mistake
      // should give one finding (docs/lint.md, Robustness). The message names the counted child
      // only when every child is one.
      let count = 0;
      let others = false;
      const counted = COUNTED[node.name].split("/");
      for (const [name, n] of node.childCounts) {
        count += n;
        if (!counted.includes(name)) others = true;
      }
      // A total written with white space around it ("&#9;4") is shown as the number it holds.
      const numeric = /^\s*\d+\s*$/.test(total.value);
      const value = numeric ? total.value.trim() : total.value;
      const params = { element: node.name, total: value, count, child: others ? "child" : COUNTED[node.name], elements: count === 1 ? "element" : "elements" };
      const at = { line: total.line, column: total.column };
      if (!numeric) context.report({ messageId: "notNumber", node, at, params });
      else if (Number(value) !== count) context.report({ messageId: "mismatch", node, at, params });
    };
    const listeners: Record<string, Listener> = {};
    for (const name of Object.keys(COUNTED)) listeners[`${name}:exit`] = check;
    return listeners;
  },
};
