import { describe, expect, it } from "vitest";
import { checker, enumeration } from "./helpers.js";

describe("enumeration", () => {
  const os = checker({ base: "string", facets: { enumeration: enumeration("Unix", "Windows", "Oracle") } });
  it("accepts listed values and exposes them", () => {
    expect(os.check("Oracle")).toBeNull();
    expect(os.enumeration).toEqual(["Unix", "Windows", "Oracle"]);
  });
  it("rejects others with did-you-mean", () => {
    expect(os.check("Oracl")).toEqual({
      code: "type/enumeration",
      params: { value: "Oracl", allowed: ["Unix", "Windows", "Oracle"], suggestion: "Oracle", fix: 'did you mean "Oracle"?' },
    });
  });
  it("compares decimals in the value space", () => {
    const d = checker({ base: "decimal", facets: { enumeration: enumeration("1.0", "2.50") } });
    expect(d.check("1")).toBeNull();
    expect(d.check("+2.5")).toBeNull();
    expect(d.check("1.01")?.code).toBe("type/enumeration");
  });
});

describe("range facets", () => {
  const port = checker({ base: "integer", facets: { minInclusive: "1", maxInclusive: "256" } });
  it("checks bounds exactly", () => {
    expect(port.check("256")).toBeNull();
    expect(port.check("300")).toEqual({ code: "type/max-inclusive", params: { value: "300", limit: "256" } });
    expect(port.check("0")?.code).toBe("type/min-inclusive");
    expect(port.describe()).toBe("xs:integer in 1..256");
  });
});
