/**
 * Small XSD cases run through qxml and through libxml2: the pattern of the tests that check one
 * rule on a table of (schema, document) cases and compare every verdict with the reference.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { readXsdText } from "../../src/schema/xsd/index.js";
import { compileSchema, validateString } from "../../src/validate/index.js";
import { libxml2 } from "../../test-support/libxml2.js";

/** qxml's diagnostics for `xml` against `xsd`, which must read and compile without errors. */
export function runXsd(xsd: string, xml: string, name = "case.xsd"): Diagnostic[] {
  const r = readXsdText(xsd, name);
  expect(r.diagnostics.filter((d) => d.severity === "error"), JSON.stringify(r.diagnostics)).toEqual([]);
  const compiled = compileSchema(r.model!);
  expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return validateString(xml, { file: "doc.xml", schema: compiled.schema }).diagnostics;
}

/** libxml2's verdict on each case as "name: true|false" (valid or not); a schema it refuses fails the test. */
export async function libxml2Verdicts(cases: readonly { name: string; xsd: string; xml: string }[]): Promise<string[]> {
  const lib = await libxml2();
  const dir = mkdtempSync(join(tmpdir(), "qxml-xsd-cases-"));
  return cases.map((c, i) => {
    const file = join(dir, `s${i}.xsd`);
    writeFileSync(file, c.xsd);
    const prepared = lib.prepare({ kind: "xsd", file });
    try {
      expect(prepared.ok, `${c.name}: ${prepared.diagnostics.map((d) => d.message).join("; ")}`).toBe(true);
      return `${c.name}: ${prepared.validate(c.xml, { file: "doc.xml" }).valid}`;
    } finally {
      prepared.dispose();
    }
  });
}

/**
 * <r> with <v> values of `valueType` under an xs:unique U and <ref> values of `refType` under an
 * xs:keyref to U; `types` adds named simple types to the schema.
 */
export function uniqueKeyrefSchema(valueType: string, refType: string, types = ""): string {
  return `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
<xs:element name="r"><xs:complexType><xs:sequence>
  <xs:element name="v" type="${valueType}" minOccurs="0" maxOccurs="unbounded"/>
  <xs:element name="ref" type="${refType}" minOccurs="0" maxOccurs="unbounded"/>
</xs:sequence></xs:complexType>
<xs:unique name="U"><xs:selector xpath="v"/><xs:field xpath="."/></xs:unique>
<xs:keyref name="R" refer="U"><xs:selector xpath="ref"/><xs:field xpath="."/></xs:keyref>
</xs:element>
${types}
</xs:schema>`;
}
