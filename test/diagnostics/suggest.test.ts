import { describe, expect, it } from "vitest";
import { didYouMean, editDistance } from "../../src/diagnostics/suggest.js";

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
