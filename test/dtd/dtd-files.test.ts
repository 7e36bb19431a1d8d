/**
 * Reader tests over real DTD files: libxml2's test DTDs, the Qualys DTDs of the corpus (complete
 * ones and fragments) and the bundled schemas/qualys/*.dtd. The expected element count is
 * computed independently: `<!ELEMENT` occurrences outside comments (EXPECTED_COUNT overrides
 * it where IGNORE sections or parameter entities make that count wrong).
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isFatalDtdCode } from "../../src/dtd/codes.js";
import { readDtdSchema } from "../../src/schema/dtd/index.js";
import { localResolver } from "../../src/xml/resolve.js";
import { readDocumentDtd } from "./xmlconf-dtd.js";
import { SHARED_DIR } from "../../test-support/paths.js";

const here = dirname(fileURLToPath(import.meta.url));
const shared = SHARED_DIR;
const libxml2 = join(shared, "conformance/libxml2/test");
const corpus = join(shared, "corpus");
const bundled = resolve(here, "../../schemas/qualys");

/** XHTML DTDs name their entity sets by w3.org URL; libxml2's test catalog maps them to local copies. */
const xhtmlMap = (systemId: string): string | undefined => {
  const m = /^http:\/\/www\.w3\.org\/TR\/xhtml1\/DTD\/(xhtml-(?:lat1|symbol|special)\.ent)$/.exec(systemId);
  return m === null ? undefined : join(libxml2, "valid/dtds", m[1]);
};
const resolver = localResolver({ allow: [shared, bundled], map: xhtmlMap });

function declaredCount(file: string): number {
  const text = readFileSync(file, "latin1").replace(/<!--[\s\S]*?-->/g, "");
  return (text.match(/<!ELEMENT\s/g) ?? []).length;
}

/** Files that are not DTD text (general entities' content) or need their document: not read alone. */
const NOT_STANDALONE: Record<string, string> = {
  "737840.ent": "content of a general entity (elements), not DTD text",
  "destfoo.ent": "content of a general entity",
  "utf16b.ent": "content of a general entity (UTF-16BE)",
  "utf16l.ent": "content of a general entity (UTF-16LE)",
  "pe-val-latin1.ent": "text included in an entity value, not declarations",
  "cond_sect1.dtd": "uses %include; and %ignore; declared in the internal subset of valid/cond_sect1.xml (tested below)",
};

/** Files libxml2 also rejects (its result/valid/*.err), with the qxml code expected. */
const FATAL: Record<string, string> = {
  "766956.dtd": "dtd/syntax", // libxml2: "PEReference: expecting ';'" at 2:3; qxml: expected ';' at 2:3
  "cond_sect2.dtd": "dtd/pe-between-declarations", // libxml2: "Parameter entity must match extSubsetDecl": %ent; holds ']]>'
  "pe-in-text-decl.dtd": "dtd/text-decl", // libxml2: "parsing XML declaration: '?>' expected" (a PE inside the text declaration)
};

/** Validity errors real files have (the file declares something twice), with the number of duplicates. */
const VALIDITY: Record<string, { codes: string[]; duplicates: number }> = {
  // The transcription declares <!ELEMENT FQDN (#PCDATA)> at lines 13 and 48 (libxml2: "Redefinition of element FQDN").
  "debug__dtd.txt@b7d105b2__host_list_host.dtd.fragment": { codes: ["dtd/duplicate-element"], duplicates: 1 },
};

function dtdFiles(dir: string, pattern = /\.(dtd|ent|fragment)$/): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => pattern.test(f)).map((f) => join(dir, f)) : [];
}

const files = [
  ...dtdFiles(join(libxml2, "valid/dtds")),
  ...dtdFiles(join(libxml2, "dtds")),
  ...dtdFiles(join(libxml2, "VC/dtds")),
  ...readdirSync(corpus, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => dtdFiles(join(corpus, d.name))),
  ...dtdFiles(bundled, /\.dtd$/),
];

describe("real DTD files", () => {
  it("finds the files", () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files.map((f) => [f.slice(shared.length + 1).replace(/^.*\/main\//, ""), f]))("%s", (_name, file) => {
    const base = file.split("/").pop()!;
    if (NOT_STANDALONE[base] !== undefined) return;
    const r = readDtdSchema(file, { resolveEntity: resolver });
    const fatal = r.diagnostics.filter((d) => isFatalDtdCode(d.code));
    if (FATAL[base] !== undefined) {
      expect(fatal.map((d) => d.code)).toEqual([FATAL[base]]);
      return;
    }
    const v = VALIDITY[base] ?? { codes: [], duplicates: 0 };
    expect(r.diagnostics.filter((d) => d.severity !== "info").map((d) => d.code)).toEqual(v.codes);
    expect(r.model!.elements.length).toBe(declaredCount(file) - v.duplicates);
  });

  it("reads cond_sect1.dtd with the parameter entities its document declares", () => {
    const r = readDocumentDtd(join(libxml2, "valid/cond_sect1.xml"), resolver);
    if ("skip" in r) throw new Error(r.skip);
    expect(r.doc.diagnostics).toEqual([]);
    expect([...r.doc.elements.keys()].sort()).toEqual(["child", "doc"]);
  });

  it("reads the XHTML DTDs with their entity sets (253 + 32 + 124 entities)", () => {
    const r = readDtdSchema(join(libxml2, "valid/dtds/xhtml1-transitional.dtd"), { resolveEntity: resolver });
    expect(r.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    expect(Object.keys(r.model!.entities).length).toBe(253);
  });
});
