/** Prints findings as text (with code frames) or JSON; shared by validate and lint. */
import type { Findings } from "../diagnostics/diagnostic.js";
import { formatJson } from "../report/json.js";
import { readLines, type SourceLines } from "../report/source-lines.js";
import { locationFile } from "../diagnostics/location.js";
import { formatText, frameNeeds } from "../report/text.js";
import { resolve } from "node:path";
import { useColor } from "./output.js";
import { writeOut } from "./stdio.js";

const MAX_FRAMES_PER_FILE = 20;

/**
 * `spooled`: shown name → where its bytes are, for a document that is not at its name (standard
 * input's private copy): its code frames are read from there.
 */
export function textReport(findings: Findings, cwd: string, spooled: ReadonlyMap<string, string> = new Map()): string {
  // Lines wanted per file: the document's, and an external DTD's for errors located in it.
  const wanted = new Map<string, Map<number, number>>();
  for (const f of findings.files) {
    for (const d of f.diagnostics.slice(0, MAX_FRAMES_PER_FILE)) {
      const at = locationFile(f.file, d, cwd);
      let lines = wanted.get(at);
      if (lines === undefined) wanted.set(at, (lines = new Map()));
      for (const [n, chars] of frameNeeds(d)) lines.set(n, Math.max(chars, lines.get(n) ?? 0));
    }
  }
  const sources = new Map<string, SourceLines>();
  for (const [file, lines] of wanted) sources.set(file, readLines(spooled.get(file) ?? resolve(cwd, file), lines));
  return formatText(findings, sources, { color: useColor(), maxFrames: MAX_FRAMES_PER_FILE, cwd });
}

export function printFindings(findings: Findings, format: "text" | "json", cwd: string, spooled?: ReadonlyMap<string, string>): void {
  writeOut(format === "json" ? formatJson(findings) : textReport(findings, cwd, spooled));
}
