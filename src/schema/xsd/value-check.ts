/**
 * Checks a value written in a schema (a facet, default or fixed value) against a simple type of
 * the model being built, through the validator's datatypes (the same checkers instances meet),
 * and renders the failure for a schema diagnostic.
 */
import { codeDef, render } from "../../diagnostics/codes.js";
import { addSimpleType, builtinType, emptyModel } from "../build.js";
import { XSD_NS, type Facets, type SchemaModel } from "../model.js";
import { compileSimpleType, type ValueCheck } from "../../validate/datatypes/index.js";
import type { XValueSite } from "./syntax.js";

export interface ValueFailure {
  code: string;
  /** The datatype's message, e.g. `"abc" is not a valid xs:integer: ...`. */
  detail: string;
}

/**
 * The longest detail kept: it follows a type label of up to MAX_TYPE_LABEL in the schema
 * diagnostic's message, and a nested union's "(tried ...)" list of member descriptions alone
 * can fill 200 characters; its start names the failing value, which is what helps.
 */
export const MAX_VALUE_DETAIL = 120;

function failure(check: NonNullable<ValueCheck>): ValueFailure {
  const detail = render(codeDef(check.code).message, check.params);
  const chars = [...detail];
  return { code: check.code, detail: chars.length <= MAX_VALUE_DETAIL ? detail : `${chars.slice(0, MAX_VALUE_DETAIL - 1).join("")}…` };
}

/**
 * Null when `value` is valid for type `typeId`. A type that cannot be compiled yields null too:
 * its cause (a cycle, a missing item type) is reported where it occurs, and the reader's final
 * pass reports any type that still does not compile.
 */
export function checkValue(model: SchemaModel, typeId: number, value: string, site?: XValueSite): ValueFailure | null {
  let check: ValueCheck;
  try {
    const lookupNamespace = site === undefined ? undefined : (prefix: string) => site.namespaces.get(prefix);
    check = compileSimpleType(model, typeId).check(value, lookupNamespace === undefined ? undefined : { lookupNamespace });
  } catch {
    return null;
  }
  return check === null ? null : failure(check);
}

/** An anonymous type's description longer than this is shortened (it is repeated in message and hint). */
export const MAX_TYPE_LABEL = 80;

/** How a type is named in messages: xs:int, a named type's name, or its (bounded) description. */
export function typeLabel(model: SchemaModel, typeId: number): string {
  const t = model.simpleTypes[typeId];
  if (t.name !== undefined) return t.namespace === XSD_NS ? `xs:${t.name}` : t.name;
  let described: string;
  try {
    described = compileSimpleType(model, typeId).describe();
  } catch {
    return `xs:${t.builtin}`;
  }
  if (described.length <= MAX_TYPE_LABEL) return described;
  // The enumeration is what makes it long; the value's own failure (the message's detail) says what it broke.
  const summarised = described.replace(/ \(one of: .*?\)(?=,|$)/, " (an enumeration)");
  return summarised.length <= MAX_TYPE_LABEL ? summarised : `${summarised.slice(0, MAX_TYPE_LABEL - 1)}…`;
}

/**
 * Whether `value` satisfies `facets` on top of built-in `builtin` (used to compare two facet
 * values in a value space: "min ≤ max" is "min is valid under maxInclusive=max"). The scratch
 * model keeps the schema's own model free of helper types.
 */
export function holdsUnder(builtin: string, facets: Facets, value: string): boolean {
  const scratch = emptyModel("xsd", "(facet comparison)");
  const base = builtinType(scratch, builtin);
  const t = addSimpleType(scratch, { variety: "atomic", builtin, base, facets: { ...scratch.simpleTypes[base].facets, ...facets } });
  try {
    return compileSimpleType(scratch, t.id).check(value) === null;
  } catch {
    return true; // not comparable here; nothing to report
  }
}
