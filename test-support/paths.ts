/**
 * Where the shared, read-only conformance material lives: /work/shared beside the repository
 * (CI clones the repo with shared/ next to it). Overridable with QXML_SHARED for other layouts.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

function repoRoot(): string {
  // This file is test-support/paths.ts, or dist/test-support/paths.js once compiled.
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const REPO_ROOT = repoRoot();
export const SHARED_DIR = process.env.QXML_SHARED ?? resolve(REPO_ROOT, "../shared");
export const LIBXML2_DIR = join(SHARED_DIR, "conformance", "libxml2");
export const XMLCONF_DIR = join(SHARED_DIR, "conformance", "xmlconf");
