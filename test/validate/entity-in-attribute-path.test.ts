/**
 * An undeclared entity in an attribute value (external DTD read, standalone="no": a validity error,
 * not a fatal one) carries the path of the element whose start tag holds it. The reader reports it
 * while it reads the start tag, before that element opens; the engine used to take the path then
 * (the parent's: "" on the root). Found by the diagnostic sweep (test-support/diagnostic-sweep.ts).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateString } from "../../src/validate/index.js";
import { localResolver } from "../../src/xml/resolve.js";

const dir = mkdtempSync(join(tmpdir(), "qxml-entattr-"));
writeFileSync(join(dir, "d.dtd"), "<!ELEMENT r (c*)><!ELEMENT c EMPTY><!ATTLIST c a CDATA #IMPLIED><!ATTLIST r a CDATA #IMPLIED>");
const run = (body: string) =>
  validateString(`<?xml version="1.0" standalone="no"?>\n<!DOCTYPE r SYSTEM "d.dtd">\n${body}`, { file: join(dir, "doc.xml"), resolveEntity: localResolver({ allow: [dir] }) })
    .diagnostics.filter((d) => d.code === "valid/undeclared-entity")
    .map((d) => `${d.line}:${d.column} ${d.path}`);

describe("an undeclared entity in an attribute value", () => {
  it("on the root: the root's path", () => {
    expect(run('<r a="&nope;"/>')).toEqual(["3:7 /r"]);
  });
  it("on a child: the child's own path, with its position", () => {
    expect(run('<r>\n  <c/>\n  <c a="x &nope; y"/>\n</r>')).toEqual(["5:11 /r/c[2]"]);
  });
  it("in content: the element around it, as before", () => {
    expect(run("<r>&nope;</r>")).toEqual(["3:4 /r"]);
  });
  it("in a start tag that then breaks: still reported, before the fatal error", () => {
    const r = validateString(`<?xml version="1.0" standalone="no"?>\n<!DOCTYPE r SYSTEM "d.dtd">\n<r a="&nope;" a="2"/>`, { file: join(dir, "doc.xml"), resolveEntity: localResolver({ allow: [dir] }) });
    const codes = r.diagnostics.filter((d) => d.severity === "error").map((d) => d.code);
    expect(codes).toEqual(["valid/undeclared-entity", "xml/duplicate-attribute"]);
  });
});
