/**
 * ID / IDREF bookkeeping for one document: the only per-document state that grows with the
 * document (one entry per ID value, and one per IDREF that names an ID not seen yet, until the
 * end). Keeping every IDREF, path included, held 623 MB for 1 M elements whose IDREFs point back.
 * Values are kept as copies (keep): a slice would keep its whole read chunk alive.
 */
import { keep } from "../diagnostics/keep.js";

export interface PendingRef {
  value: string;
  element: string;
  name: string;
  line: number;
  column: number;
  path: string;
}

export class IdTable {
  private readonly ids = new Map<string, number>();
  private readonly refs: PendingRef[] = [];

  /** Records an ID; returns the line of the earlier use when the value is already taken. */
  define(value: string, line: number): number | undefined {
    const prior = this.ids.get(value);
    if (prior !== undefined) return prior;
    this.ids.set(keep(value), line);
    return undefined;
  }

  /** Whether `value` is already an ID: a reference to it needs no keeping (most IDREFs point back). */
  defines(value: string): boolean {
    return this.ids.has(value);
  }

  /** Keeps a reference to check at the end; callers skip values `defines` already knows. */
  reference(ref: PendingRef): void {
    ref.value = keep(ref.value);
    this.refs.push(ref);
  }

  /** How many references are kept for the end. */
  get pendingCount(): number {
    return this.refs.length;
  }

  /** The references that name no ID, in document order (call at the end of the document). */
  unresolved(): PendingRef[] {
    return this.refs.filter((r) => !this.ids.has(r.value));
  }
}
