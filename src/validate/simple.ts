/**
 * The simple-type checker the engine uses for XSD text and attribute values: the datatypes
 * module's checker (src/validate/datatypes), plus what the engine needs to skip work: whether
 * every value is valid (plain string) and which built-in the type derives from (IDs).
 */
import { codeDef, render, type Params } from "../diagnostics/codes.js";
import type { SchemaModel, SimpleType } from "../schema/model.js";
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
   * (prefixes bound by `fixedContext`, the schema's). Values are compared ({namespace, local}
   * for QNames; 1.50 = 1.5 for decimals); a value that is not valid compares as its literal.
   */
  fixedMatches(value: string, context: ValueContext | undefined, fixed: string, fixedContext: ValueContext | undefined): boolean;
  /** A list type's item type (identity constraints compare list values item by item). */
  item?: SimpleChecker;
  /**
   * A union type's member that validates a value: the first member type that accepts it (XSD 1.0
   * Part 2 §2.5.1.3), undefined when none does. Identity constraints compare the member's value.
   */
  member?(lexical: string, context?: ValueContext): SimpleChecker | undefined;
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
    const sameValue = c.sameValue;
    const itemId = t.variety === "list" ? listItemType(model, typeId) : undefined;
    const memberIds = t.variety === "union" ? inherited(model, typeId, (u) => u.memberTypes) : undefined;
    return {
      ...(itemId !== undefined ? { item: simpleChecker(model, itemId) } : {}),
      ...(memberIds !== undefined ? { member: memberOf(model, memberIds) } : {}),
      check: (lexical, context) => c.check(lexical, context),
      normalize: (s) => c.normalize(s),
      describe: () => c.describe(),
      builtin: t.builtin,
      trivial: plain,
      // Values, not literals (XSD 1.0 cvc-attribute.4 / cvc-elt.5.2.2.2.2, "equal or identical" in
      // XSD 1.1): "1.50" is the fixed decimal 1.5, "1" the fixed boolean true.
      fixedMatches:
        sameValue === undefined
          ? (value, _context, fixed) => c.normalize(value) === c.normalize(fixed)
          : (value, context, fixed, fixedContext) => sameValue(value, context, fixed, fixedContext),
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

/** The item type of a list type, inherited along its restrictions (compileSimpleType has checked the chain). */
function listItemType(model: SchemaModel, typeId: number): number | undefined {
  return inherited(model, typeId, (t) => t.itemType);
}

/** The first value of `pick` along a type's restriction chain (lists and unions inherit items/members). */
function inherited<T>(model: SchemaModel, typeId: number, pick: (t: SimpleType) => T | undefined): T | undefined {
  let t: SimpleType | undefined = model.simpleTypes[typeId];
  for (let n = 0; t !== undefined && n < 1000; n++) {
    const v = pick(t);
    if (v !== undefined) return v;
    t = t.base === undefined ? undefined : model.simpleTypes[t.base];
  }
  return undefined;
}

/**
 * The member chooser of a union: members' checkers are made on first use only, since unions of
 * unions would otherwise build every nested member eagerly (a hostile nesting doubles per level).
 */
function memberOf(model: SchemaModel, memberIds: number[]): NonNullable<SimpleChecker["member"]> {
  const made: (SimpleChecker | undefined)[] = [];
  return (lexical, context) => {
    for (let i = 0; i < memberIds.length; i++) {
      const m = (made[i] ??= simpleChecker(model, memberIds[i]));
      if (m.check(lexical, context) === null) return m;
    }
    return undefined;
  };
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
