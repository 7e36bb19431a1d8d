/**
 * xs:decimal and xs:integer, exactly: values are kept as digit strings so that no precision is
 * lost (a 40-digit decimal compares and counts digits correctly).
 */
import { bad, ok, type Parsed } from "./result.js";

export interface Decimal {
  /** 0 for zero (which has no sign in the value space: "-0" equals "0"). */
  sign: -1 | 0 | 1;
  /** Integer digits without leading zeros ("" for values below 1). */
  int: string;
  /** Fraction digits without trailing zeros. */
  frac: string;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

export function parseDecimal(s: string): Parsed<Decimal> {
  const m = DECIMAL.exec(s);
  if (m === null || (m[2] === "" && (m[3] ?? "") === "")) {
    return bad("a decimal number such as 12, -3.75 or .5 (no exponent)");
  }
  return ok(makeDecimal(m[1] === "-", m[2], m[3] ?? ""));
}

export function parseInteger(s: string): Parsed<Decimal> {
  if (!/^[+-]?\d+$/.test(s)) return bad("an integer such as 42 or -7 (digits with an optional sign)");
  return ok(makeDecimal(s[0] === "-", s.replace(/^[+-]/, ""), ""));
}

function makeDecimal(negative: boolean, intDigits: string, fracDigits: string): Decimal {
  const int = intDigits.replace(/^0+/, "");
  const frac = fracDigits.replace(/0+$/, "");
  const zero = int === "" && frac === "";
  return { sign: zero ? 0 : negative ? -1 : 1, int, frac };
}

function compareMagnitude(a: Decimal, b: Decimal): number {
  if (a.int.length !== b.int.length) return a.int.length < b.int.length ? -1 : 1;
  if (a.int !== b.int) return a.int < b.int ? -1 : 1;
  const n = Math.max(a.frac.length, b.frac.length);
  const fa = a.frac.padEnd(n, "0");
  const fb = b.frac.padEnd(n, "0");
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

export function compareDecimal(a: Decimal, b: Decimal): number {
  if (a.sign !== b.sign) return a.sign < b.sign ? -1 : 1;
  if (a.sign === 0) return 0;
  return a.sign * compareMagnitude(a, b);
}

export function decimalEquals(a: Decimal, b: Decimal): boolean {
  return compareDecimal(a, b) === 0;
}

/** The canonical form: "-12.5", "0", "3". */
export function decimalToString(d: Decimal): string {
  if (d.sign === 0) return "0";
  return (d.sign < 0 ? "-" : "") + (d.int === "" ? "0" : d.int) + (d.frac === "" ? "" : "." + d.frac);
}

/**
 * Digits counted for totalDigits: a value is i × 10^-n with |i| < 10^totalDigits and
 * n ≤ totalDigits (Part 2 §4.3.11), so 0.0012 needs 4 and 100 needs 3.
 */
export function totalDigits(d: Decimal): number {
  const significant = (d.int + d.frac).replace(/^0+/, "").length;
  return Math.max(significant, d.frac.length);
}

export function fractionDigits(d: Decimal): number {
  return d.frac.length;
}

export function decimalToBigInt(d: Decimal): bigint | null {
  if (d.frac !== "") return null;
  const magnitude = BigInt(d.int === "" ? "0" : d.int);
  return d.sign < 0 ? -magnitude : magnitude;
}
