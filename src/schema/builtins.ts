/**
 * The XSD 1.0 built-in datatypes and how they derive from each other (XML Schema Part 2, §3).
 * Shared by the readers (to resolve `xs:` type names), the validator and the generators.
 */
import type { WhiteSpace } from "./model.js";

export interface BuiltinInfo {
  /** The built-in it restricts (anySimpleType for primitives; undefined for anySimpleType). */
  base?: string;
  /** list types: the item built-in. */
  itemType?: string;
  whiteSpace: WhiteSpace;
}

const c: WhiteSpace = "collapse";

export const BUILTINS: Readonly<Record<string, BuiltinInfo>> = {
  anySimpleType: { whiteSpace: "preserve" },
  string: { base: "anySimpleType", whiteSpace: "preserve" },
  normalizedString: { base: "string", whiteSpace: "replace" },
  token: { base: "normalizedString", whiteSpace: c },
  language: { base: "token", whiteSpace: c },
  Name: { base: "token", whiteSpace: c },
  NCName: { base: "Name", whiteSpace: c },
  ID: { base: "NCName", whiteSpace: c },
  IDREF: { base: "NCName", whiteSpace: c },
  ENTITY: { base: "NCName", whiteSpace: c },
  NMTOKEN: { base: "token", whiteSpace: c },
  IDREFS: { base: "anySimpleType", itemType: "IDREF", whiteSpace: c },
  ENTITIES: { base: "anySimpleType", itemType: "ENTITY", whiteSpace: c },
  NMTOKENS: { base: "anySimpleType", itemType: "NMTOKEN", whiteSpace: c },
  boolean: { base: "anySimpleType", whiteSpace: c },
  decimal: { base: "anySimpleType", whiteSpace: c },
  integer: { base: "decimal", whiteSpace: c },
  nonPositiveInteger: { base: "integer", whiteSpace: c },
  negativeInteger: { base: "nonPositiveInteger", whiteSpace: c },
  long: { base: "integer", whiteSpace: c },
  int: { base: "long", whiteSpace: c },
  short: { base: "int", whiteSpace: c },
  byte: { base: "short", whiteSpace: c },
  nonNegativeInteger: { base: "integer", whiteSpace: c },
  unsignedLong: { base: "nonNegativeInteger", whiteSpace: c },
  unsignedInt: { base: "unsignedLong", whiteSpace: c },
  unsignedShort: { base: "unsignedInt", whiteSpace: c },
  unsignedByte: { base: "unsignedShort", whiteSpace: c },
  positiveInteger: { base: "nonNegativeInteger", whiteSpace: c },
  float: { base: "anySimpleType", whiteSpace: c },
  double: { base: "anySimpleType", whiteSpace: c },
  duration: { base: "anySimpleType", whiteSpace: c },
  dateTime: { base: "anySimpleType", whiteSpace: c },
  time: { base: "anySimpleType", whiteSpace: c },
  date: { base: "anySimpleType", whiteSpace: c },
  gYearMonth: { base: "anySimpleType", whiteSpace: c },
  gYear: { base: "anySimpleType", whiteSpace: c },
  gMonthDay: { base: "anySimpleType", whiteSpace: c },
  gDay: { base: "anySimpleType", whiteSpace: c },
  gMonth: { base: "anySimpleType", whiteSpace: c },
  hexBinary: { base: "anySimpleType", whiteSpace: c },
  base64Binary: { base: "anySimpleType", whiteSpace: c },
  anyURI: { base: "anySimpleType", whiteSpace: c },
  QName: { base: "anySimpleType", whiteSpace: c },
  NOTATION: { base: "anySimpleType", whiteSpace: c },
};

export function isBuiltin(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(BUILTINS, name);
}

/** True when built-in `name` is `ancestor` or derives from it by restriction. */
export function builtinDerivesFrom(name: string, ancestor: string): boolean {
  for (let n: string | undefined = name; n !== undefined; n = BUILTINS[n]?.base) {
    if (n === ancestor) return true;
  }
  return false;
}

/** The primitive (the child of anySimpleType) a built-in derives from. */
export function primitiveOf(name: string): string {
  let n = name;
  while (BUILTINS[n]?.base !== undefined && BUILTINS[n].base !== "anySimpleType") n = BUILTINS[n].base!;
  return n;
}
