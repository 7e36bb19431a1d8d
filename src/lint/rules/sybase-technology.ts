/** v10.x: the Sybase Database Check UDC is supported for Sybase ASE 15 (technology 69) and SAP ASE 16 (116) only. */
import { ruleMeta } from "../meta.js";
import { SYBASE_CHECK_TYPE, SYBASE_TECHNOLOGIES } from "../qualys-facts.js";
import { child, childrenNamed, childText, type Listener, type Rule } from "../types.js";

export const sybaseTechnology: Rule = {
  meta: ruleMeta({
    name: "sybase-technology",
    severity: "error",
    description: 'CHECK_TYPE "Sybase Database Check" only on Sybase ASE 15 (69) or SAP ASE 16 (116).',
    messages: {
      wrongTechnology: 'CHECK_TYPE "Sybase Database Check" on TECHNOLOGY {id} ({name}); Sybase database checks run only on Sybase ASE 15 (69) and SAP ASE 16 (116)',
    },
    hint: "use TECHNOLOGY ID 69 or 116, or the check type of the database the technology is (e.g. MSSQL Database Check, Oracle Database Check)",
  }),
  create(context) {
    const check: Listener = (node) => {
      if (childText(node, "CHECK_TYPE") !== SYBASE_CHECK_TYPE) return;
      const technologies = child(node, "TECHNOLOGIES");
      if (technologies === undefined) return;
      for (const t of childrenNamed(technologies, "TECHNOLOGY")) {
        const id = childText(t, "ID") ?? "";
        // No ID (or an empty one) names no technology: the schema or qualys/unknown-technology says so.
        if (id === "") continue;
        if (!SYBASE_TECHNOLOGIES.has(id)) context.report({ messageId: "wrongTechnology", node: t, params: { id, name: childText(t, "NAME") || "no NAME" } });
      }
    };
    return { USER_DEFINED_CONTROL: check, CONTROL: check };
  },
};
