/**
 * The streaming XML reader: bytes or strings in, XmlHandler calls out.
 *
 *   const r = createReader(handler, { file: "scan.xml" });
 *   r.write(chunk); ...; r.close();
 *
 * Chunks may split anywhere (inside a UTF-8 sequence, a surrogate pair, a CRLF, a tag, a
 * reference). After a fatal error the reader ignores further input; `end` is called on close.
 */
import { createReadStream } from "node:fs";
import type { XmlHandler } from "./events.js";
import { ByteDecoder } from "./decode.js";
import { defaultDtdParser } from "./dtd-hook.js";
import { DEFAULT_LIMITS, type ReaderOptions, type ResolvedOptions } from "./options.js";
import { Parser } from "./parser.js";

export type { ReaderLimits, ReaderOptions } from "./options.js";
export { DEFAULT_LIMITS } from "./options.js";

export interface XmlReader {
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
        p.append(d.text, d.error);
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
    },
  };
}

export function readString(text: string, handler: XmlHandler, options: ReaderOptions = {}): void {
  const r = createReader(handler, options);
  r.write(text);
  r.close();
}

/** Streams a file through the reader in 64 KiB chunks; stops reading after a fatal error. */
export function readFile(path: string, handler: XmlHandler, options: ReaderOptions = {}): Promise<void> {
  const r = createReader(handler, { file: path, ...options });
  return new Promise((resolve, reject) => {
    const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
    let errored = false;
    stream.on("data", (chunk) => {
      r.write(chunk as Buffer);
      if (r.failed) stream.destroy();
    });
    stream.on("close", () => {
      if (errored) return;
      r.close();
      resolve();
    });
    stream.on("error", (e) => {
      errored = true;
      reject(e);
    });
  });
}
