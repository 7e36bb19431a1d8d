/** Small output helpers shared by the commands. */
import { existsSync } from "node:fs";
import { basename } from "node:path";
import type { ConfigError } from "../config/config.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { locationFile, shownPath } from "../diagnostics/location.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { kindFromPath } from "../schema/load.js";
import type { Catalog } from "../schema/catalog.js";
import { isTerminal } from "./stdio.js";

/** A path as the user would write it: relative to the working directory when it lies below it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  return shownPath(file, cwd);
}

export function formatConfigError(e: ConfigError, cwd = process.cwd()): string {
  const where = e.line === 0 ? displayPath(e.file, cwd) : `${displayPath(e.file, cwd)}:${e.line}:${e.column}`;
  return `qxml: config error: ${where}: ${e.detail}\n`;
}

export function formatDiagnosticLine(file: string, d: Diagnostic): string {
  return `${file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`;
}

/** Colour on standard output: a terminal, and neither NO_COLOR nor TERM=dumb. */
export function useColor(): boolean {
  return process.env.NO_COLOR === undefined && process.env.TERM !== "dumb" && isTerminal(1);
}

/** A schema's own diagnostic (reading a DTD or XSD), with its hint, on stderr. */
/** A schema diagnostic under the file it is in: an included, imported or entity file names itself. */
export function formatSchemaDiagnostic(file: string, d: Diagnostic): string {
  const lines = [formatDiagnosticLine(locationFile(displayPath(file), d, process.cwd()), d)];
  if (d.hint !== undefined) lines.push(`  hint: ${d.hint}`);
  return lines.join("\n") + "\n";
}

/** Why `ref` names no schema: a missing file, or an unknown name (with the nearest one). */
export function unknownSchema(ref: string, catalog: Catalog): string {
  if (kindFromPath(ref) !== undefined && !existsSync(ref)) {
    // `--schema policy_export_output.dtd` names a bundled file the way the catalog lists it; say
    // which name selects it rather than picking it silently (a missing local file may be a typo).
    const bundled = catalog.entries.find((e) => basename(e.file) === basename(ref));
    const hint = bundled === undefined ? "" : `; the catalog has a schema in a file of that name: use --schema ${bundled.name}`;
    return `no such schema file: ${ref}${hint}`;
  }
  if (kindFromPath(ref) === undefined && existsSync(ref)) return `${ref} exists, but a schema file's name must end in .dtd or .xsd (that is how qxml picks the reader); copy or rename it`;
  const names = catalog.entries.map((e) => e.name);
  const near = didYouMean(ref, names);
  return `"${ref}" is neither a schema name nor a .dtd/.xsd file${near !== undefined ? `; did you mean "${near}"?` : ""} (names: ${names.join(", ")}; see \`qxml schema list\`)`;
}
