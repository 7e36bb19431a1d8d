import { describe, expect, test } from "vitest";
import type { Particle } from "../../src/schema/model.js";
import { model, namedComplex, schema } from "./helpers.js";

/** A particle as a compact string: names, compositors and occurrence. */
function shape(p: Particle | null): string {
  if (p === null) return "-";
  const occ = p.min === 1 && p.max === 1 ? "" : `{${p.min},${p.max === "unbounded" ? "*" : p.max}}`;
  if (p.kind === "element") return p.name + occ;
  if (p.kind === "any") return `any(${Array.isArray(p.wildcard.namespaces) ? p.wildcard.namespaces.join(" ") : p.wildcard.namespaces},${p.wildcard.processContents})${occ}`;
  return `${p.kind}${p.group ? "[" + p.group + "]" : ""}(${p.items.map(shape).join(",")})${occ}`;
}

function content(m: ReturnType<typeof model>, name: string): string {
  const c = namedComplex(m, name).content;
  switch (c.kind) {
    case "elements":
      return shape(c.particle);
    case "mixed":
      return `mixed ${shape(c.particle)}`;
    case "simple":
      return `simple ${m.simpleTypes[c.type].name ?? "#" + c.type}`;
    default:
      return c.kind;
  }
}

describe("complex types", () => {
  test("sequence, choice, all and occurrence", () => {
    const m = model(
      schema(`<xs:complexType name="S"><xs:sequence minOccurs="0" maxOccurs="unbounded">
          <xs:element name="a"/><xs:choice><xs:element name="b"/><xs:element name="c" maxOccurs="3"/></xs:choice>
        </xs:sequence></xs:complexType>
        <xs:complexType name="A"><xs:all minOccurs="0"><xs:element name="x"/><xs:element name="y" minOccurs="0"/></xs:all></xs:complexType>`),
    );
    expect(content(m, "S")).toBe("sequence(a,choice(b,c{1,3})){0,*}");
    expect(content(m, "A")).toBe("all(x,y{0,1}){0,1}");
  });

  test("empty, mixed and mixed without children", () => {
    const m = model(
      schema(`<xs:complexType name="E"><xs:attribute name="a"/></xs:complexType>
        <xs:complexType name="M" mixed="true"><xs:sequence><xs:element name="b"/></xs:sequence></xs:complexType>
        <xs:complexType name="T" mixed="true"/>
        <xs:complexType name="ES"><xs:sequence/></xs:complexType>`),
    );
    expect(content(m, "E")).toBe("empty");
    expect(content(m, "M")).toBe("mixed sequence(b)");
    expect(content(m, "T")).toBe("mixed -");
    expect(content(m, "ES")).toBe("empty");
  });

  test("group references expand to the group's particle with the ref's occurrence", () => {
    const m = model(
      schema(`<xs:group name="G"><xs:sequence><xs:element name="a"/><xs:element name="b"/></xs:sequence></xs:group>
        <xs:complexType name="T"><xs:choice><xs:group ref="G" maxOccurs="2"/><xs:element name="c"/></xs:choice></xs:complexType>`),
    );
    expect(content(m, "T")).toBe("choice(sequence[G](a,b){1,2},c)");
  });

  test("wildcards: xs:any and xs:anyAttribute", () => {
    const m = model(
      schema(
        `<xs:complexType name="W"><xs:sequence>
          <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
          <xs:any namespace="##targetNamespace ##local urn:x" processContents="skip"/>
        </xs:sequence><xs:anyAttribute namespace="##any"/></xs:complexType>`,
        'targetNamespace="urn:t"',
      ),
    );
    const t = namedComplex(m, "W", "urn:t");
    expect(t.content.kind === "elements" && shape(t.content.particle)).toBe("sequence(any(##other,lax){0,*},any(urn:t  urn:x,skip))");
    const second = t.content.kind === "elements" && t.content.particle.kind === "sequence" ? t.content.particle.items[1] : undefined;
    expect(second?.kind === "any" && second.wildcard.namespaces).toEqual(["urn:t", null, "urn:x"]);
    expect(t.anyAttribute).toEqual({ namespaces: "##any", targetNamespace: "urn:t", processContents: "strict" });
  });

  test("complexContent extension: base particle then extension particle; attributes merged", () => {
    const m = model(
      schema(`<xs:complexType name="Base"><xs:sequence><xs:element name="a"/></xs:sequence><xs:attribute name="id"/></xs:complexType>
        <xs:complexType name="Ext"><xs:complexContent><xs:extension base="Base">
          <xs:sequence><xs:element name="b"/></xs:sequence><xs:attribute name="extra" use="required"/>
        </xs:extension></xs:complexContent></xs:complexType>
        <xs:complexType name="AttrOnly"><xs:complexContent><xs:extension base="Base"><xs:attribute name="more"/></xs:extension></xs:complexContent></xs:complexType>`),
    );
    expect(content(m, "Ext")).toBe("sequence(sequence(a),sequence(b))");
    expect(namedComplex(m, "Ext").attributes.map((a) => `${a.name}:${a.use}`)).toEqual(["id:optional", "extra:required"]);
    expect(namedComplex(m, "Ext").base).toEqual({ key: "Base", derivation: "extension" });
    expect(content(m, "AttrOnly")).toBe("sequence(a)");
    expect(namedComplex(m, "AttrOnly").attributes.map((a) => a.name)).toEqual(["id", "more"]);
  });

  test("complexContent restriction: replaces content, refines attributes, prohibited kept to remove", () => {
    const m = model(
      schema(`<xs:complexType name="Base"><xs:sequence><xs:element name="a" minOccurs="0"/><xs:element name="b"/></xs:sequence>
          <xs:attribute name="x"/><xs:attribute name="y"/><xs:attribute name="z"/></xs:complexType>
        <xs:complexType name="R"><xs:complexContent><xs:restriction base="Base">
          <xs:sequence><xs:element name="b"/></xs:sequence>
          <xs:attribute name="x" use="required"/><xs:attribute name="y" use="prohibited"/>
        </xs:restriction></xs:complexContent></xs:complexType>`),
    );
    expect(content(m, "R")).toBe("sequence(b)");
    expect(namedComplex(m, "R").attributes.map((a) => `${a.name}:${a.use}`)).toEqual(["x:required", "y:prohibited", "z:optional"]);
  });

  test("simpleContent extension of a built-in and of a complex type; restriction adds facets", () => {
    const m = model(
      schema(`<xs:complexType name="Price"><xs:simpleContent><xs:extension base="xs:decimal"><xs:attribute name="cur" type="xs:string"/></xs:extension></xs:simpleContent></xs:complexType>
        <xs:complexType name="Price2"><xs:simpleContent><xs:extension base="Price"><xs:attribute name="tax" type="xs:boolean"/></xs:extension></xs:simpleContent></xs:complexType>
        <xs:complexType name="Small"><xs:simpleContent><xs:restriction base="Price"><xs:maxInclusive value="10"/></xs:restriction></xs:simpleContent></xs:complexType>`),
    );
    expect(content(m, "Price")).toBe("simple decimal");
    expect(namedComplex(m, "Price2").attributes.map((a) => a.name)).toEqual(["cur", "tax"]);
    const small = namedComplex(m, "Small");
    expect(small.content.kind).toBe("simple");
    const st = m.simpleTypes[(small.content as { type: number }).type];
    expect(st).toMatchObject({ variety: "atomic", builtin: "decimal", facets: { maxInclusive: "10" } });
    expect(m.simpleTypes[st.base!].name).toBe("decimal");
    expect(small.attributes.map((a) => a.name)).toEqual(["cur"]);
  });

  test("mixed on complexContent overrides the type's", () => {
    const m = model(
      schema(`<xs:complexType name="B"><xs:sequence><xs:element name="a"/></xs:sequence></xs:complexType>
        <xs:complexType name="R"><xs:complexContent mixed="true"><xs:restriction base="xs:anyType"><xs:sequence><xs:element name="a"/></xs:sequence></xs:restriction></xs:complexContent></xs:complexType>`),
    );
    expect(content(m, "R")).toBe("mixed sequence(a)");
  });

  test("abstract complex types and documentation", () => {
    const m = model(schema(`<xs:complexType name="A" abstract="true"><xs:annotation><xs:documentation>abstract base</xs:documentation></xs:annotation></xs:complexType>`));
    expect(namedComplex(m, "A")).toMatchObject({ abstract: true, doc: "abstract base" });
  });
});
