/**
 * Compiler-style text report: `file:line:col: severity CODE: message`, a code frame with a caret,
 * the element path and a hint, then a summary line. A pure function of the findings and the
 * source lines it is given.
 */
import type { Diagnostic, Findings } from "../diagnostics/diagnostic.js";
import { locationFile } from "../diagnostics/location.js";
import { displayWidth } from "./display-width.js";
import type { SourceLines } from "./source-lines.js";

export interface TextOptions {
  color: boolean;
  /** Code frames for at most this many diagnostics per file. */
  maxFrames: number;
  /** Relative paths are relative to this folder (default: the process's). */
  cwd?: string;
}

const ansi = (code: string, on: boolean) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

/** Lines around each diagnostic that a frame shows. */
export function frameLines(d: Diagnostic): number[] {
  return [d.line - 1, d.line].filter((n) => n >= 1);
}

const MAX_FRAME_WIDTH = 160;

/**
 * What a frame needs of each line it shows: line → characters (UTF-16 code units, two per
 * character for astral ones) from the line's start. The line above is shown from its start, the
 * caret's line up to half a frame past the caret; one more tells the frame that the line goes on.
 */
export function frameNeeds(d: Diagnostic): [line: number, chars: number][] {
  return frameLines(d).map((n) => [n, 2 * ((n === d.line ? Math.max(1, d.column) + MAX_FRAME_WIDTH / 2 : MAX_FRAME_WIDTH) + 1)]);
}
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

function frame(d: Diagnostic, lines: SourceLines, dim: (s: string) => string, caretColor: (s: string) => string): string[] {
  const shown = frameLines(d).filter((n) => lines.has(n));
  if (!shown.includes(d.line)) return [];
  const width = String(d.line).length;
  const out: string[] = [];
  for (const n of shown) {
    // One character for one: the caret's column stays right. Control characters would move or
    // garble the terminal, so they are shown as their Control Pictures (U+2400...).
    const shownText = lines.get(n)!.replace(/\t/g, " ").replace(CONTROL, (c) => String.fromCharCode(c === "\u007f" ? 0x2421 : 0x2400 + c.charCodeAt(0)));
    // Columns count characters (code points), so the line is cut and measured by code point.
    let chars = Array.from(shownText);
    let col = d.column;
    // Keep the caret in view on long (e.g. single-line) documents.
    if (chars.length > MAX_FRAME_WIDTH) {
      const start = n === d.line ? Math.max(0, col - 1 - MAX_FRAME_WIDTH / 2) : 0;
      chars = [...(start > 0 ? ["…"] : []), ...chars.slice(start, start + MAX_FRAME_WIDTH), "…"];
      if (n === d.line) col = col - start + (start > 0 ? 1 : 0);
    }
    const marker = n === d.line ? ">" : " ";
    out.push(`${marker} ${dim(String(n).padStart(width))} | ${chars.join("")}`);
    // The caret's indent is the display width of what precedes it: wide characters take two cells.
    if (n === d.line) out.push(`  ${" ".repeat(width)} | ${" ".repeat(displayWidth(chars.slice(0, Math.max(0, col - 1)).join("")))}${caretColor("^")}`);
  }
  return out;
}

export function formatText(findings: Findings, sources: Map<string, SourceLines>, options: TextOptions): string {
  const red = ansi("31", options.color);
  const yellow = ansi("33", options.color);
  const blue = ansi("36", options.color);
  const dim = ansi("2", options.color);
  const bold = ansi("1", options.color);
  const out: string[] = [];
  const cwd = options.cwd ?? process.cwd();
  for (const f of findings.files) {
    f.diagnostics.forEach((d, i) => {
      // `sources` is keyed by the file the position is in (the document, or an external DTD).
      const at = locationFile(f.file, d, cwd);
      const lines = sources.get(at) ?? new Map();
      const sev = d.severity === "error" ? red("error") : d.severity === "warning" ? yellow("warning") : blue("info");
      out.push(`${bold(`${at}:${d.line}:${d.column}`)}: ${sev} ${dim(d.code)}: ${d.message}`);
      if (at !== f.file) out.push(`  ${dim("in")} the DTD that ${f.file} names`);
      if (i < options.maxFrames) out.push(...frame(d, lines, dim, d.severity === "error" ? red : yellow));
      if (d.path !== undefined) out.push(`  ${dim("at")} ${d.path}`);
      if (d.hint !== undefined) out.push(`  ${blue("hint:")} ${d.hint}`);
      out.push("");
    });
  }
  out.push(summaryLine(findings));
  return out.join("\n") + "\n";
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function summaryLine(findings: Findings): string {
  const s = findings.summary;
  // Infos are printed above, so the count says they were there (they never fail a run).
  const infos = findings.files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === "info").length, 0);
  const tail = infos > 0 ? `, ${plural(infos, "info")}` : "";
  return `${plural(s.files, "file")}: ${s.valid} valid, ${s.invalid} invalid; ${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}${tail}`;
}
