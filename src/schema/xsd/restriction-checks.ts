/**
 * Attribute side of "derivation valid (restriction, complex)" (XSD 1.0 Part 1 §3.4.6,
 * derivation-ok-restriction clauses 2–4): a restriction may not loosen a required attribute,
 * add an attribute its base's wildcard does not allow, drop a required one, or widen the
 * attribute wildcard, or give an attribute a type not derived from the base's (clause 2.1.2).
 * The particle side (clause 5) is not checked yet (docs/xsd-support.md).
 */
import type { AttributeDecl, ComplexType, SchemaModel, SourceLocation, Wildcard } from "../model.js";
import type { Reporter } from "./report.js";
import { simpleTypeDerivesFrom } from "./type-derivation.js";
import { typeLabel } from "./value-check.js";

export function wildcardAllows(w: Wildcard, namespace: string | null): boolean {
  if (w.namespaces === "##any") return true;
  if (w.namespaces === "##other") return namespace !== null && namespace !== w.targetNamespace;
  return w.namespaces.includes(namespace);
}

/** True when every namespace `inner` allows, `outer` allows too (the cases XSD 1.0 can express). */
function wildcardSubset(inner: Wildcard, outer: Wildcard): boolean {
  if (outer.namespaces === "##any") return true;
  if (inner.namespaces === "##any") return false;
  if (inner.namespaces === "##other") return outer.namespaces === "##other" && inner.targetNamespace === outer.targetNamespace;
  return inner.namespaces.every((n) => wildcardAllows(outer, n));
}

export function checkAttributeRestriction(
  model: SchemaModel,
  base: ComplexType,
  baseName: string,
  own: AttributeDecl[],
  ownWildcard: Wildcard | undefined,
  loc: SourceLocation,
  reporter: Reporter,
): void {
  const fail = (message: string, at: SourceLocation) => {
    // Every attribute-restriction rule has the same fix: the restriction may only narrow.
    reporter.report("xsd/invalid-derivation", { message }, at).hint = `make the attribute at most as permissive as in "${baseName}" (same or derived type, same fixed value, required stays required), or derive by extension`;
  };
  for (const o of own) {
    const b = base.attributes.find((x) => x.key === o.key);
    if (b === undefined) {
      if (o.use !== "prohibited" && (base.anyAttribute === undefined || !wildcardAllows(base.anyAttribute, o.namespace))) {
        fail(`attribute "${o.key}" is not in the base type "${baseName}", and the base's attribute wildcard does not allow it; a restriction cannot add attributes`, o.location);
      }
    } else if (o.use !== "prohibited" && !simpleTypeDerivesFrom(model, o.type, b.type)) {
      fail(
        `attribute "${o.key}" has type ${typeLabel(model, o.type)}, which is not derived from its type ${typeLabel(model, b.type)} in the base type "${baseName}"; a restriction can only narrow an attribute's type`,
        o.location,
      );
    } else if (b.use === "required" && o.use !== "required") {
      fail(`attribute "${o.key}" is required in the base type "${baseName}"; a restriction cannot make it ${o.use}`, o.location);
    } else if (b.fixed !== undefined && o.use !== "prohibited" && o.fixed !== b.fixed) {
      fail(`attribute "${o.key}" is fixed to "${b.fixed}" in the base type "${baseName}"; a restriction must keep that fixed value`, o.location);
    }
  }
  if (ownWildcard !== undefined) {
    if (base.anyAttribute === undefined) fail(`the restriction has an attribute wildcard but its base type "${baseName}" has none`, loc);
    else if (!wildcardSubset(ownWildcard, base.anyAttribute)) fail(`the restriction's attribute wildcard allows namespaces its base type "${baseName}" does not`, loc);
  }
}
