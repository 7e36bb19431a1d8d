/**
 * The last pass of the build: every simple type of the model must compile into a checker. The
 * earlier passes report each cause (invalid pattern, cycle, missing item type) where it is
 * written, so this finds nothing on a model they accepted; if it ever does, the model is
 * refused with an error instead of reaching the validator, which would otherwise treat the
 * type as unchecked (src/validate/simple.ts).
 */
import { compileSimpleType } from "../../validate/datatypes/index.js";
import type { BuildContext } from "./build-context.js";
import { typeLabel } from "./value-check.js";

export function checkCompilable(ctx: BuildContext): void {
  if (ctx.reporter.hasErrors()) return; // the model is refused already; causes were reported
  for (const t of ctx.model.simpleTypes) {
    try {
      compileSimpleType(ctx.model, t.id);
    } catch (e) {
      const where = t.location ?? { file: ctx.model.source, line: 0, column: 0 };
      ctx.reporter.report("xsd/uncompilable-type", { name: typeLabel(ctx.model, t.id), reason: (e as Error).message }, where);
    }
  }
}
