/** Writing rendered files, and comparing them with what is on disk (`--check`). */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { RenderedFile } from "./render.js";

export function writeRendered(outDir: string, files: RenderedFile[]): void {
  for (const f of files) {
    const target = join(outDir, ...f.path.split("/"));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.source);
  }
}

export interface Difference {
  path: string;
  problem: "missing" | "changed" | "extra";
}

/**
 * Differences between a fresh render and `outDir`, including stale files in the rendered folders and,
 * with `complete` (every bundled schema was rendered), stale schema folders.
 */
export function compareRendered(outDir: string, files: RenderedFile[], complete = false): Difference[] {
  const out: Difference[] = [];
  const folders = new Set<string>();
  const expected = new Set<string>();
  for (const f of files) {
    expected.add(f.path);
    folders.add(f.path.split("/").slice(0, -1).join("/"));
    const target = join(outDir, ...f.path.split("/"));
    if (!existsSync(target)) out.push({ path: f.path, problem: "missing" });
    else if (readFileSync(target, "utf8") !== f.source) out.push({ path: f.path, problem: "changed" });
  }
  for (const folder of folders) {
    const dir = join(outDir, ...folder.split("/"));
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const rel = folder === "" ? name : `${folder}/${name}`;
      if (!expected.has(rel)) out.push({ path: rel, problem: "extra" });
    }
  }
  if (complete && existsSync(outDir)) {
    for (const name of readdirSync(outDir)) {
      if (!folders.has(name) && statSync(join(outDir, name)).isDirectory()) out.push({ path: `${name}/`, problem: "extra" });
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** Writes the files and removes what a `--check` would call stale, so that generate then check always agree. */
export function syncRendered(outDir: string, files: RenderedFile[], complete = false): Difference[] {
  writeRendered(outDir, files);
  const stale = compareRendered(outDir, files, complete).filter((d) => d.problem === "extra");
  for (const d of stale) rmSync(join(outDir, ...d.path.split("/").filter((p) => p !== "")), { recursive: true, force: true });
  return stale;
}
