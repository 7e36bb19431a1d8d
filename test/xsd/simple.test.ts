import { describe, expect, test } from "vitest";
import { BUILTINS } from "../../src/schema/builtins.js";
import { XSD_NS } from "../../src/schema/model.js";
import { globalElement, model, namedSimple, read, schema } from "./helpers.js";

describe("simple types", () => {
  test("restriction with every facet", () => {
    const m = model(
      schema(`<xs:simpleType name="S"><xs:restriction base="xs:string">
          <xs:length value="5"/><xs:pattern value="[a-z]+"/><xs:pattern value="[0-9]+"/>
          <xs:enumeration value="abcde"><xs:annotation><xs:documentation>letters</xs:documentation></xs:annotation></xs:enumeration>
          <xs:enumeration value="12345"/><xs:whiteSpace value="collapse"/>
        </xs:restriction></xs:simpleType>
        <xs:simpleType name="L"><xs:restriction base="xs:string"><xs:minLength value="1"/><xs:maxLength value="9"/></xs:restriction></xs:simpleType>
        <xs:simpleType name="D"><xs:restriction base="xs:decimal">
          <xs:minInclusive value="0"/><xs:maxExclusive value="100"/><xs:totalDigits value="5"/><xs:fractionDigits value="2"/>
        </xs:restriction></xs:simpleType>
        <xs:simpleType name="D2"><xs:restriction base="xs:int"><xs:minExclusive value="-1"/><xs:maxInclusive value="7"/></xs:restriction></xs:simpleType>`),
    );
    expect(namedSimple(m, "S")).toMatchObject({
      variety: "atomic",
      builtin: "string",
      facets: { length: 5, patterns: [["[a-z]+", "[0-9]+"]], enumeration: [{ value: "abcde", doc: "letters" }, { value: "12345" }], whiteSpace: "collapse" },
    });
    expect(namedSimple(m, "L").facets).toMatchObject({ minLength: 1, maxLength: 9, whiteSpace: "preserve" });
    expect(namedSimple(m, "D").facets).toMatchObject({ minInclusive: "0", maxExclusive: "100", totalDigits: 5, fractionDigits: 2 });
    expect(namedSimple(m, "D2")).toMatchObject({ builtin: "int", facets: { minExclusive: "-1", maxInclusive: "7" } });
  });

  test("derivation steps merge: patterns one array per step, enumeration replaced, bounds overridden", () => {
    const m = model(
      schema(`<xs:simpleType name="A"><xs:restriction base="xs:token"><xs:pattern value="[A-Z]+"/><xs:maxLength value="10"/><xs:enumeration value="X"/><xs:enumeration value="YY"/></xs:restriction></xs:simpleType>
        <xs:simpleType name="B"><xs:restriction base="A"><xs:pattern value=".{2}"/><xs:maxLength value="4"/><xs:enumeration value="YY"/></xs:restriction></xs:simpleType>`),
    );
    const b = namedSimple(m, "B");
    expect(b.facets).toEqual({ whiteSpace: "collapse", patterns: [["[A-Z]+"], [".{2}"]], maxLength: 4, enumeration: [{ value: "YY" }] });
    expect(b.builtin).toBe("token");
    expect(m.simpleTypes[b.base!].name).toBe("A");
  });

  test("list with itemType and with an anonymous item type", () => {
    const m = model(
      schema(`<xs:simpleType name="Ints"><xs:list itemType="xs:int"/></xs:simpleType>
        <xs:simpleType name="Codes"><xs:list><xs:simpleType><xs:restriction base="xs:string"><xs:length value="2"/></xs:restriction></xs:simpleType></xs:list></xs:simpleType>
        <xs:simpleType name="ShortInts"><xs:restriction base="Ints"><xs:maxLength value="3"/></xs:restriction></xs:simpleType>`),
    );
    const ints = namedSimple(m, "Ints");
    expect(ints).toMatchObject({ variety: "list", builtin: "anySimpleType" });
    expect(m.simpleTypes[ints.itemType!].name).toBe("int");
    const codes = namedSimple(m, "Codes");
    expect(m.simpleTypes[codes.itemType!]).toMatchObject({ builtin: "string", facets: { length: 2 } });
    expect(namedSimple(m, "ShortInts")).toMatchObject({ variety: "list", itemType: ints.itemType, facets: { maxLength: 3 } });
  });

  test("union of named and anonymous members", () => {
    const m = model(
      schema(`<xs:simpleType name="U"><xs:union memberTypes="xs:int xs:date">
          <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="none"/></xs:restriction></xs:simpleType>
        </xs:union></xs:simpleType>`),
    );
    const u = namedSimple(m, "U");
    expect(u.variety).toBe("union");
    expect(u.memberTypes!.map((id) => m.simpleTypes[id].name ?? m.simpleTypes[id].facets.enumeration?.[0].value)).toEqual(["int", "date", "none"]);
  });

  test("every built-in datatype resolves, plus anySimpleType", () => {
    // xs:NOTATION may not be an element's type (Part 2 §3.2.19, xsd/notation-direct); it
    // resolves as the base of an enumeration instead (test/schema/xsd/notation.test.ts).
    const names = Object.keys(BUILTINS).filter((n) => n !== "NOTATION");
    const m = model(schema(names.map((n) => `<xs:element name="e_${n}" type="xs:${n}"/>`).join("\n")));
    for (const n of names) {
      const el = globalElement(m, `e_${n}`);
      expect(el.type.kind, n).toBe("simple");
      expect(m.simpleTypes[el.type.id], n).toMatchObject({ name: n, namespace: XSD_NS });
    }
  });

  test("a named simple type used by an element and an attribute", () => {
    const m = model(schema(`<xs:simpleType name="Code"><xs:restriction base="xs:NMTOKEN"/></xs:simpleType><xs:element name="c" type="Code"/>`));
    expect(globalElement(m, "c").type).toEqual({ kind: "simple", id: m.namedTypes["Code"].id });
  });

  test("bad facet values are errors with their location", () => {
    const r = read(schema(`<xs:simpleType name="S"><xs:restriction base="xs:string">\n<xs:maxLength value="-1"/>\n<xs:whiteSpace value="tidy"/></xs:restriction></xs:simpleType>`));
    expect(r.model).toBeNull();
    expect(r.diagnostics.map((d) => [d.code, d.line, d.params?.facet])).toEqual([
      ["xsd/invalid-facet", 4, "maxLength"],
      ["xsd/invalid-facet", 5, "whiteSpace"],
    ]);
  });

  test("a list of lists is refused", () => {
    const r = read(schema(`<xs:simpleType name="L"><xs:list itemType="xs:NMTOKENS"/></xs:simpleType>`));
    expect(r.diagnostics.map((d) => d.code)).toEqual(["xsd/invalid-derivation"]);
  });
});
