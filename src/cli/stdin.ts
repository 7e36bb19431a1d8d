/**
 * `-` on the command line: standard input, spooled to a private temporary file first.
 *
 * Why a file: the pipeline reads a document more than once (the head to choose the schema, the
 * stream to validate it, lines again for code frames), and a pipe can be read once. The copy is
 * made 1 MB at a time (constant memory for a 100 MB pipe), lives in a fresh folder of its own
 * (mkdtemp: mode 0700, the file 0600), and is removed when the command ends, fails, or is
 * interrupted (SIGINT, SIGTERM, SIGHUP).
 */
import { closeSync, fstatSync, mkdtempSync, openSync, read, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StdinSource } from "../pipeline/stdin-source.js";
import { STDIN_INPUT, UsageError } from "./files.js";

/** How `-` is named in findings, text, JSON and SARIF unless --stdin-filename names it. */
export const STDIN_NAME = "<stdin>";

/** The prefix of the spool folder under os.tmpdir() (tests look for leftovers by it). */
export const SPOOL_PREFIX = "qxml-stdin-";

export interface StdinDocument {
  /** The name shown for it: `<stdin>` or --stdin-filename's. */
  name: string;
  /** The name came from --stdin-filename: the config's file globs apply to it. */
  named: boolean;
  /** The private copy the pipeline reads. */
  path: string;
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Whether standard input is a terminal. Like stdio.ts, process.stdin (which loads node:tty and
 * node:stream) is touched only for a character device, and to spool.
 */
function stdinIsTerminal(): boolean {
  try {
    if (!fstatSync(0).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return process.stdin.isTTY === true;
}

/** One read of up to buf.length bytes of standard input, on libuv's thread pool (signals stay handled). */
function readStdin(buf: Buffer): Promise<number> {
  return new Promise((done, fail) => read(0, buf, 0, buf.length, null, (e, n) => (e ? fail(e) : done(n))));
}

const SPOOL_CHUNK = 1 << 20;
const SPOOL_FIX = "set TMPDIR to a writable folder with room, or save the document and name the file";
/** How long to wait before asking a non-blocking standard input (EAGAIN) again. */
const RETRY_MS = 5;

/**
 * Copies standard input into `path` through one reused buffer: memory stays constant whatever
 * the size (a stream would allocate a new buffer per chunk and leave the collector ~30 MB behind).
 */
async function spool(path: string): Promise<void> {
  const fail = (what: string, e: unknown, fix: string) => {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return new UsageError(`${what} (${code}); ${fix}`);
  };
  let fd: number;
  try {
    fd = openSync(path, "wx", 0o600);
  } catch (e) {
    throw fail(`cannot create a temporary file in ${tmpdir()} for standard input`, e, SPOOL_FIX);
  }
  const buf = Buffer.allocUnsafe(SPOOL_CHUNK);
  try {
    for (;;) {
      let n: number;
      try {
        n = await readStdin(buf);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        // A non-blocking pipe handed down by the caller has no data yet: wait, then ask again.
        if (code === "EAGAIN") {
          await new Promise((wake) => setTimeout(wake, RETRY_MS));
          continue;
        }
        // Windows reports the end of a pipe as an error.
        if (code === "EOF") break;
        throw fail("cannot read standard input", e, "save the document and name the file");
      }
      if (n === 0) break;
      try {
        for (let done = 0; done < n; ) done += writeSync(fd, buf, done, n - done);
      } catch (e) {
        throw fail(`cannot copy standard input to a temporary file in ${tmpdir()}`, e, SPOOL_FIX);
      }
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Runs `run` with standard input spooled when `wanted` (the inputs hold `-`), else with
 * undefined. The spool folder is gone when this returns or throws, and on a signal the folder is
 * removed before the process dies of that signal.
 */
export async function withStdin<T>(wanted: boolean, stdinFilename: string | undefined, run: (stdin: StdinDocument | undefined) => Promise<T>): Promise<T> {
  if (!wanted) {
    if (stdinFilename !== undefined) throw new UsageError("--stdin-filename names standard input, but '-' is not among the inputs");
    return run(undefined);
  }
  if (stdinFilename !== undefined && stdinFilename.trim() === "") throw new UsageError("--stdin-filename needs a name, e.g. --stdin-filename profiles/weekly.xml");
  // Nothing piped: waiting for the user to type a document is never what was meant.
  if (stdinIsTerminal()) throw new UsageError("standard input is a terminal: pipe a document into qxml, or name files");
  let dir: string;
  try {
    dir = mkdtempSync(join(tmpdir(), SPOOL_PREFIX));
  } catch (e) {
    throw new UsageError(`cannot create a temporary folder in ${tmpdir()} for standard input (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); ${SPOOL_FIX}`);
  }
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const onSignal = (signal: NodeJS.Signals) => {
    remove();
    unlisten();
    // Die of the same signal, so the exit status says what happened (130 for SIGINT).
    process.kill(process.pid, signal);
  };
  const unlisten = () => {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    process.removeListener("exit", remove);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  // process.exit() skips finally blocks; 'exit' listeners still run (synchronously).
  process.on("exit", remove);
  try {
    const path = join(dir, "stdin.xml");
    await spool(path);
    return await run({ name: stdinFilename ?? STDIN_NAME, named: stdinFilename !== undefined, path });
  } finally {
    unlisten();
    remove();
  }
}

/** One document to check: its shown name, and where its bytes are when that is not at the name. */
export interface Document {
  file: string;
  stdin?: StdinSource;
}

/** The discovered inputs as documents: `-` becomes standard input under its name. */
export function documentsOf(files: readonly string[], stdin: StdinDocument | undefined): Document[] {
  return files.map((f) => (f === STDIN_INPUT && stdin !== undefined ? { file: stdin.name, stdin: { path: stdin.path, named: stdin.named } } : { file: f }));
}

/** Shown name → spooled copy, for the code frames of the text report. */
export function spooledFiles(stdin: StdinDocument | undefined): Map<string, string> {
  return new Map(stdin !== undefined ? [[stdin.name, stdin.path]] : []);
}
