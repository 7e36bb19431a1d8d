/**
 * Values a simple type must reject: outside its enumeration, outside its range, too long or too
 * short, or not of its lexical form. Each comes with what it breaks, for the mutation's description.
 */
import { builtinDerivesFrom } from "../../src/schema/builtins.js";
import type { DtdAttributeType, SchemaModel, SimpleType } from "../../src/schema/model.js";

export interface BadValue {
  value: string;
  /** "enumeration" for a value outside an enumeration, else "value". */
  kind: "enumeration" | "value";
  why: string;
}

/** Value ranges of the bounded integer built-ins (XSD Part 2 §3.3). */
export const INTEGER_RANGES: Record<string, [string | null, string | null]> = {
  byte: ["-128", "127"],
  short: ["-32768", "32767"],
  int: ["-2147483648", "2147483647"],
  long: ["-9223372036854775808", "9223372036854775807"],
  unsignedByte: ["0", "255"],
  unsignedShort: ["0", "65535"],
  unsignedInt: ["0", "4294967295"],
  unsignedLong: ["0", "18446744073709551615"],
  positiveInteger: ["1", null],
  nonNegativeInteger: ["0", null],
  negativeInteger: [null, "-1"],
  nonPositiveInteger: [null, "0"],
};

function step(n: string, by: 1n | -1n): string | null {
  return /^-?\d+$/.test(n) ? (BigInt(n) + by).toString() : null;
}

function rangeValues(t: SimpleType): BadValue[] {
  const out: BadValue[] = [];
  const f = t.facets;
  const push = (v: string | null, why: string) => {
    if (v !== null) out.push({ value: v, kind: "value", why });
  };
  if (f.maxInclusive !== undefined) push(step(f.maxInclusive, 1n), `above maxInclusive ${f.maxInclusive}`);
  if (f.maxExclusive !== undefined) push(f.maxExclusive, `not below maxExclusive ${f.maxExclusive}`);
  if (f.minInclusive !== undefined) push(step(f.minInclusive, -1n), `below minInclusive ${f.minInclusive}`);
  if (f.minExclusive !== undefined) push(f.minExclusive, `not above minExclusive ${f.minExclusive}`);
  const range = INTEGER_RANGES[t.builtin];
  if (out.length === 0 && range !== undefined) {
    if (range[1] !== null) push(step(range[1], 1n), `above the ${t.builtin} maximum ${range[1]}`);
    else if (range[0] !== null) push(step(range[0], -1n), `below the ${t.builtin} minimum ${range[0]}`);
  }
  return out;
}

function lexicalValue(builtin: string): BadValue | null {
  const bad = (value: string, what: string): BadValue => ({ value, kind: "value", why: `not a valid ${what}` });
  if (builtinDerivesFrom(builtin, "decimal") || builtin === "float" || builtin === "double") return bad("12x", builtin);
  if (builtin === "boolean") return bad("maybe", "boolean");
  if (builtin === "dateTime") return bad("2024-13-01T00:00:00", "dateTime (month 13)");
  if (builtin === "date") return bad("2024-13-01", "date (month 13)");
  if (builtin === "time") return bad("25:61:00", "time");
  if (builtin === "duration") return bad("P1Q", "duration");
  if (builtin === "anyURI") return null; // libxml2 and the spec accept almost any string
  if (builtin === "NMTOKEN" || builtin === "Name" || builtin === "NCName" || builtin === "ID" || builtin === "IDREF")
    return bad("two words", builtin);
  return null;
}

function lengthValues(t: SimpleType): BadValue[] {
  const f = t.facets;
  const out: BadValue[] = [];
  if (f.length !== undefined) out.push({ value: "x".repeat(f.length + 1), kind: "value", why: `longer than length ${f.length}` });
  if (f.maxLength !== undefined) out.push({ value: "x".repeat(f.maxLength + 1), kind: "value", why: `longer than maxLength ${f.maxLength}` });
  if (f.minLength !== undefined && f.minLength > 0) out.push({ value: "", kind: "value", why: `shorter than minLength ${f.minLength}` });
  return out;
}

/** Values type `typeId` rejects (empty when it accepts any string). */
export function badValues(model: SchemaModel, typeId: number, dtdType?: DtdAttributeType): BadValue[] {
  const t = model.simpleTypes[typeId];
  if (t === undefined || t.variety !== "atomic") return [];
  const enumeration = t.facets.enumeration;
  if (enumeration !== undefined && enumeration.length > 0) {
    const values = enumeration.map((e) => e.value);
    const out: BadValue[] = [{ value: "QXML_NOT_LISTED", kind: "enumeration", why: `not one of ${values.join(", ")}` }];
    const cased = values[0].toUpperCase() === values[0] ? values[0].toLowerCase() : values[0].toUpperCase();
    if (!values.includes(cased) && cased !== "") out.push({ value: cased, kind: "enumeration", why: `case differs from ${values[0]}` });
    return out;
  }
  const lexical = lexicalValue(dtdType !== undefined && dtdType !== "CDATA" ? dtdTypeBuiltin(dtdType) : t.builtin);
  const out = [...rangeValues(t), ...lengthValues(t)];
  if (lexical !== null) out.push(lexical);
  if (t.facets.patterns !== undefined && t.facets.patterns.length > 0) out.push({ value: "!qxml!", kind: "value", why: "outside the pattern" });
  return out;
}

function dtdTypeBuiltin(dtdType: DtdAttributeType): string {
  switch (dtdType) {
    case "ID":
    case "IDREF":
    case "NMTOKEN":
      return dtdType;
    default:
      return "string";
  }
}
