/**
 * At most one attribute of an attribute group may be an ID (XSD 1.0 §3.6.6 ag-props-correct.3),
 * whether or not a complex type uses the group. libxml2 2.15 reports it on the group too, and
 * only there when a type uses the group; it applies the rule to xs:ID itself only, not to types
 * derived from it (the same gap as for ct-props-correct.5; the rule says "derived from ID").
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { readXsdText } from "../../src/schema/xsd/index.js";
import { libxml2 } from "../../test-support/libxml2.js";

const schema = (body: string) => `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n${body}\n</xs:schema>`;
const read = (body: string) => readXsdText(schema(body), "ids.xsd");

const GROUP = `<xs:attributeGroup name="g">\n<xs:attribute name="id" type="xs:ID"/>\n<xs:attribute name="name" type="xs:ID"/></xs:attributeGroup>`;

interface Case {
  name: string;
  body: string;
  codes: string[];
  /** libxml2's schema verdict when it differs, and why qxml follows the rule. */
  libxml2?: { ok: boolean; why: string };
}

const CASES: Case[] = [
  { name: "a group no type uses", body: GROUP, codes: ["xsd/two-id-attributes-in-group"] },
  {
    name: "a group a type uses: reported once, at the group",
    body: `${GROUP}<xs:element name="a"><xs:complexType><xs:attributeGroup ref="g"/></xs:complexType></xs:element>`,
    codes: ["xsd/two-id-attributes-in-group"],
  },
  {
    name: "the second ID from a nested group reference",
    body: `<xs:attributeGroup name="h"><xs:attribute name="id" type="xs:ID"/></xs:attributeGroup><xs:attributeGroup name="g">\n<xs:attributeGroup ref="h"/>\n<xs:attribute name="name" type="xs:ID"/></xs:attributeGroup>`,
    codes: ["xsd/two-id-attributes-in-group"],
  },
  {
    name: "a type derived from xs:ID counts",
    body: `<xs:simpleType name="myId"><xs:restriction base="xs:ID"/></xs:simpleType><xs:attributeGroup name="g">\n<xs:attribute name="id" type="xs:ID"/>\n<xs:attribute name="name" type="myId"/></xs:attributeGroup>`,
    codes: ["xsd/two-id-attributes-in-group"],
    libxml2: { ok: true, why: "libxml2 checks the type xs:ID itself only; ag-props-correct.3 says 'derived from ID'" },
  },
  {
    name: "a type with one ID of its own and one from a group: the type is at fault, not the group",
    body: `<xs:attributeGroup name="h"><xs:attribute name="id" type="xs:ID"/></xs:attributeGroup><xs:element name="a"><xs:complexType><xs:attributeGroup ref="h"/><xs:attribute name="name" type="xs:ID"/></xs:complexType></xs:element>`,
    codes: ["xsd/two-id-attributes"],
  },
  { name: "a prohibited second ID is no attribute use", body: `<xs:attributeGroup name="g"><xs:attribute name="id" type="xs:ID"/><xs:attribute name="n" type="xs:ID" use="prohibited"/></xs:attributeGroup>`, codes: [] },
  { name: "an ID and an IDREF", body: `<xs:attributeGroup name="g"><xs:attribute name="id" type="xs:ID"/><xs:attribute name="to" type="xs:IDREF"/></xs:attributeGroup>`, codes: [] },
];

describe("two ID attributes in one attribute group are a schema error (ag-props-correct.3)", () => {
  test.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(read(c.body).diagnostics.map((d) => d.code)).toEqual(c.codes);
  });

  test("libxml2 gives the same schema verdicts, except where a case says why not", async () => {
    const lib = await libxml2();
    const dir = mkdtempSync(join(tmpdir(), "qxml-id-groups-"));
    const verdicts = CASES.map((c, i) => {
      const file = join(dir, `s${i}.xsd`);
      writeFileSync(file, schema(c.body));
      const prepared = lib.prepare({ kind: "xsd", file });
      if (prepared.ok) prepared.dispose();
      return `${c.name}: ${prepared.ok}`;
    });
    expect(verdicts).toEqual(CASES.map((c) => `${c.name}: ${c.libxml2?.ok ?? c.codes.length === 0}`));
  });

  test("reported at the second ID, naming the group, both attributes and what to do", () => {
    const r = read(GROUP);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column, d.schemaLocation?.file])).toEqual([["xsd/two-id-attributes-in-group", 4, 1, "ids.xsd"]]);
    expect(r.diagnostics[0].message).toBe('attributeGroup "g" has two attributes of type xs:ID (or derived from it): "id" and "name"; an attribute group may have at most one');
    expect(r.diagnostics[0].hint).toBe('give "name" (or "id") another type, e.g. xs:NCName, or xs:IDREF to refer to an ID: an element has at most one ID (XSD 1.0 ag-props-correct.3, even when no type uses the group)');
  });
});
