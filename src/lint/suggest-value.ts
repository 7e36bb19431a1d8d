/**
 * Did-you-mean for enumerated values: the shared edit-distance suggestion, else the one value
 * the found text is a prefix of ("Tomcat" → "Tomcat Server"), which edit distance misses.
 */
import { didYouMean } from "../diagnostics/suggest.js";

export function suggestValue(found: string, candidates: readonly string[]): string | undefined {
  const f = found.trim();
  if (f === "") return undefined;
  const near = didYouMean(f, candidates);
  if (near !== undefined) return near;
  if (f.length < 3) return undefined;
  const lower = f.toLowerCase();
  const prefixed = candidates.filter((c) => c.toLowerCase().startsWith(lower));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}
