/** Lists and unions against libxml2: the XSD body and the qxml model describe the same type. */
import { describe, expect, it } from "vitest";
import type { SimpleTypeChecker } from "../../src/validate/datatypes/index.js";
import { checker, enumeration, listChecker, unionChecker } from "./helpers.js";
import { libxml2Verdicts } from "./libxml2-oracle.js";

interface CompositeCase {
  name: string;
  xsd: string;
  qxml: () => SimpleTypeChecker;
  values: string[];
}

const LIST_VALUES = ["", " ", "1", "1 2", " 1  2 ", "1 2 3", "1 2 3 4", "1 x", "x", "1.0 2", "1 2.0", "-1", "300", "1\n2\t3"];
const UNION_VALUES = ["1", " 1 ", "2024-02-29", "2023-02-29", "x", "N/A", "n/a", "1.0", "+1", "300", "-5", "", "P1D"];

const CASES: CompositeCase[] = [
  { name: "list of int", xsd: `<xs:list itemType="xs:int"/>`, qxml: () => listChecker({ base: "int" }), values: LIST_VALUES },
  {
    name: "list of int, maxLength 3",
    xsd: `<xs:restriction><xs:simpleType><xs:list itemType="xs:int"/></xs:simpleType><xs:maxLength value="3"/></xs:restriction>`,
    qxml: () => listChecker({ base: "int" }, { maxLength: 3 }),
    values: LIST_VALUES,
  },
  {
    name: "list of int, length 2",
    xsd: `<xs:restriction><xs:simpleType><xs:list itemType="xs:int"/></xs:simpleType><xs:length value="2"/></xs:restriction>`,
    qxml: () => listChecker({ base: "int" }, { length: 2 }),
    values: LIST_VALUES,
  },
  {
    name: "list of unsignedByte 0..100",
    xsd: `<xs:list><xs:simpleType><xs:restriction base="xs:unsignedByte"><xs:maxInclusive value="100"/></xs:restriction></xs:simpleType></xs:list>`,
    qxml: () => listChecker({ base: "unsignedByte", facets: { maxInclusive: "100" } }),
    values: LIST_VALUES,
  },
  {
    name: "list of decimal, enumeration '1 2'",
    xsd: `<xs:restriction><xs:simpleType><xs:list itemType="xs:decimal"/></xs:simpleType><xs:enumeration value="1 2"/></xs:restriction>`,
    qxml: () => listChecker({ base: "decimal" }, { enumeration: enumeration("1 2") }),
    values: LIST_VALUES,
  },
  {
    name: "list of int, pattern on the whole list",
    xsd: `<xs:restriction><xs:simpleType><xs:list itemType="xs:int"/></xs:simpleType><xs:pattern value="\\d( \\d)*"/></xs:restriction>`,
    qxml: () => listChecker({ base: "int" }, { patterns: [["\\d( \\d)*"]] }),
    values: LIST_VALUES,
  },
  { name: "union int|date", xsd: `<xs:union memberTypes="xs:int xs:date"/>`, qxml: () => unionChecker(["int", "date"]), values: UNION_VALUES },
  { name: "union byte|string", xsd: `<xs:union memberTypes="xs:byte xs:string"/>`, qxml: () => unionChecker(["byte", "string"]), values: UNION_VALUES },
  {
    name: "union decimal|token with enumeration",
    xsd: `<xs:restriction><xs:simpleType><xs:union memberTypes="xs:decimal xs:token"/></xs:simpleType><xs:enumeration value="1"/><xs:enumeration value="N/A"/></xs:restriction>`,
    qxml: () => unionChecker(["decimal", "token"], { enumeration: enumeration("1", "N/A") }),
    values: UNION_VALUES,
  },
  {
    name: "union int|duration with pattern",
    xsd: `<xs:restriction><xs:simpleType><xs:union memberTypes="xs:int xs:duration"/></xs:simpleType><xs:pattern value="[0-9P].*"/></xs:restriction>`,
    qxml: () => unionChecker(["int", "duration"], { patterns: [["[0-9P].*"]] }),
    values: UNION_VALUES,
  },
  {
    name: "string with whiteSpace replace, length 3",
    xsd: `<xs:restriction base="xs:string"><xs:whiteSpace value="replace"/><xs:length value="3"/></xs:restriction>`,
    qxml: () => checker({ base: "string", facets: { whiteSpace: "replace", length: 3 } }),
    values: ["a\tb", "a b", " ab", "a\nbc", "abc", "ab"],
  },
];

describe("lists and unions agree with libxml2", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const oracle = libxml2Verdicts(c.xsd, c.values);
      const t = c.qxml();
      const diffs = c.values.filter((v, i) => (t.check(v) === null) !== oracle[i]).map((v) => `${JSON.stringify(v)}: qxml ${t.check(v) === null ? "accepts" : "rejects"}`);
      expect(diffs).toEqual([]);
    });
  }
});
