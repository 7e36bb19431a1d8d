/**
 * Text an entity yields in element-only content is reported at the entity reference: the reader
 * gives all of it the reference's position, so advancing past the white space it starts with
 * (as for text in the document itself) counted the entity's lines onto the document's and could
 * point past the last line. Found by the diagnostic sweep (test-support/diagnostic-sweep.ts).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateString } from "../../src/validate/index.js";
import { localResolver } from "../../src/xml/resolve.js";

const where = (xml: string, file = "doc.xml", resolveEntity = localResolver({ allow: [] })) =>
  validateString(xml, { file, resolveEntity })
    .diagnostics.filter((d) => d.code === "valid/text-not-allowed")
    .map((d) => `${d.line}:${d.column}`);

const DTD = "<!ELEMENT root (a*)><!ELEMENT a EMPTY>";

describe("text from an entity in element-only content", () => {
  it("an internal entity starting with line breaks: at the reference", () => {
    expect(where(`<!DOCTYPE root [${DTD}<!ENTITY e "&#10;&#10;x">]>\n<root>&e;</root>`)).toEqual(["2:7"]);
  });
  it("an external entity starting with white space lines: at the reference", () => {
    const dir = mkdtempSync(join(tmpdir(), "qxml-enttext-"));
    writeFileSync(join(dir, "e.ent"), "\n  \nx");
    const file = join(dir, "d.xml");
    expect(where(`<!DOCTYPE root [${DTD}<!ENTITY e SYSTEM "e.ent">]>\n<root>&e;</root>`, file, localResolver({ allow: [dir] }))).toEqual(["2:7"]);
  });
  it("document text after white space lines is still reported where it starts", () => {
    expect(where(`<!DOCTYPE root [${DTD}]>\n<root>\n\n  x</root>`)).toEqual(["4:3"]);
  });
});
