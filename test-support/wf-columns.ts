/**
 * When do qxml's and libxml2's first-error columns name "the same place"? Both count columns in
 * characters from 1 (an astral character is one column, in UTF-8 and UTF-16 alike; pinned in
 * test/differential/well-formedness.test.ts), but libxml2 reports where it *detected* the error,
 * usually after the token it was reading (after the '>' of a mismatched end tag, after the ';' of
 * an undefined entity reference), while qxml reports the start of the construct concerned (the
 * '<', the '&'). So a column agrees when it is the same, or when both fall in the same construct
 * of that line — a markup span from '<' to its '>', or a reference from '&' or '%' to its ';' —
 * libxml2's possibly one past its end.
 */

export type ColumnAgreement = "exact" | "construct" | "differ";

/** For each position of the line (0-based, up to its length), the id of the construct holding it. */
function constructIds(line: string): number[] {
  const chars = Array.from(line);
  const ids = new Array<number>(chars.length + 1);
  let id = 0;
  for (let i = 0; i < chars.length; ) {
    const c = chars[i];
    let end = i;
    if (c === "<") {
      end = chars.indexOf(">", i + 1);
      if (end === -1) end = chars.length - 1;
    } else if (c === "&" || c === "%") {
      let k = i + 1;
      while (k < chars.length && /[^\s<>&;'"]/.test(chars[k])) k++;
      if (chars[k] === ";") end = k;
    }
    for (let k = i; k <= end; k++) ids[k] = id;
    id++;
    i = end + 1;
  }
  ids[chars.length] = id;
  return ids;
}

/** How qxml's column agrees with libxml2's on the same line of the document's text. */
export function compareColumns(text: string, line: number, qxml: number, libxml2: number): ColumnAgreement {
  if (qxml === libxml2) return "exact";
  const lines = text.split(/\r\n?|\n/);
  const ids = constructIds(lines[line - 1] ?? "");
  const id = (col: number) => ids[Math.max(0, Math.min(col - 1, ids.length - 1))];
  const q = id(qxml);
  return q === id(libxml2) || (libxml2 > 1 && q === id(libxml2 - 1)) ? "construct" : "differ";
}
