/**
 * Compiles TypeScript the way a project that installed qxml does: `import ... from "qxml"` resolves
 * through package.json "exports" to the built declarations in dist/ (the package's self-reference,
 * so the build must have run: `npm test` builds first), with skipLibCheck off so qxml's own .d.ts
 * files are checked under the consumer's flags too.
 */
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { consumerFlags, strictOptions } from "../../test-support/ts-strict.js";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export type Resolution = "nodenext" | "bundler";

const RESOLUTION: Record<Resolution, ts.CompilerOptions> = {
  nodenext: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
  bundler: { module: ts.ModuleKind.Preserve, moduleResolution: ts.ModuleResolutionKind.Bundler },
};

/** The TypeScript blocks (```ts) of a Markdown file, in order. */
export function typescriptBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? "");
}

/**
 * Writes `files` into test/package/.out/<folder> (with `generated` linked to the repository's
 * committed generated/, as a project's src/generated would be) and returns the diagnostics of
 * compiling them, as "file(line): TSnnnn message" lines.
 */
export function compileAsConsumer(folder: string, files: Record<string, string>, resolution: Resolution, extra: ts.CompilerOptions = {}): string[] {
  if (!existsSync(join(repoRoot, "dist/src/index.d.ts"))) throw new Error("dist/ is not built: run `npm run build` first");
  const out = join(repoRoot, "test/package/.out", folder);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(repoRoot, "test/package/.out/.gitignore"), "*\n");
  symlinkSync(join(repoRoot, "generated"), join(out, "generated"), "dir");
  const names = Object.entries(files).map(([name, text]) => {
    writeFileSync(join(out, name), text);
    return join(out, name);
  });
  const options = strictOptions(["node"], { ...consumerFlags, ...RESOLUTION[resolution], skipLibCheck: false, ...extra });
  const program = ts.createProgram(names, options);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const line = d.file !== undefined && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    const file = d.file === undefined ? "" : d.file.fileName.replace(repoRoot + "/", "");
    return `${file}(${line}): TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
  });
}
