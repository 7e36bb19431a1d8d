/**
 * One restriction step of a simple type (xs:restriction in xs:simpleType or in
 * xs:simpleContent): its facets checked, then merged onto the base's. In order:
 *   1. the facet applies to the base at all (facet-applicability.ts);
 *   2. a pattern is a valid XSD regular expression;
 *   3. bound and enumeration values are values of the base type: this also keeps them inside
 *      the base's own bounds, enumeration and patterns (XSD 1.0 Part 2 §4.3.*.4, as libxml2);
 *   4. min/max bounds given in this step are consistent with each other;
 *   5. count facets (lengths, digits) only narrow the base's;
 *   6. a facet the base (or an ancestor) declared fixed="true" keeps its value (Part 2 §4.2.1,
 *      as libxml2: "The base type's facet is 'fixed', thus the value must not differ").
 * A facet that fails is left out of the merged facets, so one mistake gives one diagnostic and
 * the type still compiles.
 */
import type { Facets, SimpleType } from "../model.js";
import { translateXsdRegex, XsdRegexError, XsdRegexTooComplex } from "../../validate/datatypes/index.js";
import type { BuildContext } from "./build-context.js";
import { checkApplicable } from "./facet-applicability.js";
import { mergeFacets } from "./facets.js";
import type { Reporter } from "./report.js";
import type { FacetName, XFacet } from "./syntax.js";
import { checkValue, holdsUnder, typeLabel } from "./value-check.js";
import { valueNamespaces } from "./value-namespaces.js";

const VALUE_FACETS: ReadonlySet<FacetName> = new Set(["enumeration", "minInclusive", "minExclusive", "maxInclusive", "maxExclusive"]);

export function restrictFacets(ctx: BuildContext, baseId: number, step: XFacet[], derivedId: number): Facets {
  const base = ctx.model.simpleTypes[baseId];
  step = keepFixed(ctx, base, ctx.fixedFacets.get(baseId), step);
  recordFixed(ctx, baseId, derivedId, step);
  let kept = checkApplicable(base, step, ctx.reporter).filter((f) => f.facet !== "pattern" || validPattern(f, ctx.reporter));
  // A base still being built is part of a reported cycle: its facets are not known.
  if (ctx.simpleJobs.get(baseId)?.state !== "building") kept = kept.filter((f) => !VALUE_FACETS.has(f.facet) || validForBase(ctx, baseId, f));
  kept = withoutBothBounds(kept, ctx.reporter);
  const merged = mergeFacets(base.facets, kept, ctx.reporter);
  keepEnumerationBindings(ctx, baseId, kept, merged);
  if (base.variety === "atomic") checkStepBounds(base.builtin, kept, ctx.reporter);
  checkNarrows(base, merged, kept, ctx.reporter);
  checkLengthAlone(kept, ctx.reporter);
  return merged;
}

/**
 * length-minLength-maxLength (XSD 1.0 Part 2 §4.3.1.4): xs:length and xs:minLength/maxLength in
 * the same derivation step are an error (libxml2 rejects them too); across steps the narrowing
 * checks apply.
 */
function checkLengthAlone(step: XFacet[], reporter: Reporter): void {
  if (!step.some((f) => f.facet === "length")) return;
  for (const f of step.filter((x) => x.facet === "minLength" || x.facet === "maxLength")) {
    const d = reporter.report("xsd/invalid-facet", { facet: f.facet, value: f.value, expected: "absent: this restriction also gives xs:length" }, f.valueSite.loc);
    d.hint = `remove xs:${f.facet} (xs:length already fixes the length), or remove xs:length`;
  }
}

/** Enumeration members of a QName-based type keep the bindings their prefixes resolve through. */
function keepEnumerationBindings(ctx: BuildContext, baseId: number, kept: XFacet[], merged: Facets): void {
  const own = kept.filter((f) => f.facet === "enumeration");
  // mergeFacets replaces the enumeration with this step's members, in order, when it has any.
  if (own.length === 0 || merged.enumeration?.length !== own.length) return;
  merged.enumeration = merged.enumeration.map((e, i) => {
    const namespaces = valueNamespaces(ctx.model, baseId, own[i].value, own[i].valueSite);
    return namespaces === undefined ? e : { ...e, namespaces };
  });
}

/** Drops (and reports) each facet that changes a value the base fixed. */
function keepFixed(ctx: BuildContext, base: SimpleType, fixed: ReadonlyMap<FacetName, string> | undefined, step: XFacet[]): XFacet[] {
  if (fixed === undefined) return step;
  return step.filter((f) => {
    const baseValue = fixed.get(f.facet);
    if (baseValue === undefined || sameFacetValue(base, f.facet, f.value, baseValue)) return true;
    ctx.reporter.report("xsd/facet-fixed", { facet: f.facet, value: f.value, baseValue }, f.valueSite.loc);
    return false;
  });
}

function sameFacetValue(base: SimpleType, facet: FacetName, a: string, b: string): boolean {
  if (a.trim() === b.trim()) return true;
  if (facet !== "enumeration" && VALUE_FACETS.has(facet)) {
    return base.variety === "atomic" && holdsUnder(base.builtin, { enumeration: [{ value: b }] }, a);
  }
  return /^\+?\d+$/.test(a.trim()) && /^\+?\d+$/.test(b.trim()) && BigInt(a.trim()) === BigInt(b.trim());
}

/** The fixed facets of the derived type: its base's, plus its own fixed="true" ones. */
function recordFixed(ctx: BuildContext, baseId: number, derivedId: number, step: XFacet[]): void {
  const inherited = ctx.fixedFacets.get(baseId);
  const own = step.filter((f) => f.fixed === true);
  if (inherited === undefined && own.length === 0) return;
  const map = new Map(inherited ?? []);
  for (const f of own) map.set(f.facet, f.value);
  ctx.fixedFacets.set(derivedId, map);
}

function validPattern(f: XFacet, reporter: Reporter): boolean {
  try {
    translateXsdRegex(f.value);
    return true;
  } catch (e) {
    if (!(e instanceof XsdRegexError)) throw e;
    if (e instanceof XsdRegexTooComplex) reporter.report("xsd/pattern-too-complex", { pattern: f.value, states: e.states }, f.valueSite.loc);
    else reporter.report("xsd/invalid-pattern", { pattern: f.value, reason: e.reason, position: e.position + 1 }, f.valueSite.loc);
    return false;
  }
}

function validForBase(ctx: BuildContext, baseId: number, f: XFacet): boolean {
  const base = ctx.model.simpleTypes[baseId];
  // maxExclusive may equal the base's maxExclusive (and minExclusive its minExclusive):
  // "valid restriction" allows ≤ (Part 2 §4.3.8.4, §4.3.9.4), though the value itself is excluded.
  const same = f.facet === "maxExclusive" || f.facet === "minExclusive" ? base.facets[f.facet] : undefined;
  if (same !== undefined && base.variety === "atomic" && holdsUnder(base.builtin, { enumeration: [{ value: same }] }, f.value)) return true;
  const failure = checkValue(ctx.model, baseId, f.value, f.valueSite);
  if (failure === null) return true;
  ctx.reporter.report("xsd/invalid-facet-value", { facet: f.facet, value: f.value, base: typeLabel(ctx.model, baseId), detail: failure.detail, valueCode: failure.code }, f.valueSite.loc);
  return false;
}

/**
 * minInclusive with minExclusive, or maxInclusive with maxExclusive, in one step: an error,
 * reported at the inclusive one (where libxml2 reports it); the exclusive one is dropped.
 */
function withoutBothBounds(step: XFacet[], reporter: Reporter): XFacet[] {
  const pairs: [FacetName, FacetName][] = [
    ["minInclusive", "minExclusive"],
    ["maxInclusive", "maxExclusive"],
  ];
  const drop = new Set<XFacet>();
  for (const [a, b] of pairs) {
    const fa = step.find((f) => f.facet === a);
    const fb = step.find((f) => f.facet === b);
    if (fa === undefined || fb === undefined) continue;
    reporter.report("xsd/exclusive", { first: `xs:${a}`, second: `xs:${b}`, element: "restriction" }, fa.loc);
    drop.add(fb);
  }
  return drop.size === 0 ? step : step.filter((f) => !drop.has(f));
}

/** A lower and an upper bound given in the same step must leave room (Part 2 §4.3.7–4.3.10). */
function checkStepBounds(builtin: string, step: XFacet[], reporter: Reporter): void {
  const at = (name: FacetName) => step.find((f) => f.facet === name);
  const rules: [lower: FacetName, upper: FacetName, strict: boolean][] = [
    ["minInclusive", "maxInclusive", false],
    ["minExclusive", "maxExclusive", false],
    ["minInclusive", "maxExclusive", true],
    ["minExclusive", "maxInclusive", true],
  ];
  for (const [lower, upper, strict] of rules) {
    const lo = at(lower);
    const hi = at(upper);
    if (lo === undefined || hi === undefined) continue;
    if (holdsUnder(builtin, strict ? { maxExclusive: hi.value } : { maxInclusive: hi.value }, lo.value)) continue;
    reporter.report(
      "xsd/facet-range",
      { facet: upper, value: hi.value, relation: strict ? "greater than" : "greater than or equal to", other: lower, otherValue: lo.value },
      hi.valueSite.loc,
    );
  }
}

type CountFacet = "length" | "minLength" | "maxLength" | "totalDigits" | "fractionDigits";

/** Count facets of this step against the base's: a restriction may only narrow (Part 2 §4.3.1–4.3.3, 4.3.11–12). */
function checkNarrows(base: SimpleType, merged: Facets, step: XFacet[], reporter: Reporter): void {
  const b = base.facets;
  const given = (name: CountFacet) => step.find((f) => f.facet === name);
  const fail = (name: CountFacet, baseName: CountFacet, expected: string) => {
    const f = given(name)!;
    reporter.report("xsd/facet-loosens", { facet: name, value: f.value, baseFacet: baseName, baseValue: String(b[baseName]), expected }, f.valueSite.loc);
  };
  const n = (name: CountFacet) => (given(name) === undefined ? undefined : merged[name]);
  const length = n("length");
  const minLength = n("minLength");
  const maxLength = n("maxLength");
  const totalDigits = n("totalDigits");
  const fractionDigits = n("fractionDigits");
  if (length !== undefined && b.length !== undefined && length !== b.length) fail("length", "length", `exactly ${b.length}`);
  if (minLength !== undefined && b.minLength !== undefined && minLength < b.minLength) fail("minLength", "minLength", `at least ${b.minLength}`);
  else if (minLength !== undefined && b.length !== undefined && minLength > b.length) fail("minLength", "length", `at most ${b.length}`);
  if (maxLength !== undefined && b.maxLength !== undefined && maxLength > b.maxLength) fail("maxLength", "maxLength", `at most ${b.maxLength}`);
  else if (maxLength !== undefined && b.length !== undefined && maxLength < b.length) fail("maxLength", "length", `at least ${b.length}`);
  if (totalDigits !== undefined && b.totalDigits !== undefined && totalDigits > b.totalDigits) fail("totalDigits", "totalDigits", `at most ${b.totalDigits}`);
  if (fractionDigits !== undefined && b.fractionDigits !== undefined && fractionDigits > b.fractionDigits) {
    fail("fractionDigits", "fractionDigits", `at most ${b.fractionDigits}`);
  }
}
