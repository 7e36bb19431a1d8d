/**
 * Cases for the libxml2 differential test: built-in bases with facets, and pools of candidate
 * values (valid and invalid) per family. Every (case, value) pair is checked by qxml and libxml2.
 */
import type { Facets } from "../../src/schema/model.js";

export interface DiffCase {
  base: string;
  facets: Facets;
  values: string[];
}

const enumOf = (...values: string[]): Facets["enumeration"] => values.map((value) => ({ value }));

const INTEGERS = [
  "0", "-0", "+0", "1", "-1", "007", "+5", " 12 ", "1.0", "1.", "", "abc", "1e3", "- 1", "1 2", "\u0663",
  "12345678901234567890", "-9223372036854775808", "-9223372036854775809", "9223372036854775807",
  "9223372036854775808", "18446744073709551615", "18446744073709551616", "2147483647", "2147483648",
  "-2147483648", "-2147483649", "32767", "32768", "-32768", "-32769", "127", "128", "-128", "-129",
  "255", "256", "65535", "65536", "4294967295", "4294967296", "10", "9", "999", "1000", "010", "-5",
];
const DECIMALS = [
  ...INTEGERS, "1.5", "-.5", ".5", "5.", "+.0", "0.0", ".", "-", "+", "1e2", "1,5", "123.4500", "00012.3400",
  "INF", "NaN", " 3.14 ", "-1.5", "-1.51", "100.25", "100.24", "99.999", "12.34", "12.345", "0.0012", "1.00",
  "2.5", "2.50", "1234.5", "0.001", "1234567890.0987654321",
];
const FLOATS = [
  "1", "1.5", "-1.5e10", "1E-5", "INF", "-INF", "+INF", "NaN", "nan", "inf", "1e", "e1", ".e1", "1.e1", ".5e1",
  "3.4028235e38", "3.5e38", "1e400", "-0", "0x1", "1_000", "", " 1 ", "1000", "1000.0001", "-0.0", "1E3", "0",
  "1e+3", "1e-400",
];
const BOOLEANS = ["true", "false", "1", "0", "TRUE", "True", "yes", "", " true ", "01"];
const DURATIONS = [
  "P1Y", "P1Y2M3DT4H5M6S", "-P1D", "PT0S", "P", "PT", "P1YT", "PT1.5S", "PT.5S", "PT1.S", "P1.5Y", "P-1Y", "1Y",
  "P1M2Y", "PT1H2H", "P0Y", "-PT1M", "P1W", " P1D ", "P12M", "P13M", "P365D", "P366D", "PT24H", "P1D", "P1M",
  "P30D", "P31D", "PT0.000001S", "P0D", "-P0D", "p1d",
];
const DATETIMES = [
  "2024-02-29T12:00:00", "2023-02-29T12:00:00", "2024-02-29T24:00:00", "2024-02-29T24:00:01", "2024-13-01T00:00:00",
  "2024-01-01T00:00:00Z", "2024-01-01T00:00:00+14:00", "2024-01-01T00:00:00+14:01", "2024-01-01T00:00:00-14:00",
  "2024-01-01T00:00:00+15:00", "2024-01-01T00:00:00.123", "2024-01-01T00:00:00.", "0000-01-01T00:00:00",
  "-0001-01-01T00:00:00", "10000-01-01T00:00:00", "02024-01-01T00:00:00", "2024-1-01T00:00:00", "2024-01-01",
  "2024-01-01T25:00:00", "2024-01-01T12:60:00", "2024-01-01T12:00:60", "1900-02-29T00:00:00", "2000-02-29T00:00:00",
  "2024-04-31T00:00:00", "2024-01-01T00:00:00 Z", "2023-12-31T23:59:59Z", "2023-12-31T23:59:59", "2024-01-01T01:00:00+01:00",
  "2023-12-31T10:00:00", "2023-12-31T09:59:59", "2024-01-01T14:00:00", "2024-01-01T14:00:01", "2024-01-01T00:00:00+05:30",
  " 2024-01-01T00:00:00 ", "2024-01-01T00:00:00.000Z", "2024-01-01t00:00:00",
];
const DATES = [
  "2024-02-29", "2023-02-29", "2024-13-01", "2024-00-10", "2024-01-00", "2024-01-32", "2024-04-31", "2024-01-01Z",
  "2024-01-01+14:00", "2024-01-01-14:00", "2024-01-01+14:30", "0000-01-01", "-0001-01-01", "-0004-02-29", "10000-01-01",
  "2024-1-1", "24-01-01", "2024-01-01T00:00:00", "2023-12-31", "2024-01-02", "1900-02-29", "2000-02-29", " 2024-05-05 ",
];
const TIMES = [
  "12:00:00", "24:00:00", "23:59:59.999", "12:00", "12:00:00Z", "12:00:00+01:00", "1:00:00", "00:00:00", "12:00:00.",
  "23:60:00", "25:00:00", "12:00:00-14:00", "09:00:00", "18:00:00", "17:59:59.5",
];
const GREGORIAN: Record<string, string[]> = {
  gYearMonth: ["2024-02", "2024-13", "2024-2", "-2024-02", "2024-02Z", "0000-01", "2024", "20245-02"],
  gYear: ["2024", "0000", "24", "12345", "-0001", "2024Z", "2024+01:00", "02024", "2024-01", "-12345"],
  gMonthDay: ["--02-29", "--02-30", "--04-31", "--13-01", "-02-01", "--02-29Z", "--12-31", "--00-01", "--01-00"],
  gDay: ["---31", "---32", "---00", "--31", "---01Z", "---1", "---15+02:00"],
  gMonth: ["--12", "--13", "--12--", "--00", "--01Z", "--1", "-01"],
};
const HEX = ["", "0F", "0f", "abc", "0G", "0F 1A", " 0F ", "0F1A", "00FF00", "0F1", "ABCD"];
const BASE64 = [
  "", "QQ==", "QUI=", "QUJD", "QQ=", "Q===", "QR==", "QUJ=", "QU I=", "Q Q = =", "QQ= =", "QUJD QUJD", "====", "A",
  "AB", "ABC", "!!!!", " QUJD ", "QUJDRA==", "QUJDREU=", "Q U J D", "QUJD\nQUJD", "QUJ D", "QUJD=",
];
const URIS = [
  "", "http://example.com", "a b", "%zz", "%41", "http://[::1]/", "http://[::1", "#a#b", ":foo", "foo:", "a:b:c",
  "\u00e9", "\\\\server", "http://a/b?c#d", "urn:isbn:123", "//host", "?q", "#", "mailto:a@b", "a|b",
  "http://host:port/", "http://host:80/", "%", "a%2", "http://a/%20b", "1http://x", "http://ex ample.com",
  "../a/b", "a[1]", "http://user@host", "file:///c:/x", "a#b?c", "http://a/b c",
];
const NAMES = [
  "a", "1a", "_a", ":a", "a:b", "a-b.c", "-a", ".a", "a b", "", "\u00e9", "a\u00b7b", "\u00b7a", "a\u0300", "A1",
  "a:", "xml", "\u0663", "a\u0663", "\u2070a", "a\u2040", "\u4e00", " a ", "a\tb",
];
const LANGUAGES = ["en", "en-US", "english", "toolongtag", "en-", "-en", "en_US", "x-klingon", "i-navajo", "a1", "1a", "en-12345678", "en-123456789", ""];
const NAME_LISTS = ["a b", "", "a  b", "1 2", "a:b c", " a ", "a\tb", "a,b"];
const STRINGS = [
  "", "a", "ab", "abc", "abcd", "abcde", " abc ", "a\tb", "a  b", "\u00e9\u00e9\u00e9", "\u{1F600}\u{1F600}\u{1F600}",
  "Unix", "Oracle", "unix", "ORACLE", "abc\n", "  ",
];
const QNAMES = ["a", "a:b", ":a", "a:", "a:b:c", "1a", "_a", "xml:lang", "xs:string", ""];

const INTEGER_BUILTINS = [
  "integer", "nonPositiveInteger", "negativeInteger", "long", "int", "short", "byte", "nonNegativeInteger",
  "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte", "positiveInteger",
];

export const DIFF_CASES: DiffCase[] = [
  ...INTEGER_BUILTINS.map((base) => ({ base, facets: {}, values: INTEGERS })),
  { base: "integer", facets: { minInclusive: "1", maxInclusive: "256" }, values: INTEGERS },
  { base: "integer", facets: { minExclusive: "0", maxExclusive: "10" }, values: INTEGERS },
  { base: "integer", facets: { totalDigits: 3 }, values: INTEGERS },
  { base: "integer", facets: { enumeration: enumOf("1", "010", "-5") }, values: INTEGERS },
  { base: "integer", facets: { patterns: [["[0-9]{1,3}"]] }, values: INTEGERS },
  { base: "decimal", facets: {}, values: DECIMALS },
  { base: "decimal", facets: { totalDigits: 4, fractionDigits: 2 }, values: DECIMALS },
  { base: "decimal", facets: { totalDigits: 2 }, values: DECIMALS },
  { base: "decimal", facets: { minInclusive: "-1.5", maxExclusive: "100.25" }, values: DECIMALS },
  { base: "decimal", facets: { enumeration: enumOf("1.0", "2.50", "-0") }, values: DECIMALS },
  { base: "decimal", facets: { fractionDigits: 0 }, values: DECIMALS },
  { base: "float", facets: {}, values: FLOATS },
  { base: "double", facets: {}, values: FLOATS },
  { base: "float", facets: { minInclusive: "0", maxInclusive: "1e3" }, values: FLOATS },
  { base: "double", facets: { minExclusive: "-INF", maxExclusive: "INF" }, values: FLOATS },
  { base: "double", facets: { enumeration: enumOf("1", "INF", "NaN") }, values: FLOATS },
  { base: "boolean", facets: {}, values: BOOLEANS },
  { base: "boolean", facets: { patterns: [["true|false"]] }, values: BOOLEANS },
  { base: "duration", facets: {}, values: DURATIONS },
  { base: "duration", facets: { maxInclusive: "P1Y" }, values: DURATIONS },
  { base: "duration", facets: { minExclusive: "PT0S" }, values: DURATIONS },
  { base: "duration", facets: { maxExclusive: "P1M" }, values: DURATIONS },
  { base: "duration", facets: { enumeration: enumOf("P1D", "P1Y") }, values: DURATIONS },
  { base: "dateTime", facets: {}, values: DATETIMES },
  { base: "dateTime", facets: { minInclusive: "2024-01-01T00:00:00Z" }, values: DATETIMES },
  { base: "dateTime", facets: { maxExclusive: "2024-01-01T00:00:00" }, values: DATETIMES },
  { base: "dateTime", facets: { enumeration: enumOf("2024-01-01T00:00:00Z") }, values: DATETIMES },
  { base: "date", facets: {}, values: DATES },
  { base: "date", facets: { minInclusive: "2024-01-01", maxInclusive: "2024-12-31" }, values: DATES },
  { base: "time", facets: {}, values: TIMES },
  { base: "time", facets: { minInclusive: "09:00:00", maxExclusive: "18:00:00" }, values: TIMES },
  ...Object.entries(GREGORIAN).map(([base, values]) => ({ base, facets: {}, values })),
  { base: "gYear", facets: { minInclusive: "2000" }, values: GREGORIAN.gYear },
  { base: "hexBinary", facets: {}, values: HEX },
  { base: "hexBinary", facets: { length: 2 }, values: HEX },
  { base: "hexBinary", facets: { enumeration: enumOf("0f1a") }, values: HEX },
  { base: "base64Binary", facets: {}, values: BASE64 },
  { base: "base64Binary", facets: { length: 3 }, values: BASE64 },
  { base: "base64Binary", facets: { maxLength: 2 }, values: BASE64 },
  { base: "anyURI", facets: {}, values: URIS },
  { base: "anyURI", facets: { maxLength: 10 }, values: URIS },
  ...["Name", "NCName", "NMTOKEN", "ID", "IDREF", "ENTITY"].map((base) => ({ base, facets: {}, values: NAMES })),
  { base: "language", facets: {}, values: LANGUAGES },
  { base: "NMTOKENS", facets: {}, values: NAME_LISTS },
  { base: "NMTOKENS", facets: { maxLength: 1 }, values: NAME_LISTS },
  { base: "IDREFS", facets: {}, values: NAME_LISTS },
  { base: "string", facets: {}, values: STRINGS },
  { base: "string", facets: { length: 3 }, values: STRINGS },
  { base: "normalizedString", facets: { length: 3 }, values: STRINGS },
  { base: "token", facets: { minLength: 2, maxLength: 4 }, values: STRINGS },
  { base: "token", facets: { enumeration: enumOf("Unix", "Oracle", "a b") }, values: STRINGS },
  { base: "string", facets: { whiteSpace: "collapse", length: 3 }, values: STRINGS },
  { base: "string", facets: { patterns: [["[a-c]+", "Unix"]] }, values: STRINGS },
  { base: "QName", facets: {}, values: QNAMES },
];
