/**
 * xs:float and xs:double. XSD 1.0 spells the specials INF, -INF and NaN (no "+INF", which only
 * XSD 1.1 allows). Float values are rounded to single precision so that comparisons and
 * enumerations happen in the float value space.
 */
import { bad, ok, type Parsed } from "./result.js";

const NUMERAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseDouble(s: string): Parsed<number> {
  if (s === "INF") return ok(Infinity);
  if (s === "-INF") return ok(-Infinity);
  if (s === "NaN") return ok(NaN);
  if (!NUMERAL.test(s)) return bad("a number such as 1.5, -2E10, INF, -INF or NaN");
  return ok(Number(s));
}

export function parseFloat32(s: string): Parsed<number> {
  const p = parseDouble(s);
  return p.ok ? ok(Math.fround(p.value)) : bad("a number such as 1.5, -2E10, INF, -INF or NaN");
}

/** NaN is incomparable with everything (NaN result); for equality XSD 1.0 lets NaN equal itself. */
export function compareNumber(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  return a === b ? 0 : a < b ? -1 : 1;
}

export function numberEquals(a: number, b: number): boolean {
  if (Number.isNaN(a)) return Number.isNaN(b);
  return a === b;
}
