/**
 * Test support: finds the document type declaration of an XML text (system identifier and
 * internal subset with its position) without a full XML reader, so DTD tests can run before
 * the reader exists. Skips comments, PIs and quoted literals while looking for the closing ']'.
 */
export interface Doctype {
  name: string;
  systemId?: string;
  publicId?: string;
  internal?: { text: string; line: number; column: number };
}

function lineCol(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 0x0a) { line++; last = i; }
  return { line, column: at - last };
}

export function findDoctype(xml: string): Doctype | undefined {
  const text = xml.replace(/\r\n?/g, "\n");
  let start = 0;
  for (;;) {
    while (/\s/.test(text[start] ?? "")) start++;
    if (text.startsWith("<?", start)) start = text.indexOf("?>", start) + 2;
    else if (text.startsWith("<!--", start)) start = text.indexOf("-->", start) + 3;
    else break;
    if (start < 2) return undefined;
  }
  if (!text.startsWith("<!DOCTYPE", start)) return undefined;
  const m = /^<!DOCTYPE\s+([^\s[>]+)\s*(?:(SYSTEM)\s*("[^"]*"|'[^']*')|(PUBLIC)\s*("[^"]*"|'[^']*')\s*("[^"]*"|'[^']*'))?\s*/.exec(text.slice(start));
  if (m === null) return undefined;
  const dt: Doctype = { name: m[1] };
  if (m[2] !== undefined) dt.systemId = m[3].slice(1, -1);
  if (m[4] !== undefined) {
    dt.publicId = m[5].slice(1, -1);
    dt.systemId = m[6].slice(1, -1);
  }
  let i = start + m[0].length;
  if (text[i] !== "[") return dt;
  const from = i + 1;
  i = from;
  while (i < text.length) {
    if (text.startsWith("<!--", i)) {
      const e = text.indexOf("-->", i + 4);
      i = e < 0 ? text.length : e + 3;
    } else if (text.startsWith("<?", i)) {
      const e = text.indexOf("?>", i + 2);
      i = e < 0 ? text.length : e + 2;
    } else if (text[i] === '"' || text[i] === "'") {
      const e = text.indexOf(text[i], i + 1);
      i = e < 0 ? text.length : e + 1;
    } else if (text[i] === "]") {
      break;
    } else i++;
  }
  dt.internal = { text: text.slice(from, i), ...lineCol(text, from) };
  return dt;
}
