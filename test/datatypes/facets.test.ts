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

import { diagnose } from "../../src/diagnostics/codes.js";
import { XML_NS } from "../../src/schema/model.js";
import { listChecker, unionChecker } from "./helpers.js";

describe("length facets", () => {
  it("count characters (code points) for strings", () => {
    const t = checker({ base: "string", facets: { length: 3 } });
    expect(t.check("\u{1F600}\u{1F600}\u{1F600}")).toBeNull();
    expect(t.check("ab")).toEqual({ code: "type/length", params: { value: "ab", actual: 2, expected: 3, unit: "characters" } });
  });
  it("count octets for binary types", () => {
    expect(checker({ base: "hexBinary", facets: { maxLength: 2 } }).check("0F1A2B")).toMatchObject({ code: "type/max-length", params: { actual: 3, unit: "octets" } });
    expect(checker({ base: "base64Binary", facets: { minLength: 2 } }).check("QQ==")).toMatchObject({ code: "type/min-length", params: { actual: 1 } });
  });
  it("count after whitespace processing", () => {
    const t = checker({ base: "token", facets: { maxLength: 3 } });
    expect(t.check("  a   b ")).toBeNull();
    expect(t.normalize("  a   b ")).toBe("a b");
  });
});

describe("pattern facet", () => {
  it("a value too costly to match against its pattern is refused with its length, not checked for minutes", () => {
    const t = checker({ base: "string", facets: { patterns: [["(a{1,1000})+b"]] } });
    expect(t.check("aaab")).toBeNull();
    const long = "a".repeat(60_000);
    expect(t.check(long)).toEqual({ code: "type/pattern-too-costly", params: { value: long, length: 60_000, pattern: "(a{1,1000})+b", limit: 40_000_000 } });
  });
  it("ORs patterns of one step and ANDs steps", () => {
    const t = checker({ base: "string", facets: { patterns: [["[a-z]+", "[0-9]+"], [".{2,3}"]] } });
    expect(t.check("ab")).toBeNull();
    expect(t.check("12")).toBeNull();
    expect(t.check("abcd")).toEqual({ code: "type/pattern", params: { value: "abcd", pattern: ".{2,3}" } });
    expect(t.check("a1")).toEqual({ code: "type/pattern", params: { value: "a1", pattern: "[a-z]+ | [0-9]+" } });
  });
  it("applies to the normalised value", () => {
    expect(checker({ base: "integer", facets: { patterns: [["\\d{3}"]] } }).check(" 123 ")).toBeNull();
  });
});

describe("digits facets", () => {
  const t = checker({ base: "decimal", facets: { totalDigits: 4, fractionDigits: 2 } });
  it("count significant digits exactly", () => {
    expect(t.check("12.34")).toBeNull();
    expect(t.check("0012.3400")).toBeNull();
    expect(t.check("123.45")).toEqual({ code: "type/total-digits", params: { value: "123.45", actual: 5, expected: 4 } });
    expect(t.check("1.234")).toMatchObject({ code: "type/fraction-digits" });
    expect(t.check("12345")).toMatchObject({ code: "type/total-digits" });
    expect(checker({ base: "decimal", facets: { fractionDigits: 2 } }).check("1.234")).toEqual({
      code: "type/fraction-digits",
      params: { value: "1.234", actual: 3, expected: 2 },
    });
  });
  it("needs n <= totalDigits for i x 10^-n", () => {
    expect(checker({ base: "decimal", facets: { totalDigits: 3 } }).check("0.0012")?.code).toBe("type/total-digits");
  });
});

describe("ordered facets in the value space", () => {
  it("compare huge decimals exactly", () => {
    const t = checker({ base: "decimal", facets: { maxExclusive: "12345678901234567890.5" } });
    expect(t.check("12345678901234567890.4999999999")).toBeNull();
    expect(t.check("12345678901234567890.5")?.code).toBe("type/max-exclusive");
  });
  it("compare floats, with NaN incomparable", () => {
    const t = checker({ base: "double", facets: { minInclusive: "0" } });
    expect(t.check("1e-300")).toBeNull();
    expect(t.check("NaN")?.code).toBe("type/min-inclusive");
    expect(t.check("-INF")?.code).toBe("type/min-inclusive");
  });
  it("compare dates across timezones", () => {
    const t = checker({ base: "dateTime", facets: { maxInclusive: "2024-01-01T00:00:00Z" } });
    expect(t.check("2024-01-01T01:00:00+01:00")).toBeNull();
    expect(t.check("2024-01-01T00:00:00-01:00")?.code).toBe("type/max-inclusive");
    expect(t.check("2023-12-31T24:00:00Z")).toBeNull();
  });
  it("order durations partially", () => {
    const t = checker({ base: "duration", facets: { maxInclusive: "P30D" } });
    expect(t.check("P29D")).toBeNull();
    expect(t.check("P1M")?.code).toBe("type/max-inclusive"); // P1M and P30D are incomparable
    expect(t.check("PT720H")).toBeNull();
  });
  it("enumerate durations and dates by value", () => {
    expect(checker({ base: "duration", facets: { enumeration: enumeration("P1D") } }).check("PT24H")).toBeNull();
    expect(checker({ base: "dateTime", facets: { enumeration: enumeration("2024-01-01T00:00:00Z") } }).check("2024-01-01T02:00:00+02:00")).toBeNull();
    expect(checker({ base: "hexBinary", facets: { enumeration: enumeration("0f1a") } }).check("0F1A")).toBeNull();
    expect(checker({ base: "double", facets: { enumeration: enumeration("NaN") } }).check("NaN")).toBeNull();
  });
});

describe("lists", () => {
  const ints = listChecker({ base: "int" }, { maxLength: 3 });
  it("check each item and count items", () => {
    expect(ints.check(" 1  2\n3 ")).toBeNull();
    expect(ints.check("1 2 3 4")).toMatchObject({ code: "type/max-length", params: { actual: 4, unit: "items" } });
    expect(ints.check("1 x 3")).toEqual({
      code: "type/list-item",
      params: { index: 2, item: "x", itemCode: "type/lexical", detail: '"x" is not a valid xs:int: an integer such as 42 or -7 (digits with an optional sign)' },
    });
    expect(ints.describe()).toBe("list of xs:int of at most 3 items");
  });
  it("enumerate lists item by item in the value space", () => {
    const t = listChecker({ base: "decimal" }, { enumeration: enumeration("1 2.0") });
    expect(t.check("1.0 2")).toBeNull();
    expect(t.check("1 2 3")?.code).toBe("type/enumeration");
  });
  it("keep the implicit minLength 1 of NMTOKENS", () => {
    expect(checker({ base: "NMTOKENS" }).check("   ")).toMatchObject({ code: "type/min-length", params: { actual: 0, expected: 1 } });
  });
});

describe("unions", () => {
  const u = unionChecker(["int", "date"], { patterns: [["[0-9-]+"]] });
  it("accept when the first accepting member and the union facets accept", () => {
    expect(u.check(" 12 ")).toBeNull();
    expect(u.normalize(" 12 ")).toBe("12");
    expect(u.check("2024-02-29")).toBeNull();
  });
  it("report the members when none accepts", () => {
    expect(u.check("x")).toEqual({ code: "type/union", params: { value: "x", type: "U", members: ["xs:int", "xs:date"] } });
    expect(u.check("+12")?.code).toBe("type/pattern");
  });
  it("enumerate in the accepting member's value space", () => {
    const e = unionChecker(["decimal", "string"], { enumeration: enumeration("1.0", "N/A") });
    expect(e.check("1")).toBeNull();
    expect(e.check("N/A")).toBeNull();
    expect(e.check("n/a")?.code).toBe("type/enumeration");
  });
});

describe("QName values", () => {
  const q = checker({ base: "QName" });
  it("check prefixes when the caller gives a namespace context", () => {
    const context = { lookupNamespace: (p: string) => (p === "qg" ? "urn:q" : undefined) };
    expect(q.check("qg:x", context)).toBeNull();
    expect(q.check("xml:lang", context)).toBeNull();
    expect(q.check("zz:x", context)).toEqual({ code: "type/qname-prefix", params: { value: "zz:x", prefix: "zz" } });
    expect(q.check("zz:x")).toBeNull(); // lexical form only without a context
    expect(checker({ base: "QName" }).check("x", { lookupNamespace: () => XML_NS })).toBeNull();
  });
});

describe("messages", () => {
  it("render through the diagnostics registry with expected and found", () => {
    const r = checker({ base: "string", facets: { enumeration: enumeration("Unix", "Windows", "Oracle") } }).check("Oracl")!;
    const d = diagnose(r.code, r.params, { line: 3, column: 7 });
    expect(d.message).toBe('value "Oracl" is not one of: Unix, Windows, Oracle');
    expect(d.hint).toBe('did you mean "Oracle"?');
    const m = checker({ base: "integer", facets: { maxInclusive: "256" } }).check("300")!;
    expect(diagnose(m.code, m.params, { line: 1, column: 1 }).message).toBe("value 300 is greater than the maximum 256");
  });
  it("list at most 20 enumerated values", () => {
    const values = Array.from({ length: 30 }, (_, i) => `V${i}`);
    const r = checker({ base: "string", facets: { enumeration: enumeration(...values) } }).check("x")!;
    expect(r.params.allowed).toHaveLength(21);
    expect((r.params.allowed as string[])[20]).toBe("... (10 more)");
  });
  it("describe types briefly", () => {
    expect(checker({ base: "string", facets: { enumeration: enumeration("a", "b") } }).describe()).toBe("xs:string (one of: a, b)");
    expect(checker({ base: "string", facets: { minLength: 1, maxLength: 8, patterns: [["[a-z]+"]] } }).describe()).toBe("xs:string of 1..8 characters, matching [a-z]+");
  });
});
