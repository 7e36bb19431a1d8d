/** Schema files are decoded by the XML reader's decoder: declared encodings honoured, bad bytes reported. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { readXsdFile } from "../../src/schema/xsd/index.js";
import { schema } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "qxml-xsd-decode-"));

describe("schema file encodings", () => {
  test("a declared ISO-8859-1 schema reads, its text decoded as Latin-1", () => {
    const text = schema(`<xs:element name="e"><xs:annotation><xs:documentation>caf\u00e9</xs:documentation></xs:annotation></xs:element>`).replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="ISO-8859-1"?>');
    writeFileSync(join(dir, "l1.xsd"), Buffer.from(text, "latin1"));
    const r = readXsdFile(join(dir, "l1.xsd"));
    expect(r.diagnostics).toEqual([]);
    expect(r.model!.elements[0].doc).toBe("caf\u00e9");
  });

  test("UTF-16 with a byte-order mark reads", () => {
    writeFileSync(join(dir, "u16.xsd"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(schema(`<xs:element name="\u00e9"/>`), "utf16le")]));
    const r = readXsdFile(join(dir, "u16.xsd"));
    expect(r.diagnostics).toEqual([]);
    expect(r.model!.elements[0].name).toBe("\u00e9");
  });

  test("bytes that are not UTF-8: xsd/unreadable at 1:1, not replacement characters", () => {
    writeFileSync(join(dir, "bad.xsd"), Buffer.concat([Buffer.from(schema(`<xs:element name="e"/>`).slice(0, 60)), Buffer.from([0xff, 0xfe, 0x41])]));
    const r = readXsdFile(join(dir, "bad.xsd"));
    expect(r.model).toBeNull();
    expect(r.diagnostics).toMatchObject([{ code: "xsd/unreadable", line: 1, column: 1 }]);
    expect(r.diagnostics[0].message).toMatch(/utf-8/i);
  });

  test("an included file that cannot be decoded: xsd/load-failed at the xs:include", () => {
    writeFileSync(join(dir, "inc-bad.xsd"), Buffer.from(`<?xml version="1.0" encoding="x-klingon"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>`));
    writeFileSync(join(dir, "main.xsd"), schema(`<xs:include schemaLocation="inc-bad.xsd"/>`));
    const r = readXsdFile(join(dir, "main.xsd"));
    expect(r.model).toBeNull();
    expect(r.diagnostics).toMatchObject([{ code: "xsd/load-failed", line: 3, column: 1, params: { reason: 'encoding "x-klingon" is not supported' } }]);
  });
});
