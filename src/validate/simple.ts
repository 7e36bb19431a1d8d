/**
 * The simple-type checker the engine uses for XSD text and attribute values. It adapts the
 * datatypes module (src/validate/datatypes: `compileSimpleType`).
 *
 * INTERIM: until src/validate/datatypes exports compileSimpleType, only enumerations are
 * checked here; every other value is accepted (see docs/validation.md, known gaps).
 */
import type { Params } from "../diagnostics/codes.js";
import type { SchemaModel } from "../schema/model.js";

export interface SimpleChecker {
  /** null when the lexical value is valid, else the datatype diagnostic code and its params. */
  check(lexical: string): null | { code: string; params: Params };
  /** The value after the type's whiteSpace facet (for fixed/default comparison). */
  normalize(lexical: string): string;
  /** A short description for "expected ..." messages, e.g. "integer" or "one of A, B". */
  describe(): string;
  /** The built-in the type is or derives from ("string", "ID", "IDREFS"...). */
  builtin: string;
  /** True when every value is valid (plain string): the engine then skips the check. */
  trivial: boolean;
}

export function simpleChecker(model: SchemaModel, typeId: number): SimpleChecker {
  const t = model.simpleTypes[typeId];
  const ws = t.facets.whiteSpace ?? "preserve";
  const normalize = (s: string): string => (ws === "preserve" ? s : ws === "replace" ? s.replace(/[\t\n\r]/g, " ") : s.replace(/[\t\n\r ]+/g, " ").trim());
  const values = t.facets.enumeration?.map((e) => e.value);
  if (values === undefined) {
    return { check: () => null, normalize, describe: () => t.name ?? t.builtin, builtin: t.builtin, trivial: true };
  }
  const set = new Set(values);
  return {
    check: (lexical) => (set.has(normalize(lexical)) ? null : { code: "valid/attribute-value", params: { expected: values } }),
    normalize,
    describe: () => "one of " + values.join(", "),
    builtin: t.builtin,
    trivial: false,
  };
}
