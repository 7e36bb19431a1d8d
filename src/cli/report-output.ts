/** Prints findings as text (with code frames) or JSON; shared by validate and lint. */
import type { Findings } from "../diagnostics/diagnostic.js";
import { formatJson } from "../report/json.js";
import { readLines, type SourceLines } from "../report/source-lines.js";
import { formatText, frameLines } from "../report/text.js";
import { resolve } from "node:path";
import { useColor } from "./output.js";

const MAX_FRAMES_PER_FILE = 20;

export async function textReport(findings: Findings, cwd: string): Promise<string> {
  const sources = new Map<string, SourceLines>();
  for (const f of findings.files) {
    const wanted = new Set<number>();
    for (const d of f.diagnostics.slice(0, MAX_FRAMES_PER_FILE)) for (const n of frameLines(d)) wanted.add(n);
    sources.set(f.file, await readLines(resolve(cwd, f.file), wanted));
  }
  return formatText(findings, sources, { color: useColor(process.stdout), maxFrames: MAX_FRAMES_PER_FILE });
}

export async function printFindings(findings: Findings, format: "text" | "json", cwd: string): Promise<void> {
  process.stdout.write(format === "json" ? formatJson(findings) : await textReport(findings, cwd));
}
