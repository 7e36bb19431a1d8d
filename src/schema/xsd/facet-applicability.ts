/**
 * Which constraining facets apply to which simple types (XSD 1.0 Part 2 §4.1.5 and the
 * "applicable facets" of each primitive in §3.2): a facet that does not apply is a schema error.
 */
import { primitiveOf } from "../builtins.js";
import type { SimpleType } from "../model.js";
import type { Reporter } from "./report.js";
import type { FacetName, XFacet } from "./syntax.js";

const LENGTHS: FacetName[] = ["length", "minLength", "maxLength", "pattern", "enumeration", "whiteSpace"];
const ORDERED: FacetName[] = ["pattern", "enumeration", "whiteSpace", "maxInclusive", "maxExclusive", "minInclusive", "minExclusive"];

const BY_PRIMITIVE: Record<string, readonly FacetName[]> = {
  string: LENGTHS,
  anyURI: LENGTHS,
  QName: LENGTHS,
  NOTATION: LENGTHS,
  hexBinary: LENGTHS,
  base64Binary: LENGTHS,
  boolean: ["pattern", "whiteSpace"],
  decimal: [...ORDERED, "totalDigits", "fractionDigits"],
  float: ORDERED,
  double: ORDERED,
  duration: ORDERED,
  dateTime: ORDERED,
  time: ORDERED,
  date: ORDERED,
  gYearMonth: ORDERED,
  gYear: ORDERED,
  gMonthDay: ORDERED,
  gDay: ORDERED,
  gMonth: ORDERED,
};

export function applicableFacets(base: SimpleType): readonly FacetName[] {
  if (base.variety === "list") return LENGTHS;
  if (base.variety === "union") return ["pattern", "enumeration"];
  if (base.builtin === "anySimpleType") return [];
  return BY_PRIMITIVE[primitiveOf(base.builtin)] ?? [];
}

/** Reports each facet of a restriction step that does not apply to its base type. */
export function checkApplicable(base: SimpleType, step: XFacet[], reporter: Reporter): XFacet[] {
  const allowed = applicableFacets(base);
  const kept: XFacet[] = [];
  for (const f of step) {
    if (allowed.includes(f.facet)) {
      kept.push(f);
      continue;
    }
    const what = base.variety === "atomic" ? `types derived from xs:${primitiveOf(base.builtin)}` : `${base.variety} types`;
    const d = reporter.report("xsd/invalid-facet", { facet: f.facet, value: f.value, expected: `no xs:${f.facet} at all: it does not apply to ${what}` }, f.loc);
    // The template's "change it to a value that is ..." does not fit a facet that cannot be there.
    d.hint = `remove xs:${f.facet}; the facets that apply to ${what} are ${allowed.join(", ") || "none"}`;
  }
  return kept;
}
