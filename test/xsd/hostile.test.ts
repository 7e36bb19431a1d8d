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

  test("a modest real chain (50 levels) is fine", () => {
    let body = `<xs:complexType name="T0"><xs:sequence><xs:element name="e0"/></xs:sequence></xs:complexType>`;
    for (let i = 50; i >= 1; i--) body += `<xs:complexType name="T${i}"><xs:complexContent><xs:extension base="T${i - 1}"><xs:sequence><xs:element name="e${i}"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>`;
    expect(read(schema(body)).diagnostics).toEqual([]);
  });
});
