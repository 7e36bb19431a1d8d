/** Short human descriptions of facets for messages: " in 1..256", " (one of: A, B)", " matching [A-Z]+". */
import type { Facets } from "../../schema/model.js";

const MAX_ENUM_SHOWN = 8;

function rangeText(f: Facets): string | undefined {
  if (f.minInclusive !== undefined && f.maxInclusive !== undefined) return `in ${f.minInclusive}..${f.maxInclusive}`;
  const parts: string[] = [];
  if (f.minInclusive !== undefined) parts.push(`>= ${f.minInclusive}`);
  if (f.minExclusive !== undefined) parts.push(`> ${f.minExclusive}`);
  if (f.maxInclusive !== undefined) parts.push(`<= ${f.maxInclusive}`);
  if (f.maxExclusive !== undefined) parts.push(`< ${f.maxExclusive}`);
  return parts.length === 0 ? undefined : parts.join(", ");
}

function lengthText(f: Facets, unit: string): string | undefined {
  if (f.length !== undefined) return `of length ${f.length} ${unit}`;
  if (f.minLength !== undefined && f.maxLength !== undefined) return `of ${f.minLength}..${f.maxLength} ${unit}`;
  if (f.minLength !== undefined) return `of at least ${f.minLength} ${unit}`;
  if (f.maxLength !== undefined) return `of at most ${f.maxLength} ${unit}`;
  return undefined;
}

export function describeFacets(f: Facets, unit: string): string {
  const parts: string[] = [];
  if (f.enumeration !== undefined && f.enumeration.length > 0) {
    const shown = f.enumeration.slice(0, MAX_ENUM_SHOWN).map((e) => e.value);
    if (f.enumeration.length > MAX_ENUM_SHOWN) shown.push("...");
    parts.push(`(one of: ${shown.join(", ")})`);
  }
  const range = rangeText(f);
  if (range !== undefined) parts.push(range);
  const length = lengthText(f, unit);
  if (length !== undefined) parts.push(length);
  if (f.patterns !== undefined) for (const step of f.patterns) parts.push(`matching ${step.join(" | ")}`);
  if (f.totalDigits !== undefined) parts.push(`with at most ${f.totalDigits} digits`);
  if (f.fractionDigits !== undefined) parts.push(`with at most ${f.fractionDigits} fraction digits`);
  return parts.length === 0 ? "" : " " + parts.join(", ");
}
