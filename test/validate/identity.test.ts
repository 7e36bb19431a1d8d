/**
 * Identity constraints (xs:unique, xs:key, xs:keyref): each case states qxml's codes and is run
 * through libxml2 too, which must give the same verdict (listed exceptions have a reason).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readXsdText } from "../../src/schema/xsd/index.js";
import { compileSchema, validateString } from "../../src/validate/index.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { libxml2 } from "../../test-support/libxml2.js";

const schema = (body: string, tns = false): string =>
  `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"${tns ? ` targetNamespace="urn:t" xmlns:t="urn:t" elementFormDefault="qualified"` : ""}>\n${body}\n</xs:schema>`;

/** <r> holding <i k=".." v=".."> items and <ref to=".."> references; constraints on r. */
const items = (constraints: string, keyType = "xs:string", refType = "xs:string"): string =>
  schema(`<xs:element name="r">
  <xs:complexType><xs:sequence>
    <xs:element name="i" minOccurs="0" maxOccurs="unbounded">
      <xs:complexType><xs:sequence><xs:element name="n" type="${keyType}" minOccurs="0" maxOccurs="2"/></xs:sequence>
        <xs:attribute name="k" type="${keyType}"/><xs:attribute name="v" type="xs:string" default="dflt"/></xs:complexType>
    </xs:element>
    <xs:element name="ref" minOccurs="0" maxOccurs="unbounded"><xs:complexType><xs:attribute name="to" type="${refType}"/></xs:complexType></xs:element>
  </xs:sequence></xs:complexType>
  ${constraints}
</xs:element>`);

interface Case {
  name: string;
  xsd: string;
  xml: string;
  /** qxml's diagnostic codes, in order. */
  codes: string[];
}

const UNIQUE_K = `<xs:unique name="U"><xs:selector xpath="i"/><xs:field xpath="@k"/></xs:unique>`;
const KEY_K = `<xs:key name="K"><xs:selector xpath="i"/><xs:field xpath="@k"/></xs:key>`;
const KEYREF = `<xs:keyref name="R" refer="K"><xs:selector xpath="ref"/><xs:field xpath="@to"/></xs:keyref>`;

/** <r> holding nested <e>, each with an <f k=".."> child: selected elements inside selected elements. */
const NESTED_SELECTIONS = schema(`<xs:complexType name="E"><xs:sequence>
    <xs:element name="f" minOccurs="0"><xs:complexType><xs:attribute name="k"/></xs:complexType></xs:element>
    <xs:element name="e" type="E" minOccurs="0"/>
  </xs:sequence></xs:complexType>
  <xs:element name="r"><xs:complexType><xs:sequence><xs:element name="e" type="E"/></xs:sequence></xs:complexType>
    <xs:unique name="U"><xs:selector xpath=".//e"/><xs:field xpath="f/@k"/></xs:unique>
  </xs:element>`);
const nest = (keys: string[]): string => `<r>${keys.map((k) => `<e><f k="${k}"/>`).join("")}${"</e>".repeat(keys.length)}</r>`;

const CASES: Case[] = [
  { name: "nested selections: each field belongs to its own element", xsd: NESTED_SELECTIONS, xml: nest(["a", "b", "c", "d"]), codes: [] },
  { name: "nested selections: the innermost repeats the outermost", xsd: NESTED_SELECTIONS, xml: nest(["a", "b", "c", "a"]), codes: ["valid/duplicate-key"] },
  { name: "unique: distinct values", xsd: items(UNIQUE_K), xml: `<r><i k="a"/><i k="b"/></r>`, codes: [] },
  { name: "unique: a duplicate", xsd: items(UNIQUE_K), xml: `<r><i k="a"/><i k="b"/><i k="a"/></r>`, codes: ["valid/duplicate-key"] },
  { name: "unique: a missing field is ignored", xsd: items(UNIQUE_K), xml: `<r><i/><i/><i k="a"/></r>`, codes: [] },
  { name: "key: a missing field is an error", xsd: items(KEY_K), xml: `<r><i k="a"/><i/></r>`, codes: ["valid/missing-key-field"] },
  { name: "key: white space normalised by the type (token)", xsd: items(KEY_K, "xs:token"), xml: `<r><i k="a  b"/><i k=" a b "/></r>`, codes: ["valid/duplicate-key"] },
  { name: "key: values compare in the value space (int 01 = 1)", xsd: items(KEY_K, "xs:int"), xml: `<r><i k="01"/><i k="1"/></r>`, codes: ["valid/duplicate-key"] },
  { name: "key: decimal 1.0 = 1", xsd: items(KEY_K, "xs:decimal"), xml: `<r><i k="1.0"/><i k="1"/></r>`, codes: ["valid/duplicate-key"] },
  { name: "keyref: every reference matches", xsd: items(KEY_K + KEYREF), xml: `<r><i k="a"/><i k="b"/><ref to="b"/><ref to="a"/></r>`, codes: [] },
  { name: "keyref: no match", xsd: items(KEY_K + KEYREF), xml: `<r><i k="a"/><ref to="a"/><ref to="c"/></r>`, codes: ["valid/keyref-no-match"] },
  { name: "keyref: a reference without its field is ignored", xsd: items(KEY_K + KEYREF), xml: `<r><i k="a"/><ref/></r>`, codes: [] },
  { name: "keyref: int key matches decimal reference 2.0", xsd: items(KEY_K + KEYREF, "xs:int", "xs:decimal"), xml: `<r><i k="2"/><ref to="2.0"/></r>`, codes: [] },
  { name: "keyref: string key never matches an untyped reference", xsd: items(KEY_K + KEYREF, "xs:string", "xs:anySimpleType"), xml: `<r><i k="a"/><ref to="a"/></r>`, codes: ["valid/keyref-no-match"] },
  {
    name: "element field: child element value",
    xsd: items(`<xs:unique name="U"><xs:selector xpath="i"/><xs:field xpath="n"/></xs:unique>`),
    xml: `<r><i><n>x</n></i><i><n>y</n></i><i><n>x</n></i></r>`,
    codes: ["valid/duplicate-key"],
  },
  {
    name: "element field: two nodes for one field",
    xsd: items(`<xs:unique name="U"><xs:selector xpath="i"/><xs:field xpath="n"/></xs:unique>`),
    xml: `<r><i><n>x</n><n>y</n></i></r>`,
    codes: ["valid/key-field-multiple"],
  },
  {
    name: "two fields: a key-sequence",
    xsd: items(`<xs:key name="K2"><xs:selector xpath="i"/><xs:field xpath="@k"/><xs:field xpath="n"/></xs:key>`),
    xml: `<r><i k="a"><n>1</n></i><i k="a"><n>2</n></i><i k="b"><n>1</n></i><i k="a"><n>1</n></i></r>`,
    codes: ["valid/duplicate-key"],
  },
  {
    name: "an attribute's default is its value",
    xsd: items(`<xs:unique name="U"><xs:selector xpath="i"/><xs:field xpath="@v"/></xs:unique>`),
    xml: `<r><i/><i v="x"/><i/></r>`,
    codes: ["valid/duplicate-key"],
  },
  {
    name: "selector alternatives, child:: and attribute::",
    xsd: items(`<xs:unique name="U"><xs:selector xpath="child::i | ./ref"/><xs:field xpath="attribute::k | @to"/></xs:unique>`),
    xml: `<r><i k="a"/><ref to="b"/><ref to="a"/></r>`,
    codes: ["valid/duplicate-key"],
  },
  {
    name: "selector * and .//",
    xsd: items(`<xs:unique name="U"><xs:selector xpath=".//*"/><xs:field xpath="@k"/></xs:unique>`),
    xml: `<r><i k="a"/><i k="b"/><i k="a"/></r>`,
    codes: ["valid/duplicate-key"],
  },
  {
    name: "field selecting an element without simple content",
    xsd: items(`<xs:unique name="U"><xs:selector xpath="."/><xs:field xpath="i"/></xs:unique>`),
    xml: `<r><i k="a"/></r>`,
    codes: ["valid/key-field-not-simple"],
  },
  {
    name: "namespaced selector and field (prefix:name, prefix:*)",
    xsd: schema(
      `<xs:element name="r"><xs:complexType><xs:sequence><xs:element name="i" maxOccurs="unbounded"><xs:complexType><xs:attribute name="k" type="xs:string"/></xs:complexType></xs:element></xs:sequence></xs:complexType>
  <xs:key name="K"><xs:selector xpath="t:*"/><xs:field xpath="@k"/></xs:key>
  <xs:unique name="U"><xs:selector xpath="t:i"/><xs:field xpath="@k"/></xs:unique>
</xs:element>`,
      true,
    ),
    xml: `<r xmlns="urn:t"><i k="a"/><i k="a"/></r>`,
    codes: ["valid/duplicate-key", "valid/duplicate-key"],
  },
  {
    name: "an unprefixed name test is in no namespace (XPath 1.0), so it selects nothing here",
    xsd: schema(
      `<xs:element name="r"><xs:complexType><xs:sequence><xs:element name="i" maxOccurs="unbounded"><xs:complexType><xs:attribute name="k" type="xs:string"/></xs:complexType></xs:element></xs:sequence></xs:complexType>
  <xs:unique name="U"><xs:selector xpath="i"/><xs:field xpath="@k"/></xs:unique>
</xs:element>`,
      true,
    ),
    xml: `<r xmlns="urn:t"><i k="a"/><i k="a"/></r>`,
    codes: [],
  },
];

/** Scopes and propagation: a keyref on <doc> refers to a unique declared on each nested <set>. */
const NESTED = schema(`<xs:element name="doc"><xs:complexType><xs:sequence>
    <xs:element ref="set" maxOccurs="unbounded"/>
    <xs:element name="ref" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
  </xs:sequence></xs:complexType>
  <xs:keyref name="R" refer="U"><xs:selector xpath="ref"/><xs:field xpath="."/></xs:keyref>
</xs:element>
<xs:element name="set"><xs:complexType><xs:sequence>
    <xs:element name="v" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
    <xs:element ref="set" minOccurs="0" maxOccurs="unbounded"/>
  </xs:sequence></xs:complexType>
  <xs:unique name="U"><xs:selector xpath="v"/><xs:field xpath="."/></xs:unique>
</xs:element>`);

CASES.push(
  { name: "scopes: the same value in two scopes is fine", xsd: NESTED, xml: `<doc><set><v>a</v></set><set><v>a</v></set></doc>`, codes: [] },
  { name: "propagation: a keyref finds values of a nested scope", xsd: NESTED, xml: `<doc><set><v>a</v><set><v>b</v></set></set><ref>b</ref><ref>a</ref></doc>`, codes: [] },
  { name: "propagation: a value missing everywhere", xsd: NESTED, xml: `<doc><set><v>a</v></set><ref>z</ref></doc>`, codes: ["valid/keyref-no-match"] },
);

const run = (c: Case): Diagnostic[] => {
  const r = readXsdText(c.xsd, "idc.xsd");
  expect(r.model, JSON.stringify(r.diagnostics)).not.toBeNull();
  const compiled = compileSchema(r.model!);
  expect(compiled.diagnostics).toEqual([]);
  return validateString(c.xml, { file: "doc.xml", schema: compiled.schema }).diagnostics;
};

describe("identity constraints", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(run(c).map((d) => d.code)).toEqual(c.codes);
  });

  it("libxml2 gives the same verdict on every case", async () => {
    const lib = await libxml2();
    const dir = mkdtempSync(join(tmpdir(), "qxml-idc-"));
    const disagreements: string[] = [];
    CASES.forEach((c, i) => {
      const file = join(dir, `s${i}.xsd`);
      writeFileSync(file, c.xsd);
      const prepared = lib.prepare({ kind: "xsd", file });
      expect(prepared.ok, `${c.name}: ${prepared.diagnostics.map((d) => d.message).join("; ")}`).toBe(true);
      const theirs = prepared.validate(c.xml, { file: "doc.xml" }).valid;
      prepared.dispose();
      if (theirs !== (c.codes.length === 0)) disagreements.push(`${c.name}: libxml2 ${theirs ? "valid" : "invalid"}`);
    });
    expect(disagreements).toEqual([]);
  });

  it("says where, what and where the first one was", () => {
    const [dup] = run({ name: "", xsd: items(UNIQUE_K), xml: `<r>\n<i k="a"/>\n<i k="a"/></r>`, codes: [] });
    expect({ line: dup.line, column: dup.column, path: dup.path, params: dup.params }).toEqual({
      line: 3,
      column: 1,
      path: "/r/i[2]",
      params: { element: "i", name: "U", kind: "unique", values: "['a']", firstLine: 2, firstColumn: 1, scope: "r" },
    });
    expect(dup.message).toBe("i: duplicate key-sequence ['a'] in unique 'U'; the same value was first at line 2, column 1");
    const [miss] = run({ name: "", xsd: items(KEY_K + KEYREF), xml: `<r><i k="a"/>\n  <ref to="c"/></r>`, codes: [] });
    expect({ line: miss.line, column: miss.column, path: miss.path }).toEqual({ line: 2, column: 3, path: "/r/ref" });
    expect(miss.message).toBe("ref: no match found for key-sequence ['c'] of keyref 'R': no key 'K' within <r> has that value");
  });

  it("explains a reference whose value exists with another type", () => {
    const [d] = run({ name: "", xsd: items(KEY_K + KEYREF, "xs:string", "xs:anySimpleType"), xml: `<r><i k="a"/><ref to="a"/></r>`, codes: [] });
    expect(d.hint).toContain("as xs:string while this one is xs:anySimpleType");
  });

  it("20,000 keys in one scope: linear, one duplicate found", () => {
    const body = Array.from({ length: 20_000 }, (_, i) => `<i k="k${i}"/>`).join("");
    const t0 = performance.now();
    const ds = run({ name: "", xsd: items(KEY_K + KEYREF), xml: `<r>${body}<i k="k7"/><ref to="k19999"/></r>`, codes: [] });
    expect(ds.map((d) => d.code)).toEqual(["valid/duplicate-key"]);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});

describe("identity constraints past the diagnostic limit", () => {
  it("duplicates and dangling keyrefs past 10,000 errors are counted, not built", () => {
    const compiled = compileSchema(readXsdText(items(UNIQUE_K + KEY_K + KEYREF), "s.xsd").model!);
    // 6,000 items with one key value (two errors each past the first: unique and key), then 3,000 dangling refs.
    const xml = `<r>${'<i k="same"/>'.repeat(6000)}${'<ref to="none"/>'.repeat(3000)}</r>`;
    const ds = validateString(xml, { file: "doc.xml", schema: compiled.schema }).diagnostics;
    expect(ds).toHaveLength(10_001);
    const cap = ds[10_000];
    expect(cap.code).toBe("valid/too-many-errors");
    expect(cap.params?.notReported).toBe(5999 * 2 + 3000 - 10_000);
    expect(ds.every((d) => d.message !== "")).toBe(true);
  });
});
