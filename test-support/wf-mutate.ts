/**
 * Byte-level mutations for the well-formedness differential: one to three seeded edits per variant —
 * delete, insert, duplicate or replace a character or an XML-significant piece, swap two end
 * tags, or truncate; a few variants break the UTF-8 encoding instead. Half the edit positions fall on markup characters, where an edit is most
 * likely to matter; the rest anywhere (mostly text).
 *
 * Documents stay JS strings (so a lone surrogate can be inserted) and become bytes through
 * `utf8Bytes`, which writes a lone surrogate as its 3-byte (ill-formed) UTF-8 form: both engines
 * then read the very same bytes.
 */
import type { Rng } from "./mutate/rng.js";
import type { WfSeed } from "./wf-seeds.js";

/** "bad-bytes" and "relabel": edits of re-encoded seeds (test-support/wf-encodings.ts). */
export type WfEditKind = "delete" | "insert" | "duplicate" | "replace" | "swap-end-tags" | "truncate" | "bad-utf8" | "bad-bytes" | "relabel";

export interface WfVariant {
  /** "<seed id>#<n>". */
  id: string;
  seed: string;
  /** The first edit's kind. */
  kind: WfEditKind;
  /** The edits, e.g. `insert "<!--" at 12:5; then truncate at 3:1`. */
  description: string;
  /** The document (lossily decoded when `bytes` breaks UTF-8). */
  text: string;
  /** The bytes, when an edit broke the UTF-8 encoding itself; otherwise utf8Bytes(text). */
  bytes?: Uint8Array;
}

/** The pieces inserted or substituted: XML's delimiters, characters at the edges of Char, namespace parts. */
export const PIECES: readonly string[] = [
  "<", ">", "&", ";", "'", '"', "=", "/", "]]>", "<!--", "--", "<![CDATA[", "&#", "&#x", "?>",
  "n", "é", ":", "7", " ", "\u0000", "\uD800", "\uDC00", "\u0085", "\u0090", "\uFFFE",
  ' xmlns:p="urn:p"', "p:", "q:",
];

/** Characters an edit position is drawn from half the time. */
const MARKUP = new Set(["<", ">", "&", ";", "'", '"', "=", "/", "[", "]", "!", "-", "?", ":", "#"]);

function markupPositions(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) if (MARKUP.has(text[i])) out.push(i);
  return out;
}

/** Line:column of a string offset (1-based), for descriptions. */
function where(text: string, at: number): string {
  let line = 1;
  let col = 1;
  for (let i = 0; i < at && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      col = 1;
    } else col++;
  }
  return `${line}:${col}`;
}

const show = (s: string) => JSON.stringify(s);

/** The piece of the document an edit acts on at `at`: a listed piece found there, else one character (a whole surrogate pair). */
function unitAt(text: string, at: number): string {
  for (const p of PIECES) if (p.length > 1 && text.startsWith(p, at)) return p;
  const c = text.charCodeAt(at);
  return c >= 0xd800 && c <= 0xdbff && at + 1 < text.length ? text.slice(at, at + 2) : text[at];
}

function endTags(text: string): { at: number; tag: string }[] {
  const out: { at: number; tag: string }[] = [];
  for (const m of text.matchAll(/<\/[^<>\s]+\s*>/g)) out.push({ at: m.index, tag: m[0] });
  return out;
}

function swapEndTags(text: string, rng: Rng): { text: string; description: string } | null {
  const tags = endTags(text);
  if (tags.length < 2) return null;
  const i = rng.int(tags.length);
  const j = rng.int(tags.length);
  const [a, b] = i < j ? [tags[i], tags[j]] : [tags[j], tags[i]];
  if (a.tag === b.tag) return null;
  const swapped = text.slice(0, a.at) + b.tag + text.slice(a.at + a.tag.length, b.at) + a.tag + text.slice(b.at + b.tag.length);
  return { text: swapped, description: `swap ${a.tag} at ${where(text, a.at)} with ${b.tag} at ${where(text, b.at)}` };
}

/** One edit of `text`, or null when the drawn edit does not apply (the caller draws again). */
export function mutateOnce(text: string, rng: Rng): { kind: WfEditKind; text: string; description: string } | null {
  if (text.length === 0) return null;
  const roll = rng.next();
  const marks = markupPositions(text);
  const at = marks.length > 0 && rng.next() < 0.5 ? marks[rng.int(marks.length)] : rng.int(text.length);
  const piece = PIECES[rng.int(PIECES.length)];
  const pos = where(text, at);
  if (roll < 0.22) {
    const unit = unitAt(text, at);
    return { kind: "delete", text: text.slice(0, at) + text.slice(at + unit.length), description: `delete ${show(unit)} at ${pos}` };
  }
  if (roll < 0.5) return { kind: "insert", text: text.slice(0, at) + piece + text.slice(at), description: `insert ${show(piece)} at ${pos}` };
  if (roll < 0.62) {
    const unit = unitAt(text, at);
    return { kind: "duplicate", text: text.slice(0, at) + unit + text.slice(at), description: `duplicate ${show(unit)} at ${pos}` };
  }
  if (roll < 0.87) {
    const unit = unitAt(text, at);
    if (unit === piece) return null;
    return { kind: "replace", text: text.slice(0, at) + piece + text.slice(at + unit.length), description: `replace ${show(unit)} at ${pos} with ${show(piece)}` };
  }
  if (roll < 0.95) {
    const s = swapEndTags(text, rng);
    return s === null ? null : { kind: "swap-end-tags", ...s };
  }
  return { kind: "truncate", text: text.slice(0, at), description: `truncate at ${pos}` };
}

/** Bytes that cannot stand where they are put: continuation bytes, overlong leads, bytes UTF-8 never uses. */
const BAD_BYTES = [0x80, 0xbf, 0xc0, 0xc1, 0xe0, 0xf5, 0xfe, 0xff];

/** One edit below the characters: a stray byte, a lost continuation byte, or a cut inside a multi-byte character. */
export function breakUtf8(text: string, rng: Rng): { bytes: Uint8Array; text: string; description: string } {
  const good = utf8Bytes(text);
  const leads: number[] = [];
  for (let i = 0; i < good.length; i++) if (good[i] >= 0xc2 && good[i] <= 0xf4) leads.push(i);
  const roll = rng.next();
  let bytes: Uint8Array;
  let what: string;
  let at: number;
  if (leads.length === 0 || roll < 0.5) {
    at = rng.int(good.length + 1);
    const b = BAD_BYTES[rng.int(BAD_BYTES.length)];
    bytes = new Uint8Array(good.length + 1);
    bytes.set(good.subarray(0, at));
    bytes[at] = b;
    bytes.set(good.subarray(at), at + 1);
    what = `insert byte 0x${b.toString(16).toUpperCase()}`;
  } else {
    at = leads[rng.int(leads.length)] + 1;
    if (roll < 0.75) {
      bytes = new Uint8Array(good.length - 1);
      bytes.set(good.subarray(0, at));
      bytes.set(good.subarray(at + 1), at);
      what = "delete a continuation byte";
    } else {
      bytes = good.slice(0, at);
      what = "truncate inside a multi-byte character";
    }
  }
  let line = 1;
  for (let i = 0; i < at && i < good.length; i++) if (good[i] === 0x0a) line++;
  return { bytes, text: new TextDecoder().decode(bytes), description: `${what} at byte ${at} (line ${line})` };
}

/** The share of variants whose edit breaks the UTF-8 encoding rather than the markup. */
const BYTE_EDITS = 0.06;

/** Edits per variant: mostly one (each disagreement then has one cause), some two or three. */
function editCount(rng: Rng): number {
  const r = rng.next();
  return r < 0.65 ? 1 : r < 0.9 ? 2 : 3;
}

/** `count` distinct variants of a seed (fewer if the seed is too small to give that many). */
export function mutateSeed(seed: WfSeed, count: number, rng: Rng): WfVariant[] {
  const out: WfVariant[] = [];
  const seen = new Set<string>([seed.text]);
  for (let tries = 0; out.length < count && tries < count * 5; tries++) {
    if (rng.next() < BYTE_EDITS) {
      const b = breakUtf8(seed.text, rng);
      out.push({ id: `${seed.id}#${out.length + 1}`, seed: seed.id, kind: "bad-utf8", ...b });
      continue;
    }
    const edits = editCount(rng);
    let text = seed.text;
    let kind: WfEditKind | undefined;
    const done: string[] = [];
    for (let e = 0; e < edits; e++) {
      const m = mutateOnce(text, rng);
      if (m === null) continue;
      kind ??= m.kind;
      text = m.text;
      done.push(m.description);
    }
    if (kind === undefined || seen.has(text)) continue;
    seen.add(text);
    out.push({ id: `${seed.id}#${out.length + 1}`, seed: seed.id, kind, description: done.join("; then "), text });
  }
  return out;
}

/**
 * UTF-8 bytes of a JS string, a lone surrogate written as its 3-byte form (ED A0 80 for U+D800):
 * ill-formed UTF-8 that both engines must reject, where TextEncoder would write U+FFFD.
 */
export function utf8Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) out[n++] = c;
    else if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 0x3f);
    } else if (c < 0x10000) {
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 0x3f);
      out[n++] = 0x80 | (c & 0x3f);
    } else {
      out[n++] = 0xf0 | (c >> 18);
      out[n++] = 0x80 | ((c >> 12) & 0x3f);
      out[n++] = 0x80 | ((c >> 6) & 0x3f);
      out[n++] = 0x80 | (c & 0x3f);
    }
  }
  return out.subarray(0, n);
}
