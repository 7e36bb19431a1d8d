/**
 * How a simple type appears in the object form: string, number or boolean, with its enumeration.
 *
 * Numbers are used only where a JavaScript number holds every value exactly: float and double
 * (IEEE by definition) and the integer types whose range lies within ±(2^53 − 1) — byte, short,
 * int, their unsigned forms, and any integer type whose min/max facets bound it inside that
 * range. xs:decimal, xs:integer, xs:long, xs:unsignedLong and the unbounded (non)negative/positive
 * integers stay strings, so an ID like 9007199254740993 survives a round trip unchanged.
 */
import { builtinDerivesFrom } from "../src/schema/builtins.js";
import type { SchemaModel, SimpleType } from "../src/schema/model.js";

export type ValueKind = "string" | "number" | "boolean";

export interface ValueForm {
  /** Simple type id in the model; null for DTD #PCDATA (any string). */
  type: number | null;
  kind: ValueKind;
  /** Literal values of an enumeration (numbers for number kinds). */
  enumeration?: (string | number)[];
  /** XSD built-in the type derives from (for docs and messages). */
  builtin: string;
}

const SAFE_INT_TYPES = ["byte", "short", "int", "unsignedByte", "unsignedShort", "unsignedInt"];
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function withinSafe(bound: string | undefined): boolean {
  if (bound === undefined || !/^[+-]?\d+$/.test(bound.trim())) return false;
  const b = BigInt(bound.trim());
  return b <= SAFE && b >= -SAFE;
}

function kindOf(t: SimpleType): ValueKind {
  if (t.variety !== "atomic") return "string";
  const b = t.builtin;
  if (builtinDerivesFrom(b, "boolean")) return "boolean";
  if (builtinDerivesFrom(b, "float") || builtinDerivesFrom(b, "double")) return "number";
  if (builtinDerivesFrom(b, "integer")) {
    if (SAFE_INT_TYPES.some((s) => builtinDerivesFrom(b, s))) return "number";
    const f = t.facets;
    const lo = f.minInclusive ?? f.minExclusive;
    const hi = f.maxInclusive ?? f.maxExclusive;
    if (withinSafe(lo) && withinSafe(hi)) return "number";
    // An enumeration of safe integers bounds the type as well.
    const en = f.enumeration;
    if (en !== undefined && en.length > 0 && en.every((e) => withinSafe(e.value))) return "number";
  }
  return "string";
}

export const PCDATA: ValueForm = { type: null, kind: "string", builtin: "string" };

export function valueForm(model: SchemaModel, typeId: number): ValueForm {
  const t = model.simpleTypes[typeId];
  const kind = kindOf(t);
  const form: ValueForm = { type: typeId, kind, builtin: t.builtin };
  const en = t.facets.enumeration;
  if (en !== undefined && en.length > 0 && kind !== "boolean") {
    const values = en.map((e) => (kind === "number" ? Number(e.value) : e.value));
    form.enumeration = [...new Set(values)];
  }
  return form;
}

/** True when a value of this form needs no check beyond its JavaScript type. */
export function isPlainString(model: SchemaModel, form: ValueForm): boolean {
  if (form.type === null) return true;
  const t = model.simpleTypes[form.type];
  return t.variety === "atomic" && (t.builtin === "string" || t.builtin === "anySimpleType") && Object.keys(t.facets).every((k) => k === "whiteSpace");
}

/** The typed literal of a lexical value (fixed values): 1/true → true, "01" → 1 for numbers. */
export function typedLiteral(kind: ValueKind, lexical: string): string | number | boolean {
  const t = lexical.trim();
  if (kind === "boolean") return t === "true" || t === "1";
  if (kind === "number") return Number(t);
  return lexical;
}
