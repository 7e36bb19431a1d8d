/** The folder of qxml's own package.json, found from this module (works from src/ and dist/src/). */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "qxml") return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error("qxml: cannot find the package root (package.json named qxml)");
    dir = up;
  }
}

export const packageRoot = findRoot();

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string }).version;
}
