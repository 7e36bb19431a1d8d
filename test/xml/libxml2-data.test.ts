/**
 * Differential on real documents: libxml2's test data (test/valid, test/VC, test/schemas...) and
 * the Qualys corpus. qxml and libxml2 must agree on well-formedness for every file (no external
 * DTD loading on either side).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ParseOption, XmlDocument } from "libxml2-wasm";
import { describe, expect, it } from "vitest";
import { createReader } from "../../src/xml/reader.js";
import { SHARED_DIR } from "../../test-support/paths.js";

const shared = SHARED_DIR;

function files(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop()!;
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) stack.push(p);
      else if (ext.test(name)) out.push(p);
    }
  }
  return out.sort();
}

function qxmlError(bytes: Uint8Array, file: string): string | null {
  let first: string | null = null;
  const r = createReader(
    { startElement() {}, endElement() {}, text() {}, diagnostic: (d) => void (d.severity === "error" && first === null && (first = `${d.code} ${d.line}:${d.column} ${d.message}`)) },
    { file },
  );
  r.write(bytes);
  r.close();
  return r.failed ? first : null;
}

function libxml2Error(bytes: Uint8Array, file: string): string | null {
  try {
    XmlDocument.fromBuffer(bytes, { url: file, option: ParseOption.XML_PARSE_NONET }).dispose();
    return null;
  } catch (e) {
    return String((e as Error).message).split("\n")[0];
  }
}

describe("well-formedness agrees with libxml2 on real documents", () => {
  const sets: [string, string[]][] = [
    ["libxml2 test/*.xml", files(join(shared, "conformance/libxml2/test"), /\.xml$/)],
    ["libxml2 test/schemas/*.xsd", files(join(shared, "conformance/libxml2/test/schemas"), /\.xsd$/)],
    ["Qualys corpus", files(join(shared, "corpus"), /\.(xml|xsd|xsl)$/)],
  ];
  for (const [name, list] of sets) {
    it(`${name} (${list.length} files)`, () => {
      expect(list.length).toBeGreaterThan(20);
      const differ: string[] = [];
      for (const f of list) {
        const bytes = readFileSync(f);
        const q = qxmlError(bytes, f);
        const l = libxml2Error(bytes, f);
        if ((q === null) !== (l === null)) differ.push(`${f}: qxml ${q ?? "well-formed"}; libxml2 ${l ?? "well-formed"}`);
      }
      expect(differ).toEqual([]);
    });
  }
});
