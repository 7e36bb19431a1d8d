/**
 * External DTD subsets parsed once per run. A CI job that validates hundreds of payloads naming
 * the same DTD parsed and compiled it for every one (3,000 policy exports of 4 KB: 6.2 s, most of
 * it building the same model again; xmllint 0.5 s).
 *
 * Only a DOCTYPE without an internal subset is served from here: its DTD is then the external
 * subset alone, the same for every document that names a file with the same text. A subset that
 * read external parameter entities is not kept: whether those may be read depends on the
 * document's folder (src/xml/resolve.ts), so the next document must ask again.
 *
 * Below the subsets, the run also keeps the external files it read (bytes, while the file's
 * metadata is unchanged) and the text the reader made of them (for the same bytes).
 */
import { statSync } from "node:fs";
import type { DtdDocument } from "../dtd/syntax.js";
import type { DtdParser } from "./dtd-hook.js";
import { readWholeFile } from "./whole-file.js";

/**
 * What is kept, at most: a run over documents that each name another large DTD must not hold
 * them all (a DTD's model takes ≈ 35 bytes of heap per byte of its text). The least recently
 * used subset goes first.
 */
export const DTD_CACHE_LIMITS = { entries: 32, chars: 8_000_000 };

interface Entry {
  file: string;
  text: string;
  parser: DtdParser;
  /** As the parser left it, before the whole-DTD checks; never handed out (copies are). */
  doc: DtdDocument;
}

/** An external file's bytes as last read, and the text the reader made of them. */
interface DecodedText {
  bytes: Uint8Array;
  text: string;
}

/** A file's bytes, and what its metadata said when they were read. */
interface FileBytes {
  stamp: string;
  bytes: Uint8Array;
}

/** Least recently used first out, within DTD_CACHE_LIMITS (a count of entries, a total size). */
class Lru<V> {
  /** In order of use, least recent first. */
  private readonly map = new Map<string, V>();
  private chars = 0;

  constructor(private readonly charsOf: (v: V) => number) {}

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }

  set(key: string, v: V): void {
    this.delete(key);
    this.map.set(key, v);
    this.chars += this.charsOf(v);
    for (const oldest of this.map.keys()) {
      if (this.map.size <= DTD_CACHE_LIMITS.entries && this.chars <= DTD_CACHE_LIMITS.chars) break;
      this.delete(oldest);
    }
  }

  get size(): number {
    return this.map.size;
  }

  private delete(key: string): void {
    const v = this.map.get(key);
    if (v === undefined) return;
    this.map.delete(key);
    this.chars -= this.charsOf(v);
  }
}

export class DtdCache {
  private readonly entries = new Lru<Entry>((e) => e.text.length);
  /**
   * Each external file's text by its path: a document still resolves the file (whether it may
   * read it is its own folder's business), but the same bytes are not decoded and checked again
   * (a tenth of a run over two thousand documents naming one DTD), and the kept subset is then
   * found by comparing one string with itself.
   */
  private readonly texts = new Lru<DecodedText>((t) => t.text.length);
  /** Each external file's bytes by its path (readFile). */
  private readonly files = new Lru<FileBytes>((f) => f.bytes.length);
  /** Each copy handed out → the entry it was copied from. */
  private readonly origins = new WeakMap<DtdDocument, Entry>();

  /** A fresh copy of the subset parsed from `text` of `file` under `limitsKey`, or undefined. */
  lookup(file: string, text: string, limitsKey: string, parser: DtdParser): DtdDocument | undefined {
    const e = this.entries.get(`${limitsKey}\u0000${file}`);
    if (e === undefined || e.text !== text || e.parser !== parser) return undefined;
    return this.copy(e);
  }

  /** Keeps `doc` (just parsed from `text`, nothing else read) and returns the copy to use. */
  store(file: string, text: string, limitsKey: string, parser: DtdParser, doc: DtdDocument): DtdDocument {
    const e: Entry = { file, text, parser, doc: { ...doc, diagnostics: doc.diagnostics.slice() } };
    this.entries.set(`${limitsKey}\u0000${file}`, e);
    return this.copy(e);
  }

  /** The text made of `bytes` of `file` earlier in the run, when these are the same bytes. */
  decodedText(file: string, bytes: Uint8Array): string | undefined {
    const t = this.texts.get(file);
    if (t === undefined) return undefined;
    return t.bytes === bytes || (t.bytes.length === bytes.length && Buffer.compare(t.bytes, bytes) === 0) ? t.text : undefined;
  }

  /**
   * Reads a file as readWholeFile does, but a file read before in the run whose device, inode,
   * size and change times are the same is not read again (git's index trusts the same
   * metadata): two thousand documents naming one DTD opened and read it two thousand times.
   */
  readFile(file: string): Uint8Array {
    const st = statSync(file);
    const stamp = `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
    const kept = this.files.get(file);
    if (kept !== undefined && kept.stamp === stamp) return kept.bytes;
    const bytes = readWholeFile(file);
    this.files.set(file, { stamp, bytes });
    return bytes;
  }

  /** Keeps the text made of `bytes` of `file`: decoded, checked, line ends and text declaration done. */
  keepDecodedText(file: string, bytes: Uint8Array, text: string): void {
    this.texts.set(file, { bytes, text });
  }

  /**
   * The kept subset a copy came from (the same object for every copy) and its file, so that what
   * is derived from it (the schema model) can be derived once; undefined for a DTD not from here.
   */
  origin(doc: DtdDocument): { doc: DtdDocument; file: string } | undefined {
    return this.origins.get(doc);
  }

  /** How many subsets are kept (for tests). */
  get size(): number {
    return this.entries.size;
  }

  /**
   * The declaration tables are shared: after the parse nothing adds to them. The diagnostics
   * are not: the whole-DTD checks append theirs to each document's copy.
   */
  private copy(e: Entry): DtdDocument {
    const doc = { ...e.doc, diagnostics: e.doc.diagnostics.slice() };
    this.origins.set(doc, e);
    return doc;
  }
}
