/** Files read whole (schemas, external DTDs and entities) are bounded and must be regular files. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isRefusal, localResolver } from "../../src/xml/resolve.js";
import { MAX_WHOLE_FILE_BYTES, readWholeFile } from "../../src/xml/whole-file.js";

const scratch = () => mkdtempSync(join(tmpdir(), "qxml-whole-"));

describe("readWholeFile", () => {
  it("reads a regular file up to the limit, and refuses one byte more with both sizes", () => {
    const dir = scratch();
    writeFileSync(join(dir, "ok.dtd"), "<!ELEMENT a EMPTY>");
    expect(readWholeFile(join(dir, "ok.dtd"), 18).toString()).toBe("<!ELEMENT a EMPTY>");
    expect(() => readWholeFile(join(dir, "ok.dtd"), 17)).toThrow("the file has 18 bytes; a schema, DTD or external entity is read whole and may have at most 17");
  });
  it("checks the size before reading: a sparse file just over the default limit is refused without being read", () => {
    const dir = scratch();
    const big = join(dir, "big.dtd");
    writeFileSync(big, "");
    truncateSync(big, MAX_WHOLE_FILE_BYTES + 1);
    expect(() => readWholeFile(big)).toThrow("the file has 10,000,001 bytes; a schema, DTD or external entity is read whole and may have at most 10,000,000");
  });
  it("refuses a folder and a FIFO instead of blocking on it", () => {
    const dir = scratch();
    expect(() => readWholeFile(dir)).toThrow(`${dir} is not a regular file`);
    execFileSync("mkfifo", [join(dir, "pipe.ent")]);
    expect(() => readWholeFile(join(dir, "pipe.ent"))).toThrow("is not a regular file");
  });
  it("the local resolver passes the reason on as a refusal", () => {
    const dir = scratch();
    execFileSync("mkfifo", [join(dir, "pipe.ent")]);
    const r = localResolver({ allow: [dir] })("pipe.ent", undefined, join(dir, "doc.xml"));
    expect(isRefusal(r) && r.error).toMatch(/^external entity "pipe\.ent" could not be read: .*pipe\.ent is not a regular file$/);
  });
});
