/**
 * libxml2's file access, routed through qxml's EntityResolver. libxml2 keeps one global table of
 * input callbacks; we register one provider that claims every name (so libxml2's own loaders are
 * never consulted) and answers from the resolver of the libxml2 call in progress. libxml2-wasm
 * calls are synchronous, so "the call in progress" is a scope set and restored around each call.
 * A name the resolver refuses (network, outside the allowed folders) is not opened, and the
 * refusal is kept so the engine can report why.
 */
import { fileURLToPath } from "node:url";
import { isRefusal, type EntityResolver } from "../xml/resolve.js";
import type { Libxml2Module } from "./libxml2-load.js";

export interface ReadScope {
  resolver: EntityResolver;
  /** The file whose references are being resolved (document or schema), for relative names. */
  base: string;
  /** Each refused name (as a path or URL) and why it was refused, in order. */
  refusals: Refusal[];
  /** Files actually read, in order (for reports and tests). */
  reads: string[];
}

export interface Refusal {
  name: string;
  reason: string;
}

interface OpenFile {
  bytes: Uint8Array;
  pos: number;
}

/** The libxml2 call in progress; null between calls, when every open is refused. */
let scope: ReadScope | null = null;
const openFiles = new Map<number, OpenFile>();
let nextFd = 1;
const registered = new WeakSet<object>();

function toSystemId(name: string): string {
  if (name.startsWith("file:")) {
    try {
      return fileURLToPath(name);
    } catch {
      return name;
    }
  }
  return name;
}

function open(name: string): number | undefined {
  if (scope === null) return undefined;
  const systemId = toSystemId(name);
  const got = scope.resolver(systemId, undefined, scope.base);
  if (isRefusal(got)) {
    scope.refusals.push({ name: systemId, reason: got.error });
    return undefined;
  }
  scope.reads.push(got.file);
  const fd = nextFd++;
  openFiles.set(fd, { bytes: got.bytes, pos: 0 });
  return fd;
}

function read(fd: number, buf: Uint8Array): number {
  const f = openFiles.get(fd);
  if (f === undefined) return -1;
  const n = Math.min(buf.byteLength, f.bytes.byteLength - f.pos);
  buf.set(f.bytes.subarray(f.pos, f.pos + n));
  f.pos += n;
  return n;
}

function close(fd: number): boolean {
  return openFiles.delete(fd);
}

/** Registers the provider with this libxml2 module instance (once). */
export function installInputProvider(lib: Libxml2Module): void {
  if (registered.has(lib)) return;
  const ok = lib.xmlRegisterInputProvider({ match: () => true, open, read, close });
  if (!ok) throw new Error("libxml2 refused the qxml input provider (its callback table is full)");
  registered.add(lib);
}

/** Runs one synchronous libxml2 call with `s` answering its file reads. */
export function withReadScope<T>(s: ReadScope, fn: () => T): T {
  const previous = scope;
  scope = s;
  try {
    return fn();
  } finally {
    scope = previous;
  }
}
