/**
 * DTD attribute values as `qxml validate` checks them in DTD mode (XML 1.0 §3.3.1, validity
 * constraints ID, IDREF, Name Token, Enumeration, Notation Attributes, Entity Name): reported as
 * valid/attribute-value with the engine's "expected" wording: src/validate/attributes.ts
 * dtdValueProblem itself, and its colonProblem rule (namespaces on, as `qxml validate` reads by
 * default).
 */
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { SchemaModel } from "../../src/schema/model.js";
import { colonProblem, dtdValueProblem } from "../../src/validate/attributes.js";
import type { CompiledAttribute } from "../../src/validate/compile.js";
import { report, typeError } from "./check.js";
import { toLexical } from "./values.js";

/**
 * The engine's own check (its "expected" wording included), given the two things it reads from a
 * schema model: the enumeration/NOTATION values and the unparsed entities, as a minimal model view.
 */
function problem(dtdType: string, names: readonly string[], value: string): string | null {
  const enumerated = dtdType === "enumeration" || dtdType === "NOTATION";
  const entities = Object.fromEntries((enumerated ? [] : names).map((n) => [n, { notation: "" }]));
  const view = { simpleTypes: [{ facets: { enumeration: (enumerated ? names : []).map((v) => ({ value: v })) } }], entities } as unknown as SchemaModel;
  return dtdValueProblem(view, { decl: { dtdType, type: 0 } } as unknown as CompiledAttribute, value);
}

/** A typed DTD attribute's value in the object form: its #FIXED value, then its type. */
export function checkDtdAttribute(out: Diagnostic[], path: string, element: string, name: string, dtdType: string, names: readonly string[], fixed: string | null, v: unknown): void {
  if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") {
    typeError(out, path, element, `attribute ${name} as a string`, v);
    return;
  }
  const value = toLexical(v);
  if (fixed !== null && value !== fixed) {
    report(out, "valid/fixed-attribute", { element, name, expected: fixed, found: value }, path);
    return;
  }
  const expected = problem(dtdType, names, value) ?? colonProblem(dtdType, value);
  if (expected !== null) report(out, "valid/attribute-value", { element, name, expected, found: value }, path);
}
