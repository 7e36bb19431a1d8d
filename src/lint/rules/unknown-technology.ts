/**
 * A control's technologies must be among the policy's (POLICY/TECHNOLOGIES comes before
 * SECTIONS, so one streaming pass knows them in time). CONTROL_LIST files have no policy list.
 */
import { ruleMeta } from "../meta.js";
import { UDC_ELEMENTS } from "../qualys-facts.js";
import { childrenNamed, childText, type Rule } from "../types.js";

export const unknownTechnology: Rule = {
  meta: ruleMeta({
    name: "unknown-technology",
    severity: "error",
    description: "A control's TECHNOLOGY ID must be one the policy's TECHNOLOGIES list.",
    messages: {
      unknown: "TECHNOLOGY ID {id} of this control is not among the policy's TECHNOLOGIES ({known})",
      emptyId: "a TECHNOLOGY of this control has an empty ID; the policy's TECHNOLOGIES are ({known})",
    },
    hint: "give the TECHNOLOGY an ID that POLICY/TECHNOLOGIES lists, add the technology there, or remove it from the control",
  }),
  create(context) {
    let policyTechnologies: Set<string> | undefined;
    return {
      "POLICY:enter"() {
        policyTechnologies = undefined;
      },
      TECHNOLOGIES(node) {
        // A TECHNOLOGY without ID is the schema's error (ID is required): nothing to compare, so quiet.
        const ids = childrenNamed(node, "TECHNOLOGY").flatMap((t) => {
          const id = childText(t, "ID");
          return id === undefined ? [] : [{ t, id }];
        });
        if (node.parent === "POLICY") {
          policyTechnologies = new Set(ids.map((x) => x.id).filter((id) => id !== ""));
          return;
        }
        if (policyTechnologies === undefined || node.parent === null || !UDC_ELEMENTS.includes(node.parent)) return;
        const known = [...policyTechnologies].join(", ") || "none";
        for (const { t, id } of ids) {
          if (!policyTechnologies.has(id)) context.report({ messageId: id === "" ? "emptyId" : "unknown", node: t, params: { id, known } });
        }
      },
    };
  },
};
