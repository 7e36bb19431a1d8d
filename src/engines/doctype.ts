/**
 * Reads the DOCTYPE name and external identifiers from a document's prolog, for engines that do
 * not report them (libxml2-wasm exposes no accessor). Only the prolog is scanned; a malformed
 * prolog simply yields undefined (the engine reports the well-formedness error itself).
 */

const DOCTYPE =
  /<!DOCTYPE\s+([^\s>[]+)(?:\s+(?:SYSTEM\s+("[^"]*"|'[^']*')|PUBLIC\s+("[^"]*"|'[^']*')\s+("[^"]*"|'[^']*')))?/;

/** Only this much of the head of a document is looked at: a prolog is small. */
const PROLOG_LIMIT = 64 * 1024;

function unquote(s: string | undefined): string | undefined {
  return s === undefined ? undefined : s.slice(1, -1);
}

function matchDoctype(head: string): RegExpExecArray | null {
  const prolog = head.slice(0, PROLOG_LIMIT);
  // The DOCTYPE must come before the first element start tag.
  const firstElement = prolog.search(/<[A-Za-z_:\u00C0-\uFFFF]/);
  return DOCTYPE.exec(firstElement < 0 ? prolog : prolog.slice(0, firstElement));
}

export function readDoctype(head: string): { name: string; systemId?: string; publicId?: string } | undefined {
  const m = matchDoctype(head);
  if (m === null) return undefined;
  const out: { name: string; systemId?: string; publicId?: string } = { name: m[1] };
  const systemId = unquote(m[2] ?? m[4]);
  const publicId = unquote(m[3]);
  if (systemId !== undefined) out.systemId = systemId;
  if (publicId !== undefined) out.publicId = publicId;
  return out;
}

/**
 * Where the DOCTYPE starts, as qxml locates it: lines break at CR LF, CR and LF, columns count
 * characters (code points), both 1-based. Undefined without a DOCTYPE.
 */
export function doctypePosition(head: string): { line: number; column: number } | undefined {
  const m = matchDoctype(head);
  if (m === null) return undefined;
  const before = head.slice(0, m.index).split(/\r\n|\r|\n/);
  return { line: before.length, column: Array.from(before[before.length - 1]).length + 1 };
}
