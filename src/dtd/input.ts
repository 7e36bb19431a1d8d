/**
 * One piece of DTD text being read: a file, an internal subset, or the replacement text of a
 * parameter entity. Inputs stack up as parameter entities are expanded; each knows where its
 * characters stand in its file so diagnostics carry file:line:column.
 */
import type { SourceLocation } from "../schema/model.js";

export interface InputOrigin {
  file: string;
  /** Line and column of the text's first character in `file` (internal subsets start mid-file). */
  line: number;
  column: number;
}

export class Input {
  pos = 0;
  /** True for a parameter entity referenced between declarations: its text must be whole declarations. */
  declSep = false;
  private lineStarts: number[] | undefined;

  constructor(
    readonly text: string,
    /** Where the text stands; for an internal entity's replacement text, null: positions map to `refLocation`. */
    readonly origin: InputOrigin | null,
    /** The parameter entity this text is the replacement of, or null for a file/subset. */
    readonly entity: string | null,
    /** True for the external subset, external entities and any parameter entity text (XML 1.0 §2.9). */
    readonly external: boolean,
    /** Where the reference that opened this input stands (for entity text without an origin). */
    readonly refLocation: SourceLocation | null,
  ) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  /** file:line:column of offset `at` in this input. */
  locate(at: number): SourceLocation {
    if (this.origin === null) return this.refLocation ?? { file: "", line: 1, column: 1 };
    const starts = (this.lineStarts ??= computeLineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    const line = this.origin.line + lo;
    const column = (lo === 0 ? this.origin.column : 1) + (at - starts[lo]);
    return { file: this.origin.file, line, column };
  }
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x0a) starts.push(i + 1);
  return starts;
}

/** XML 1.0 §2.11: CR LF and lone CR become LF before parsing. */
export function normalizeNewlines(text: string): string {
  return text.indexOf("\r") < 0 ? text : text.replace(/\r\n?/g, "\n");
}

const ILLEGAL_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Offset of the first character the Char production forbids (lone surrogates included), or -1. */
export function firstIllegalChar(text: string): number {
  const m = ILLEGAL_CHAR.exec(text);
  return m === null ? -1 : m.index;
}
