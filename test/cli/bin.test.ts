/** The package bin (bin/qxml.cjs): the bundle loaded through V8's code cache, and without it. */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliPath, repoRoot, runCli } from "./run-cli.js";

const cacheRejected = (flags: string[]) =>
  spawnSync(process.execPath, [...flags, "-e", `process.stdout.write(String(require(${JSON.stringify(cliPath)}).loadBundle().cacheRejected))`], { cwd: repoRoot, encoding: "utf8" }).stdout;

describe("bin/qxml.cjs", () => {
  it("is a plain `#!/usr/bin/env node` script (BusyBox env, as on Alpine, has no -S) loading the bundle with the code cache the build wrote", () => {
    expect(readFileSync(cliPath, "utf8").split("\n", 1)[0]).toBe("#!/usr/bin/env node");
    expect(cacheRejected([])).toBe("false");
  });
  it("keeps V8's young generation at its start size, which the shebang can no longer ask for", () => {
    // Survivors make V8 grow its semi-spaces (to 16 MB each by default): a rolling window of live objects.
    const youngGeneration = (load: string) =>
      Number(spawnSync(process.execPath, ["-e", `${load}; const keep = new Array(200000); for (let i = 0; i < 3e6; i++) keep[i % keep.length] = { i, s: "x" + i }; process.stdout.write(String(require("node:v8").getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size))`], { encoding: "utf8" }).stdout);
    expect(youngGeneration(`require(${JSON.stringify(cliPath)})`)).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(youngGeneration("0")).toBeGreaterThan(8 * 1024 * 1024);
  });
  it("gives the same results when V8 rejects the cache (other flags): it compiles the bundle instead", () => {
    const other = ["--max-semi-space-size=4"];
    expect(cacheRejected(other)).toBe("true");
    const args = ["validate", "--format", "json", "examples/good", "examples/bad/auth-type-misspelt.xml"];
    const withCache = runCli(args);
    const without = spawnSync(process.execPath, [...other, cliPath, ...args], { cwd: repoRoot, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(withCache.code).toBe(1);
    expect(without.status).toBe(withCache.code);
    expect(without.stdout).toBe(withCache.stdout);
  });
  it("imports the optional libxml2-wasm from cached code (through the bin's import, which Node 20 needs)", () => {
    const r = runCli(["validate", "--engine", "libxml2", "--format", "json", "examples/bad/auth-type-misspelt.xml"]);
    expect(r.stdout).not.toContain("libxml2/unavailable");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).files[0].diagnostics.length).toBeGreaterThan(0);
  });
  it("--engine libxml2 where libxml2-wasm is not installed: said once on stderr, exit 2 (a setup error, not a finding per file)", () => {
    // An installed qxml without its dev dependency: the bin outside this checkout's node_modules.
    const dir = mkdtempSync(join(tmpdir(), "qxml-nolib-"));
    mkdirSync(join(dir, "bin"));
    copyFileSync(cliPath, join(dir, "bin", "qxml.cjs"));
    copyFileSync(join(repoRoot, "package.json"), join(dir, "package.json"));
    for (const d of ["dist", "schemas"]) symlinkSync(join(repoRoot, d), join(dir, d));
    const r = spawnSync(process.execPath, [join(dir, "bin", "qxml.cjs"), "validate", "--engine", "libxml2", "examples/good"], { cwd: repoRoot, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^qxml validate: --engine libxml2 needs the dev dependency libxml2-wasm: .*\n  hint: install it in your project \(npm install --save-dev libxml2-wasm\), or leave out --engine to use qxml's validator\n$/);
  });
  it("says how to build when the bundle is missing (a checkout that was never built), exit 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "qxml-unbuilt-"));
    mkdirSync(join(dir, "bin"));
    copyFileSync(cliPath, join(dir, "bin", "qxml.cjs"));
    const r = spawnSync(process.execPath, [join(dir, "bin", "qxml.cjs"), "--version"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^qxml: cannot read the CLI bundle .*qxml-cli\.cjs \(ENOENT\); build it with `npm run build`\n$/);
  });
});
