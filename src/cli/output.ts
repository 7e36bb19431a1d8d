/** Small output helpers shared by the commands. */
import type { Diagnostic } from "../diagnostics/diagnostic.js";

export function formatDiagnosticLine(file: string, d: Diagnostic): string {
  return `${file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`;
}

export function useColor(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && process.env.NO_COLOR === undefined && process.env.TERM !== "dumb";
}
