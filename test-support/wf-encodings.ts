/**
 * The well-formedness differential in other encodings (issue 3): UTF-8 seeds re-encoded as
 * UTF-16LE/BE with and without a byte-order mark, UTF-8 with a BOM, ISO-8859-1, windows-1252 and
 * US-ASCII (each declared), where every character of the seed is representable; then mutated
 * either as text (encoded afterwards: a lone surrogate becomes an unpaired UTF-16 code unit) or
 * as bytes (odd lengths, unpaired surrogates, a BOM or a NUL in the middle, bytes 0x80–0xFF), or
 * relabelled (the declaration names another or an unknown encoding, e.g. a UTF-8 BOM with
 * encoding="ISO-8859-1").
 */
import type { Rng } from "./mutate/rng.js";
import { sample } from "./mutate/rng.js";
import { mutateOnce, utf8Bytes, type WfVariant } from "./wf-mutate.js";
import type { WfSeed } from "./wf-seeds.js";

export type WfEncoding = "utf-8-bom" | "utf-16le" | "utf-16be" | "utf-16le-nobom" | "utf-16be-nobom" | "iso-8859-1" | "windows-1252" | "us-ascii";

interface EncodingSpec {
  /** The label written in the XML declaration. */
  label: string;
  /** Whether every character of the text has a byte form (lone surrogates do in UTF-16). */
  fits(text: string): boolean;
  encode(text: string): Uint8Array;
  /** Lossy decoding of mutated bytes, for the outcome's text. */
  decoder: string;
  utf16: boolean;
}

/** windows-1252 as the WHATWG Encoding Standard (and libxml2) map it: 0x81, 0x8D, 0x8F, 0x90, 0x9D to C1 controls. */
const CP1252 = new Map<number, number>();
{
  // stream: Node 20's non-streaming windows-1252 decoding is ISO-8859-1 (0x80 gives U+0080, not €).
  const td = new TextDecoder("windows-1252");
  for (let b = 0; b < 256; b++) CP1252.set(td.decode(new Uint8Array([b]), { stream: true }).charCodeAt(0), b);
}

const BOM8 = [0xef, 0xbb, 0xbf];

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  // Buffer writes each UTF-16 code unit as it is, a lone surrogate included.
  const body = Buffer.from(text, "utf16le");
  if (!littleEndian) body.swap16();
  return bom ? Buffer.concat([Buffer.from(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]), body]) : new Uint8Array(body);
}

const everyChar = (text: string, ok: (c: number) => boolean) => {
  for (let i = 0; i < text.length; i++) if (!ok(text.charCodeAt(i))) return false;
  return true;
};

export const ENCODINGS: Record<WfEncoding, EncodingSpec> = {
  "utf-8-bom": { label: "UTF-8", fits: () => true, encode: (t) => new Uint8Array([...BOM8, ...utf8Bytes(t)]), decoder: "utf-8", utf16: false },
  "utf-16le": { label: "UTF-16", fits: () => true, encode: (t) => utf16(t, true, true), decoder: "utf-16le", utf16: true },
  "utf-16be": { label: "UTF-16", fits: () => true, encode: (t) => utf16(t, false, true), decoder: "utf-16be", utf16: true },
  "utf-16le-nobom": { label: "UTF-16", fits: () => true, encode: (t) => utf16(t, true, false), decoder: "utf-16le", utf16: true },
  "utf-16be-nobom": { label: "UTF-16", fits: () => true, encode: (t) => utf16(t, false, false), decoder: "utf-16be", utf16: true },
  "iso-8859-1": { label: "ISO-8859-1", fits: (t) => everyChar(t, (c) => c <= 0xff), encode: (t) => new Uint8Array(Buffer.from(t, "latin1")), decoder: "latin1-exact", utf16: false },
  "windows-1252": {
    label: "windows-1252",
    fits: (t) => everyChar(t, (c) => CP1252.has(c)),
    encode: (t) => Uint8Array.from(t, (ch) => CP1252.get(ch.charCodeAt(0))!),
    decoder: "windows-1252",
    utf16: false,
  },
  "us-ascii": { label: "US-ASCII", fits: (t) => everyChar(t, (c) => c <= 0x7f), encode: (t) => new Uint8Array(Buffer.from(t, "latin1")), decoder: "latin1-exact", utf16: false },
};

export const ENCODING_NAMES = Object.keys(ENCODINGS) as WfEncoding[];

/** Bytes back to text for descriptions and the column rule: lossy (U+FFFD), one character per broken unit. */
export function decodeLossy(bytes: Uint8Array, encoding: WfEncoding): string {
  const spec = ENCODINGS[encoding];
  let body = bytes;
  if (encoding === "utf-8-bom" && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) body = bytes.subarray(3);
  if ((encoding === "utf-16le" || encoding === "utf-16be") && bytes.length >= 2) body = bytes.subarray(2);
  if (spec.decoder === "latin1-exact") return Buffer.from(body).toString("latin1");
  // Streaming, then flushed: Node 20 decodes windows-1252 as ISO-8859-1 in a single non-streaming call (see CP1252).
  const td = new TextDecoder(spec.decoder, { ignoreBOM: true });
  return td.decode(body, { stream: true }) + td.decode();
}

/** The text with its XML declaration naming `label` (a declaration is added when there is none). */
export function declareEncoding(text: string, label: string): string {
  const decl = /^<\?xml\s[^?]*\?>/.exec(text);
  if (decl === null) return `<?xml version="1.0" encoding="${label}"?>\n${text}`;
  const d = decl[0];
  const replaced = /\sencoding\s*=\s*(["'])[^"']*\1/.test(d)
    ? d.replace(/(\sencoding\s*=\s*)(["'])[^"']*\2/, `$1"${label}"`)
    : d.replace(/(version\s*=\s*(["'])[^"']*\2)/, `$1 encoding="${label}"`);
  return replaced + text.slice(d.length);
}

/** The seeds re-encoded: `perEncoding` of those whose text fits, with the declaration relabelled. */
export function encodedSeeds(seeds: readonly WfSeed[], perEncoding: number, rng: Rng): { seed: WfSeed; encoding: WfEncoding }[] {
  const out: { seed: WfSeed; encoding: WfEncoding }[] = [];
  for (const encoding of ENCODING_NAMES) {
    const spec = ENCODINGS[encoding];
    const fit = seeds.map((s) => ({ id: s.id, text: declareEncoding(s.text, spec.label) })).filter((s) => spec.fits(s.text));
    // The hand seeds first: they hold the astral characters, references and DTD markup.
    const hand = fit.filter((s) => s.id.startsWith("hand/"));
    const picked = [...hand.slice(0, perEncoding), ...sample(fit.filter((s) => !s.id.startsWith("hand/")), Math.max(0, perEncoding - hand.length), rng)];
    for (const s of picked) out.push({ seed: { id: `${encoding}:${s.id}`, text: s.text }, encoding });
  }
  return out;
}

/** Labels a relabelling edit writes: the supported ones, a contradiction for each BOM, and unknown ones. */
const LABELS = ["UTF-8", "UTF-16", "UTF-16LE", "ISO-8859-1", "US-ASCII", "windows-1252", "KOI8-R", "Shift_JIS", "x-unknown-encoding", "IBM037"];

function insertBytes(bytes: Uint8Array, at: number, ins: readonly number[]): Uint8Array {
  const out = new Uint8Array(bytes.length + ins.length);
  out.set(bytes.subarray(0, at));
  out.set(ins, at);
  out.set(bytes.subarray(at), at + ins.length);
  return out;
}

function unit(code: number, littleEndian: boolean): number[] {
  return littleEndian ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff];
}

/** Offsets of the surrogate pairs' first bytes (after any BOM), in UTF-16 bytes. */
function surrogatePairs(bytes: Uint8Array, littleEndian: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i + 3 < bytes.length; i += 2) {
    const hi = littleEndian ? bytes[i + 1] : bytes[i];
    if (hi >= 0xd8 && hi <= 0xdb) out.push(i);
  }
  return out;
}

/** One edit below the characters of an encoded document. */
function byteEdit(bytes: Uint8Array, encoding: WfEncoding, rng: Rng): { bytes: Uint8Array; description: string } {
  const spec = ENCODINGS[encoding];
  const roll = rng.next();
  if (spec.utf16) {
    const le = encoding.startsWith("utf-16le");
    const even = 2 + 2 * rng.int(Math.max(1, (bytes.length >> 1) - 1));
    if (roll < 0.15) {
      const at = 1 + 2 * rng.int(bytes.length >> 1);
      return { bytes: bytes.slice(0, at), description: `truncate at odd byte ${at}` };
    }
    if (roll < 0.3) {
      const at = rng.int(bytes.length);
      return { bytes: new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(at + 1)]), description: `delete byte ${at}` };
    }
    if (roll < 0.5) {
      const code = rng.next() < 0.5 ? 0xd800 : 0xdc00;
      return { bytes: insertBytes(bytes, even, unit(code, le)), description: `insert unpaired U+${code.toString(16).toUpperCase()} at byte ${even}` };
    }
    if (roll < 0.6) {
      const pairs = surrogatePairs(bytes, le);
      if (pairs.length > 0) {
        const at = pairs[rng.int(pairs.length)];
        const swapped = bytes.slice();
        swapped.set(bytes.subarray(at + 2, at + 4), at);
        swapped.set(bytes.subarray(at, at + 2), at + 2);
        return { bytes: swapped, description: `swap the halves of the surrogate pair at byte ${at}` };
      }
    }
    if (roll < 0.75) return { bytes: insertBytes(bytes, even, unit(0xfeff, le)), description: `insert a BOM (U+FEFF) at byte ${even}` };
    if (roll < 0.85) return { bytes: insertBytes(bytes, even, unit(0xfffe, le)), description: `insert U+FFFE (a reversed BOM) at byte ${even}` };
    return { bytes: insertBytes(bytes, even, [0, 0]), description: `insert a NUL at byte ${even}` };
  }
  const at = rng.int(bytes.length + 1);
  if (roll < 0.6) {
    const b = 0x80 + rng.int(0x80);
    return { bytes: insertBytes(bytes, at, [b]), description: `insert byte 0x${b.toString(16).toUpperCase()} at byte ${at}` };
  }
  if (roll < 0.8) return { bytes: insertBytes(bytes, at, BOM8), description: `insert a UTF-8 BOM (EF BB BF) at byte ${at}` };
  return { bytes: insertBytes(bytes, at, [0]), description: `insert a NUL at byte ${at}` };
}

/** Share of variants edited below the characters, and relabelled. */
const BYTE_EDITS = 0.3;
const RELABELS = 0.08;

/** `count` variants of an encoded seed: text edits then encoding, byte edits, or a relabelling. */
export function mutateEncoded(seed: WfSeed, encoding: WfEncoding, count: number, rng: Rng): (WfVariant & { encoding: WfEncoding })[] {
  const spec = ENCODINGS[encoding];
  const out: (WfVariant & { encoding: WfEncoding })[] = [];
  const push = (kind: WfVariant["kind"], bytes: Uint8Array, description: string) =>
    out.push({ id: `${seed.id}#${out.length + 1}`, seed: seed.id, kind, description, bytes, text: decodeLossy(bytes, encoding), encoding });
  for (let tries = 0; out.length < count && tries < count * 5; tries++) {
    const roll = rng.next();
    if (roll < RELABELS) {
      const label = LABELS[rng.int(LABELS.length)];
      if (label === spec.label) continue;
      push("relabel", spec.encode(declareEncoding(seed.text, label)), `declare encoding="${label}"`);
    } else if (roll < RELABELS + BYTE_EDITS) {
      const b = byteEdit(spec.encode(seed.text), encoding, rng);
      push("bad-bytes", b.bytes, b.description);
    } else {
      const m = mutateOnce(seed.text, rng);
      if (m === null || !spec.fits(m.text)) continue;
      push(m.kind, spec.encode(m.text), m.description);
    }
  }
  return out;
}

/**
 * Where to cut an encoded document in two for the chunking check: inside a UTF-16 code unit (an
 * odd offset) and inside a surrogate pair (between its halves, and inside either half), besides a
 * random cut.
 */
export function encodingSplits(bytes: Uint8Array, encoding: WfEncoding, rng: Rng): number[] {
  const cuts = [rng.int(bytes.length + 1)];
  if (ENCODINGS[encoding].utf16) {
    cuts.push(1 + 2 * rng.int(Math.max(1, bytes.length >> 1)));
    const pairs = surrogatePairs(bytes, encoding.startsWith("utf-16le"));
    if (pairs.length > 0) {
      const at = pairs[rng.int(pairs.length)];
      cuts.push(at + 1 + rng.int(3));
    }
  }
  return cuts.filter((c) => c <= bytes.length);
}
