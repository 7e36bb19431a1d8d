import { describe, expect, test } from "vitest";
import { XSD_NS } from "../../src/schema/model.js";
import { complexOf, globalElement, model, namedComplex, schema } from "./helpers.js";

const TNS = 'targetNamespace="urn:t" xmlns:t="urn:t"';

function items(m: ReturnType<typeof model>, typeName: string, ns: string | null = "urn:t") {
  const t = namedComplex(m, typeName, ns);
  if (t.content.kind !== "elements" || t.content.particle.kind !== "sequence") throw new Error("expected a sequence");
  return t.content.particle.items;
}

describe("element declarations", () => {
  test("global element in the target namespace, local elements unqualified by default", () => {
    const m = model(
      schema(
        `<xs:element name="root" type="t:R"/>
         <xs:complexType name="R"><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence></xs:complexType>`,
        TNS,
      ),
    );
    const root = globalElement(m, "root", "urn:t");
    expect(root.global).toBe(true);
    expect(root.key).toBe("{urn:t}root");
    expect(root.type).toEqual({ kind: "complex", id: m.namedTypes["{urn:t}R"].id });
    const [a] = items(m, "R");
    expect(a).toMatchObject({ kind: "element", name: "a", namespace: null });
    expect(m.elements[(a as { element: number }).element]).toMatchObject({ global: false, key: "a" });
  });

  test("elementFormDefault=qualified and form= override", () => {
    const m = model(
      schema(
        `<xs:complexType name="R"><xs:sequence>
           <xs:element name="q" type="xs:string"/>
           <xs:element name="u" type="xs:string" form="unqualified"/>
         </xs:sequence></xs:complexType>`,
        `${TNS} elementFormDefault="qualified"`,
      ),
    );
    expect(items(m, "R").map((p) => (p.kind === "element" ? p.namespace : "?"))).toEqual(["urn:t", null]);
  });

  test("ref points at the global declaration with the ref's occurrence", () => {
    const m = model(
      schema(
        `<xs:element name="item" type="xs:int"/>
         <xs:complexType name="R"><xs:sequence><xs:element ref="t:item" minOccurs="0" maxOccurs="5"/></xs:sequence></xs:complexType>`,
        TNS,
      ),
    );
    const [p] = items(m, "R");
    expect(p).toMatchObject({ kind: "element", name: "item", namespace: "urn:t", element: m.globalElements["{urn:t}item"], min: 0, max: 5 });
  });

  test("nillable, abstract, default, fixed and documentation are kept", () => {
    const m = model(
      schema(`<xs:element name="a" type="xs:string" nillable="true" default="x">
          <xs:annotation><xs:documentation>The <b>a</b> element.</xs:documentation></xs:annotation></xs:element>
        <xs:element name="b" type="xs:string" abstract="true" fixed="y"/>`),
    );
    expect(globalElement(m, "a")).toMatchObject({ nillable: true, abstract: false, default: "x", doc: "The a element." });
    expect(globalElement(m, "b")).toMatchObject({ nillable: false, abstract: true, fixed: "y" });
  });

  test("an element without a type is of xs:anyType: any content, any attribute, lax", () => {
    const m = model(schema(`<xs:element name="free"/>`));
    const t = complexOf(m, globalElement(m, "free"));
    expect(t).toMatchObject({ name: "anyType", namespace: XSD_NS, content: { kind: "any" }, anyAttribute: { namespaces: "##any", processContents: "lax" } });
  });

  test("a simple-typed element refers to the built-in entry", () => {
    const m = model(schema(`<xs:element name="n" type="xs:positiveInteger"/>`));
    const el = globalElement(m, "n");
    expect(el.type.kind).toBe("simple");
    expect(m.simpleTypes[el.type.id]).toMatchObject({ name: "positiveInteger", namespace: XSD_NS, builtin: "positiveInteger" });
  });

  test("a qxml:inferred comment right before a declaration marks it inferred", () => {
    const m = model(
      schema(`<!-- qxml:inferred from the 10.2 release notes -->
        <xs:element name="guessed" type="xs:string"/>
        <!-- an ordinary comment -->
        <xs:element name="known" type="xs:string"/>`),
    );
    expect(globalElement(m, "guessed").provenance).toEqual({ inferred: true, note: "qxml:inferred from the 10.2 release notes" });
    expect(globalElement(m, "known").provenance).toBeUndefined();
  });

  test("recursive types refer to themselves by id", () => {
    const m = model(
      schema(`<xs:element name="node" type="Node"/>
        <xs:complexType name="Node"><xs:sequence><xs:element name="node" type="Node" minOccurs="0" maxOccurs="unbounded"/></xs:sequence></xs:complexType>`),
    );
    const t = namedComplex(m, "Node");
    const p = t.content.kind === "elements" && t.content.particle.kind === "sequence" ? t.content.particle.items[0] : undefined;
    expect(p?.kind).toBe("element");
    const local = m.elements[(p as { element: number }).element];
    expect(local.type).toEqual({ kind: "complex", id: t.id });
    expect(() => JSON.stringify(m)).not.toThrow();
  });
});
