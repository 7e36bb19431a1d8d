/** Prints findings as text (with code frames) or JSON; shared by validate and lint. */
import type { Findings } from "../diagnostics/diagnostic.js";
import { formatJson } from "../report/json.js";
import { readLines, type SourceLines } from "../report/source-lines.js";
import { locationFile } from "../diagnostics/location.js";
import { formatText, frameLines } from "../report/text.js";
import { resolve } from "node:path";
import { useColor } from "./output.js";
import { writeOut } from "./stdio.js";

const MAX_FRAMES_PER_FILE = 20;

export async function textReport(findings: Findings, cwd: string): Promise<string> {
  // Lines wanted per file: the document's, and an external DTD's for errors located in it.
  const wanted = new Map<string, Set<number>>();
  for (const f of findings.files) {
    for (const d of f.diagnostics.slice(0, MAX_FRAMES_PER_FILE)) {
      const at = locationFile(f.file, d, cwd);
      let set = wanted.get(at);
      if (set === undefined) wanted.set(at, (set = new Set()));
      for (const n of frameLines(d)) set.add(n);
    }
  }
  const sources = new Map<string, SourceLines>();
  for (const [file, lines] of wanted) sources.set(file, await readLines(resolve(cwd, file), lines));
  return formatText(findings, sources, { color: useColor(), maxFrames: MAX_FRAMES_PER_FILE, cwd });
}

export async function printFindings(findings: Findings, format: "text" | "json", cwd: string): Promise<void> {
  writeOut(format === "json" ? formatJson(findings) : await textReport(findings, cwd));
}
