/**
 * The simple-type checker the engine uses for XSD text and attribute values: the datatypes
 * module's checker (src/validate/datatypes), plus what the engine needs to skip work: whether
 * every value is valid (plain string) and which built-in the type derives from (IDs).
 */
import { codeDef, render, type Params } from "../diagnostics/codes.js";
import type { SchemaModel } from "../schema/model.js";
import { compileSimpleType, type ValueContext } from "./datatypes/index.js";

export interface SimpleChecker {
  /** null when the lexical value is valid, else the datatype diagnostic code and its params. */
  check(lexical: string, context?: ValueContext): null | { code: string; params: Params };
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
  const f = t.facets;
  const plain =
    t.variety === "atomic" &&
    (t.builtin === "string" || t.builtin === "anySimpleType") &&
    f.enumeration === undefined &&
    f.patterns === undefined &&
    f.length === undefined &&
    f.minLength === undefined &&
    f.maxLength === undefined;
  try {
    const c = compileSimpleType(model, typeId);
    return {
      check: (lexical, context) => c.check(lexical, context),
      normalize: (s) => c.normalize(s),
      describe: () => c.describe(),
      builtin: t.builtin,
      trivial: plain,
    };
  } catch (e) {
    // A malformed type (e.g. circular) was reported by the schema reader; do not crash here.
    const why = (e as Error).message;
    return { check: () => null, normalize: (s) => s, describe: () => `${t.name ?? t.builtin} (unchecked: ${why})`, builtin: t.builtin, trivial: true };
  }
}

/** A datatype problem in words: its own message (what was found, what was expected) and hint. */
export function explain(problem: { code: string; params: Params }): { reason: string; hint?: string } {
  const def = codeDef(problem.code);
  const out: { reason: string; hint?: string } = { reason: render(def.message, problem.params) };
  if (def.hint !== undefined) {
    const hint = render(def.hint, problem.params);
    out.hint = hint.charAt(0).toUpperCase() + hint.slice(1) + (hint.endsWith(".") || hint.endsWith("?") ? "" : ".");
  }
  return out;
}
