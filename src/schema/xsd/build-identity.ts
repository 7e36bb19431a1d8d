/**
 * Identity constraints across the schema set: names are unique in their own symbol space
 * (XSD 1.0 §3.11.1; a duplicate is reported with both places), a keyref's `refer` names an
 * xs:key or xs:unique, with as many fields (c-props-correct.1, .2).
 */
import type { IdentityConstraint } from "../model.js";
import type { BuildContext } from "./build-context.js";
import { earlierPlace } from "../../diagnostics/location.js";

export function checkIdentityConstraints(ctx: BuildContext): void {
  const byKey = new Map<string, IdentityConstraint>();
  const all: IdentityConstraint[] = [];
  for (const el of ctx.model.elements) {
    for (const c of el.identity ?? []) {
      all.push(c);
      const prior = byKey.get(c.key);
      if (prior === undefined) {
        byKey.set(c.key, c);
        continue;
      }
      // A global element's constraints are read once; a second definition is a real duplicate.
      if (prior === c) continue;
      const f = prior.location;
      ctx.reporter.report("xsd/duplicate-global", { kind: "identity constraint", name: c.key, first: `${f.file}:${f.line}:${f.column}`, firstAt: earlierPlace(f, c.location.file) }, c.location);
    }
  }
  for (const c of all) {
    if (c.kind !== "keyref" || c.refer === undefined) continue;
    const target = byKey.get(c.refer);
    if (target === undefined || target.kind === "keyref") {
      ctx.reporter.report("xsd/unresolved-key", { name: c.name, refer: c.refer }, c.location);
    } else if (target.fields.length !== c.fields.length) {
      ctx.reporter.report("xsd/keyref-fields", { name: c.name, fields: c.fields.length === 1 ? "1 field" : `${c.fields.length} fields`, referKind: `xs:${target.kind}`, refer: target.name, expected: target.fields.length }, c.location);
    }
  }
}
