/**
 * At most one attribute of a complex type may be an ID (XSD 1.0 §3.4.6 ct-props-correct.5: two
 * distinct attribute declarations in the {attribute uses} must not have types that are or derive
 * from xs:ID), counting the uses inherited from the base. Checked once every type is complete.
 * XSD 1.1 drops the rule; libxml2 2.15 applies it to xs:ID itself but not to types derived from it.
 */
import type { BuildContext } from "./build-context.js";
import "./id-attribute-codes.js";

export function checkIdAttributes(ctx: BuildContext): void {
  const { model } = ctx;
  for (const t of model.complexTypes) {
    let first: string | undefined;
    for (const a of t.attributes) {
      const type = model.simpleTypes[a.type];
      // An atomic type's builtin is its nearest built-in ancestor, so this covers restrictions of ID.
      if (a.use === "prohibited" || type === undefined || type.variety !== "atomic" || type.builtin !== "ID") continue;
      if (first === undefined) {
        first = a.name;
        continue;
      }
      ctx.reporter.report("xsd/two-id-attributes", { type: t.name === undefined ? "an anonymous complexType" : `complexType "${t.name}"`, first, second: a.name }, a.location);
      break;
    }
  }
}
