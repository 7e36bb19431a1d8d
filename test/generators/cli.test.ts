import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseGenerateArgs, runGenerate, type Io } from "../../generators/cli.js";
import { renderSchema } from "../../generators/render.js";
import { model } from "./helpers.js";

function capture(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (l) => out.push(l), stderr: (l) => err.push(l) };
}

const dir = mkdtempSync(join(tmpdir(), "qxml-generate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("qxml generate", () => {
  it("parses its arguments", () => {
    expect(parseGenerateArgs(["simple_return", "--out", "x", "--check"])).toMatchObject({ schemas: ["simple_return"], check: true });
    expect(parseGenerateArgs(["--bogus"])).toBe("unknown option --bogus");
    expect(parseGenerateArgs(["--out"])).toBe("--out needs a value");
  });

  it("writes, then --check passes; a changed, missing or stale file makes --check exit 1", async () => {
    const io = capture();
    expect(await runGenerate(["simple_return", "--out", dir, "--check"], io)).toBe(1);
    expect(io.err.join("\n")).toMatch(/missing: .*simple_return\/types\.ts/);
    expect(await runGenerate(["simple_return", "--out", dir], io)).toBe(0);
    expect(await runGenerate(["simple_return", "--out", dir, "--check"], io)).toBe(0);
    const types = join(dir, "simple_return", "types.ts");
    writeFileSync(types, readFileSync(types, "utf8") + "// edited\n");
    const io2 = capture();
    expect(await runGenerate(["simple_return", "--out", dir, "--check"], io2)).toBe(1);
    expect(io2.err.join("\n")).toMatch(/changed: .*types\.ts/);
    await runGenerate(["simple_return", "--out", dir], io2);
    writeFileSync(join(dir, "simple_return", "old.ts"), "");
    const io3 = capture();
    expect(await runGenerate(["simple_return", "--out", dir, "--check"], io3)).toBe(1);
    expect(io3.err.join("\n")).toMatch(/extra: .*old\.ts/);
  });

  it("refuses an unknown schema name with exit 2 and the list of names", async () => {
    const io = capture();
    expect(await runGenerate(["no_such_schema"], io)).toBe(2);
    expect(io.err.join("\n")).toMatch(/not a bundled schema name \(.*option_profile_info/);
  });

  it("renders reproducibly: same model, same bytes, no timestamps or absolute paths", () => {
    const m = model("option_profile_info");
    const a = renderSchema(m, { name: "x", sourceLabel: "schemas/qualys/option_profile_info.dtd" });
    const b = renderSchema(model("option_profile_info"), { name: "x", sourceLabel: "schemas/qualys/option_profile_info.dtd" });
    expect(a).toEqual(b);
    const all = a.map((f) => f.source).join("\n");
    expect(all).not.toMatch(/\/work\/|\d{4}-\d\d-\d\dT\d\d:/);
  });

  it("the committed generated/ is what a fresh run writes (run `qxml generate` after changing a schema)", async () => {
    const io = capture();
    const code = await runGenerate(["--check"], io);
    expect(io.err).toEqual([]);
    expect(code).toBe(0);
  });
});
