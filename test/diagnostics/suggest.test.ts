import { describe, expect, it } from "vitest";
import { didYouMean, editDistance, MAX_SUGGEST_LENGTH } from "../../src/diagnostics/suggest.js";

describe("editDistance", () => {
  it.each([
    ["TITLE", "TITLE", 0],
    ["TITEL", "TITLE", 1],
    ["Oracl", "Oracle", 1],
    ["kitten", "sitting", 3],
    ["", "abc", 3],
  ])("%s → %s = %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});

describe("didYouMean", () => {
  it("suggests a transposed or truncated name", () => {
    expect(didYouMean("TITEL", ["ID", "TITLE"])).toBe("TITLE");
    expect(didYouMean("Oracl", ["Apache Web Server", "Oracle", "Tomcat Server"])).toBe("Oracle");
    expect(didYouMean("scan", ["SCAN", "MAP"])).toBe("SCAN");
  });
  it("says nothing when nothing is close", () => {
    expect(didYouMean("FOO", ["PERFORMANCE", "LOAD_BALANCER_DETECTION"])).toBeUndefined();
    expect(didYouMean("X", [])).toBeUndefined();
    // One-letter names share nothing: no suggestion.
    expect(didYouMean("C", ["A", "B"])).toBeUndefined();
    expect(didYouMean("AB", ["XY"])).toBeUndefined();
  });
});

/** The full table, for comparison with the bounded, row-reusing editDistance. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

describe("editDistance with a bound", () => {
  it("is exact up to the bound and above it beyond, on random strings (either order)", () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const word = () => Array.from({ length: rnd(9) }, () => "abc"[rnd(3)]).join("");
    for (let k = 0; k < 3000; k++) {
      const a = word();
      const b = word();
      const exact = reference(a, b);
      expect([a, b, editDistance(a, b)]).toEqual([a, b, exact]);
      const max = rnd(5);
      const bounded = editDistance(a, b, max);
      if (exact <= max) expect([a, b, max, bounded]).toEqual([a, b, max, exact]);
      else expect(bounded).toBeGreaterThan(max);
    }
  });
});

describe("didYouMean on long texts", () => {
  it("neither suggests for nor suggests a text over MAX_SUGGEST_LENGTH characters", () => {
    // An 8 MB value against an enumeration took 8 s and 1.7 GB (a table row per character).
    const long = "a".repeat(MAX_SUGGEST_LENGTH);
    expect(didYouMean(long + "x", [long + "y"])).toBeUndefined();
    expect(didYouMean(long, [long + "y"])).toBeUndefined();
    expect(didYouMean(long.slice(1) + "x", [long])).toBe(long);
  });
});
