/**
 * The folder of qxml's own package.json, found from this module (works from src/ and dist/src/).
 * When an application bundles qxml into its own file (esbuild, webpack), there is no such
 * package.json above it: the root is then the bundle's own folder, so importing qxml still works
 * and the bundled schemas are looked for in `schemas/` beside the bundle (docs/consumers.md).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; ) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "qxml") return dir;
    const up = dirname(dir);
    if (up === dir) return here;
    dir = up;
  }
}

export const packageRoot = findRoot();

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string }).version;
}
