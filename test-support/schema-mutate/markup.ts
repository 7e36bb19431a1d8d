/**
 * A small textual view of an XSD file for the schema mutator: every element with the offsets of
 * its start tag, its attributes and its end, so a mutation is one splice of the original text
 * (everything else, line numbers included, stays as written). Not a parser: a file it cannot
 * pair up gives no elements, hence no mutations.
 */

export interface Attr {
  name: string;
  value: string;
  /** Offsets of the whole `name="value"` text. */
  start: number;
  end: number;
}

export interface El {
  /** Qualified name as written, its prefix ("" for none) and local name. */
  qname: string;
  prefix: string;
  local: string;
  start: number;
  /** End of the start tag (after `>`). */
  tagEnd: number;
  /** End of the element (after its end tag, or tagEnd when self-closing). */
  end: number;
  selfClosing: boolean;
  attrs: Attr[];
  depth: number;
  parent: number;
}

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTR = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

function attrsOf(text: string, offset: number): Attr[] {
  const out: Attr[] = [];
  for (const m of text.matchAll(ATTR)) {
    const start = offset + m.index;
    out.push({ name: m[1], value: m[3] ?? m[4], start, end: start + m[0].length });
  }
  return out;
}

/** Every element in document order; [] when the tags do not pair up. */
export function scanElements(text: string): El[] {
  const out: El[] = [];
  const open: number[] = [];
  for (const m of text.matchAll(TOKEN)) {
    if (m[1] !== undefined) {
      const i = open.pop();
      if (i === undefined || out[i].qname !== m[1]) return [];
      out[i].end = m.index + m[0].length;
      continue;
    }
    if (m[2] === undefined) continue;
    const qname = m[2];
    const colon = qname.indexOf(":");
    const tagName = `<${qname}`;
    const el: El = {
      qname,
      prefix: colon < 0 ? "" : qname.slice(0, colon),
      local: colon < 0 ? qname : qname.slice(colon + 1),
      start: m.index,
      tagEnd: m.index + m[0].length,
      end: m.index + m[0].length,
      selfClosing: m[4] === "/",
      attrs: attrsOf(m[3] ?? "", m.index + tagName.length),
      depth: open.length,
      parent: open.length === 0 ? -1 : open[open.length - 1],
    };
    out.push(el);
    if (!el.selfClosing) open.push(out.length - 1);
  }
  return open.length === 0 ? out : [];
}

export const attr = (el: El, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;

/** One replacement of a range of the text. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Applies splices that do not overlap (any order). */
export function applySplices(text: string, splices: readonly Splice[]): string {
  let out = text;
  for (const s of [...splices].sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

const quote = (v: string) => `"${v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;")}"`;

/** Sets (or adds) an attribute on an element's start tag. */
export function setAttr(el: El, name: string, value: string): Splice {
  const a = el.attrs.find((x) => x.name === name);
  if (a !== undefined) return { start: a.start, end: a.end, text: `${name}=${quote(value)}` };
  const at = el.start + 1 + el.qname.length;
  return { start: at, end: at, text: ` ${name}=${quote(value)}` };
}

export function removeAttr(el: El, name: string): Splice | undefined {
  const a = el.attrs.find((x) => x.name === name);
  return a === undefined ? undefined : { start: a.start - 1, end: a.end, text: "" };
}

/** Inserts markup as the first child of an element (a self-closing one is opened up). */
export function insertFirstChild(text: string, el: El, markup: string): Splice[] {
  if (!el.selfClosing) return [{ start: el.tagEnd, end: el.tagEnd, text: markup }];
  const tag = text.slice(el.start, el.tagEnd).replace(/\s*\/>$/, ">");
  return [{ start: el.start, end: el.tagEnd, text: `${tag}${markup}</${el.qname}>` }];
}

/** Renames an element (start and end tag) to another local name, same prefix. */
export function renameElement(text: string, el: El, local: string): Splice[] {
  const qname = el.prefix === "" ? local : `${el.prefix}:${local}`;
  const out: Splice[] = [{ start: el.start + 1, end: el.start + 1 + el.qname.length, text: qname }];
  if (!el.selfClosing) {
    const endTag = text.lastIndexOf(`</${el.qname}`, el.end);
    out.push({ start: endTag + 2, end: endTag + 2 + el.qname.length, text: qname });
  }
  return out;
}

/** Children of element `i` (indices into `els`). */
export function childrenOf(els: readonly El[], i: number): number[] {
  const out: number[] = [];
  for (let j = i + 1; j < els.length && els[j].start < els[i].end; j++) if (els[j].parent === i) out.push(j);
  return out;
}
