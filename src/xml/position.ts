/**
 * Line and column of an index in the reader's buffer, computed lazily and incrementally:
 * positions are asked in increasing order, so each character is counted once overall.
 * Columns count characters: the low half of a surrogate pair does not advance the column.
 */
import type { Position } from "./events.js";

export class Tracker {
  line = 1;
  /** Index where the current line starts (negative once the buffer start was discarded). */
  private lineStart = 0;
  /** Newlines before this index have been counted. */
  private scanIdx = 0;
  /** Index of the next newline at or after scanIdx; -1 none in the buffer; -2 not searched yet. */
  private nextNl = -2;
  /** Set once the input contains a surrogate pair; only then are low surrogates counted. */
  astral = false;
  private surrIdx = 0;
  private surrCount = 0;

  /** The column found by the last locate() (the line is `line`). */
  column = 1;

  // The state saved by save(): plain fields, as this runs once per token.
  private sLine = 1;
  private sLineStart = 0;
  private sScanIdx = 0;
  private sNextNl = -2;
  private sSurrIdx = 0;
  private sSurrCount = 0;

  /** Remembers the state, to undo positions computed for a token that turns out incomplete. */
  save(): void {
    this.sLine = this.line;
    this.sLineStart = this.lineStart;
    this.sScanIdx = this.scanIdx;
    this.sNextNl = this.nextNl;
    this.sSurrIdx = this.surrIdx;
    this.sSurrCount = this.surrCount;
  }

  restore(): void {
    this.line = this.sLine;
    this.lineStart = this.sLineStart;
    this.scanIdx = this.sScanIdx;
    this.nextNl = this.sNextNl;
    this.surrIdx = this.sSurrIdx;
    this.surrCount = this.sSurrCount;
  }

  at(buf: string, i: number): Position {
    this.locate(buf, i);
    return { line: this.line, column: this.column };
  }

  /** Sets `line` and `column` to the position of index i, without allocating. */
  locate(buf: string, i: number): void {
    this.advance(buf, i);
    if (!this.astral) {
      this.column = i - this.lineStart + 1;
      return;
    }
    let k = Math.max(this.surrIdx, this.lineStart, 0);
    for (; k < i; k++) {
      const c = buf.charCodeAt(k);
      if (c >= 0xdc00 && c <= 0xdfff) this.surrCount++;
    }
    if (i > this.surrIdx) this.surrIdx = i;
    this.column = i - this.lineStart + 1 - this.surrCount;
  }

  /** Counts the newlines before index i. */
  advance(buf: string, i: number): void {
    // Fast exit: the next newline (already found) lies at or after i.
    if (this.nextNl >= i) return;
    for (;;) {
      if (this.nextNl === -2) this.nextNl = buf.indexOf("\n", this.scanIdx);
      if (this.nextNl === -1 || this.nextNl >= i) return;
      this.line++;
      this.lineStart = this.nextNl + 1;
      this.scanIdx = this.lineStart;
      this.surrIdx = this.lineStart;
      this.surrCount = 0;
      this.nextNl = -2;
    }
  }

  /** The buffer grew: a newline not found before may now exist. */
  grew(): void {
    if (this.nextNl === -1) this.nextNl = -2;
  }

  /** The first n characters of the buffer are being discarded. */
  discard(buf: string, n: number): void {
    this.advance(buf, n);
    if (this.astral) this.locate(buf, n);
    this.lineStart -= n;
    this.scanIdx = Math.max(0, this.scanIdx - n);
    this.surrIdx = Math.max(0, this.surrIdx - n);
    if (this.nextNl >= 0) this.nextNl -= n;
  }
}
