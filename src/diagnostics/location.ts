/**
 * Which file a diagnostic's line and column are in. Usually the document; but an error in an
 * external DTD the document's DOCTYPE names (a dtd/ syntax error, say) is located in that DTD:
 * its `schemaLocation` then holds the same line and column and the DTD's path.
 */
import { basename, dirname, isAbsolute, relative, resolve, sep } from "node:path";
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

/**
 * How a message names the place of an earlier declaration ("first at ..."): by line and column
 * when it is in the file the diagnostic is about (that file is already on the diagnostic's line),
 * else by a path relative to that file's folder. An absolute scratch or home path made messages
 * long and said the file name twice.
 */
export function earlierPlace(first: { file: string; line: number; column: number }, from: string): string {
  if (first.file === from || first.file === "") return `line ${first.line}, column ${first.column}`;
  const rel = from === "" ? basename(first.file) : relative(dirname(from), first.file);
  return `${rel || basename(first.file)}:${first.line}:${first.column}`;
}
