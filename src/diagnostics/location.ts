/**
 * Which file a diagnostic's line and column are in. Usually the document; but an error in an
 * external DTD the document's DOCTYPE names (a dtd/ syntax error, say) is located in that DTD:
 * its `schemaLocation` then holds the same line and column and the DTD's path.
 */
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Diagnostic } from "./diagnostic.js";

/** `file` as the user would write it: relative below `cwd`, else as it is. */
export function shownPath(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(cwd, file);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? file : rel.split(sep).join("/");
}

/** The file (as shown to the user) that `d.line`/`d.column` refer to. */
export function locationFile(documentFile: string, d: Diagnostic, cwd: string): string {
  const at = d.schemaLocation;
  if (at === undefined || at.line !== d.line || at.column !== d.column) return documentFile;
  if (resolve(cwd, at.file) === resolve(cwd, documentFile)) return documentFile;
  return shownPath(at.file, cwd);
}
