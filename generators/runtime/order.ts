/**
 * Document order of an element's children in the object form. fast-xml-parser's object form groups
 * children by name; `parseX` also records, per element object, the sequence it read: child element
 * names, and "#"-prefixed text segments found where only elements may be (XML names never start
 * with "#"). It is a non-enumerable Symbol-keyed property, so JSON.stringify, deep-equal and
 * serialize do not see it; objects built by hand simply have none.
 */
export const ORDER: unique symbol = Symbol.for("qxml.childOrder");

/** Child element names, and "#text" segments as "#" + text, in document order. */
export type ChildOrder = readonly string[];

export function isTextEntry(entry: string): boolean {
  return entry.charCodeAt(0) === 35; // "#"
}

/** Attaches `order` to `obj` without making it part of its data. */
export function setOrder(obj: object, order: ChildOrder): void {
  Object.defineProperty(obj, ORDER, { value: order, enumerable: false, writable: true, configurable: true });
}

/** The recorded order of `obj`, if it has one. */
export function recordedOrder(obj: object): ChildOrder | undefined {
  const o = (obj as { [ORDER]?: unknown })[ORDER];
  return Array.isArray(o) ? (o as string[]) : undefined;
}

/**
 * The recorded order of `v` when it still describes `v`: each child property holds exactly as many
 * items as the order names it, and (`textRecorded`: element-only content) "#text" is present exactly
 * when text segments were recorded. An object edited after parsing (a child added, removed or
 * replaced by an array of another length) no longer matches and gets the order-free checks.
 */
export function orderOf(v: Record<string, unknown>, textRecorded: boolean): ChildOrder | null {
  const order = recordedOrder(v);
  if (order === undefined) return null;
  const counts = new Map<string, number>();
  let text = false;
  for (const e of order) {
    if (isTextEntry(e)) text = true;
    else counts.set(e, (counts.get(e) ?? 0) + 1);
  }
  let names = 0;
  for (const k of Object.keys(v)) {
    if (k.startsWith("@_") || k === "#text") continue;
    const c = v[k];
    const n = c === undefined ? 0 : Array.isArray(c) ? c.length : 1;
    if ((counts.get(k) ?? 0) !== n) return null;
    if (n > 0) names++;
  }
  if (names !== counts.size) return null;
  if (textRecorded && (v["#text"] !== undefined) !== text) return null;
  return order;
}
