/**
 * Edge-case lexical forms per built-in datatype: boundaries, signs, exponents, hex, white space,
 * empty, calendar corner cases. Some are valid and some are not; the differential only asks both
 * engines to agree, so no verdict is attached. Values are plain text (the caller escapes them).
 */
import { builtinDerivesFrom } from "../../src/schema/builtins.js";
import type { SimpleType } from "../../src/schema/model.js";
import { INTEGER_RANGES } from "./values.js";

export interface EdgeValue {
  value: string;
  why: string;
}

const e = (value: string, why: string): EdgeValue => ({ value, why });
const plus = (n: string, by: bigint) => (BigInt(n) + by).toString();

function integerValues(builtin: string): EdgeValue[] {
  const out = [e("+1", "leading plus"), e("1e3", "exponent"), e("0x10", "hex"), e("1.0", "fraction"), e("007", "leading zeros"), e("-0", "negative zero"), e("1 000", "inner space"), e("１", "fullwidth digit")];
  // The built-ins bounded on both sides (the others get their own cases below).
  const b = INTEGER_RANGES[builtin];
  if (b !== undefined && b[0] !== null && b[1] !== null) out.push(e(b[0], "minimum"), e(b[1], "maximum"), e(plus(b[0], -1n), "below minimum"), e(plus(b[1], 1n), "above maximum"));
  if (builtin === "positiveInteger") out.push(e("0", "zero"), e("+0", "plus zero"));
  if (builtin === "nonNegativeInteger") out.push(e("-0", "minus zero"), e("-1", "minus one"));
  return out;
}

const BY_BUILTIN: Record<string, EdgeValue[]> = {
  decimal: [e("1.", "trailing point"), e(".5", "leading point"), e("+.5", "plus point"), e("-.0", "minus point zero"), e("1e3", "exponent"), e("1,5", "comma"), e("INF", "infinity"), e(".", "point alone"), e("0012.3400", "padded")],
  double: [e("INF", "infinity"), e("-INF", "negative infinity"), e("+INF", "plus infinity (not XSD 1.0)"), e("NaN", "not a number"), e("nan", "lowercase nan"), e("1E+3", "exponent"), e("1e", "exponent without digits"), e(".e1", "no mantissa digits"), e("1.7976931348623157E309", "overflow")],
  float: [e("INF", "infinity"), e("NaN", "not a number"), e("3.5e38", "above float range"), e("1e-50", "below float precision")],
  boolean: [e("1", "one"), e("0", "zero"), e("false", "false"), e("TRUE", "uppercase"), e("yes", "yes"), e("t", "t"), e("01", "padded one")],
  dateTime: [
    e("2023-02-29T00:00:00", "29 February in a common year"), e("2000-02-29T00:00:00", "29 February in 2000"), e("1900-02-29T00:00:00", "29 February in 1900"),
    e("2024-01-01T24:00:00", "hour 24"), e("2024-01-01T24:00:01", "after 24:00"), e("2024-01-01T00:00:60", "second 60"),
    e("2024-01-01T00:00:00Z", "UTC"), e("2024-01-01T00:00:00+14:00", "offset +14:00"), e("2024-01-01T00:00:00+14:01", "offset beyond 14:00"),
    e("2024-01-01T00:00:00.", "point without fraction"), e("2024-01-01", "date only"), e("-0001-01-01T00:00:00", "year -1"), e("0000-01-01T00:00:00", "year zero"),
    e("12024-01-01T00:00:00", "five-digit year"), e("02024-01-01T00:00:00", "padded year"), e("2024-1-01T00:00:00", "one-digit month"), e("2024-01-01 00:00:00", "space for T"),
  ],
  date: [e("2023-02-29", "29 February in a common year"), e("2024-01-01Z", "UTC"), e("2024-01-01+01:00", "offset"), e("10000-01-01", "five-digit year"), e("0000-01-01", "year zero"), e("2024-04-31", "31 April"), e("2024-01-01T00:00:00", "a dateTime")],
  time: [e("24:00:00", "hour 24"), e("23:59:60", "second 60"), e("00:00:00Z", "UTC"), e("1:00:00", "one-digit hour")],
  anyURI: [e("http://a b/", "space"), e("%zz", "bad percent escape"), e("#frag", "fragment only"), e("http://[::1]/", "IPv6 host"), e("a:b:c", "colons"), e("http://x/%E2%82%AC", "percent-encoded"), e("\\\\server\\share", "UNC path"), e("http://é.example/", "non-ASCII host")],
  NMTOKEN: [e("a,b", "comma"), e("-1", "leading hyphen"), e("a b", "two tokens"), e(".", "dot")],
  NMTOKENS: [e("a,b", "comma"), e("a  b", "double space"), e("a\tb", "tab")],
  Name: [e("1a", "leading digit"), e("a:b", "colon"), e("-a", "leading hyphen")],
  NCName: [e("1a", "leading digit"), e("a:b", "colon")],
  ID: [e("1a", "leading digit"), e("a:b", "colon"), e("a b", "space")],
  IDREF: [e("1a", "leading digit"), e("a:b", "colon")],
  language: [e("en_US", "underscore"), e("en-", "trailing hyphen"), e("x-private", "private use"), e("abcdefghi", "subtag over 8"), e("i-klingon", "grandfathered")],
  token: [e("a  b", "double space"), e("\ta", "leading tab")],
  string: [e("\t", "a tab"), e("a\u00a0b", "no-break space")],
};

/** Forms to try for a type: its built-in's edges, plus white space and empty for every type. */
export function edgeValues(t: SimpleType, sample: string): EdgeValue[] {
  const b = t.builtin;
  const out: EdgeValue[] = [];
  if (builtinDerivesFrom(b, "integer")) out.push(...integerValues(b));
  else if (builtinDerivesFrom(b, "decimal")) out.push(...BY_BUILTIN.decimal);
  for (const [name, values] of Object.entries(BY_BUILTIN)) if (name !== "decimal" && builtinDerivesFrom(b, name) && (name !== "string" || b === "string")) out.push(...values);
  out.push(e("", "empty"));
  if (sample !== "") {
    out.push(e(` ${sample} `, "surrounded by spaces"), e(`\n\t${sample}\n`, "surrounded by newline and tab"), e(`${sample}${sample}`, "doubled"));
    if (/\s/.test(sample.trim())) out.push(e(sample.trim().replace(/\s+/g, "  "), "inner spaces doubled"));
  }
  return out;
}
