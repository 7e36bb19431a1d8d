/** What a newcomer runs into on the command line: each case is a behaviour that once was wrong. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Findings } from "../../src/diagnostics/diagnostic.js";
import { runCli } from "./run-cli.js";

const scratch = () => mkdtempSync(join(tmpdir(), "qxml-newcomer-"));
const json = (stdout: string) => JSON.parse(stdout) as Findings;

describe("a file no schema is found for", () => {
  it("a file that is not XML gets the reader's error, not 'no schema for <?>' or a tag guessed from its text", () => {
    const dir = scratch();
    writeFileSync(join(dir, "notes.md"), "# Notes\n\nSee <LABEL> in the export.\n");
    writeFileSync(join(dir, "empty.xml"), "");
    for (const cmd of ["validate", "lint"]) {
      const r = runCli([cmd, "--format", "json", "notes.md", "empty.xml"], dir);
      expect(r.code).toBe(1);
      const f = json(r.stdout);
      expect(f.files[0].diagnostics.map((d) => d.code)).toEqual(["xml/text-outside-root"]);
      expect(f.files[1].diagnostics.map((d) => d.code)).toEqual(["xml/empty-document"]);
    }
    expect(runCli(["validate", "notes.md"], dir).stdout).not.toContain("<?>");
  });
  it("points qxml/no-schema at the root element, says xsi:noNamespaceSchemaLocation is not followed, and still checks well-formedness", () => {
    const dir = scratch();
    writeFileSync(
      join(dir, "x.xml"),
      '<?xml version="1.0"?>\n<!-- a response -->\n<ServiceResponse xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://example.invalid/h.xsd">\n  <a></b>\n</ServiceResponse>\n',
    );
    const r = runCli(["validate", "--format", "json", "x.xml"], dir);
    expect(r.code).toBe(1);
    const [noSchema, notWellFormed] = json(r.stdout).files[0].diagnostics;
    expect(noSchema).toMatchObject({ code: "qxml/no-schema", line: 3, column: 1, path: "/ServiceResponse" });
    expect(noSchema.message).toContain('xsi:noNamespaceSchemaLocation "https://example.invalid/h.xsd" is not followed');
    expect(notWellFormed).toMatchObject({ code: "xml/mismatched-end-tag", line: 4 });
  });
});

describe("validate reports diagnostics in document order", () => {
  it("an attribute error at column 7 comes after the missing attribute at column 1 of the same tag", () => {
    const dir = scratch();
    writeFileSync(join(dir, "n.dtd"), '<!ELEMENT NOTE (#PCDATA)>\n<!ATTLIST NOTE id CDATA #REQUIRED kind (a|b) "a">\n');
    writeFileSync(join(dir, "n.xml"), '<NOTE kind="c">x</NOTE>\n');
    const f = json(runCli(["validate", "--format", "json", "--schema", "n.dtd", "n.xml"], dir).stdout);
    expect(f.files[0].diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ["valid/missing-attribute", 1, 1],
      ["valid/attribute-value", 1, 7],
    ]);
  });
});
