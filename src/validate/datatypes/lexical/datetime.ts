/**
 * The date/time primitives: dateTime, date, time, gYearMonth, gYear, gMonthDay, gDay, gMonth
 * (Part 2 §3.2.7–3.2.14, with the 2nd-edition `--MM` form of gMonth). Values compare on the
 * timeline: with a timezone they are normalised to UTC; a value without one is compared to a
 * value with one by XSD's partial order (±14 hours), which can be indeterminate.
 */
import { daysFromCivil, daysInMonth, MONTH_NAMES } from "./calendar.js";
import { bad, ok, type Parsed } from "./result.js";

export type DateTimeKind = "dateTime" | "date" | "time" | "gYearMonth" | "gYear" | "gMonthDay" | "gDay" | "gMonth";

export interface DateTimeValue {
  kind: DateTimeKind;
  /** Integral seconds on the timeline (UTC when `tz` is set, local otherwise). */
  seconds: number;
  /** Fractional-second digits without trailing zeros. */
  frac: string;
  /** Offset in minutes, or null when the value has no timezone. */
  tz: number | null;
}

const Y = "(-?(?:[1-9]\\d{3,}|0\\d{3}))";
const T = "(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?";
const Z = "(Z|[+-]\\d{2}:\\d{2})?";

interface Shape {
  re: RegExp;
  /** Which capture groups hold year, month, day, hour, minute, second, fraction, tz (0 = absent). */
  groups: [number, number, number, number, number, number, number, number];
  example: string;
}

const SHAPES: Record<DateTimeKind, Shape> = {
  dateTime: { re: new RegExp(`^${Y}-(\\d{2})-(\\d{2})T${T}${Z}$`), groups: [1, 2, 3, 4, 5, 6, 7, 8], example: "YYYY-MM-DDThh:mm:ss with optional fraction and timezone, e.g. 2024-02-29T13:45:00Z" },
  date: { re: new RegExp(`^${Y}-(\\d{2})-(\\d{2})${Z}$`), groups: [1, 2, 3, 0, 0, 0, 0, 4], example: "YYYY-MM-DD with an optional timezone, e.g. 2024-02-29" },
  time: { re: new RegExp(`^${T}${Z}$`), groups: [0, 0, 0, 1, 2, 3, 4, 5], example: "hh:mm:ss with optional fraction and timezone, e.g. 13:45:00" },
  gYearMonth: { re: new RegExp(`^${Y}-(\\d{2})${Z}$`), groups: [1, 2, 0, 0, 0, 0, 0, 3], example: "YYYY-MM, e.g. 2024-02" },
  gYear: { re: new RegExp(`^${Y}${Z}$`), groups: [1, 0, 0, 0, 0, 0, 0, 2], example: "YYYY, e.g. 2024" },
  gMonthDay: { re: new RegExp(`^--(\\d{2})-(\\d{2})${Z}$`), groups: [0, 1, 2, 0, 0, 0, 0, 3], example: "--MM-DD, e.g. --02-29" },
  gDay: { re: new RegExp(`^---(\\d{2})${Z}$`), groups: [0, 0, 1, 0, 0, 0, 0, 2], example: "---DD, e.g. ---15" },
  gMonth: { re: new RegExp(`^--(\\d{2})${Z}$`), groups: [0, 1, 0, 0, 0, 0, 0, 2], example: "--MM, e.g. --12" },
};

/** Fill-in values for the properties a kind lacks (1972 is a leap year, so --02-29 is valid). */
const REFERENCE = { year: 1972, month: 1, day: 1 };

export function parseDateTime(kind: DateTimeKind, s: string): Parsed<DateTimeValue> {
  const shape = SHAPES[kind];
  const m = shape.re.exec(s);
  if (m === null) return bad(shape.example);
  const [gy, gm, gd, gh, gmi, gs, gf, gz] = shape.groups;
  const year = gy === 0 ? REFERENCE.year : Number(m[gy]);
  const month = gm === 0 ? REFERENCE.month : Number(m[gm]);
  const day = gd === 0 ? REFERENCE.day : Number(m[gd]);
  let hour = gh === 0 ? 0 : Number(m[gh]);
  const minute = gmi === 0 ? 0 : Number(m[gmi]);
  const second = gs === 0 ? 0 : Number(m[gs]);
  const frac = gf === 0 || m[gf] === undefined ? "" : m[gf].replace(/0+$/, "");
  if (year === 0) return bad("a year other than 0000 (XSD 1.0 has no year zero)");
  if (month < 1 || month > 12) return bad(`a month from 01 to 12 (found ${m[gm]})`);
  const maxDay = daysInMonth(year, month);
  if (day < 1 || day > maxDay) {
    const where = gy === 0 ? MONTH_NAMES[month - 1] : `${MONTH_NAMES[month - 1]} ${year}`;
    return bad(gm === 0 ? `a day from 01 to 31 (found ${m[gd]})` : `a day that exists: ${where} has ${maxDay} days`);
  }
  let dayOffset = 0;
  if (hour === 24) {
    // 24:00:00 is the first instant of the next day (Part 2 §3.2.7, 2nd edition).
    if (minute !== 0 || second !== 0 || frac !== "") return bad("hour 24 only as 24:00:00");
    hour = 0;
    dayOffset = 1;
  }
  if (hour > 23) return bad(`an hour from 00 to 23 (found ${m[gh]})`);
  if (minute > 59) return bad(`minutes from 00 to 59 (found ${m[gmi]})`);
  if (second > 59) return bad(`seconds from 00 to 59 (found ${m[gs]})`);
  const tz = parseTimezone(m[gz]);
  if (tz === "bad") return bad("a timezone Z or ±hh:mm between -14:00 and +14:00");
  const days = daysFromCivil(year, month, day) + dayOffset;
  const seconds = days * 86400 + hour * 3600 + minute * 60 + second - (tz ?? 0) * 60;
  return ok({ kind, seconds, frac, tz });
}

function parseTimezone(text: string | undefined): number | null | "bad" {
  if (text === undefined) return null;
  if (text === "Z") return 0;
  const hh = Number(text.slice(1, 3));
  const mm = Number(text.slice(4, 6));
  if (mm > 59 || hh > 14 || (hh === 14 && mm !== 0)) return "bad";
  return (text[0] === "-" ? -1 : 1) * (hh * 60 + mm);
}

function compareExact(aSec: number, aFrac: string, bSec: number, bFrac: string): number {
  if (aSec !== bSec) return aSec < bSec ? -1 : 1;
  const n = Math.max(aFrac.length, bFrac.length);
  const fa = aFrac.padEnd(n, "0");
  const fb = bFrac.padEnd(n, "0");
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

const FOURTEEN_HOURS = 14 * 3600;

/** -1, 0, 1, or NaN when XSD's partial order leaves the two incomparable. */
export function compareDateTime(a: DateTimeValue, b: DateTimeValue): number {
  if ((a.tz === null) === (b.tz === null)) return compareExact(a.seconds, a.frac, b.seconds, b.frac);
  if (a.tz === null) return -compareDateTime(b, a);
  // a has a timezone, b has none: b lies somewhere in [b-14h, b+14h] in UTC.
  if (compareExact(a.seconds, a.frac, b.seconds - FOURTEEN_HOURS, b.frac) < 0) return -1;
  if (compareExact(a.seconds, a.frac, b.seconds + FOURTEEN_HOURS, b.frac) > 0) return 1;
  return NaN;
}
