/**
 * A DTD given to the CLI as a schema file shows every syntax error in one run (src/dtd/recover.ts),
 * and so does the external DTD a DOCTYPE names (read again as a schema file after the reader's
 * first error); a document's internal subset still stops at its first error (XML 1.0 §1.2).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const BROKEN = `<!ELEMENT a (b|c>
<!ELEMENT b EMPTY>
<!ATTLIST b x CDATA #BAD>
<!ENTITY note "see <!ELEMENT d EMPTY> & more">
<!ELEMENT c EMPTY>
`;

const ERRORS = [
  ":1:17: error dtd/syntax: expected '|' or ')' in <!ELEMENT a ...>; found '>'",
  ":3:21: error dtd/syntax: expected #REQUIRED, #IMPLIED, #FIXED or a quoted default value in the definition of attribute x of b; found '#BAD'",
  ":4:39: error dtd/syntax: expected an entity reference &name; (write &#38;#38; for a literal '&') in <!ENTITY note ...>; found '& more'",
];

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), "qxml-dtd-recovery-"));
  writeFileSync(join(dir, "broken.dtd"), BROKEN);
  return dir;
}

/** The "file:line:col: error code: message" lines of the output, with the file cut off. */
function errorLines(text: string): string[] {
  return text
    .split("\n")
    .filter((l) => / error dtd\//.test(l))
    .map((l) => l.slice(l.indexOf(":")));
}

describe("qxml and a broken DTD schema file", () => {
  it("schema show: all three errors, in order, each once, exit 2", () => {
    const dir = scratch();
    const r = runCli(["schema", "show", "broken.dtd"], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(errorLines(r.stderr)).toEqual(ERRORS);
    expect(r.stderr).toMatch(/^broken\.dtd:1:17: error/m);
  });

  it("validate --schema: all three errors and no validation against a partial schema, exit 2", () => {
    const dir = scratch();
    writeFileSync(join(dir, "doc.xml"), "<a><b/></a>\n");
    const r = runCli(["validate", "--schema", "broken.dtd", "doc.xml"], dir);
    expect(r.code).toBe(2);
    expect(errorLines(r.stderr)).toEqual(ERRORS);
    expect(r.stderr).toContain("could not be read");
  });

  it("a document's own DTD stops at its first error (the XML reader is unchanged)", () => {
    const dir = scratch();
    writeFileSync(join(dir, "doc.xml"), `<!DOCTYPE a [\n${BROKEN}]>\n<a/>\n`);
    const r = runCli(["validate", "doc.xml"], dir);
    expect(r.code).toBe(1);
    const all = r.stdout + r.stderr;
    expect(all.match(/error dtd\//g)).toHaveLength(1);
    expect(all).toContain("doc.xml:2:17: error dtd/syntax: expected '|' or ')' in <!ELEMENT a ...>; found '>'");
  });

  it("validate of a document whose DOCTYPE names the broken DTD: all three errors, located in the DTD, exit 2", () => {
    const dir = scratch();
    writeFileSync(join(dir, "doc.xml"), `<!DOCTYPE a SYSTEM "broken.dtd">\n<a><b/></a>\n`);
    const r = runCli(["validate", "doc.xml"], dir);
    expect(r.code).toBe(2);
    expect(errorLines(r.stdout)).toEqual(ERRORS);
    expect(r.stdout).toMatch(/^broken\.dtd:1:17: error/m);
    expect(r.stdout.match(/in the DTD that doc\.xml names/g)).toHaveLength(3);
    expect(r.stdout).toContain("1 file: 0 valid, 1 invalid; 3 errors");
  });
});
