/** Hostile schemas: long definition chains must end in one diagnostic, quickly, never a crash. */
import { describe, expect, test } from "vitest";
import { read, schema } from "./helpers.js";

const N = 20000;

describe("hostile schemas stay bounded", () => {
  test("a simpleType restriction chain 20,000 deep", () => {
    let body = "";
    for (let i = 1; i < N; i++) body += `<xs:simpleType name="S${i}"><xs:restriction base="S${i + 1}"/></xs:simpleType>\n`;
    body += `<xs:simpleType name="S${N}"><xs:restriction base="xs:string"/></xs:simpleType>`;
    const r = read(schema(body));
    expect(r.diagnostics.map((d) => d.code)).toEqual(["xsd/too-deep-definitions"]);
  });

  test("a complexType extension chain declared last-first", () => {
    let body = "";
    for (let i = N - 1; i >= 1; i--) body += `<xs:complexType name="T${i}"><xs:complexContent><xs:extension base="T${i - 1}"/></xs:complexContent></xs:complexType>\n`;
    body += `<xs:complexType name="T0"/>`;
    const r = read(schema(body));
    expect(r.diagnostics.map((d) => d.code)).toEqual(["xsd/too-deep-definitions"]);
  });

  test("groups referring to groups 20,000 deep", () => {
    let body = `<xs:group name="G0"><xs:sequence><xs:element name="e"/></xs:sequence></xs:group>\n`;
    for (let i = 1; i < N; i++) body += `<xs:group name="G${i}"><xs:sequence><xs:group ref="G${i - 1}"/></xs:sequence></xs:group>\n`;
    const r = read(schema(body.split("\n").reverse().join("\n")));
    expect(r.diagnostics.map((d) => d.code)).toEqual(["xsd/too-deep-definitions"]);
  });

  // Declared in order, each definition is built once and its result shared, so the nesting guard
  // above never sees depth: the content model itself grows, and is measured instead.
  test("groups referring to groups 20,000 deep, declared in order: one error, no stack overflow", () => {
    let body = `<xs:group name="G0"><xs:sequence><xs:element name="e" minOccurs="0"/></xs:sequence></xs:group>\n`;
    for (let i = 1; i < N; i++) body += `<xs:group name="G${i}"><xs:sequence><xs:group ref="G${i - 1}"/></xs:sequence></xs:group>\n`;
    body += `<xs:element name="r"><xs:complexType><xs:group ref="G${N - 1}"/></xs:complexType></xs:element>`;
    const r = read(schema(body));
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([["xsd/content-model-too-large", 'the content model of group "G255" has particles nested 257 levels deep; the limit is 256']]);
  });

  test("40 groups each using the previous one twice (2^40 leaves in a few kilobytes): refused at once", () => {
    let body = `<xs:group name="G0"><xs:sequence><xs:element name="a" minOccurs="0"/></xs:sequence></xs:group>\n`;
    for (let i = 1; i < 40; i++) body += `<xs:group name="G${i}"><xs:sequence><xs:group ref="G${i - 1}"/><xs:group ref="G${i - 1}"/></xs:sequence></xs:group>\n`;
    body += `<xs:element name="r"><xs:complexType><xs:group ref="G39"/></xs:complexType></xs:element>`;
    const r = read(schema(body));
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([["xsd/content-model-too-large", 'the content model of group "G17" has more than 100000 element particles; the limit is 100000']]);
  });

  test("a complexType extension chain declared in order, each adding an element", () => {
    let body = `<xs:complexType name="T0"><xs:sequence><xs:element name="e0" minOccurs="0"/></xs:sequence></xs:complexType>\n`;
    for (let i = 1; i < 2000; i++) body += `<xs:complexType name="T${i}"><xs:complexContent><xs:extension base="T${i - 1}"><xs:sequence><xs:element name="e${i}" minOccurs="0"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>\n`;
    const r = read(schema(body));
    expect(r.diagnostics.map((d) => d.code)).toEqual(["xsd/content-model-too-large"]);
    expect(r.diagnostics[0].message).toContain('complexType "T');
  });

  test("a substitution-group chain of 2,000 elements (n²/2 member/head pairs): refused; a flat group of 2,000 members is fine", () => {
    let chain = `<xs:element name="h"/>\n`;
    for (let i = 0; i < 2000; i++) chain += `<xs:element name="s${i}" substitutionGroup="${i === 0 ? "h" : `s${i - 1}`}"/>\n`;
    const r = read(schema(chain));
    expect(r.diagnostics.map((d) => d.code)).toEqual(["xsd/substitution-groups-too-large"]);
    expect(r.diagnostics[0].message).toMatch(/^substitution groups chain more than 1000000 member\/head pairs \(at element "s\d+"\)$/);
    let flat = `<xs:element name="h"/>\n`;
    for (let i = 0; i < 2000; i++) flat += `<xs:element name="s${i}" substitutionGroup="h"/>\n`;
    const ok = read(schema(flat));
    expect(ok.diagnostics).toEqual([]);
    expect(ok.model!.substitutions![ok.model!.globalElements["h"]].length).toBe(2000);
  });

  test("40 unions each naming the previous one twice (2^40 members): one error, at once (was a checker past V8's longest string)", () => {
    let body = `<xs:simpleType name="U0"><xs:restriction base="xs:int"/></xs:simpleType>\n`;
    for (let i = 1; i < 40; i++) body += `<xs:simpleType name="U${i}"><xs:union memberTypes="U${i - 1} U${i - 1}"/></xs:simpleType>\n`;
    const r = read(schema(body + `<xs:element name="r" type="U39"/>`));
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([["xsd/union-too-large", "union type U10 has more than 1000 member types once its nested unions are expanded"]]);
  });

  test("a union nesting a union of 20 members is fine", () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `<xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="v${i}"/></xs:restriction></xs:simpleType>`).join("");
    const r = read(schema(`<xs:simpleType name="A"><xs:union>${twenty}</xs:union></xs:simpleType><xs:simpleType name="B"><xs:union memberTypes="A A xs:int"/></xs:simpleType><xs:element name="r" type="B"/>`));
    expect(r.diagnostics).toEqual([]);
  });

  test("a modest real chain (50 levels) is fine", () => {
    let body = `<xs:complexType name="T0"><xs:sequence><xs:element name="e0"/></xs:sequence></xs:complexType>`;
    for (let i = 50; i >= 1; i--) body += `<xs:complexType name="T${i}"><xs:complexContent><xs:extension base="T${i - 1}"><xs:sequence><xs:element name="e${i}"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>`;
    expect(read(schema(body)).diagnostics).toEqual([]);
  });
});
