/**
 * One open element during validation: what it is, where its content model stands, and what the
 * engine needs for paths and diagnostics. Frames are reused from a stack, so their fields are
 * reset by the engine (`push`), not reallocated.
 */
import type { MatchRun } from "./automaton.js";
import type { CompiledElement, CompiledType } from "./compile.js";

/** Distinct child names counted in a list before a Map takes over (bounded work per child). */
const SHORT_CHILD_LIST = 16;

export class Frame implements MatchRun {
  el: CompiledElement | null = null;
  type: CompiledType | null = null;
  skip = false;
  name = "";
  index = 1;
  state = 0;
  counters = new Int32Array(4);
  /** Child counts by name, for path positions: a short list first (no allocation once warm), a Map beyond it. */
  childNames: string[] = [];
  childCounts: number[] = [];
  childLen = 0;
  childMap: Map<string, number> | null = null;

  /** Counts one more child named `name`; returns its 1-based position among same-named siblings. */
  countChild(name: string): number {
    for (let i = 0; i < this.childLen; i++) {
      if (this.childNames[i] === name) return ++this.childCounts[i];
    }
    if (this.childLen < SHORT_CHILD_LIST) {
      this.childNames[this.childLen] = name;
      this.childCounts[this.childLen++] = 1;
      return 1;
    }
    this.childMap ??= new Map();
    const n = (this.childMap.get(name) ?? 0) + 1;
    this.childMap.set(name, n);
    return n;
  }

  resetChildren(): void {
    this.childLen = 0;
    this.childMap = null;
  }

  line = 0;
  column = 0;
  text = "";
  textLine = 0;
  textColumn = 0;
  contentReported = false;
  nil = false;
  /** The current text run (adjacent text calls): where it starts, and bad text in element-only content. */
  runOpen = false;
  runLine = 0;
  runColumn = 0;
  badText: string | null = null;
  /** Expected children skipped by error recovery (null: none), so a moved child is reported once. */
  skipped: string[] | null = null;
}
