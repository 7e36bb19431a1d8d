/**
 * Facet checks for one atomic or list type, prepared once from the model's merged Facets.
 * Each check takes the normalised literal and its parsed value and returns null or a ValueCheck.
 * Limits (min/max, enumeration) are parsed into the type's value space up front, so comparisons
 * happen between values ("1.0" equals "1" for decimals), never between strings.
 */
import { didYouMean } from "../../diagnostics/suggest.js";
import type { Facets } from "../../schema/model.js";
import { clippedList } from "../messages.js";
import { translateXsdRegex } from "./regex/translate.js";
import { XsdRegexTooCostly } from "./regex/error.js";
import type { ValueCheck, ValueContext, ValueParams } from "./types.js";

/** How the facet checks see a value: its equality, order, length and digits. */
export interface FacetSubject {
  /**
   * Parses a facet value (enumeration member or bound) in the type's value space; null if it
   * does not parse. `context` resolves QName prefixes as the schema bound them.
   */
  parse(literal: string, context?: ValueContext): unknown | null;
  equal(a: unknown, b: unknown): boolean;
  compare?: (a: unknown, b: unknown) => number;
  length?: (value: unknown, normalized: string) => number;
  lengthUnit: string;
  digits?: (value: unknown) => { total: number; fraction: number };
  /**
   * For values whose literal does not say everything (QNames: the prefix stands for a namespace):
   * why `value` (written `normalized`) differs from an allowed value it looks like, or undefined.
   */
  mismatch?: (normalized: string, value: unknown, allowed: { literal: string; value: unknown }[]) => string | undefined;
}

/** An enumeration member as the schema wrote it, with the bindings its QNames resolve through. */
export interface EnumerationMember {
  literal: string;
  context?: ValueContext;
}

export type FacetCheck = (normalized: string, value: unknown) => ValueCheck;

const MAX_LISTED = 20;

function fail(code: string, params: ValueParams): ValueCheck {
  return { code, params };
}

/** The fix when a value differs from a listed one only by white space (which a "did you mean" would not show). */
function whiteSpaceFix(value: string, listed: string): string | undefined {
  if (value.trim() === listed) return `remove the white space around the value ("${listed}")`;
  if (value.replace(/\s+/g, " ").trim() === listed) return `write the value with single spaces, as listed ("${listed}")`;
  return undefined;
}

export function enumerationCheck(members: EnumerationMember[], subject: FacetSubject): FacetCheck {
  const values = members.map((m) => m.literal);
  const parsed = members.map((m) => ({ literal: m.literal, value: subject.parse(m.literal, m.context) }));
  const allowed = clippedList(values, MAX_LISTED);
  return (normalized, value) => {
    for (const p of parsed) if (p.value !== null && subject.equal(p.value, value)) return null;
    const mismatch = subject.mismatch?.(normalized, value, parsed);
    const suggestion = mismatch === undefined ? didYouMean(normalized, values) : undefined;
    const params: ValueParams = {
      value: normalized,
      allowed,
      fix: mismatch ?? (suggestion === undefined ? "use one of the listed values" : whiteSpaceFix(normalized, suggestion) ?? `did you mean "${suggestion}"?`),
    };
    if (suggestion !== undefined) params.suggestion = suggestion;
    return fail("type/enumeration", params);
  };
}

/** Patterns: alternatives within one derivation step are ORed, steps are ANDed. */
export function patternCheck(steps: string[][]): FacetCheck {
  const compiled = steps.map((step) => ({ regexes: step.map((p) => translateXsdRegex(p)), text: step.join(" | ") }));
  return (normalized) => {
    for (const step of compiled) {
      let matched: boolean;
      try {
        matched = step.regexes.some((re) => re.test(normalized));
      } catch (e) {
        if (!(e instanceof XsdRegexTooCostly)) throw e;
        return fail("type/pattern-too-costly", { value: normalized, length: normalized.length, pattern: step.text, limit: e.limit });
      }
      if (!matched) return fail("type/pattern", { value: normalized, pattern: step.text });
    }
    return null;
  };
}

export function lengthChecks(facets: Facets, subject: FacetSubject): FacetCheck[] {
  const measure = subject.length;
  if (measure === undefined) return [];
  const checks: FacetCheck[] = [];
  const add = (code: string, expected: number | undefined, ok: (n: number, e: number) => boolean): void => {
    if (expected === undefined) return;
    checks.push((normalized, value) => {
      const actual = measure(value, normalized);
      return ok(actual, expected) ? null : fail(code, { value: normalized, actual, expected, unit: subject.lengthUnit });
    });
  };
  add("type/length", facets.length, (n, e) => n === e);
  add("type/min-length", facets.minLength, (n, e) => n >= e);
  add("type/max-length", facets.maxLength, (n, e) => n <= e);
  return checks;
}

export function rangeChecks(facets: Facets, subject: FacetSubject): FacetCheck[] {
  const compare = subject.compare;
  if (compare === undefined) return [];
  const checks: FacetCheck[] = [];
  const add = (code: string, literal: string | undefined, ok: (c: number) => boolean): void => {
    if (literal === undefined) return;
    const limit = subject.parse(literal);
    if (limit === null) return;
    // An incomparable pair (NaN) fails: the facet requires the relation to hold.
    checks.push((normalized, value) => (ok(compare(value, limit)) ? null : fail(code, { value: normalized, limit: literal })));
  };
  add("type/min-inclusive", facets.minInclusive, (c) => c >= 0);
  add("type/max-inclusive", facets.maxInclusive, (c) => c <= 0);
  add("type/min-exclusive", facets.minExclusive, (c) => c > 0);
  add("type/max-exclusive", facets.maxExclusive, (c) => c < 0);
  return checks;
}

export function digitChecks(facets: Facets, subject: FacetSubject): FacetCheck[] {
  const digits = subject.digits;
  if (digits === undefined) return [];
  const checks: FacetCheck[] = [];
  const { totalDigits, fractionDigits } = facets;
  if (totalDigits !== undefined) {
    checks.push((normalized, value) => {
      const actual = digits(value).total;
      return actual <= totalDigits ? null : fail("type/total-digits", { value: normalized, actual, expected: totalDigits });
    });
  }
  if (fractionDigits !== undefined) {
    checks.push((normalized, value) => {
      const actual = digits(value).fraction;
      return actual <= fractionDigits ? null : fail("type/fraction-digits", { value: normalized, actual, expected: fractionDigits });
    });
  }
  return checks;
}
