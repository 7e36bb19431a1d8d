/**
 * libxml2 as the oracle for simple-type verdicts: one small XSD declaring simple type T and a
 * root whose children <v> are of type T; one value per line, so each reported error's line says
 * which value libxml2 rejected. One schema compile and one validation per batch of values.
 */
import { XmlDocument, XmlLibError, XsdValidator } from "libxml2-wasm";
import type { Facets } from "../../src/schema/model.js";

export function escapeXml(s: string): string {
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === "&") out += "&amp;";
    else if (ch === "<") out += "&lt;";
    else if (ch === ">") out += "&gt;";
    else if (ch === '"') out += "&quot;";
    else if (cp < 0x20 || cp > 0x7e) out += `&#x${cp.toString(16)};`;
    else out += ch;
  }
  return out;
}

/** The <xs:restriction> of a built-in with the given facets. */
export function restrictionXsd(base: string, facets: Facets): string {
  const f: string[] = [];
  const add = (name: string, value: string | number | undefined): void => {
    if (value !== undefined) f.push(`<xs:${name} value="${escapeXml(String(value))}"/>`);
  };
  for (const e of facets.enumeration ?? []) add("enumeration", e.value);
  add("length", facets.length);
  add("minLength", facets.minLength);
  add("maxLength", facets.maxLength);
  add("minInclusive", facets.minInclusive);
  add("maxInclusive", facets.maxInclusive);
  add("minExclusive", facets.minExclusive);
  add("maxExclusive", facets.maxExclusive);
  add("totalDigits", facets.totalDigits);
  add("fractionDigits", facets.fractionDigits);
  add("whiteSpace", facets.whiteSpace);
  // Only one derivation step is expressible in a single restriction: tests use one step.
  for (const p of facets.patterns?.[0] ?? []) add("pattern", p);
  return `<xs:restriction base="xs:${base}">${f.join("")}</xs:restriction>`;
}

export function schemaFor(simpleTypeBody: string): string {
  return `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
<xs:simpleType name="T">${simpleTypeBody}</xs:simpleType>
<xs:element name="r"><xs:complexType><xs:sequence>
<xs:element name="v" type="T" minOccurs="0" maxOccurs="unbounded"/>
</xs:sequence></xs:complexType></xs:element>
</xs:schema>`;
}

/** true where libxml2 accepts the value. Throws if the schema itself does not compile. */
export function libxml2Verdicts(simpleTypeBody: string, values: string[]): boolean[] {
  const xsd = XmlDocument.fromString(schemaFor(simpleTypeBody));
  try {
    const validator = XsdValidator.fromDoc(xsd);
    try {
      // Line 1 is <r>; value i is on line i + 2.
      const body = values.map((v) => `<v>${escapeXml(v)}</v>`).join("\n");
      const doc = XmlDocument.fromString(`<r>\n${body}\n</r>`);
      const verdicts = values.map(() => true);
      try {
        validator.validate(doc);
      } catch (e) {
        if (!(e instanceof XmlLibError)) throw e;
        for (const d of e.details) {
          const i = d.line - 2;
          if (i >= 0 && i < values.length) verdicts[i] = false;
          else throw new Error(`libxml2 error outside the values: ${d.message}`);
        }
      } finally {
        doc.dispose();
      }
      return verdicts;
    } finally {
      validator.dispose();
    }
  } finally {
    xsd.dispose();
  }
}

/** Whether libxml2 compiles a schema whose type has the given pattern. */
export function libxml2AcceptsPattern(pattern: string): boolean {
  try {
    libxml2Verdicts(`<xs:restriction base="xs:string"><xs:pattern value="${escapeXml(pattern)}"/></xs:restriction>`, []);
    return true;
  } catch {
    return false;
  }
}
