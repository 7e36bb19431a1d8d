/**
 * Bytes of an external DTD or entity to text (XML 1.0 §4.3.3, Appendix F): a byte order mark
 * or the encoding declared in the text declaration decides; UTF-8 is the default. Interim: the
 * XML reader's decoder (src/xml/) replaces this module once it exists.
 */

export type Decoded = { text: string } | { error: string };

function declaredEncoding(bytes: Uint8Array): string | undefined {
  // The text declaration is ASCII in every encoding this reads without a BOM.
  const head = String.fromCharCode(...bytes.subarray(0, Math.min(bytes.length, 200)));
  if (!head.startsWith("<?xml")) return undefined;
  const end = head.indexOf("?>");
  const decl = end < 0 ? head : head.slice(0, end);
  const m = /encoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\1/.exec(decl);
  return m?.[2];
}

function decodeWith(label: string, bytes: Uint8Array): Decoded {
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label, { fatal: true, ignoreBOM: false });
  } catch {
    return { error: `encoding "${label}" is not supported` };
  }
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    return { error: `the bytes are not valid ${label}` };
  }
}

export function decodeEntityBytes(bytes: Uint8Array): Decoded {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return decodeWith("utf-8", bytes);
  if (b0 === 0xff && b1 === 0xfe) return decodeWith("utf-16le", bytes);
  if (b0 === 0xfe && b1 === 0xff) return decodeWith("utf-16be", bytes);
  if (b0 === 0x3c && b1 === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return decodeWith("utf-16le", bytes);
  if (b0 === 0x00 && b1 === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) return decodeWith("utf-16be", bytes);
  const declared = declaredEncoding(bytes);
  if (declared === undefined) return decodeWith("utf-8", bytes);
  const lower = declared.toLowerCase();
  if (lower === "utf-16" || lower === "utf-16le" || lower === "utf-16be") {
    return { error: `encoding "${declared}" is declared but the file has no UTF-16 byte order mark` };
  }
  // us-ascii and iso-8859-1 are decoded as windows-1252 by TextDecoder; latin1 is the honest choice.
  if (lower === "iso-8859-1" || lower === "latin1" || lower === "us-ascii" || lower === "ascii") {
    return { text: latin1(bytes) };
  }
  return decodeWith(lower, bytes);
}

function latin1(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}
