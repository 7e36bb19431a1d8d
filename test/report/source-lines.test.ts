/** Code frames read the lines the reader counted, in the document's encoding. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readLines } from "../../src/report/source-lines.js";

const dir = mkdtempSync(join(tmpdir(), "qxml-lines-"));
const write = (name: string, bytes: Buffer) => {
  writeFileSync(join(dir, name), bytes);
  return join(dir, name);
};
const lines = (file: string, ...wanted: number[]) => Object.fromEntries(readLines(file, new Map(wanted.map((n) => [n, Infinity]))));

describe("readLines", () => {
  it("decodes UTF-16 by its byte order mark (was shown as UTF-8 with a NUL between letters)", () => {
    const le = write("le.xml", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("<A>\n  <B/>\n</A>\n", "utf16le")]));
    expect(lines(le, 2)).toEqual({ 2: "  <B/>" });
    const beBody = Buffer.from("<A>\n  <C/>\n</A>\n", "utf16le").swap16();
    expect(lines(write("be.xml", Buffer.concat([Buffer.from([0xfe, 0xff]), beBody])), 2)).toEqual({ 2: "  <C/>" });
  });
  it("decodes UTF-16 without a byte order mark by its first '<?' (XML 1.0 Appendix F), as the reader does", () => {
    const text = '<?xml version="1.0" encoding="UTF-16"?>\n<A>é</A>\n';
    expect(lines(write("le-nobom.xml", Buffer.from(text, "utf16le")), 2)).toEqual({ 2: "<A>é</A>" });
    expect(lines(write("be-nobom.xml", Buffer.from(text, "utf16le").swap16()), 2)).toEqual({ 2: "<A>é</A>" });
  });
  it("leaves out a UTF-8 byte order mark and follows the declared encoding", () => {
    expect(lines(write("bom.xml", Buffer.from("\uFEFF<A/>\n", "utf8")), 1)).toEqual({ 1: "<A/>" });
    const latin1 = write("l1.xml", Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?>\n<A>'), Buffer.from([0xe9]), Buffer.from("</A>\n")]));
    expect(lines(latin1, 2)).toEqual({ 2: "<A>é</A>" });
  });
  it("shows a file that declares UTF-16 but is single-byte (no BOM) as UTF-8, not as UTF-16 noise", () => {
    const f = write("decl16.xml", Buffer.from('<?xml version="1.0" encoding="UTF-16"?>\n<A>é</A>\n', "utf8"));
    expect(lines(f, 1, 2)).toEqual({ 1: '<?xml version="1.0" encoding="UTF-16"?>', 2: "<A>é</A>" });
  });
  it("breaks lines at CR LF, lone CR and LF, also when CR LF straddles a read chunk", () => {
    expect(lines(write("cr.xml", Buffer.from("<A>\r<B/>\r\n<C/>\n</A>")), 2, 3, 4)).toEqual({ 2: "<B/>", 3: "<C/>", 4: "</A>" });
    const pad = "x".repeat(65535);
    expect(lines(write("straddle.xml", Buffer.from(`${pad}\r\n<B/>\n`)), 2)).toEqual({ 2: "<B/>" });
  });
  it("keeps of each line only the characters asked for, however long the line (a document on one 8 MB line)", () => {
    const long = write("one-line.xml", Buffer.from(`<A>${"x".repeat(8 << 20)}</A>\n<B/>\n`));
    const got = readLines(long, new Map([[1, 500], [2, 10]]));
    expect(got.get(1)).toBe(`<A>${"x".repeat(497)}`);
    expect(got.get(2)).toBe("<B/>");
  });
  it("ends at the last line wanted, and gives a line past the end of the file as empty, as before", () => {
    const f = write("short.xml", Buffer.from("<A>\n</A>\n"));
    expect(lines(f, 1, 3)).toEqual({ 1: "<A>", 3: "" });
    expect(lines(write("empty.xml", Buffer.alloc(0)), 1)).toEqual({ 1: "" });
  });
});
