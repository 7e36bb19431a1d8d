/** "Did you mean" suggestions: the closest candidate by edit distance, case-insensitively. */

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions cost 1. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => {
    const row = new Array<number>(n + 1).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j <= n; j++) d[0][j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
    }
  }
  return d[m][n];
}

/** The candidate nearest to `found`, if it is close enough to be a likely misspelling. */
export function didYouMean(found: string, candidates: Iterable<string>): string | undefined {
  const f = found.toLowerCase();
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    const d = editDistance(f, c.toLowerCase());
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
