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

interface Entry {
  file: string;
  text: string;
  parser: DtdParser;
  /** As the parser left it, before the whole-DTD checks; never handed out (copies are). */
  doc: DtdDocument;
}

export class DtdCache {
  private readonly entries = new Map<string, Entry>();
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

  /**
   * The kept subset a copy came from (the same object for every copy) and its file, so that what
   * is derived from it (the schema model) can be derived once; undefined for a DTD not from here.
   */
  origin(doc: DtdDocument): { doc: DtdDocument; file: string } | undefined {
    return this.origins.get(doc);
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
