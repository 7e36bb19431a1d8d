/** Schema errors are printed under the file they are in: an included XSD or a DTD's parameter-entity file, not the file named on the command line. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), "qxml-schema-files-"));
  const files: Record<string, string> = {
    "main.xsd": '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n  <xs:include schemaLocation="inc.xsd"/>\n  <xs:element name="root" type="T"/>\n</xs:schema>\n',
    "inc.xsd": '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n  <xs:complexType name="T">\n    <xs:sequence>\n      <xs:element name="a" type="Missing"/>\n    </xs:sequence>\n  </xs:complexType>\n</xs:schema>\n',
    "main.dtd": '<!ENTITY % part SYSTEM "part.ent">\n%part;\n<!ELEMENT root (a)>\n',
    "part.ent": '<!ELEMENT a EMPTY>\n<!ATTLIST a x (p|q|s) "r">\n',
    "x.xml": "<root><a/></root>\n",
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("schema errors name the file they are in", () => {
  const dir = workspace();
  it("validate --schema: an error in an included XSD is printed under inc.xsd, at its line", () => {
    const r = runCli(["validate", "--schema", "main.xsd", "x.xml"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('inc.xsd:4:7: error xsd/unresolved-type: type "Missing" is not defined');
    expect(r.stderr).not.toContain("main.xsd:4:7");
  });
  it("validate --schema: an error in a DTD's parameter-entity file is printed under that file, with the enumeration as a list", () => {
    const r = runCli(["validate", "--schema", "main.dtd", "x.xml"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("part.ent:2:13: error dtd/bad-default:");
    expect(r.stderr).toContain("The value must be one of p, q or s");
  });
  it("generate and schema show name the included file too", () => {
    expect(runCli(["generate", "main.xsd", "--out", join(dir, "out")], dir).stderr).toContain("inc.xsd:4:7: xsd/unresolved-type:");
    expect(runCli(["schema", "show", "main.xsd"], dir).stderr).toContain("inc.xsd:4:7: error xsd/unresolved-type:");
  });
});
