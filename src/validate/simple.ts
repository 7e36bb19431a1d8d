/**
 * The simple-type checker the engine uses for XSD text and attribute values: the datatypes
 * module's checker (src/validate/datatypes), plus what the engine needs to skip work: whether
 * every value is valid (plain string) and which built-in the type derives from (IDs).
 */
import { codeDef, render, type Params } from "../diagnostics/codes.js";
import type { SchemaModel } from "../schema/model.js";
import { compileSimpleType, type ValueContext } from "./datatypes/index.js";
import { bindingsContext } from "./datatypes/qname-value.js";

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
  /**
   * Whether an instance value (prefixes bound by `context`) matches a declaration's fixed value
   * (prefixes bound by `fixedContext`, the schema's). QName-based types compare values
   * ({namespace, local}); others compare the whitespace-normalised literals.
   */
  fixedMatches(value: string, context: ValueContext | undefined, fixed: string, fixedContext: ValueContext | undefined): boolean;
}

/**
 * The context a declaration's default or fixed value resolves its QNames in: the schema's
 * bindings the model kept for it, or `otherwise` when it kept none (not a QName-based type).
 */
export function schemaValueContext(namespaces: Record<string, string> | undefined, otherwise: ValueContext): ValueContext {
  return namespaces === undefined ? otherwise : bindingsContext(namespaces);
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
    const qnames = c.hasQNames === true && c.sameValue !== undefined;
    return {
      check: (lexical, context) => c.check(lexical, context),
      normalize: (s) => c.normalize(s),
      describe: () => c.describe(),
      builtin: t.builtin,
      trivial: plain,
      fixedMatches: qnames
        ? (value, context, fixed, fixedContext) => c.sameValue!(value, context, fixed, fixedContext)
        : (value, _context, fixed) => c.normalize(value) === c.normalize(fixed),
    };
  } catch (e) {
    // A malformed type (e.g. circular) was reported by the schema reader; do not crash here.
    const why = (e as Error).message;
    return {
      check: () => null,
      normalize: (s) => s,
      describe: () => `${t.name ?? t.builtin} (unchecked: ${why})`,
      builtin: t.builtin,
      trivial: true,
      fixedMatches: (value, _context, fixed) => value === fixed,
    };
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
