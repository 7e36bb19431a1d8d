/**
 * The head peek that chooses a document's schema hands over the whole document when it read all
 * of it, and validation from those bytes finds what validation from the file finds.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emptyConfig } from "../../src/config/config.js";
import { peekFile } from "../../src/pipeline/peek.js";
import { validateDocument, type DocumentContext } from "../../src/pipeline/validate-document.js";
import { Catalog } from "../../src/schema/catalog.js";
import { HEAD_BYTES } from "../../src/xml/head.js";
import { DtdCache } from "../../src/xml/dtd-cache.js";

function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "qxml-peek-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const padded = (size: number) => `<a>${" ".repeat(size - 7)}</a>`;

describe("peekFile", () => {
  it("returns the whole document when it is shorter than the head, and no bytes otherwise", () => {
    const dir = scratch({ "small.xml": '<!DOCTYPE a SYSTEM "a.dtd"><a/>', "empty.xml": "", "exact.xml": padded(HEAD_BYTES), "under.xml": padded(HEAD_BYTES - 1), "big.xml": padded(HEAD_BYTES + 10) });
    const small = peekFile(join(dir, "small.xml"));
    expect(small.root).toBe("a");
    expect(small.doctype?.systemId).toBe("a.dtd");
    expect(Buffer.from(small.whole!)).toEqual(readFileSync(join(dir, "small.xml")));
    expect(peekFile(join(dir, "empty.xml")).whole).toHaveLength(0);
    expect(peekFile(join(dir, "under.xml")).whole).toHaveLength(HEAD_BYTES - 1);
    expect(peekFile(join(dir, "exact.xml")).whole).toBeUndefined();
    expect(peekFile(join(dir, "big.xml")).whole).toBeUndefined();
  });

  it("finds the same head when the prolog or the root's name reaches past the first 4 KiB it decodes", () => {
    const long = (n: number, root: string) => `<?xml version="1.0"?>\n<!--${"c".repeat(n)}-->\n<!DOCTYPE ${root} SYSTEM "x.dtd">\n<${root} a="1">${"t".repeat(8000)}</${root}>`;
    const files: Record<string, string> = {};
    // The comment pushes the DOCTYPE, then the root's name, across byte 4096; é is two bytes in UTF-8.
    for (const n of [10, 3990, 4030, 4040, 4044, 4045, 4046, 4047, 4050, 5000]) {
      files[`ascii-${n}.xml`] = long(n, "POLICY_EXPORT_OUTPUT");
      files[`utf8-${n}.xml`] = long(n, "éléments");
    }
    const dir = scratch(files);
    for (const [name, text] of Object.entries(files)) {
      const root = name.startsWith("ascii") ? "POLICY_EXPORT_OUTPUT" : "éléments";
      const head = peekFile(join(dir, name));
      expect(head.root, name).toBe(root);
      expect(head.doctype, name).toMatchObject({ name: root, systemId: "x.dtd", line: 3, column: 1 });
      expect(Buffer.from(head.whole!).toString("utf8"), name).toBe(text);
    }
  });
});

describe("validateDocument from the peeked bytes", () => {
  const files = {
    "note.dtd": "<!ELEMENT note (to, body)>\n<!ELEMENT to (#PCDATA)>\n<!ELEMENT body (#PCDATA)>\n",
    "valid.xml": '<!DOCTYPE note SYSTEM "note.dtd">\n<note><to>a</to><body>b</body></note>\n',
    "invalid.xml": '<!DOCTYPE note SYSTEM "note.dtd">\n<note>\n  <body>b</body><to>a</to></note>\n',
    "not-wf.xml": '<!DOCTYPE note SYSTEM "note.dtd">\n<note><to>a</body></note>\n',
    "utf16.xml": "",
    "big.xml": `<!DOCTYPE note SYSTEM "note.dtd">\n<note><to>a</to><body>${"x".repeat(HEAD_BYTES)}</body><extra/></note>\n`,
  };

  it("finds what validation from the file finds", async () => {
    const dir = scratch(files);
    writeFileSync(join(dir, "utf16.xml"), Buffer.from("\ufeff" + files["invalid.xml"], "utf16le"));
    const ctx: DocumentContext = { catalog: Catalog.bundled(), config: emptyConfig(), cwd: dir, engine: "qxml", dtdCache: new DtdCache() };
    for (const name of ["valid.xml", "invalid.xml", "not-wf.xml", "utf16.xml", "big.xml"]) {
      const head = peekFile(join(dir, name));
      expect(head.whole !== undefined, name).toBe(name !== "big.xml");
      const { whole: _, ...fromFile } = head;
      const viaBytes = await validateDocument(join(dir, name), { ...ctx, head });
      const viaFile = await validateDocument(join(dir, name), { ...ctx, head: fromFile });
      expect(viaBytes.result, name).toEqual(viaFile.result);
    }
    // Paths as the CLI passes them: the peek reads them relative to the process's directory.
    const codes = async (name: string) => (await validateDocument(join(dir, name), ctx)).result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`);
    expect(await codes("valid.xml")).toEqual([]);
    expect(await codes("invalid.xml")).toEqual(["3:3 valid/unexpected-element"]);
    expect(await codes("utf16.xml")).toEqual(["3:3 valid/unexpected-element"]);
    expect(await codes("not-wf.xml")).toEqual(["2:12 xml/mismatched-end-tag"]);
    expect(await codes("big.xml")).toEqual([expect.stringMatching(/valid\/unexpected-element$/)]);
  });
});
