/**
 * Hostile input is normal input: every bad file gets a located diagnostic and exit 1 — never a
 * crash, a hang, a stack overflow or a read outside the allowed folders.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Findings } from "../../src/diagnostics/diagnostic.js";
import { runCli } from "./run-cli.js";

function validate(name: string, content: string | Buffer, extra: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), "qxml-hostile-"));
  writeFileSync(join(dir, name), content);
  const started = Date.now();
  const r = runCli(["validate", "--format", "json", ...extra, name], dir);
  const ms = Date.now() - started;
  expect(r.stderr).not.toMatch(/internal error|RangeError|Maximum call stack/);
  const findings = JSON.parse(r.stdout) as Findings;
  return { code: r.code, ms, diagnostics: findings.files[0].diagnostics };
}

const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ELEMENT lolz (#PCDATA)>
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<lolz>&lol9;</lolz>
`;

describe("hostile documents through `qxml validate`", () => {
  it("billion laughs: a clear entity-expansion error, fast", () => {
    const r = validate("lolz.xml", laughs);
    expect(r.code).toBe(1);
    expect(r.diagnostics[0].code).toMatch(/^xml\/entity-/);
    expect(r.diagnostics[0]).toMatchObject({ line: 15, column: 7 });
    // Generous bound for a loaded CI machine; the expansion itself is cut off within milliseconds.
    expect(r.ms).toBeLessThan(10_000);
  });
  it("an external entity outside the document's folder (/etc/passwd) is refused and named", () => {
    const doc = `<!DOCTYPE r [<!ELEMENT r (#PCDATA)><!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>`;
    const r = validate("xxe.xml", doc);
    expect(r.code).toBe(1);
    const text = JSON.stringify(r.diagnostics);
    expect(text).toContain("/etc/passwd");
    expect(text).not.toContain("root:x:0:0");
  });
  it("an http external entity is refused without touching the network", () => {
    const doc = `<!DOCTYPE r [<!ELEMENT r (#PCDATA)><!ENTITY x SYSTEM "http://127.0.0.1:9/evil">]><r>&x;</r>`;
    const r = validate("net.xml", doc);
    expect(r.code).toBe(1);
    expect(JSON.stringify(r.diagnostics)).toContain("http://127.0.0.1:9/evil");
  });
  it("a million nested elements: an error at the depth limit, no stack overflow", () => {
    const n = 1_000_000;
    const doc = "<SIMPLE_RETURN>" + "<RESPONSE>".repeat(n) + "</RESPONSE>".repeat(n) + "</SIMPLE_RETURN>";
    const r = validate("deep.xml", doc, ["--schema", "simple_return"]);
    expect(r.code).toBe(1);
    const tooDeep = r.diagnostics.find((d) => d.code === "xml/too-deep");
    expect(tooDeep).toMatchObject({ line: 1 });
  });
  it.each([
    ["empty.xml", ""],
    ["binary.xml", Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x89, 0x50, 0x4e, 0x47])],
    ["truncated.xml", "<SIMPLE_RETURN><RESPONSE><DATETIME>2020"],
    ["two-roots.xml", "<SIMPLE_RETURN/><SIMPLE_RETURN/>"],
    ["nul.xml", "<SIMPLE_RETURN>\u0000</SIMPLE_RETURN>"],
    ["bad-utf8.xml", Buffer.concat([Buffer.from("<SIMPLE_RETURN>"), Buffer.from([0xc3, 0x28]), Buffer.from("</SIMPLE_RETURN>")])],
  ])("%s: not well-formed, located, exit 1", (name, content) => {
    const r = validate(name, content, ["--schema", "simple_return"]);
    expect(r.code).toBe(1);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    // The first xml/ diagnostic: a first root may already be invalid before the second one starts.
    const d = r.diagnostics.find((x) => x.code.startsWith("xml/"))!;
    expect(d).toBeDefined();
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.message.length).toBeGreaterThan(10);
  });
});
