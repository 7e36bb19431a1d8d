/**
 * A copy of `s` that keeps no read chunk alive. The reader hands out text, attribute values and
 * names as slices of its 64 KiB read chunks, and V8 keeps a slice's whole parent string alive: a
 * 36-character UDC_ID kept in a Map held its chunk, so lint's duplicate-control held the whole
 * 164 MB document (758 of 900 chunks in a heap snapshot). Anything kept beyond the current event
 * (the reader's name table, ID tables, identity-constraint keys, rule state, diagnostics) goes
 * through here.
 */
export function keep(s: string): string {
  // Short strings are copied by V8 anyway; a concatenation is flattened into a fresh string by
  // the slice, and the slice of that (small) copy is what is kept.
  return s.length < 13 ? s : (" " + s).slice(1);
}
