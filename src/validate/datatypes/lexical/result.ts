/** What a lexical parser returns: the value, or a short phrase saying what was expected. */
export type Parsed<V> = { ok: true; value: V } | { ok: false; expected: string };

export function ok<V>(value: V): Parsed<V> {
  return { ok: true, value };
}

export function bad<V = never>(expected: string): Parsed<V> {
  return { ok: false, expected };
}
