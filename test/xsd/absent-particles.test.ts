/**
 * Empty content is judged on the representation (XSD 1.0 Part 1 §3.4.2, complex content clause
 * 2.1): only no particle, an <all>/<sequence> with no children, a <choice minOccurs="0"> with
 * none, or maxOccurs="0" on the particle itself make it empty. A <sequence> whose children all
 * have maxOccurs="0" is element-only content that allows no child: white space is allowed, text
 * is not, and it cannot extend a type of simple content (cos-ct-extends.1.4). Found by the
 * schema-mutation differential (qxml took such a type as EMPTY); libxml2 2.15 agrees with these.
 */
import { describe, expect, it } from "vitest";
import { compileSchema, validateString } from "../../src/validate/index.js";
import { codes, complexOf, globalElement, model, namedComplex, read, schema } from "./helpers.js";

const ABSENT = '<xs:element name="x" minOccurs="0" maxOccurs="0"/>';
const typeOf = (body: string) => complexOf(model(schema(body)), globalElement(model(schema(body)), "a")).content.kind;
const local = (content: string) => `<xs:element name="a"><xs:complexType>${content}</xs:complexType></xs:element>`;

describe("which explicit content is empty", () => {
  it("a sequence, choice or group of maxOccurs-0 particles only is element-only", () => {
    expect(typeOf(local(`<xs:sequence>${ABSENT}</xs:sequence>`))).toBe("elements");
    expect(typeOf(local(`<xs:choice>${ABSENT}${ABSENT.replace('"x"', '"y"')}</xs:choice>`))).toBe("elements");
    expect(typeOf(local("<xs:sequence><xs:sequence/></xs:sequence>"))).toBe("elements");
    expect(typeOf(`<xs:group name="g"><xs:sequence>${ABSENT}</xs:sequence></xs:group>${local('<xs:group ref="g"/>')}`)).toBe("elements");
  });

  it("no particle, an empty sequence or all, an empty optional choice, maxOccurs 0 on the particle itself are empty", () => {
    for (const content of ["", "<xs:sequence/>", "<xs:all/>", '<xs:choice minOccurs="0"/>', '<xs:sequence minOccurs="0" maxOccurs="0"><xs:element name="x"/></xs:sequence>']) {
      expect(typeOf(local(content)), content).toBe("empty");
    }
    // A group reference counts as its model group's compositor (libxml2 reads it so).
    expect(typeOf(`<xs:group name="g"><xs:sequence/></xs:group>${local('<xs:group ref="g"/>')}`)).toBe("empty");
  });
});

describe("validation of element-only content that allows no child", () => {
  const compiled = compileSchema(model(schema(local(`<xs:sequence>${ABSENT}</xs:sequence>`)))).schema;
  const run = (xml: string) => validateString(xml, { file: "d.xml", schema: compiled }).diagnostics.map((d) => d.code);

  it("allows white space, refuses text and the absent child", () => {
    expect(run("<a/>")).toEqual([]);
    expect(run("<a>\n  </a>")).toEqual([]);
    expect(run("<a>t</a>")).toEqual(["valid/text-not-allowed"]);
    expect(run("<a><x/></a>")).toHaveLength(1);
  });
});

describe("derivations with it", () => {
  const simpleBase = '<xs:complexType name="B"><xs:simpleContent><xs:extension base="xs:int"/></xs:simpleContent></xs:complexType>';
  const extend = (content: string) => `${simpleBase}<xs:complexType name="C"><xs:complexContent><xs:extension base="B">${content}</xs:extension></xs:complexContent></xs:complexType>`;

  it("cannot extend a type of simple content (cos-ct-extends.1.4), and says why", () => {
    const r = read(schema(extend(`<xs:sequence>${ABSENT}</xs:sequence>`)));
    expect(codes(r)).toEqual(["xsd/invalid-derivation"]);
    expect(r.diagnostics[0].message).toBe('complexContent cannot extend "B", which has simple content, with a content model (element-only content, even with every particle at maxOccurs="0")');
    expect(r.diagnostics[0].hint).toContain("remove the content model");
    // An empty sequence is empty content: the extension adds nothing and keeps the simple content.
    expect(namedComplex(model(schema(extend("<xs:sequence/>"))), "C").content.kind).toBe("simple");
  });

  it("extending an empty type with it gives element-only content", () => {
    const m = model(schema(`<xs:complexType name="E"/><xs:complexType name="C"><xs:complexContent><xs:extension base="E"><xs:sequence>${ABSENT}</xs:sequence></xs:extension></xs:complexContent></xs:complexType>`));
    expect(namedComplex(m, "C").content.kind).toBe("elements");
  });

  it("a restriction with it of a base that requires children is an error, named for what it is", () => {
    const r = read(schema(`<xs:complexType name="B"><xs:sequence><xs:element name="x"/></xs:sequence></xs:complexType><xs:complexType name="C"><xs:complexContent><xs:restriction base="B"><xs:sequence>${ABSENT}</xs:sequence></xs:restriction></xs:complexContent></xs:complexType>`));
    expect(r.diagnostics.map((d) => d.message)).toEqual(['the restriction allows no child element (its particles all have maxOccurs="0") but its base "B" requires child elements']);
  });
});

describe("the generators", () => {
  it("render such a type as an object with its attributes and no child property", async () => {
    const { renderSchema } = await import("../../generators/render.js");
    const m = model(schema(local(`<xs:sequence>${ABSENT}</xs:sequence><xs:attribute name="k"/>`)));
    const files = renderSchema(m, { name: "t", sourceLabel: "t", roots: ["a"], runtime: "qxml/runtime" });
    const types = files.find((f) => f.path.endsWith("types.ts"))!.source;
    expect(types).toMatch(/export interface A \{\n\s+"@_k"\?: string;\n\}/);
  });
});
