/**
 * xs:duration (Part 2 §3.2.6): PnYnMnDTnHnMnS. The value is (months, seconds); the order is
 * partial and decided, as Appendix E says, by adding both durations to four reference dateTimes
 * (P1M and P30D are incomparable).
 *
 * Seconds may be written "1." or ".5" (as XSD 1.1 and libxml2 allow; XSD 1.0 does not say).
 */
import { daysFromCivil } from "./calendar.js";
import { bad, ok, type Parsed } from "./result.js";

export interface DurationValue {
  months: number;
  /** Seconds including any fraction (a JS number: durations are not required to be exact). */
  seconds: number;
}

const DURATION = /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d*)?|\.\d+)S)?)?$/;
const EXPECTED = "a duration PnYnMnDTnHnMnS with at least one part, e.g. P1Y2M, PT30M or -P3DT4H";

export function parseDuration(s: string): Parsed<DurationValue> {
  const m = DURATION.exec(s);
  if (m === null) return bad(EXPECTED);
  const parts = m.slice(2, 8);
  if (parts.every((p) => p === undefined)) return bad(EXPECTED);
  if (s.endsWith("T")) return bad("at least one of H, M or S after T");
  const n = (i: number): number => (parts[i] === undefined ? 0 : Number(parts[i]));
  const sign = m[1] === "-" ? -1 : 1;
  const months = n(0) * 12 + n(1);
  const seconds = n(2) * 86400 + n(3) * 3600 + n(4) * 60 + n(5);
  return ok({ months: sign * months || 0, seconds: sign * seconds || 0 });
}

/** The four reference dateTimes of Appendix E as (year, month), all on day 1 at 00:00:00Z. */
const REFERENCES: [number, number][] = [
  [1696, 9],
  [1697, 2],
  [1903, 3],
  [1903, 7],
];

function addTo([year, month]: [number, number], d: DurationValue): number {
  // Day 1 exists in every month, so adding months never needs the day clamped.
  const total = year * 12 + (month - 1) + d.months;
  const y = Math.floor(total / 12);
  const mo = total - y * 12 + 1;
  return daysFromCivil(y, mo, 1) * 86400 + d.seconds;
}

export function compareDuration(a: DurationValue, b: DurationValue): number {
  let result: number | undefined;
  for (const ref of REFERENCES) {
    const x = addTo(ref, a);
    const y = addTo(ref, b);
    const c = x === y ? 0 : x < y ? -1 : 1;
    if (result === undefined) result = c;
    else if (result !== c) return NaN;
  }
  return result ?? 0;
}
