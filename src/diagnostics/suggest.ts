/** "Did you mean" suggestions: the closest candidate by edit distance, case-insensitively. */

/**
 * Names and values longer than this get no suggestion and are not suggested: no one misspells a
 * 300-character name, and the distance costs length × length (an 8 MB value against an
 * enumeration took 8 s and 1.7 GB before the rows were reused and long texts left out).
 */
export const MAX_SUGGEST_LENGTH = 256;

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and adjacent
 * transpositions cost 1. Above `max` it stops early and returns some number above `max`.
 * Three rows of the shorter string's length: memory O(min(|a|, |b|)).
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (b.length > a.length) [a, b] = [b, a];
  const m = a.length;
  const n = b.length;
  if (m - n > max) return max + 1;
  let before = new Int32Array(n + 1);
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  let prevMin = 0;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, before[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // Later cells grow from this row (+0 or more) or the one before it (+1, a transposition).
    if (rowMin > max && prevMin >= max) return max + 1;
    prevMin = rowMin;
    const spare = before;
    before = prev;
    prev = cur;
    cur = spare;
  }
  return prev[n];
}

/** The candidate nearest to `found`, if it is close enough to be a likely misspelling. */
export function didYouMean(found: string, candidates: Iterable<string>): string | undefined {
  if (found.length > MAX_SUGGEST_LENGTH) return undefined;
  const f = found.toLowerCase();
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    if (c.length > MAX_SUGGEST_LENGTH) continue;
    // Only a strictly nearer candidate can replace the best (the first of equals wins).
    const d = editDistance(f, c.toLowerCase(), bestDist - 1);
    if (d < bestDist) {
      best = c;
      bestDist = d;
    }
  }
  if (best === undefined) return undefined;
  // Replacing every character is no spelling mistake ("C" is no misspelt "A").
  if (bestDist >= Math.min(found.length, best.length) && f !== best.toLowerCase()) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(found.length, best.length) / 3));
  return bestDist <= limit ? best : undefined;
}
