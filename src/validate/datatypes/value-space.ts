/**
 * The value spaces of the XSD primitives: how a (whitespace-normalised) literal parses, when two
 * values are equal (enumeration), how they are ordered (min/max facets; NaN = incomparable),
 * and what length and digit facets count.
 */
import { parseBase64Binary, parseHexBinary, type BinaryValue } from "./lexical/binary.js";
import { compareDateTime, parseDateTime, type DateTimeKind, type DateTimeValue } from "./lexical/datetime.js";
import {
  compareDecimal,
  decimalEquals,
  fractionDigits,
  parseDecimal,
  totalDigits,
  type Decimal,
} from "./lexical/decimal.js";
import { compareDuration, parseDuration, type DurationValue } from "./lexical/duration.js";
import { compareNumber, numberEquals, parseDouble, parseFloat32 } from "./lexical/float.js";
import { parseQNameParts } from "./lexical/names.js";
import { ok, bad, type Parsed } from "./lexical/result.js";
import { parseAnyUri } from "./lexical/uri.js";

export interface ValueSpace<V = unknown> {
  parse(normalized: string): Parsed<V>;
  equal(a: V, b: V): boolean;
  /** Present for ordered primitives: -1, 0, 1, or NaN when incomparable. */
  compare?: (a: V, b: V) => number;
  /** What length facets count; absent where they do not apply. */
  length?: (value: V, normalized: string) => number;
  lengthUnit?: "characters" | "octets";
  /** Present for decimal: digit counts for totalDigits / fractionDigits. */
  digits?: (value: V) => { total: number; fraction: number };
}

function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

const stringSpace: ValueSpace<string> = {
  parse: (s) => ok(s),
  equal: (a, b) => a === b,
  length: (_v, s) => codePoints(s),
  lengthUnit: "characters",
};

const decimalSpace: ValueSpace<Decimal> = {
  parse: parseDecimal,
  equal: decimalEquals,
  compare: compareDecimal,
  digits: (d) => ({ total: totalDigits(d), fraction: fractionDigits(d) }),
};

function numberSpace(parse: (s: string) => Parsed<number>): ValueSpace<number> {
  return { parse, equal: numberEquals, compare: compareNumber };
}

function dateTimeSpace(kind: DateTimeKind): ValueSpace<DateTimeValue> {
  return {
    parse: (s) => parseDateTime(kind, s),
    equal: (a, b) => compareDateTime(a, b) === 0,
    compare: compareDateTime,
  };
}

function binarySpace(parse: (s: string) => Parsed<BinaryValue>): ValueSpace<BinaryValue> {
  return {
    parse,
    equal: (a, b) => a.canonical === b.canonical,
    length: (v) => v.octets,
    lengthUnit: "octets",
  };
}

const booleanSpace: ValueSpace<boolean> = {
  parse: (s) =>
    s === "true" || s === "1" ? ok(true) : s === "false" || s === "0" ? ok(false) : bad("true, false, 1 or 0"),
  equal: (a, b) => a === b,
};

const durationSpace: ValueSpace<DurationValue> = {
  parse: parseDuration,
  equal: (a, b) => compareDuration(a, b) === 0,
  compare: compareDuration,
};

/**
 * A QName or NOTATION value: the tuple {namespace name, local part} (Part 2 §3.2.18), known once
 * the prefix is resolved through the namespace bindings of the place the value was written
 * (`expanded`, `{uri}local`, `{}local` for no namespace). Without bindings (a checker called with
 * no context, a model that kept none) only the literal is known, and two values compare as
 * written: that is the old behaviour, kept for DTD models and hand-built ones.
 */
export interface QNameValue {
  lexical: string;
  expanded?: string;
}

export function qnameValuesEqual(a: QNameValue, b: QNameValue): boolean {
  return a.expanded !== undefined && b.expanded !== undefined ? a.expanded === b.expanded : a.lexical === b.lexical;
}

const qnameSpace: ValueSpace<QNameValue> = {
  parse: (s) => {
    const p = parseQNameParts(s);
    return p.ok ? ok({ lexical: s }) : bad(p.expected);
  },
  equal: qnameValuesEqual,
  length: (_v, s) => codePoints(s),
  lengthUnit: "characters",
};

const anyUriSpace: ValueSpace<string> = { ...stringSpace, parse: parseAnyUri };

export const PRIMITIVES: Readonly<Record<string, ValueSpace<any>>> = {
  anySimpleType: stringSpace,
  string: stringSpace,
  boolean: booleanSpace,
  decimal: decimalSpace,
  float: numberSpace(parseFloat32),
  double: numberSpace(parseDouble),
  duration: durationSpace,
  dateTime: dateTimeSpace("dateTime"),
  time: dateTimeSpace("time"),
  date: dateTimeSpace("date"),
  gYearMonth: dateTimeSpace("gYearMonth"),
  gYear: dateTimeSpace("gYear"),
  gMonthDay: dateTimeSpace("gMonthDay"),
  gDay: dateTimeSpace("gDay"),
  gMonth: dateTimeSpace("gMonth"),
  hexBinary: binarySpace(parseHexBinary),
  base64Binary: binarySpace(parseBase64Binary),
  anyURI: anyUriSpace,
  QName: qnameSpace,
  NOTATION: qnameSpace,
};
