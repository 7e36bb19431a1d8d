/**
 * External DTD subsets parsed once per run. A CI job that validates hundreds of payloads naming
 * the same DTD parsed and compiled it for every one (3,000 policy exports of 4 KB: 6.2 s, most of
 * it building the same model again; xmllint 0.5 s).
 *
 * Only a DOCTYPE without an internal subset is served from here: its DTD is then the external
 * subset alone, the same for every document that names a file with the same text. A subset that
 * read external parameter entities is not kept: whether those may be read depends on the
 * document's folder (src/xml/resolve.ts), so the next document must ask again.
 */
import type { DtdDocument } from "../dtd/syntax.js";
import type { DtdParser } from "./dtd-hook.js";

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

export class DtdCache {
  /** In order of use, least recent first. */
  private readonly entries = new Map<string, Entry>();
  private chars = 0;
  /** Each copy handed out → the entry it was copied from. */
  private readonly origins = new WeakMap<DtdDocument, Entry>();

  /** A fresh copy of the subset parsed from `text` of `file` under `limitsKey`, or undefined. */
  lookup(file: string, text: string, limitsKey: string, parser: DtdParser): DtdDocument | undefined {
    const key = `${limitsKey}\u0000${file}`;
    const e = this.entries.get(key);
    if (e === undefined || e.text !== text || e.parser !== parser) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e);
    return this.copy(e);
  }

  /** Keeps `doc` (just parsed from `text`, nothing else read) and returns the copy to use. */
  store(file: string, text: string, limitsKey: string, parser: DtdParser, doc: DtdDocument): DtdDocument {
    const e: Entry = { file, text, parser, doc: { ...doc, diagnostics: doc.diagnostics.slice() } };
    const key = `${limitsKey}\u0000${file}`;
    this.forget(key);
    this.entries.set(key, e);
    this.chars += text.length;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= DTD_CACHE_LIMITS.entries && this.chars <= DTD_CACHE_LIMITS.chars) break;
      this.forget(oldest);
    }
    return this.copy(e);
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

  private forget(key: string): void {
    const e = this.entries.get(key);
    if (e === undefined) return;
    this.entries.delete(key);
    this.chars -= e.text.length;
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
