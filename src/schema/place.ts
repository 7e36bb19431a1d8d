/**
 * How a message names the place of an earlier declaration ("first at ..."): by line and column
 * when it is in the file the diagnostic is about (that file is already on the diagnostic's line),
 * else by a path relative to that file's folder. An absolute scratch or home path made messages
 * long and said the file name twice.
 */
import { basename, dirname, relative } from "node:path";
import type { SourceLocation } from "./model.js";

export function earlierPlace(first: SourceLocation, from: string): string {
  if (first.file === from || first.file === "") return `line ${first.line}, column ${first.column}`;
  const rel = from === "" ? basename(first.file) : relative(dirname(from), first.file);
  return `${rel || basename(first.file)}:${first.line}:${first.column}`;
}
