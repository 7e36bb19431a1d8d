/**
 * A UDC technology's DATAPOINT/OPERATOR states the operator its EVALUATE applies (DP/OP); the
 * samples pair `re` with `<OP>re</OP>` and `no_op` with an EVALUATE that has no OP.
 */
import { ruleMeta } from "../meta.js";
import { child, childText, descendants, type Rule } from "../types.js";

export const operatorMismatch: Rule = {
  meta: ruleMeta({
    name: "operator-mismatch",
    severity: "error",
    description: "A technology's DATAPOINT/OPERATOR must match the OP of its EVALUATE (no_op when EVALUATE has no OP).",
    messages: {
      differs: 'DATAPOINT OPERATOR "{operator}" differs from the OP "{op}" that EVALUATE applies (line {opLine}) for TECHNOLOGY {technology}',
      expectedNoOp: 'DATAPOINT OPERATOR "{operator}" but EVALUATE has no OP for TECHNOLOGY {technology}; an evaluation without an operator has OPERATOR no_op',
      emptyNoOp: "DATAPOINT OPERATOR is empty and EVALUATE has no OP for TECHNOLOGY {technology}; an evaluation without an operator has OPERATOR no_op",
      emptyOperator: 'DATAPOINT OPERATOR is empty but EVALUATE applies the OP "{op}" (line {opLine}) for TECHNOLOGY {technology}',
      emptyOp: 'DATAPOINT OPERATOR "{operator}" differs from the empty OP of EVALUATE (line {opLine}) for TECHNOLOGY {technology}',
    },
    hint: "make DATAPOINT/OPERATOR and the EVALUATE's DP/OP the same operator",
  }),
  create(context) {
    return {
      TECHNOLOGY(node) {
        const datapoint = child(node, "DATAPOINT");
        const evaluate = child(node, "EVALUATE");
        const operatorEl = datapoint === undefined ? undefined : child(datapoint, "OPERATOR");
        if (evaluate === undefined || operatorEl === undefined) return;
        const operator = operatorEl.text.trim();
        // An empty value gets its own message: 'OPERATOR ""' or 'TECHNOLOGY ;' reads like a bug in the rule.
        const technology = childText(node, "ID") || "(no ID)";
        const ops = descendants(evaluate, "OP");
        if (ops.length === 0) {
          if (operator !== "no_op") context.report({ messageId: operator === "" ? "emptyNoOp" : "expectedNoOp", node: operatorEl, params: { operator, technology } });
          return;
        }
        const other = ops.find((o) => o.text.trim() !== operator);
        const messageId = operator === "" ? "emptyOperator" : other?.text.trim() === "" ? "emptyOp" : "differs";
        if (other !== undefined) context.report({ messageId, node: operatorEl, params: { operator, op: other.text.trim(), opLine: other.line, technology } });
      },
    };
  },
};
