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

  private saved = [1, 0, 0, -2, 0, 0];

  /** Remembers the state, to undo positions computed for a token that turns out incomplete. */
  save(): void {
    const s = this.saved;
    s[0] = this.line;
    s[1] = this.lineStart;
    s[2] = this.scanIdx;
    s[3] = this.nextNl;
    s[4] = this.surrIdx;
    s[5] = this.surrCount;
  }

  restore(): void {
    const s = this.saved;
    this.line = s[0];
    this.lineStart = s[1];
    this.scanIdx = s[2];
    this.nextNl = s[3];
    this.surrIdx = s[4];
    this.surrCount = s[5];
  }

  at(buf: string, i: number): Position {
    this.advance(buf, i);
    if (!this.astral) return { line: this.line, column: i - this.lineStart + 1 };
    let k = Math.max(this.surrIdx, this.lineStart, 0);
    for (; k < i; k++) {
      const c = buf.charCodeAt(k);
      if (c >= 0xdc00 && c <= 0xdfff) this.surrCount++;
    }
    if (i > this.surrIdx) this.surrIdx = i;
    return { line: this.line, column: i - this.lineStart + 1 - this.surrCount };
  }

  /** Counts the newlines before index i. */
  advance(buf: string, i: number): void {
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
    if (this.astral) this.at(buf, n);
    this.lineStart -= n;
    this.scanIdx = Math.max(0, this.scanIdx - n);
    this.surrIdx = Math.max(0, this.surrIdx - n);
    if (this.nextNl >= 0) this.nextNl -= n;
  }
}
