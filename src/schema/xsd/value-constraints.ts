/**
 * `default` and `fixed` values of element and attribute declarations, checked once the whole
 * model is built (element types may be complex types completed late):
 *   - the value must be valid for the declared simple type, or for a complex type's simple
 *     content (XSD 1.0 §3.3.6 e-props-correct.2, §3.2.6 a-props-correct.2);
 *   - a complex type otherwise needs mixed content whose particle is emptiable
 *     (cos-valid-default 2.2.2); element-only and empty content take no value;
 *   - not on a type that is or derives from xs:ID (e-props-correct.4, a-props-correct.3).
 * Attribute references that set their own value are checked too (XSD 1.1 au-props-correct.3
 * states it; libxml2 does not check those).
 */
import type { Particle } from "../model.js";
import type { BuildContext } from "./build-context.js";
import type { XValueSite } from "./syntax.js";
import { checkValue, typeLabel } from "./value-check.js";
import { valueNamespaces } from "./value-namespaces.js";

export interface PendingValueConstraint {
  kind: "element" | "attribute";
  name: string;
  constraint: "default" | "fixed";
  value: string;
  site: XValueSite;
  /** Element declaration id (its type is read when checking), or the attribute's simple type id. */
  element?: number;
  simpleType?: number;
}

/** Queues a check for a declaration that has a default or fixed value (no-op otherwise). */
export function queueValueConstraint(
  ctx: BuildContext,
  node: { default?: string; fixed?: string; valueSite?: XValueSite },
  target: Omit<PendingValueConstraint, "constraint" | "value" | "site">,
): void {
  if (node.valueSite === undefined) return;
  const constraint = node.default !== undefined ? "default" : "fixed";
  const value = node.default ?? node.fixed;
  if (value === undefined) return;
  ctx.valueConstraints.push({ ...target, constraint, value, site: node.valueSite });
}

export function checkValueConstraints(ctx: BuildContext): void {
  for (const p of ctx.valueConstraints) {
    const simple = p.simpleType ?? simpleTypeOf(ctx, p);
    if (simple === undefined) continue; // complex content that may take a value: nothing to check
    if (simple === null) continue; // reported
    const t = ctx.model.simpleTypes[simple];
    if (t.variety === "atomic" && t.builtin === "ID") {
      notAllowed(ctx, p, `its type ${typeLabel(ctx.model, simple)} is or derives from xs:ID, which takes no default or fixed value`);
      continue;
    }
    const failure = checkValue(ctx.model, simple, p.value, p.site);
    if (p.element !== undefined) {
      // Attributes keep theirs when built (build-attributes.ts): uses copy their declarations.
      const namespaces = valueNamespaces(ctx.model, simple, p.value, p.site);
      if (namespaces !== undefined) ctx.model.elements[p.element].valueNamespaces = namespaces;
    }
    if (failure === null) continue;
    ctx.reporter.report(
      "xsd/invalid-value-constraint",
      { constraint: p.constraint, value: p.value, kind: p.kind, name: p.name, type: typeLabel(ctx.model, simple), detail: failure.detail, valueCode: failure.code },
      p.site.loc,
    );
  }
}

function notAllowed(ctx: BuildContext, p: PendingValueConstraint, reason: string): void {
  ctx.reporter.report("xsd/value-constraint-not-allowed", { kind: p.kind, name: p.name, constraint: p.constraint, reason }, p.site.loc);
}

/**
 * The simple type an element's value is checked against; undefined when the type is complex
 * with mixed, emptiable content (any text will do); null after reporting that none is allowed.
 */
function simpleTypeOf(ctx: BuildContext, p: PendingValueConstraint): number | null | undefined {
  const el = ctx.model.elements[p.element!];
  if (el.type.kind === "simple") return el.type.id;
  const content = ctx.model.complexTypes[el.type.id].content;
  if (content.kind === "simple") return content.type;
  if (content.kind === "any") return undefined;
  if (content.kind === "mixed" && (content.particle === null || isEmptiable(content.particle))) return undefined;
  const what = content.kind === "mixed" ? "mixed content that requires child elements" : content.kind === "empty" ? "empty content" : "element-only content";
  notAllowed(ctx, p, `its complex type has ${what}; a default or fixed value needs a simple type, simple content, or mixed content whose children are all optional`);
  return null;
}

/**
 * Whether a particle can match nothing (Part 1 §3.9.6 "particle emptiable"). Iterative, and
 * memoised: named groups are shared between particles, so a naive walk could be exponential.
 */
export function isEmptiable(root: Particle): boolean {
  const memo = new Map<Particle, boolean>();
  const stack: Particle[] = [root];
  while (stack.length > 0) {
    const p = stack[stack.length - 1];
    if (memo.has(p)) {
      stack.pop();
      continue;
    }
    if (p.min === 0 || (p.kind !== "sequence" && p.kind !== "choice" && p.kind !== "all")) {
      memo.set(p, p.min === 0);
      stack.pop();
      continue;
    }
    const pending = p.items.filter((it) => !memo.has(it));
    if (pending.length > 0) {
      stack.push(...pending);
      continue;
    }
    const items = p.items.map((it) => memo.get(it)!);
    memo.set(p, p.kind === "choice" ? items.length === 0 || items.some(Boolean) : items.every(Boolean));
    stack.pop();
  }
  return memo.get(root)!;
}
