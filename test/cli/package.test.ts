/**
 * What `npm pack` ships: the files package.json's "bin" and "exports" name, and the docs the CLI's
 * help and hints send an installed user to (they were missing from the package: "files" had no docs/).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./run-cli.js";

interface PackEntry {
  files: { path: string }[];
}

function packedPaths(): Set<string> {
  // --ignore-scripts: list what would be packed without running "prepare" (the build) again.
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  const [entry] = JSON.parse(out) as PackEntry[];
  return new Set(entry.files.map((f) => f.path));
}

describe("the packed package", () => {
  const packed = packedPaths();
  const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
    bin: Record<string, string>;
    exports: Record<string, { types: string; default: string }>;
  };

  it("holds the bin and every export's types and code", () => {
    const named = [...Object.values(pkg.bin), ...Object.values(pkg.exports).flatMap((e) => [e.types, e.default])];
    expect(named.map((p) => p.replace(/^\.\//, "")).filter((p) => !packed.has(p))).toEqual([]);
  });

  it("holds the docs that `qxml --help` and the lint hints name", () => {
    const help = execFileSync(process.execPath, [join(repoRoot, "bin/qxml.cjs"), "--help"], { encoding: "utf8" });
    const named = [...help.matchAll(/docs\/[\w/.-]+\.md/g)].map((m) => m[0]);
    expect(named.length).toBeGreaterThan(0);
    for (const doc of [...named, "docs/rules/qualys/udc-check-type.md", "docs/codegen.md", "docs/lint.md"]) {
      expect(packed.has(doc), doc).toBe(true);
    }
  });

  it("leaves out what only this repository uses (the compiled test support behind npm run conformance)", () => {
    expect([...packed].filter((p) => p.startsWith("dist/test-support/") || p.startsWith("test/") || p.startsWith("bench/"))).toEqual([]);
  });
});
