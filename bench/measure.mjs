/**
 * Runs one command in a child process and measures it: wall time (here) and peak resident set
 * size (GNU time's "Maximum resident set size", written to a side file so the command's own
 * stderr stays clean).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const TIME = "/usr/bin/time";

export function hasGnuTime() {
  return existsSync(TIME);
}

/** { ok, status, seconds, maxRssMB, stdout, stderr } */
export function measure(cmd, args, options = {}) {
  const dir = mkdtempSync(join(tmpdir(), "qxml-bench-"));
  const timeFile = join(dir, "time.txt");
  const useTime = hasGnuTime();
  const argv = useTime ? ["-v", "-o", timeFile, cmd, ...args] : args;
  const start = process.hrtime.bigint();
  const r = spawnSync(useTime ? TIME : cmd, argv, {
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    maxBuffer: 64 << 20,
    cwd: options.cwd,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  let maxRssMB = NaN;
  if (useTime && existsSync(timeFile)) {
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, "utf8"));
    if (m) maxRssMB = Number(m[1]) / 1024;
  }
  rmSync(dir, { recursive: true, force: true });
  return { ok: r.status === 0, status: r.status, seconds, maxRssMB, stdout: r.stdout ?? "", stderr: (r.stderr ?? "") + (r.error ? String(r.error) : "") };
}
