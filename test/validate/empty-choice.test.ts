/**
 * A <choice> with no particles matches nothing, not even the empty sequence (XSD 1.0 §3.8.4:
 * a sequence is valid against a choice when it is valid against one of its particles, and there
 * are none). With minOccurs 0 it is optional; otherwise the content around it can never be
 * complete. Particles with maxOccurs 0 correspond to no component (§3.3.2), so a choice of only
 * such particles is empty too. DTDs cannot write an empty choice. Each case runs through libxml2.
 */
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { libxml2Verdicts, runXsd } from "./xsd-cases.js";

/** <r> of the given content model; <a> and <b> are empty elements. */
const schema = (model: string): string => `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
<xs:element name="r"><xs:complexType>${model}</xs:complexType></xs:element>
<xs:element name="a"/><xs:element name="b"/>
<xs:group name="none"><xs:choice/></xs:group>
</xs:schema>`;

interface Case {
  name: string;
  model: string;
  xml: string;
  codes: string[];
}

const A = `<xs:element ref="a"/>`;

const CASES: Case[] = [
  { name: "an empty choice: no content completes it", model: `<xs:choice/>`, xml: `<r/>`, codes: ["valid/missing-element"] },
  { name: "an empty choice, minOccurs 0: empty content", model: `<xs:choice minOccurs="0"/>`, xml: `<r/>`, codes: [] },
  { name: "an empty choice, minOccurs 2", model: `<xs:choice minOccurs="2" maxOccurs="3"/>`, xml: `<r/>`, codes: ["valid/missing-element"] },
  { name: "sequence(a, empty choice) after a", model: `<xs:sequence>${A}<xs:choice/></xs:sequence>`, xml: `<r><a/></r>`, codes: ["valid/missing-element"] },
  { name: "sequence(a, empty choice) with nothing", model: `<xs:sequence>${A}<xs:choice/></xs:sequence>`, xml: `<r/>`, codes: ["valid/missing-element"] },
  { name: "sequence(a, empty choice minOccurs 0) after a", model: `<xs:sequence>${A}<xs:choice minOccurs="0"/></xs:sequence>`, xml: `<r><a/></r>`, codes: [] },
  { name: "choice(a, empty choice) with a", model: `<xs:choice>${A}<xs:choice/></xs:choice>`, xml: `<r><a/></r>`, codes: [] },
  { name: "choice(a, empty choice) with nothing", model: `<xs:choice>${A}<xs:choice/></xs:choice>`, xml: `<r/>`, codes: ["valid/missing-element"] },
  { name: "choice(a, empty choice minOccurs 0) with nothing", model: `<xs:choice>${A}<xs:choice minOccurs="0"/></xs:choice>`, xml: `<r/>`, codes: [] },
  { name: "a choice of only maxOccurs-0 particles", model: `<xs:choice><xs:element ref="a" minOccurs="0" maxOccurs="0"/></xs:choice>`, xml: `<r/>`, codes: ["valid/missing-element"] },
  { name: "a sequence of a group holding an empty choice", model: `<xs:sequence><xs:group ref="none"/></xs:sequence>`, xml: `<r/>`, codes: ["valid/missing-element"] },
  { name: "an empty sequence is the empty sequence (control)", model: `<xs:sequence/>`, xml: `<r/>`, codes: [] },
];

const run = (xsd: string, xml: string): Diagnostic[] => runXsd(xsd, xml, "empty-choice.xsd");

describe("an empty <choice> matches nothing (XSD 1.0 §3.8.4)", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(run(schema(c.model), c.xml).map((d) => d.code)).toEqual(c.codes);
  });

  it("libxml2 gives the same verdicts", async () => {
    expect(await libxml2Verdicts(CASES.map((c) => ({ ...c, xsd: schema(c.model) })))).toEqual(CASES.map((c) => `${c.name}: ${c.codes.length === 0}`));
  });

  it("the diagnostic says the content cannot be completed and where", () => {
    const [d] = run(schema(`<xs:sequence>${A}<xs:choice/></xs:sequence>`), `<r>\n  <a/>\n</r>`);
    expect({ code: d.code, line: d.line, path: d.path }).toEqual({ code: "valid/missing-element", line: 3, path: "/r" });
    expect(d.message).toBe("r: expected a match for an <xs:choice> with no alternatives, which nothing matches, before </r>");
    expect(d.hint).toBe('No content of <r> is valid here: its content model requires an empty <xs:choice>. Fix the schema: give that xs:choice minOccurs="0" or alternatives.');
  });
});
