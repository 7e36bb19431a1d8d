/** Table tests of the built-in lexical spaces (checkBuiltin takes already-normalised literals). */
import { describe, expect, it } from "vitest";
import { BUILTINS } from "../../src/schema/builtins.js";
import { checkBuiltin } from "../../src/validate/datatypes/index.js";

const TABLE: Record<string, { valid: string[]; invalid: string[] }> = {
  string: { valid: ["", "any thing\twith\nspace"], invalid: [] },
  boolean: { valid: ["true", "false", "1", "0"], invalid: ["TRUE", "yes", "", "01"] },
  decimal: { valid: ["0", "-0", "+1.5", ".5", "5.", "-00012.3400", "123456789012345678901234567890.123"], invalid: ["", ".", "-", "1e2", "1,5", "INF", "1.2.3"] },
  integer: { valid: ["0", "-0", "+7", "007", "123456789012345678901234567890"], invalid: ["1.0", "1.", "", "+", "1e3", "\u0663"] },
  nonPositiveInteger: { valid: ["0", "-0", "-5", "+0"], invalid: ["1", "+1"] },
  negativeInteger: { valid: ["-1", "-99999999999999999999"], invalid: ["0", "-0", "1"] },
  long: { valid: ["9223372036854775807", "-9223372036854775808"], invalid: ["9223372036854775808", "-9223372036854775809"] },
  int: { valid: ["2147483647", "-2147483648"], invalid: ["2147483648", "-2147483649"] },
  short: { valid: ["32767", "-32768"], invalid: ["32768", "-32769"] },
  byte: { valid: ["127", "-128", "+0127"], invalid: ["128", "-129"] },
  nonNegativeInteger: { valid: ["0", "-0", "12"], invalid: ["-1"] },
  unsignedLong: { valid: ["18446744073709551615", "0"], invalid: ["18446744073709551616", "-1"] },
  unsignedInt: { valid: ["4294967295"], invalid: ["4294967296"] },
  unsignedShort: { valid: ["65535"], invalid: ["65536"] },
  unsignedByte: { valid: ["255", "0"], invalid: ["256", "-1"] },
  positiveInteger: { valid: ["1", "+1", "0001"], invalid: ["0", "-0", "-1"] },
  float: { valid: ["1", "-1.5E10", ".5e1", "1.e1", "INF", "-INF", "NaN", "1e400"], invalid: ["+INF", "inf", "nan", "1e", "e1", "0x1", ""] },
  double: { valid: ["1E-5", "-0", "3.4e38"], invalid: ["1_000", "1.5f", " "] },
  duration: { valid: ["P1Y", "P1Y2M3DT4H5M6.7S", "-P1D", "PT0S", "PT1.S", "PT.5S", "P0D"], invalid: ["P", "PT", "P1YT", "P1.5Y", "P-1Y", "1Y", "P1M2Y", "PT1H2H", "P1W", "p1d"] },
  dateTime: {
    valid: ["2024-02-29T12:00:00", "2024-02-29T24:00:00", "2024-01-01T00:00:00.5Z", "2024-01-01T00:00:00+14:00", "-0001-01-01T00:00:00", "10000-01-01T00:00:00"],
    invalid: ["2023-02-29T12:00:00", "2024-02-29T24:00:01", "2024-01-01T00:00:00+14:01", "2024-01-01T00:00:00.", "0000-01-01T00:00:00", "02024-01-01T00:00:00", "2024-01-01", "2024-01-01T12:60:00", "2024-01-01t00:00:00"],
  },
  date: { valid: ["2024-02-29", "2000-02-29", "-0004-02-29", "2024-01-01-14:00"], invalid: ["1900-02-29", "2024-04-31", "2024-00-10", "2024-1-1", "2024-01-01+14:30"] },
  time: { valid: ["00:00:00", "24:00:00", "23:59:59.999", "12:00:00-14:00"], invalid: ["12:00", "25:00:00", "23:60:00", "1:00:00"] },
  gYearMonth: { valid: ["2024-02", "-2024-02", "2024-02Z"], invalid: ["2024-13", "2024-2", "0000-01"] },
  gYear: { valid: ["2024", "12345", "-0001", "2024+01:00"], invalid: ["24", "0000", "02024", "2024-01"] },
  gMonthDay: { valid: ["--02-29", "--12-31"], invalid: ["--02-30", "--04-31", "--13-01", "-02-01"] },
  gDay: { valid: ["---31", "---01Z"], invalid: ["---32", "---00", "--31"] },
  gMonth: { valid: ["--12", "--01Z"], invalid: ["--13", "--00", "--12--"] },
  hexBinary: { valid: ["", "0F", "0f1a"], invalid: ["abc", "0G", "0F 1A"] },
  base64Binary: { valid: ["", "QQ==", "QUI=", "QUJD", "QU I=", "Q Q = =", "QUJD QUJD"], invalid: ["QQ=", "Q===", "QR==", "QUJ=", "A", "!!!!", "QUJD="] },
  anyURI: { valid: ["", "http://example.com/a?b#c", "a b", "\u00e9", "urn:isbn:1", "../a", "%41"], invalid: ["%zz", "#a#b", ":foo", "http://[::1", "%", "a%2"] },
  QName: { valid: ["a", "a:b", "_a:b.c"], invalid: [":a", "a:", "a:b:c", "1a", ""] },
  NOTATION: { valid: ["gif", "p:gif"], invalid: ["a:b:c"] },
  Name: { valid: ["a", ":a", "a:b", "_1", "\u00e9", "\u4e00"], invalid: ["1a", "-a", "", "a b"] },
  NCName: { valid: ["a", "a-b.c", "\u00e9"], invalid: ["a:b", ":a", "1a"] },
  ID: { valid: ["id1"], invalid: ["1id", "a:b"] },
  IDREF: { valid: ["id1"], invalid: ["a b"] },
  ENTITY: { valid: ["pic"], invalid: ["a:b"] },
  NMTOKEN: { valid: ["1a", "-a", ":", "a.b"], invalid: ["", "a b", "a,b"] },
  NMTOKENS: { valid: ["a", "a b 1"], invalid: ["", "a,b"] },
  IDREFS: { valid: ["a b"], invalid: ["", "1a"] },
  ENTITIES: { valid: ["a b"], invalid: ["", "a:b"] },
  language: { valid: ["en", "en-US", "x-klingon", "zh-Hant-TW", "en-12345678"], invalid: ["", "toolongtag", "en-", "-en", "en_US", "en-123456789"] },
  normalizedString: { valid: ["a b"], invalid: [] },
  token: { valid: ["a b"], invalid: [] },
  anySimpleType: { valid: ["", "x"], invalid: [] },
};

describe("checkBuiltin", () => {
  it("has a table for every XSD built-in", () => {
    expect(Object.keys(TABLE).sort()).toEqual(Object.keys(BUILTINS).sort());
  });
  for (const [name, { valid, invalid }] of Object.entries(TABLE)) {
    it(`xs:${name}`, () => {
      for (const v of valid) expect([v, checkBuiltin(name, v)]).toEqual([v, null]);
      for (const v of invalid) expect([v, checkBuiltin(name, v)?.code]).toEqual([v, expect.stringMatching(/^type\/(lexical|range)$/)]);
    });
  }
  it("says what was expected", () => {
    expect(checkBuiltin("integer", "abc")).toEqual({
      code: "type/lexical",
      params: { value: "abc", type: "xs:integer", expected: "an integer such as 42 or -7 (digits with an optional sign)" },
    });
    expect(checkBuiltin("date", "2023-02-29")?.params.expected).toBe("a day that exists: February 2023 has 28 days");
    expect(checkBuiltin("unsignedByte", "300")).toEqual({
      code: "type/range",
      params: { value: "300", type: "xs:unsignedByte", range: "0..255" },
    });
    expect(checkBuiltin("positiveInteger", "0")?.params.range).toBe("at least 1");
  });
  it("refuses names that are not built-ins", () => {
    expect(() => checkBuiltin("strin", "x")).toThrow(/not an XSD built-in/);
  });
});
