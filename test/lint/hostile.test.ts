/** Hostile input is normal input: every bad file gets located diagnostics, never a crash or hang. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emptyConfig } from "../../src/config/config.js";
import { rules } from "../../src/lint/index.js";
import { lintDocument } from "../../src/lint/lint-document.js";
import { Catalog } from "../../src/schema/catalog.js";

const dir = mkdtempSync(join(tmpdir(), "qxml-hostile-"));
const file = (name: string, content: string | Buffer) => {
  writeFileSync(join(dir, name), content);
  return name;
};
// Absolute paths: the pipeline's schema choice (peekFile) reads the path as given, relative to process.cwd().
const lint = async (name: string) => (await lintDocument(join(dir, name), { catalog: Catalog.bundled(), config: emptyConfig(), cwd: dir, rules })).result;
const codes = (r: { diagnostics: { code: string }[] }) => r.diagnostics.map((d) => d.code);

describe("hostile input", () => {
  it("an empty file gets the reader's error alone (with no root element, 'no schema' adds nothing)", async () => {
    expect(codes(await lint(file("empty.xml", "")))).toEqual(["xml/empty-document"]);
  });

  it("a truncated policy gets the unclosed element with its location", async () => {
    const r = await lint(file("truncated.xml", '<POLICY><TECHNOLOGIES total="1"><TECHNOLOGY>'));
    expect(codes(r)).toEqual(["qxml/no-schema", "xml/unclosed-element"]);
    expect(r.diagnostics[1]).toMatchObject({ line: 1, column: 45 });
  });

  it("nesting beyond the reader's limit", async () => {
    const r = await lint(file("deep.xml", "<CONTROLS>" + "<X>".repeat(12000) + "</X>".repeat(12000) + "</CONTROLS>"));
    expect(codes(r)).toContain("xml/too-deep");
  });

  it("an entity expansion bomb is stopped by the reader's limit", async () => {
    const levels = ["a", "b", "c", "d", "e", "f", "g", "h"];
    const decls = levels.map((n, i) => `<!ENTITY ${n} "${i === 0 ? "aaaaaaaaaa" : `&${levels[i - 1]};`.repeat(10)}">`).join("");
    const r = await lint(file("bomb.xml", `<!DOCTYPE TECHNOLOGY [${decls}]>\n<TECHNOLOGY><REMEDIATION>&h;</REMEDIATION></TECHNOLOGY>`));
    expect(codes(r)).toContain("xml/entity-expansion-limit");
    expect(r.valid).toBe(false);
  });

  it("binary garbage", async () => {
    const r = await lint(file("binary.xml", Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x00, 0x00, 0x01])));
    expect(r.valid).toBe(false);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    for (const d of r.diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
  });

  it("a folder where a file was expected", async () => {
    mkdirSync(join(dir, "folder.xml"));
    expect(codes(await lint("folder.xml"))).toEqual(["qxml/unreadable-file"]);
  });

  it("a file that does not exist", async () => {
    expect(codes(await lint("missing.xml"))).toEqual(["qxml/unreadable-file"]);
  });

  it("an option profile that is not well-formed still gets the rules up to the error", async () => {
    const r = await lint(
      file("op.xml", "<OPTION_PROFILES><OPTION_PROFILE><SCAN><DATABASE_PREFERENCE_KEY><SYBASE><DB_UDC_RESTRICTION>1</DB_UDC_RESTRICTION><DB_UDC_LIMIT>999</DB_UDC_LIMIT></SYBASE></DATABASE_PREFERENCE_KEY>\n<oops"),
    );
    expect(codes(r)).toContain("qualys/db-udc-limit");
    expect(codes(r).some((c) => c.startsWith("xml/"))).toBe(true);
  });
});
