/** Every type/ code is produced by some check, and its message renders from the params given. */
import { describe, expect, it } from "vitest";
import { diagnose } from "../../src/diagnostics/codes.js";
import { checkBuiltin, TYPE_CODES, type ValueCheck } from "../../src/validate/datatypes/index.js";
import { checker, enumeration, listChecker, unionChecker } from "./helpers.js";

const SAMPLES: ValueCheck[] = [
  checkBuiltin("integer", "x"),
  checkBuiltin("byte", "300"),
  checker({ base: "string", facets: { enumeration: enumeration("A") } }).check("B"),
  checker({ base: "string", facets: { patterns: [["a"]] } }).check("b"),
  // Past the automaton-work budget (≈ 1,000 live states × 45,000 characters).
  checker({ base: "string", facets: { patterns: [["(a{1,1000})+b"]] } }).check("a".repeat(45_000)),
  checker({ base: "int", facets: { minInclusive: "1" } }).check("0"),
  checker({ base: "int", facets: { maxInclusive: "1" } }).check("2"),
  checker({ base: "int", facets: { minExclusive: "1" } }).check("1"),
  checker({ base: "int", facets: { maxExclusive: "1" } }).check("1"),
  checker({ base: "string", facets: { length: 1 } }).check("ab"),
  checker({ base: "string", facets: { minLength: 3 } }).check("ab"),
  checker({ base: "string", facets: { maxLength: 1 } }).check("ab"),
  checker({ base: "decimal", facets: { totalDigits: 1 } }).check("12"),
  checker({ base: "decimal", facets: { fractionDigits: 1 } }).check("1.25"),
  listChecker({ base: "int" }).check("1 x"),
  unionChecker(["int", "date"]).check("x"),
  checker({ base: "QName" }).check("p:x", { lookupNamespace: () => undefined }),
  // A document context whose DTD declares no unparsed entity of that name.
  checker({ base: "ENTITY" }).check("pic", { unparsedEntity: () => false }),
];

describe("type/ diagnostic codes", () => {
  it("are all reachable and render without missing parameters", () => {
    const seen = new Set<string>();
    for (const s of SAMPLES) {
      expect(s).not.toBeNull();
      const d = diagnose(s!.code, s!.params, { line: 1, column: 1 });
      expect(d.message).not.toMatch(/\{\w+\}/);
      seen.add(s!.code);
    }
    expect([...seen].sort()).toEqual(Object.keys(TYPE_CODES).sort());
  });
});
