/**
 * A cheap look at a document's head to choose its schema: the DOCTYPE (name, public and system
 * identifiers, whether it has an internal subset) and the root element's name. Reads at most
 * 64 KiB; validation proper is exact and streams the whole file.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";

export interface DocumentHead {
  doctype?: {
    name: string;
    publicId?: string;
    systemId?: string;
    internalSubset: boolean;
    /** The internal subset declares elements (an entities-only subset is no grammar). */
    declaresElements?: boolean;
  };
  root?: string;
}

const HEAD_BYTES = 65536;

export function readHead(file: string): string {
  // Opening a FIFO blocks until a writer comes: only regular files are peeked at.
  if (!statSync(file).isFile()) throw new Error(`${file} is not a regular file`);
  const fd = openSync(file, "r");
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buf, 0, HEAD_BYTES, 0);
    const bytes = buf.subarray(0, n);
    // UTF-16 documents: decode by BOM so the regexes below see characters.
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
    return new TextDecoder("latin1").decode(bytes);
  } finally {
    closeSync(fd);
  }
}

const NAME = "[A-Za-z_:\\u00C0-\\uFFFF][-A-Za-z0-9_:.\\u00B7-\\uFFFF]*";
const DOCTYPE = new RegExp(
  `<!DOCTYPE\\s+(${NAME})(?:\\s+(?:SYSTEM\\s+("[^"]*"|'[^']*')|PUBLIC\\s+("[^"]*"|'[^']*')\\s+("[^"]*"|'[^']*')))?\\s*(\\[)?`,
);
const ROOT = new RegExp(`<(${NAME})[\\s/>]`);

const unquote = (s: string | undefined) => (s === undefined ? undefined : s.slice(1, -1));

export function peekHead(text: string): DocumentHead {
  // Comments and PIs may hold anything that looks like markup.
  const clean = text.replace(/<!--[\s\S]*?-->/g, "").replace(/<\?[\s\S]*?\?>/g, "");
  const head: DocumentHead = {};
  const d = DOCTYPE.exec(clean);
  let rest = clean;
  if (d !== null) {
    head.doctype = {
      name: d[1],
      ...(d[3] !== undefined ? { publicId: unquote(d[3]) } : {}),
      ...((d[2] ?? d[4]) !== undefined ? { systemId: unquote(d[2] ?? d[4]) } : {}),
      internalSubset: d[5] !== undefined,
    };
    const end = d[5] !== undefined ? clean.indexOf("]>", d.index) : clean.indexOf(">", d.index);
    rest = end === -1 ? "" : clean.slice(end);
    // Unknown (cut off by the 64 KiB head): assume it declares elements.
    if (d[5] !== undefined) head.doctype.declaresElements = end === -1 || /<!ELEMENT\s/.test(clean.slice(d.index, end));
  }
  const r = ROOT.exec(rest.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ""));
  if (r !== null) head.root = r[1];
  return head;
}

export function peekFile(file: string): DocumentHead {
  return peekHead(readHead(file));
}
