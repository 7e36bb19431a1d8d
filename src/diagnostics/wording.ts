/** How every qxml message lists alternatives; the diagnostic sweeps parse this form. */

/** "a" alone, else "one of a, b or c". */
export function oneOf(items: readonly string[]): string {
  return items.length === 1 ? items[0] : `one of ${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}
