/**
 * libxml2's DTD validity tests (test/VC, expected output in result/VC): the validity errors
 * libxml2 reports about the DTD itself must be reported by qxml on the same file and line.
 * Errors libxml2 reports about the document (ElementValid*, Enumeration, AttributeNmtokens,
 * NS*) belong to the validator and are not checked here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { localResolver } from "../../src/xml/resolve.js";
import { codes, parse } from "./helpers.js";
import { readDocumentDtd } from "./xmlconf-dtd.js";
import { LIBXML2_DIR } from "../../test-support/paths.js";

const root = LIBXML2_DIR;
const resolver = localResolver({ allow: [root] });

/** test/VC case → the qxml code for libxml2's DTD-level message. */
const DTD_LEVEL: Record<string, string> = {
  AttributeDefaultLegal: "dtd/bad-default", // "Attribute doc of At: invalid default value"
  DuplicateType: "dtd/duplicate-mixed-name", // "Definition of a has duplicate references of c"
  OneID: "dtd/multiple-id", // "Element doc has 2 ID attribute defined in the internal subset"
  OneID2: "dtd/multiple-id",
  OneID3: "dtd/multiple-id", // "... defined in the external subset : val"
  UniqueElementTypeDeclaration: "dtd/duplicate-element", // "Redefinition of element a"
  UniqueElementTypeDeclaration2: "dtd/duplicate-element",
};

/** (file basename, line) of each libxml2 "validity error" that is not about an element instance. */
function libxml2DtdErrors(name: string): string[] {
  const text = readFileSync(join(root, "result/VC", name), "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/^(\S+?):(\d+): validity error : (.*)$/gm)) out.push(`${m[1].split("/").pop()}:${m[2]}`);
  return out;
}

describe("libxml2 test/VC: DTD-level validity errors", () => {
  it.each(Object.entries(DTD_LEVEL))("%s", (name, code) => {
    const r = readDocumentDtd(join(root, "test/VC", name), resolver);
    if ("skip" in r) throw new Error(r.skip);
    const ours = r.doc.diagnostics.map((d) => `${d.code} ${d.schemaLocation!.file.split("/").pop()}:${d.line}`);
    expect(ours).toEqual(libxml2DtdErrors(name).map((where) => `${code} ${where}`));
  });

  // libxml2 reads these two files as XML documents ("StartTag: invalid element name"), so its
  // output says nothing about their DTD text; read as DTDs, each breaks PE nesting.
  it("PENesting: a declaration that ends inside a parameter entity", () => {
    const doc = parse(readFileSync(join(root, "test/VC/PENesting"), "utf8"));
    expect(codes(doc)).toEqual(["dtd/pe-nesting-decl"]);
    expect(doc.elements.has("e2")).toBe(true);
  });

  it("PENesting2: group parentheses split across two parameter entities", () => {
    const doc = parse(readFileSync(join(root, "test/VC/PENesting2"), "utf8"));
    expect(codes(doc)).toEqual(["dtd/pe-nesting-group"]);
  });
});
