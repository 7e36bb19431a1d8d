/**
 * One simpleType restriction step's facets merged onto its base's: later steps override
 * single-valued facets, replace the enumeration, and add one inner pattern array per step
 * (patterns within a step are alternatives; steps are all applied).
 */
import type { EnumerationValue, Facets, WhiteSpace } from "../model.js";
import type { Reporter } from "./report.js";
import type { XFacet } from "./syntax.js";

const COUNT_FACETS = ["length", "minLength", "maxLength", "totalDigits", "fractionDigits"] as const;
const VALUE_FACETS = ["maxInclusive", "maxExclusive", "minInclusive", "minExclusive"] as const;
const WHITESPACE: readonly WhiteSpace[] = ["preserve", "replace", "collapse"];
const WHITESPACE_RANK: Record<WhiteSpace, number> = { preserve: 0, replace: 1, collapse: 2 };

export function mergeFacets(base: Facets, step: XFacet[], reporter: Reporter): Facets {
  const out: Facets = { ...base };
  if (base.patterns !== undefined) out.patterns = base.patterns.map((p) => [...p]);
  const patterns: string[] = [];
  const enumeration: EnumerationValue[] = [];
  const seen = new Set<string>();
  for (const f of step) {
    if (f.facet !== "pattern" && f.facet !== "enumeration") {
      if (seen.has(f.facet)) {
        reporter.report("xsd/syntax", { message: `facet xs:${f.facet} is given twice in one restriction` }, f.loc).hint = `keep one xs:${f.facet} (only xs:pattern and xs:enumeration may repeat)`;
        continue;
      }
      seen.add(f.facet);
    }
    switch (f.facet) {
      case "pattern":
        patterns.push(f.value);
        break;
      case "enumeration":
        enumeration.push(f.doc === undefined ? { value: f.value } : { value: f.value, doc: f.doc });
        break;
      case "whiteSpace": {
        const v = f.value.trim() as WhiteSpace;
        if (!WHITESPACE.includes(v)) {
          reporter.report("xsd/invalid-facet", { facet: f.facet, value: f.value, expected: "preserve, replace or collapse" }, f.valueSite.loc);
        } else if (base.whiteSpace !== undefined && WHITESPACE_RANK[v] < WHITESPACE_RANK[base.whiteSpace]) {
          reporter.report("xsd/invalid-facet", { facet: f.facet, value: f.value, expected: `${base.whiteSpace} or stricter (the base type's whiteSpace)` }, f.valueSite.loc);
        } else out.whiteSpace = v;
        break;
      }
      default:
        if ((COUNT_FACETS as readonly string[]).includes(f.facet)) {
          const t = f.value.trim();
          const n = /^\+?\d+$/.test(t) ? Number(t) : NaN;
          const positive = f.facet === "totalDigits";
          if (Number.isNaN(n) || (positive && n === 0)) {
            reporter.report("xsd/invalid-facet", { facet: f.facet, value: f.value, expected: positive ? "a positive integer" : "a non-negative integer" }, f.valueSite.loc);
          } else out[f.facet as (typeof COUNT_FACETS)[number]] = n;
        } else if ((VALUE_FACETS as readonly string[]).includes(f.facet)) {
          // Checked against the base type's value space by the validator's datatypes, not here.
          out[f.facet as (typeof VALUE_FACETS)[number]] = f.value;
        }
    }
  }
  if (patterns.length > 0) out.patterns = [...(out.patterns ?? []), patterns];
  if (enumeration.length > 0) out.enumeration = enumeration;
  checkBounds(out, step, reporter);
  return out;
}

function checkBounds(f: Facets, step: XFacet[], reporter: Reporter): void {
  const at = (name: string) => step.find((s) => s.facet === name)?.valueSite.loc;
  if (f.length !== undefined && (f.minLength !== undefined || f.maxLength !== undefined) && step.some((s) => s.facet === "length")) {
    if ((f.minLength !== undefined && f.minLength > f.length) || (f.maxLength !== undefined && f.maxLength < f.length)) {
      reporter.report("xsd/invalid-facet", { facet: "length", value: String(f.length), expected: "a length within minLength..maxLength" }, at("length")!);
    }
  }
  if (f.minLength !== undefined && f.maxLength !== undefined && f.minLength > f.maxLength && step.some((s) => s.facet === "minLength" || s.facet === "maxLength")) {
    reporter.report("xsd/invalid-facet", { facet: "minLength", value: String(f.minLength), expected: `at most maxLength (${f.maxLength})` }, at("minLength") ?? at("maxLength")!);
  }
  if (f.fractionDigits !== undefined && f.totalDigits !== undefined && f.fractionDigits > f.totalDigits && step.some((s) => s.facet === "fractionDigits" || s.facet === "totalDigits")) {
    reporter.report("xsd/invalid-facet", { facet: "fractionDigits", value: String(f.fractionDigits), expected: `at most totalDigits (${f.totalDigits})` }, at("fractionDigits") ?? at("totalDigits")!);
  }
}
