/**
 * Generated code is copied into someone else's project and compiled with that project's flags.
 * A team that turns on exactOptionalPropertyTypes, noUncheckedIndexedAccess,
 * noPropertyAccessFromIndexSignature and verbatimModuleSyntax must not get errors in files it
 * may not edit (before: 794 TS4111 and 16 TS2532 in the bundled schemas' validate.ts).
 */
import { mkdirSync, rmSync } from "node:fs";
import { join, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { bundledCatalog } from "../../src/schema/catalog.js";
import { readXsdText } from "../../src/schema/xsd/index.js";
import { renderSchema } from "../../generators/render.js";
import { writeRendered } from "../../generators/write.js";
import { consumerFlags } from "../../test-support/ts-strict.js";
import { diagnosticLines, renderTo, runtimeEntry, strictOptions } from "./helpers.js";

/** A user's own schemas: a choice, a list type, attributes with a default, a simple type named like an element; and one with a target namespace. */
const USER_SCHEMAS: Record<string, string> = {
  scan_profile: `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:simpleType name="Level"><xs:restriction base="xs:string"><xs:enumeration value="LOW"/><xs:enumeration value="HIGH"/></xs:restriction></xs:simpleType>
  <xs:element name="SCAN_PROFILES"><xs:complexType><xs:sequence>
    <xs:element name="SCAN_PROFILE" maxOccurs="unbounded"><xs:complexType><xs:sequence>
      <xs:element name="TITLE" type="xs:string"/>
      <xs:element name="LEVEL" type="Level"/>
      <xs:choice><xs:element name="ALL_PORTS"><xs:complexType/></xs:element><xs:element name="PORTS"><xs:simpleType><xs:list itemType="xs:unsignedShort"/></xs:simpleType></xs:element></xs:choice>
      <xs:element name="TAG" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
    <xs:attribute name="id" type="xs:positiveInteger" use="required"/><xs:attribute name="default" type="xs:boolean" default="false"/>
    </xs:complexType></xs:element>
  </xs:sequence></xs:complexType></xs:element>
</xs:schema>`,
  namespaced: `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:example:scan" xmlns:s="urn:example:scan" elementFormDefault="qualified" attributeFormDefault="qualified">
  <xs:element name="report"><xs:complexType><xs:sequence>
    <xs:element name="host" maxOccurs="unbounded"><xs:complexType><xs:simpleContent><xs:extension base="xs:string"><xs:attribute name="ip" type="xs:string"/></xs:extension></xs:simpleContent></xs:complexType></xs:element>
    <xs:any namespace="##other" processContents="lax" minOccurs="0"/>
  </xs:sequence></xs:complexType></xs:element>
</xs:schema>`,
};

function compileUnderConsumerFlags(out: string, names: string[]): string[] {
  const program = ts.createProgram(
    names.map((n) => join(out, n, "index.ts")),
    strictOptions(["node"], consumerFlags),
  );
  const inOut = (file: string) => file.startsWith(out + "/") || file.startsWith(out + sep);
  expect(program.getSourceFiles().filter((f) => inOut(f.fileName)).length).toBeGreaterThanOrEqual(names.length * 5);
  // Only the generated files: the runtime reaches a consumer as declarations (dist/*.d.ts),
  // which test/package/consumer.test.ts compiles under the same flags with skipLibCheck off.
  return diagnosticLines(program).filter((l) => inOut(l));
}

describe("generated modules compile under a consumer's strictest flags", () => {
  it("every bundled schema: types, validators, table, parse/serialize", () => {
    const names = bundledCatalog().map((e) => e.name);
    expect(compileUnderConsumerFlags(renderTo("consumer-flags", names), names)).toEqual([]);
  }, 120_000);

  it("a user's own XSDs, one of them namespaced", () => {
    const out = join(import.meta.dirname, ".out", "consumer-flags-user");
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    for (const [name, text] of Object.entries(USER_SCHEMAS)) {
      const { model, diagnostics } = readXsdText(text, `${name}.xsd`);
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      if (model === null) throw new Error(`${name}: no model`);
      writeRendered(out, renderSchema(model, { name, sourceLabel: `${name}.xsd`, runtime: runtimeEntry }));
    }
    expect(compileUnderConsumerFlags(out, Object.keys(USER_SCHEMAS))).toEqual([]);
  }, 120_000);
});
