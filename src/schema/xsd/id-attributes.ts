/**
 * At most one attribute of a complex type may be an ID (XSD 1.0 §3.4.6 ct-props-correct.5: two
 * distinct attribute declarations in the {attribute uses} must not have types that are or derive
 * from xs:ID), counting the uses inherited from the base; and at most one of an attribute group
 * (§3.6.6 ag-props-correct.3), whether or not a type uses it. Checked once every type is complete.
 * XSD 1.1 drops both rules; libxml2 2.15 applies them to xs:ID itself but not to types derived from it.
 */
import type { AttributeDecl, SchemaModel, SourceLocation } from "../model.js";
import type { BuildContext } from "./build-context.js";
import "./id-attribute-codes.js";

export function checkIdAttributes(ctx: BuildContext): void {
  const { model } = ctx;
  // A type whose two IDs are a group's two is reported once, at the group (as libxml2 does).
  const reported = new Set<string>();
  for (const [key, set] of ctx.attributeGroups) {
    if (set === "building") continue;
    const pair = twoIds(model, set.attributes);
    if (pair === null) continue;
    const group = ctx.globals.attributeGroups.get(key)?.node.name ?? key;
    ctx.reporter.report("xsd/two-id-attributes-in-group", { group, first: pair.first.name, second: pair.second.name }, pair.second.location);
    if (pair.second.location !== undefined) reported.add(where(pair.second.location));
  }
  for (const t of model.complexTypes) {
    const pair = twoIds(model, t.attributes);
    if (pair === null || (pair.second.location !== undefined && reported.has(where(pair.second.location)))) continue;
    ctx.reporter.report("xsd/two-id-attributes", { type: t.name === undefined ? "an anonymous complexType" : `complexType "${t.name}"`, first: pair.first.name, second: pair.second.name }, pair.second.location);
  }
}

/** The first two attribute uses of type xs:ID (or derived), or null. */
function twoIds(model: SchemaModel, attributes: AttributeDecl[]): { first: AttributeDecl; second: AttributeDecl } | null {
  let first: AttributeDecl | undefined;
  for (const a of attributes) {
    const type = model.simpleTypes[a.type];
    // An atomic type's builtin is its nearest built-in ancestor, so this covers restrictions of ID.
    if (a.use === "prohibited" || type === undefined || type.variety !== "atomic" || type.builtin !== "ID") continue;
    if (first === undefined) first = a;
    else return { first, second: a };
  }
  return null;
}

function where(loc: SourceLocation): string {
  return `${loc.file}:${loc.line}:${loc.column}`;
}
