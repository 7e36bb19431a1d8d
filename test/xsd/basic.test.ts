import { describe, expect, test } from "vitest";
import { complexOf, globalElement, model, schema } from "./helpers.js";

describe("xsd reader: first shape", () => {
  test("global element with an anonymous sequence of local elements", () => {
    const m = model(
      schema(`<xs:element name="a"><xs:complexType><xs:sequence>
        <xs:element name="b" type="xs:string"/>
        <xs:element name="c" type="xs:int" minOccurs="0" maxOccurs="unbounded"/>
      </xs:sequence><xs:attribute name="id" type="xs:ID" use="required"/></xs:complexType></xs:element>`),
    );
    const a = globalElement(m, "a");
    const t = complexOf(m, a);
    expect(t.content.kind).toBe("elements");
    if (t.content.kind !== "elements") return;
    const p = t.content.particle;
    expect(p.kind).toBe("sequence");
    if (p.kind !== "sequence") return;
    expect(p.items.map((i) => (i.kind === "element" ? [i.name, i.min, i.max] : i.kind))).toEqual([
      ["b", 1, 1],
      ["c", 0, "unbounded"],
    ]);
    expect(t.attributes.map((x) => [x.name, x.use, m.simpleTypes[x.type].name])).toEqual([["id", "required", "ID"]]);
  });
});
