/**
 * The streaming XML reader: bytes or strings in, XmlHandler calls out.
 *
 *   const r = createReader(handler, { file: "scan.xml" });
 *   r.write(chunk); ...; r.close();
 *
 * Chunks may split anywhere (inside a UTF-8 sequence, a surrogate pair, a CRLF, a tag, a
 * reference). After a fatal error the reader ignores further input; `end` is called on close.
 */
import { closeSync, openSync, readSync } from "node:fs";
import type { XmlHandler } from "./events.js";
import { ByteDecoder } from "./decode.js";
import { defaultDtdParser } from "./dtd-hook.js";
import { DEFAULT_LIMITS, type ReaderOptions, type ResolvedOptions } from "./options.js";
import { Parser } from "./parser.js";

export type { ReaderLimits, ReaderOptions } from "./options.js";
export { DEFAULT_LIMITS } from "./options.js";

export interface XmlReader {
  /** Keeps no reference to a byte chunk: the caller may reuse its memory for the next one. */
  write(chunk: Uint8Array | string): void;
  close(): void;
  /** True once a fatal error was reported. */
  readonly failed: boolean;
}

function resolveOptions(o: ReaderOptions): ResolvedOptions {
  return {
    file: o.file ?? "",
    namespaces: o.namespaces ?? true,
    resolveEntity: o.resolveEntity,
    loadExternalDtd: o.loadExternalDtd ?? false,
    limits: { ...DEFAULT_LIMITS, ...(o.limits ?? {}) },
    dtdParser: o.dtdParser ?? defaultDtdParser,
    dtdCache: o.dtdCache,
  };
}

export function createReader(handler: XmlHandler, options: ReaderOptions = {}): XmlReader {
  const p = new Parser(handler, resolveOptions(options));
  let decoder: ByteDecoder | null = null;
  let first = true;
  let closed = false;
  return {
    get failed() {
      return p.stopped;
    },
    write(chunk) {
      if (closed || p.stopped) return;
      if (typeof chunk === "string") {
        // A string is already decoded: only a leading byte-order mark is dropped.
        if (first && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
        if (chunk.length > 0) first = false;
        p.append(chunk);
      } else {
        decoder ??= new ByteDecoder();
        const d = decoder.push(chunk);
        if (p.detected === null && decoder.encoding !== undefined) p.detected = { encoding: decoder.encoding, bom: decoder.bom };
        p.append(d.text, d.error, false, d.checked === true);
      }
      p.run();
    },
    close() {
      if (closed) return;
      closed = true;
      if (!p.stopped) {
        const d = decoder?.end();
        p.append(d?.text ?? "", d?.error, true);
        p.run();
      }
      handler.end?.();
      p.release();
    },
  };
}

export function readString(text: string, handler: XmlHandler, options: ReaderOptions = {}): void {
  const r = createReader(handler, options);
  r.write(text);
  r.close();
}

/** Bytes read per call (larger chunks measured no faster and raised peak RSS). */
const CHUNK_BYTES = 64 * 1024;
/** Chunks read between yields to the event loop (about 1 MB: a few milliseconds of reading). */
const CHUNKS_PER_TURN = 16;
/**
 * The first reads are small, so that the paths taken when a token is cut off by the end of a
 * chunk run many times before the JIT optimises the reader: otherwise the first 64 KiB boundary
 * deoptimises every token function at once and each is compiled again (measured on a 10 MB file:
 * 9 deoptimisations and ≈ 60 ms of extra compiling).
 */
const WARM_READS = 32;
const WARM_BYTES = 2 * 1024;

/**
 * A read buffer kept for the next readFile: one new 64 KiB buffer per file was external memory
 * that made a run over thousands of small files spend a quarter of its time collecting garbage.
 */
let spare: Buffer | undefined;

/**
 * Streams a file through the reader in 64 KiB chunks; stops reading after a fatal error.
 *
 * The chunks are read synchronously, yielding to the event loop after every ~1 MB: a read
 * stream's thread-pool round trip per chunk cost about 100 ms of CPU per 100 MB, a tenth of the
 * whole reading time. One buffer serves every read: the decoder copies what it keeps.
 * A read error rejects the promise (and `end` is not called).
 */
export async function readFile(path: string, handler: XmlHandler, options: ReaderOptions = {}): Promise<void> {
  const r = createReader(handler, { file: path, ...options });
  const fd = openSync(path, "r");
  // Taken while in use, so that a read started meanwhile (another file, a handler's) gets its own.
  const chunk = spare ?? Buffer.allocUnsafe(CHUNK_BYTES);
  spare = undefined;
  try {
    for (let n = 1; ; n++) {
      const got = readSync(fd, chunk, 0, n <= WARM_READS ? WARM_BYTES : CHUNK_BYTES, null);
      if (got === 0) break;
      r.write(got === CHUNK_BYTES ? chunk : chunk.subarray(0, got));
      if (r.failed) break;
      if (n % CHUNKS_PER_TURN === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    closeSync(fd);
    spare = chunk;
  }
  r.close();
}
