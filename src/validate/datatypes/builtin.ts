/**
 * The built-in types as checkers of normalised literals: the primitive's lexical space plus what
 * each derived built-in adds (integer ranges, name productions, non-empty lists).
 */
import { BUILTINS, builtinDerivesFrom, primitiveOf } from "../../schema/builtins.js";
import { parseInteger, decimalToBigInt, type Decimal } from "./lexical/decimal.js";
import { parseLanguage, parseName, parseNCName, parseNmtoken } from "./lexical/names.js";
import type { Parsed } from "./lexical/result.js";
import type { ValueCheck } from "./types.js";
import { PRIMITIVES, type ValueSpace } from "./value-space.js";

export type BuiltinResult = { ok: true; value: unknown } | { ok: false; error: NonNullable<ValueCheck> };

export interface BuiltinAtomic {
  name: string;
  primitive: string;
  space: ValueSpace;
  check(normalized: string): BuiltinResult;
}

const two = (n: number): bigint => 2n ** BigInt(n);

/** Inclusive bounds of the integer built-ins (null = unbounded). */
const INTEGER_RANGES: Record<string, [bigint | null, bigint | null]> = {
  nonPositiveInteger: [null, 0n],
  negativeInteger: [null, -1n],
  long: [-two(63), two(63) - 1n],
  int: [-two(31), two(31) - 1n],
  short: [-32768n, 32767n],
  byte: [-128n, 127n],
  nonNegativeInteger: [0n, null],
  unsignedLong: [0n, two(64) - 1n],
  unsignedInt: [0n, two(32) - 1n],
  unsignedShort: [0n, 65535n],
  unsignedByte: [0n, 255n],
  positiveInteger: [1n, null],
};

const NAME_PARSERS: Record<string, (s: string) => Parsed<string>> = {
  Name: parseName,
  NCName: parseNCName,
  ID: parseNCName,
  IDREF: parseNCName,
  ENTITY: parseNCName,
  NMTOKEN: parseNmtoken,
  language: parseLanguage,
};

export function xsName(name: string): string {
  return `xs:${name}`;
}

function lexicalError(name: string, value: string, expected: string): BuiltinResult {
  return { ok: false, error: { code: "type/lexical", params: { value, type: xsName(name), expected } } };
}

function describeRange([min, max]: [bigint | null, bigint | null]): string {
  if (min === null) return `at most ${max}`;
  if (max === null) return `at least ${min}`;
  return `${min}..${max}`;
}

function makeAtomic(name: string): BuiltinAtomic {
  const primitive = primitiveOf(name);
  const space = PRIMITIVES[primitive];
  if (space === undefined) throw new Error(`no value space for XSD built-in ${name}`);
  if (builtinDerivesFrom(name, "integer")) {
    const range = INTEGER_RANGES[name];
    return {
      name, primitive, space,
      check(s) {
        const p = parseInteger(s);
        if (!p.ok) return lexicalError(name, s, p.expected);
        if (range !== undefined) {
          const n = decimalToBigInt(p.value as Decimal)!;
          if ((range[0] !== null && n < range[0]) || (range[1] !== null && n > range[1])) {
            return { ok: false, error: { code: "type/range", params: { value: s, type: xsName(name), range: describeRange(range) } } };
          }
        }
        return { ok: true, value: p.value };
      },
    };
  }
  const nameParser = NAME_PARSERS[name];
  return {
    name, primitive, space,
    check(s) {
      const p = nameParser !== undefined ? nameParser(s) : space.parse(s);
      if (!p.ok) return lexicalError(name, s, p.expected);
      return { ok: true, value: p.value };
    },
  };
}

const atomicCache = new Map<string, BuiltinAtomic>();

/** The checker of an atomic built-in (list built-ins have none: see checkBuiltin). */
export function builtinAtomic(name: string): BuiltinAtomic {
  let b = atomicCache.get(name);
  if (b === undefined) {
    if (BUILTINS[name] === undefined || BUILTINS[name].itemType !== undefined) throw new Error(`not an atomic XSD built-in: ${name}`);
    b = makeAtomic(name);
    atomicCache.set(name, b);
  }
  return b;
}

/** Checks an already whitespace-normalised literal against built-in `name` (no facets). */
export function checkBuiltin(name: string, normalized: string): ValueCheck {
  const info = BUILTINS[name];
  if (info === undefined) throw new Error(`not an XSD built-in type: ${name}`);
  if (info.itemType !== undefined) {
    const items = normalized.split(" ").filter((s) => s !== "");
    if (items.length === 0) {
      return { code: "type/lexical", params: { value: normalized, type: xsName(name), expected: `at least one ${xsName(info.itemType)}` } };
    }
    const item = builtinAtomic(info.itemType);
    for (const it of items) {
      const r = item.check(it);
      if (!r.ok) return r.error;
    }
    return null;
  }
  const r = builtinAtomic(name).check(normalized);
  return r.ok ? null : r.error;
}
