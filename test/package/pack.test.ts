/**
 * What a consumer unpacks, beyond test/cli/package.test.ts (bin, exports, docs, no test support):
 * no source maps pointing at sources the package does not hold, a declaration beside every module,
 * the bundled schemas and their generated code, and a pack that starts from an empty dist/ (a
 * developer's dist/ keeps modules whose sources were deleted). Offline: `npm pack --dry-run`.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./consumer-program.js";

function packedPaths(): string[] {
  // --ignore-scripts: list what "files" selects without running prepack/prepare (a clean rebuild).
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  const [entry] = JSON.parse(out) as { files: { path: string }[] }[];
  return (entry?.files ?? []).map((f) => f.path);
}

describe("the packed files", () => {
  const packed = packedPaths();
  const has = new Set(packed);
  const modules = packed.filter((p) => p.startsWith("dist/") && p.endsWith(".js"));

  it("hold no source maps, and the build writes no sourceMappingURL (the .ts sources are not packed)", () => {
    expect(modules.length).toBeGreaterThan(100);
    expect(packed.filter((p) => p.endsWith(".map"))).toEqual([]);
    expect(packed.filter((p) => p.startsWith("src/") || p.startsWith("generators/"))).toEqual([]);
    // Modules built from a present source (a stale one is what the prepack clean is for).
    const built = modules.filter((p) => existsSync(join(repoRoot, p.replace(/^dist\//, "").replace(/\.js$/, ".ts"))));
    expect(built.length).toBeGreaterThan(100);
    expect(built.filter((p) => readFileSync(join(repoRoot, p), "utf8").includes("//# sourceMappingURL="))).toEqual([]);
  });

  it("give every library module its declaration file", () => {
    const library = modules.filter((p) => p.startsWith("dist/src/") || p.startsWith("dist/generators/"));
    expect(library.filter((p) => !has.has(p.replace(/\.js$/, ".d.ts")))).toEqual([]);
  });

  it("hold every bundled schema, the catalog, and the generated code of each", () => {
    const catalog = JSON.parse(readFileSync(join(repoRoot, "schemas/catalog.json"), "utf8")) as { name: string; file: string }[];
    expect(catalog.length).toBeGreaterThan(0);
    const wanted = ["schemas/catalog.json", ...catalog.flatMap((e) => [`schemas/${e.file}`, `generated/${e.name}/index.ts`, `generated/${e.name}/schema.json`])];
    expect(wanted.filter((p) => !has.has(p))).toEqual([]);
  });
});

describe("npm pack", () => {
  it("runs prepack, which empties dist/ before prepare rebuilds it", () => {
    const dir = mkdtempSync(join(tmpdir(), "qxml-prepack-"));
    try {
      copyFileSync(join(repoRoot, "package.json"), join(dir, "package.json"));
      mkdirSync(join(dir, "dist/src"), { recursive: true });
      writeFileSync(join(dir, "dist/src/deleted-long-ago.js"), "export {};\n");
      execFileSync("npm", ["run", "prepack", "--silent"], { cwd: dir, stdio: "ignore" });
      expect(existsSync(join(dir, "dist"))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
