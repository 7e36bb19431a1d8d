/**
 * A document read from standard input (`qxml validate -`). The CLI spools it to a private
 * temporary file (src/cli/stdin.ts); the pipeline reads the bytes there, while the document's
 * *name* (`<stdin>`, or --stdin-filename's) is what findings show and the place it stands for:
 * relative references (DOCTYPE, external entities) resolve from the name's folder, which for
 * `<stdin>` is the working directory, and never from the temporary folder.
 */
import { resolve } from "node:path";
import { schemaForFile, type QxmlConfig } from "../config/config.js";

export interface StdinSource {
  /** The spooled copy: where the bytes are read from. */
  path: string;
  /**
   * The name was given (--stdin-filename), so the config's file globs apply to it; `<stdin>`
   * names no file and matches no glob (a catch-all `**` would otherwise claim every pipe).
   */
  named: boolean;
}

interface SourceContext {
  cwd: string;
  config: QxmlConfig;
  stdin?: StdinSource;
}

/** Where the bytes of the document named `file` are read from. */
export function documentPath(file: string, ctx: SourceContext): string {
  return ctx.stdin?.path ?? resolve(ctx.cwd, file);
}

/** The schema the config's file globs map the document to, if any. */
export function mappedSchema(file: string, ctx: SourceContext): string | undefined {
  if (ctx.stdin !== undefined && !ctx.stdin.named) return undefined;
  return schemaForFile(ctx.config, file, ctx.cwd);
}
