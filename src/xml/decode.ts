/**
 * Bytes to characters. The encoding comes from the byte-order mark or the first bytes, then from
 * the encoding declaration (XML 1.0 §4.3.3 and Appendix F). Decoding is strict: an invalid byte
 * sequence ends the text with an error, so the reader can report where it happened.
 *
 * ISO-8859-1 and US-ASCII are decoded here rather than by TextDecoder, because the WHATWG
 * Encoding Standard maps both labels to windows-1252.
 */
import { isAscii } from "node:buffer";

export interface DecodeError {
  code: "xml/encoding" | "xml/unsupported-encoding";
  params: Record<string, string>;
  /** Where the error is, when it is not at the end of the decoded text (an unsupported label: the label). */
  at?: { line: number; column: number };
}

export interface Decoded {
  /** Characters decoded so far (the valid prefix when there is an error). */
  text: string;
  error?: DecodeError;
  /**
   * True when the bytes were found to be ASCII without a C0 control other than TAB, LF and CR:
   * every character of `text` is then allowed by the Char production and none is a surrogate,
   * so the reader can skip its own scan for illegal characters.
   */
  checked?: boolean;
}

interface CharDecoder {
  /** Decodes the next bytes; an invalid sequence ends the text with an error. */
  decode(bytes: Uint8Array, final: boolean): Decoded;
  /** Byte offset of the next byte in the entity (a byte-order mark counts), for error messages. */
  offset: number;
}

/** How many bytes a sniffed prefix may hold while looking for the end of the XML declaration. */
const SNIFF_LIMIT = 4096;

/** Keeps no reference to the bytes it is given: a caller may read the next chunk into the same buffer. */
export class ByteDecoder {
  private head: Uint8Array | null = new Uint8Array(0);
  private dec: CharDecoder | null = null;
  private failed = false;
  /** The encoding in use, once known (lower case, e.g. "utf-8", "utf-16le", "iso-8859-1"). */
  encoding: string | undefined;
  /** Whether the encoding came from a byte-order mark. */
  bom = false;

  push(bytes: Uint8Array): Decoded {
    return this.feed(bytes, false);
  }

  end(): Decoded {
    return this.feed(new Uint8Array(0), true);
  }

  private feed(bytes: Uint8Array, final: boolean): Decoded {
    if (this.failed) return { text: "" };
    if (this.dec === null) {
      const head = concat(this.head!, bytes);
      if (!final && !sniffComplete(head)) {
        // A copy: the caller may reuse the chunk's memory for its next read.
        this.head = new Uint8Array(head);
        return { text: "" };
      }
      this.head = null;
      const chosen = chooseDecoder(head);
      if ("error" in chosen) {
        this.failed = true;
        return { text: "", error: chosen.error };
      }
      this.dec = chosen.decoder;
      this.dec.offset = chosen.bom;
      this.encoding = chosen.name;
      this.bom = chosen.bom > 0;
      bytes = head.subarray(chosen.bom);
    }
    const r = this.dec.decode(bytes, final);
    if (r.error !== undefined) this.failed = true;
    return r;
  }
}

/** Decodes a whole external entity or DTD file. */
export function decodeAll(bytes: Uint8Array): Decoded & { encoding?: string } {
  const d = new ByteDecoder();
  const a = d.push(bytes);
  if (a.error !== undefined) return { ...a, encoding: d.encoding };
  const b = d.end();
  return { text: a.text + b.text, error: b.error, encoding: d.encoding };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const r = new Uint8Array(a.length + b.length);
  r.set(a, 0);
  r.set(b, a.length);
  return r;
}

function startsWith(b: Uint8Array, prefix: number[]): boolean {
  if (b.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (b[i] !== prefix[i]) return false;
  return true;
}

const XML_DECL_START = [0x3c, 0x3f, 0x78, 0x6d, 0x6c]; // "<?xml"

/** "<?xml" and white space: an XML declaration (a PI whose target merely starts with "xml", such as "xmll", is not one). */
function startsDeclaration(b: Uint8Array): boolean {
  if (!startsWith(b, XML_DECL_START) || b.length < 6) return false;
  const c = b[5];
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function sniffComplete(head: Uint8Array): boolean {
  if (head.length < 6) return head.length === 5 && !startsWith(head, XML_DECL_START);
  if (!startsDeclaration(head)) return true;
  if (head.length >= SNIFF_LIMIT) return true;
  for (let i = 5; i + 1 < head.length; i++) if (head[i] === 0x3f && head[i + 1] === 0x3e) return true;
  return false;
}

type Choice = { decoder: CharDecoder; name: string; bom: number } | { error: DecodeError };

/**
 * The encoding the first bytes show by themselves (XML 1.0 Appendix F): a byte order mark, or
 * UTF-16 without one by its first "<?"; and how many bytes of byte order mark there are. The
 * reader and the head sniffer (head.ts) both start from it. UCS-4 is not told apart here.
 */
export function markedEncoding(head: Uint8Array): { name: "utf-8" | "utf-16le" | "utf-16be"; bom: number } | undefined {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { name: "utf-8", bom: 3 };
  if (startsWith(head, [0xfe, 0xff])) return { name: "utf-16be", bom: 2 };
  if (startsWith(head, [0xff, 0xfe])) return { name: "utf-16le", bom: 2 };
  if (startsWith(head, [0x3c, 0x00, 0x3f, 0x00])) return { name: "utf-16le", bom: 0 };
  if (startsWith(head, [0x00, 0x3c, 0x00, 0x3f])) return { name: "utf-16be", bom: 0 };
  return undefined;
}

function chooseDecoder(head: Uint8Array): Choice {
  // Before the UTF-16 byte order marks: FF FE 00 00 is UCS-4's.
  if (startsWith(head, [0x00, 0x00, 0xfe, 0xff]) || startsWith(head, [0xff, 0xfe, 0x00, 0x00]) || startsWith(head, [0x00, 0x00, 0x00, 0x3c]) || startsWith(head, [0x3c, 0x00, 0x00, 0x00])) {
    return { error: { code: "xml/unsupported-encoding", params: { encoding: "UCS-4" } } };
  }
  const marked = markedEncoding(head);
  if (marked !== undefined) return { decoder: marked.name === "utf-8" ? utf8Decoder() : utf16Decoder(marked.name === "utf-16le"), ...marked };
  if (startsWith(head, [0x4c, 0x6f, 0xa7, 0x94])) return { error: { code: "xml/unsupported-encoding", params: { encoding: "EBCDIC" } } };
  const declared = declaredEncoding(head);
  // Not an EncName (§4.3.3 [81], e.g. a quote lost: encoding="UTF x="...): the declaration is
  // broken, and the reader's declaration parser says where; the bytes are read as UTF-8 meanwhile.
  if (declared === undefined || !ENC_NAME.test(declared)) return { decoder: utf8Decoder(), name: "utf-8", bom: 0 };
  const chosen = byName(declared);
  // Unsupported, or UTF-16 named for single-byte text: the label is what to change.
  if ("error" in chosen) chosen.error.at = labelPosition(head);
  return chosen;
}

/** [81] EncName ::= [A-Za-z] ([A-Za-z0-9._] | '-')* */
const ENC_NAME = /^[A-Za-z][A-Za-z0-9._-]*$/;

/** Line and column of the declared label in an ASCII-compatible head (UTF-8 continuation bytes do not count as columns). */
function labelPosition(head: Uint8Array): { line: number; column: number } {
  const decl = Buffer.from(head.buffer, head.byteOffset, head.length).toString("latin1");
  const m = /\sencoding\s*=\s*["']/.exec(decl);
  const at = m === null ? 0 : m.index + m[0].length;
  let line = 1;
  let column = 1;
  for (let i = 0; i < at; i++) {
    const b = head[i];
    if (b === 0x0a || (b === 0x0d && head[i + 1] !== 0x0a)) {
      line++;
      column = 1;
    } else if ((b & 0xc0) !== 0x80 && b !== 0x0d) column++;
  }
  return { line, column };
}

/**
 * The encoding pseudo-attribute of an ASCII-compatible XML or text declaration at the start of
 * `head`, if any ("<?xmll ...?>" is a PI, not a declaration).
 */
export function declaredEncoding(head: Uint8Array): string | undefined {
  if (!startsDeclaration(head)) return undefined;
  let end = head.length;
  for (let i = 5; i + 1 < head.length; i++) {
    if (head[i] === 0x3f && head[i + 1] === 0x3e) {
      end = i;
      break;
    }
  }
  const decl = Buffer.from(head.buffer, head.byteOffset, end).toString("latin1");
  const m = /^<\?xml[\s\S]*?\sencoding\s*=\s*(["'])([^"']*)\1/.exec(decl);
  return m === null ? undefined : m[2];
}

export function byName(label: string): Choice {
  const name = label.trim().toLowerCase();
  switch (name) {
    case "utf-8":
    case "utf8":
      return { decoder: utf8Decoder(), name: "utf-8", bom: 0 };
    case "utf-16":
    case "utf-16le":
    case "utf-16be":
    case "iso-10646-ucs-2":
      return { error: { code: "xml/encoding", params: { problem: `the document declares encoding "${label}" but is not UTF-16 encoded (it has no byte-order mark and its first characters are single bytes)` } } };
    case "iso-8859-1":
    case "iso_8859-1":
    case "latin1":
    case "l1":
    case "iso-ir-100":
    case "cp819":
    case "ibm819":
      return { decoder: latin1Decoder(), name: "iso-8859-1", bom: 0 };
    case "us-ascii":
    case "ascii":
    case "iso-646.irv:1991":
    case "ansi_x3.4-1968":
      return { decoder: asciiDecoder(), name: "us-ascii", bom: 0 };
  }
  try {
    const probe = new TextDecoder(name);
    return { decoder: whatwgDecoder(probe.encoding), name: probe.encoding, bom: 0 };
  } catch {
    return { error: { code: "xml/unsupported-encoding", params: { encoding: label } } };
  }
}

function latin1Decoder(): CharDecoder {
  return {
    offset: 0,
    decode: (bytes) => ({ text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1") }),
  };
}

function asciiDecoder(): CharDecoder {
  return {
    offset: 0,
    decode(bytes) {
      for (let i = 0; i < bytes.length; i++) {
        if (bytes[i] > 0x7f) {
          const text = Buffer.from(bytes.buffer, bytes.byteOffset, i).toString("latin1");
          return { text, error: badBytes("US-ASCII", bytes[i], this.offset + i) };
        }
      }
      this.offset += bytes.length;
      return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1") };
    },
  };
}

function badBytes(encoding: string, byte: number, offset: number): DecodeError {
  const hex = byte.toString(16).toUpperCase().padStart(2, "0");
  return { code: "xml/encoding", params: { problem: `invalid ${encoding} byte sequence: byte 0x${hex} at byte offset ${offset}` } };
}

/**
 * UTF-8 with exact error offsets: complete sequences are decoded per chunk, an incomplete
 * trailing sequence is carried to the next chunk.
 */
function utf8Decoder(): CharDecoder {
  const td = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let carry = new Uint8Array(0);
  return {
    offset: 0,
    decode(chunk, final) {
      const bytes = concat(carry, chunk);
      const cut = final ? bytes.length : completeLength(bytes);
      // A copy (Buffer's slice would be a view, and the caller may reuse the chunk's memory).
      carry = new Uint8Array(bytes.subarray(cut));
      const body = bytes.subarray(0, cut);
      const base = this.offset;
      this.offset += cut;
      // Fast path: Buffer's decoder; only when it produced U+FFFD (an invalid sequence or a real
      // U+FFFD) does the strict decoder decide.
      const view = Buffer.from(body.buffer, body.byteOffset, body.length);
      const fast = view.toString("utf8");
      // ASCII never decodes to U+FFFD; it is legal XML unless it holds a C0 control.
      if (isAscii(view)) return { text: fast, checked: withoutControls(view) };
      if (fast.indexOf("\uFFFD") === -1) return { text: fast };
      try {
        return { text: td.decode(body) };
      } catch {
        const bad = firstInvalidUtf8(body);
        const text = td.decode(body.subarray(0, bad));
        const truncated = bad >= body.length || sequenceLength(body[bad]) > body.length - bad;
        if (truncated && final) {
          return { text, error: { code: "xml/encoding", params: { problem: `the input ends inside a UTF-8 multi-byte sequence (byte offset ${base + bad})` } } };
        }
        return { text, error: badBytes("UTF-8", body[bad], base + bad) };
      }
    },
  };
}

/** The C0 controls outside the Char production (all but TAB, LF and CR). */
const ILLEGAL_CONTROLS: number[] = [];
for (let c = 0; c < 0x20; c++) if (c !== 0x09 && c !== 0x0a && c !== 0x0d) ILLEGAL_CONTROLS.push(c);

/**
 * Whether the bytes hold none of ILLEGAL_CONTROLS: one Buffer.indexOf (memchr) per control.
 * The 29 passes took 8 ms per 20 MB, the reader's RegExp scan of the decoded text 22 ms.
 */
function withoutControls(b: Buffer): boolean {
  for (let k = 0; k < ILLEGAL_CONTROLS.length; k++) if (b.indexOf(ILLEGAL_CONTROLS[k]) !== -1) return false;
  return true;
}

function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 1;
}

/** Length of the prefix that ends on a sequence boundary (a trailing partial sequence excluded). */
function completeLength(b: Uint8Array): number {
  const n = b.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const c = b[n - back];
    if ((c & 0xc0) !== 0x80) {
      // c is a lead (or ASCII) byte: is its sequence complete?
      return sequenceLength(c) > back ? n - back : n;
    }
  }
  return n;
}

/** Index of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = sequenceLength(c);
    if (len === 1 || i + len > b.length) return i;
    const c1 = b[i + 1];
    if ((c1 & 0xc0) !== 0x80) return i;
    if (c === 0xe0 && c1 < 0xa0) return i;
    if (c === 0xed && c1 > 0x9f) return i;
    if (c === 0xf0 && c1 < 0x90) return i;
    if (c === 0xf4 && c1 > 0x8f) return i;
    for (let k = 2; k < len; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return i;
}

function whatwgDecoder(encoding: string): CharDecoder {
  const td = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  return {
    offset: 0,
    decode(bytes, final) {
      try {
        // Always streaming, then flushed: Node 20 decodes windows-1252 in one non-streaming call as
        // ISO-8859-1 (0x80 as U+0080, not €).
        const text = final ? td.decode(bytes, { stream: true }) + td.decode() : td.decode(bytes, { stream: true });
        this.offset += bytes.length;
        return { text };
      } catch {
        return { text: "", error: { code: "xml/encoding", params: { problem: `invalid ${encoding} byte sequence near byte offset ${this.offset}` } } };
      }
    },
  };
}

/**
 * UTF-16 with exact error offsets: the text before an unpaired surrogate or a final odd byte is
 * kept, so the reader reports the error where it is (TextDecoder's fatal mode gives neither the
 * place nor the valid prefix). An odd byte or a high surrogate at a chunk's end waits for the next.
 */
function utf16Decoder(littleEndian: boolean): CharDecoder {
  const name = littleEndian ? "UTF-16LE" : "UTF-16BE";
  let carry = new Uint8Array(0);
  return {
    offset: 0,
    decode(chunk, final) {
      const bytes = concat(carry, chunk);
      let cut = bytes.length & ~1;
      if (!final && cut >= 2) {
        const last = littleEndian ? bytes[cut - 1] : bytes[cut - 2];
        if (last >= 0xd8 && last <= 0xdb) cut -= 2;
      }
      carry = new Uint8Array(bytes.subarray(cut));
      const base = this.offset;
      this.offset += cut;
      // A copy in both cases: swap16 works in place, and the caller may reuse the chunk's memory.
      const units = Buffer.from(bytes.subarray(0, cut));
      if (!littleEndian) units.swap16();
      const text = units.toString("utf16le");
      const bad = firstUnpaired(text);
      if (bad !== -1) {
        const unit = text.charCodeAt(bad).toString(16).toUpperCase();
        return { text: text.slice(0, bad), error: { code: "xml/encoding", params: { problem: `invalid ${name} byte sequence: unpaired surrogate 0x${unit} at byte offset ${base + 2 * bad}` } } };
      }
      if (final && carry.length > 0) {
        return { text, error: { code: "xml/encoding", params: { problem: `the input ends inside a ${name} code unit (an odd number of bytes; byte offset ${base + cut})` } } };
      }
      return { text };
    },
  };
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Index of the first unpaired surrogate, or -1 (a RegExp finds the first surrogate of any kind). */
function firstUnpaired(s: string): number {
  const from = s.search(SURROGATE);
  if (from === -1) return -1;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) return i;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return i;
      i++;
    }
  }
  return -1;
}
