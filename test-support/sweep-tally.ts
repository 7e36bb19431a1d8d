/** What the mutation sweeps share (test-support/diagnostic-sweep.ts, schema-diagnostic-sweep.ts, lint-sweep.ts): a violation, per-code counts. */

/** One broken invariant: which (`kind`, each sweep has its own), on which seed's mutant, and what. */
export interface SweepViolation<K extends string> {
  kind: K;
  seed: string;
  mutant: string;
  detail: string;
}

export interface CodeCount {
  /** Diagnostics with the code, over all mutants. */
  occurrences: number;
  /** Mutants with at least one. */
  mutants: number;
}

/**
 * Adds one mutant's diagnostic codes to `table`. `onlyListed`: codes not in the table are not
 * counted (the lint sweep lists its rules up front; schema errors are not rules).
 */
export function tallyCodes(table: Map<string, CodeCount>, codes: readonly string[], onlyListed = false): void {
  const fired = new Set<string>();
  for (const code of codes) {
    let c = table.get(code);
    if (c === undefined) {
      if (onlyListed) continue;
      c = { occurrences: 0, mutants: 0 };
      table.set(code, c);
    }
    c.occurrences++;
    fired.add(code);
  }
  for (const code of fired) table.get(code)!.mutants++;
}
