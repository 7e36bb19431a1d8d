/** Runs the built CLI (dist/, made by `npm test`'s build step) as a user would. */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

export const repoRoot = resolve(import.meta.dirname, "../..");
// The CLI as `npx qxml` runs it (package.json "bin": a plain `#!/usr/bin/env node` script).
export const cliPath = resolve(repoRoot, "bin/qxml.cjs");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd = repoRoot): CliRun {
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
