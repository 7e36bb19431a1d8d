/**
 * ID / IDREF bookkeeping for one document: the only per-document state that grows with the
 * document (one entry per ID value and per IDREF until the end).
 */

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
    this.ids.set(value, line);
    return undefined;
  }

  reference(ref: PendingRef): void {
    this.refs.push(ref);
  }

  /** The references that name no ID, in document order (call at the end of the document). */
  unresolved(): PendingRef[] {
    return this.refs.filter((r) => !this.ids.has(r.value));
  }
}
