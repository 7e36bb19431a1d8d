/**
 * Runs one command in a child process and measures it: wall time (here), CPU time and peak
 * resident set size (GNU time's report, written to a side file so the command's own stderr
 * stays clean). CPU time is what the comparisons use: on a shared machine it moves far less
 * than wall time with the load.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const TIME = "/usr/bin/time";

export function hasGnuTime() {
  return existsSync(TIME);
}

/** { ok, status, seconds (wall), cpuSeconds (user + system), maxRssMB, stdout, stderr } */
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
  let cpuSeconds = NaN;
  if (useTime && existsSync(timeFile)) {
    const t = readFileSync(timeFile, "utf8");
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(t);
    if (m) maxRssMB = Number(m[1]) / 1024;
    const user = /User time \(seconds\): ([\d.]+)/.exec(t);
    const sys = /System time \(seconds\): ([\d.]+)/.exec(t);
    if (user && sys) cpuSeconds = Number(user[1]) + Number(sys[1]);
  }
  rmSync(dir, { recursive: true, force: true });
  return { ok: r.status === 0, status: r.status, seconds, cpuSeconds, maxRssMB, stdout: r.stdout ?? "", stderr: (r.stderr ?? "") + (r.error ? String(r.error) : "") };
}
