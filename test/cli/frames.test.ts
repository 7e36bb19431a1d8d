/** The text report's code frame through the CLI: the caret stays under its column on wide text. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

describe("qxml validate code frames", () => {
  it("puts the caret under the error after CJK text and emoji (two cells each), the column staying a character count (7)", () => {
    const dir = mkdtempSync(join(tmpdir(), "qxml-frames-"));
    const file = join(dir, "cjk.xml");
    writeFileSync(file, "<a>\n<b>名前😀&bad;</b>\n</a>\n");
    const r = runCli(["validate", "--schema", "simple_return", file]);
    const lines = r.stdout.split("\n");
    const at = lines.findIndex((l) => l.startsWith(`${file}:2:7: error xml/undefined-entity`));
    expect(at).toBeGreaterThan(-1);
    expect(lines[at + 1]).toBe("  1 | <a>");
    expect(lines[at + 2]).toBe("> 2 | <b>名前😀&bad;</b>");
    // "<b>" 3 cells + 名前 4 + 😀 2 = 9 cells before "&".
    expect(lines[at + 3]).toBe(`    | ${" ".repeat(9)}^`);
  });
});
