/**
 * The well-formedness differential: seed documents (test-support/wf-seeds.ts) and their seeded
 * byte-level mutations (test-support/wf-mutate.ts), each read by qxml's reader and parsed by
 * libxml2 (test-support/wf-verdicts.ts). Every disagreement must match an entry of the
 * known-differences table (test-support/wf-known.ts), and every entry must still occur. Shared
 * by test/differential/well-formedness.test.ts and `npm run conformance`.
 */
import { mutateSeed, utf8Bytes, type WfEditKind } from "./wf-mutate.js";
import { allSeeds, type WfSeed } from "./wf-seeds.js";
import { libxml2WfParser, qxmlVerdict, type Libxml2WfParser, type WfVerdict } from "./wf-verdicts.js";
import { KNOWN_WF_DIFFERENCES, type KnownWfDifference } from "./wf-known.js";
import { seededRng } from "./mutate/rng.js";
import { ENCODINGS, encodedSeeds, mutateEncoded, type WfEncoding } from "./wf-encodings.js";
import { compareColumns, type ColumnAgreement } from "./wf-columns.js";

export interface WfOutcome {
  /** "<seed id>#<n>", or "<seed id>#original". */
  id: string;
  seed: string;
  kind: WfEditKind | "original";
  description: string;
  text: string;
  /** Set when the bytes are not utf8Bytes(text) (a broken UTF-8 encoding, another encoding). */
  bytes?: Uint8Array;
  /** The seed's encoding: "utf-8", or one of wf-encodings.ts (the edit may have broken it). */
  encoding: "utf-8" | WfEncoding;
  qxml: WfVerdict;
  libxml2: WfVerdict;
  agree: boolean;
  /** Both reject: do their first errors name the same line (null otherwise). */
  sameLine: boolean | null;
  /** Their first errors are on the same line: do the columns agree (test-support/wf-columns.ts; null otherwise). */
  column: ColumnAgreement | null;
  /** The known difference a disagreement matches (id in KNOWN_WF_DIFFERENCES). */
  known?: string;
}

/** Variants per seed: 87 seeds × 300 ≈ 26,000 documents, about 6 s for both engines. */
export const DEFAULT_PER_SEED = 300;
/** Re-encoded seeds per encoding (the hand seeds that fit first) and variants of each: 8 × 14 × 100 ≈ 11,000 documents. */
export const DEFAULT_ENCODED_SEEDS = 14;
export const DEFAULT_PER_ENCODED_SEED = 100;

export interface WfRunOptions {
  /** Variants per seed (default DEFAULT_PER_SEED). */
  perSeed?: number;
  seed?: number;
  seeds?: WfSeed[];
  known?: readonly KnownWfDifference[];
  /** Re-encoded seeds per encoding (default DEFAULT_ENCODED_SEEDS; 0: UTF-8 only). */
  encodedSeeds?: number;
  /** Variants per re-encoded seed (default DEFAULT_PER_ENCODED_SEED). */
  perEncodedSeed?: number;
}

type WfCase = Pick<WfOutcome, "id" | "seed" | "kind" | "description" | "text" | "bytes"> & { encoding?: WfOutcome["encoding"] };

/** Both engines on one document; a disagreement is matched against the known differences. */
export function compareWf(libxml2: Libxml2WfParser, c: WfCase, known: readonly KnownWfDifference[] = KNOWN_WF_DIFFERENCES): WfOutcome {
  const bytes = c.bytes ?? utf8Bytes(c.text);
  const q = qxmlVerdict(bytes);
  const l = libxml2.verdict(bytes);
  const agree = q.wellFormed === l.wellFormed;
  const sameLine = agree && !q.wellFormed ? q.first?.line === l.first?.line : null;
  const column = sameLine === true ? compareColumns(c.text, q.first!.line, q.first!.column, l.first!.column) : null;
  const o: WfOutcome = { ...c, encoding: c.encoding ?? "utf-8", qxml: q, libxml2: l, agree, sameLine, column };
  if (!agree) {
    const k = known.find((d) => d.matches(o));
    if (k !== undefined) o.known = k.id;
  }
  return o;
}

export async function runWfDifferential(options: WfRunOptions = {}): Promise<WfOutcome[]> {
  const libxml2 = await libxml2WfParser();
  const rng = seededRng(options.seed ?? 1);
  const out: WfOutcome[] = [];
  const seeds = options.seeds ?? allSeeds();
  for (const seed of seeds) {
    out.push(compareWf(libxml2, { id: `${seed.id}#original`, seed: seed.id, kind: "original", description: "the seed as written", text: seed.text }, options.known));
    for (const v of mutateSeed(seed, options.perSeed ?? DEFAULT_PER_SEED, rng)) out.push(compareWf(libxml2, v, options.known));
  }
  const encRng = seededRng((options.seed ?? 1) + 1000);
  for (const { seed, encoding } of encodedSeeds(seeds, options.encodedSeeds ?? DEFAULT_ENCODED_SEEDS, encRng)) {
    const bytes = ENCODINGS[encoding].encode(seed.text);
    out.push(compareWf(libxml2, { id: `${seed.id}#original`, seed: seed.id, kind: "original", description: "the seed as written", text: seed.text, bytes, encoding }, options.known));
    for (const v of mutateEncoded(seed, encoding, options.perEncodedSeed ?? DEFAULT_PER_ENCODED_SEED, encRng)) out.push(compareWf(libxml2, v, options.known));
  }
  return out;
}

export interface WfSummary {
  total: number;
  seeds: number;
  agree: number;
  bothReject: number;
  bothAccept: number;
  sameLine: number;
  /** Of the sameLine documents: the column is the same, or in the same construct (wf-columns.ts). */
  sameColumn: number;
  exactColumn: number;
  /** Disagreements matching a known difference, by its id. */
  known: Record<string, number>;
  unexplained: number;
  byKind: Record<string, { total: number; rejectedByBoth: number }>;
  byEncoding: Record<string, { total: number; agree: number; bothReject: number; sameLine: number; sameColumn: number }>;
}

export function summarizeWf(outcomes: readonly WfOutcome[]): WfSummary {
  const s: WfSummary = { total: outcomes.length, seeds: new Set(outcomes.map((o) => o.seed)).size, agree: 0, bothReject: 0, bothAccept: 0, sameLine: 0, sameColumn: 0, exactColumn: 0, known: {}, unexplained: 0, byKind: {}, byEncoding: {} };
  for (const o of outcomes) {
    const k = (s.byKind[o.kind] ??= { total: 0, rejectedByBoth: 0 });
    const e = (s.byEncoding[o.encoding] ??= { total: 0, agree: 0, bothReject: 0, sameLine: 0, sameColumn: 0 });
    k.total++;
    e.total++;
    if (o.agree) {
      s.agree++;
      e.agree++;
      if (o.qxml.wellFormed) s.bothAccept++;
      else {
        s.bothReject++;
        e.bothReject++;
        k.rejectedByBoth++;
        if (o.sameLine === true) {
          s.sameLine++;
          e.sameLine++;
        }
        if (o.column === "exact") s.exactColumn++;
        if (o.column === "exact" || o.column === "construct") {
          s.sameColumn++;
          e.sameColumn++;
        }
      }
    } else if (o.known !== undefined) s.known[o.known] = (s.known[o.known] ?? 0) + 1;
    else s.unexplained++;
  }
  return s;
}

export function formatWf(s: WfSummary): string {
  const pct = (a: number, b: number) => (b === 0 ? "n/a" : `${((100 * a) / b).toFixed(1)}%`);
  const known = Object.entries(s.known)
    .map(([id, n]) => `${id} ${n}`)
    .join(", ");
  return (
    `well-formedness qxml vs libxml2: ${s.total} documents from ${s.seeds} seeds; verdicts agree ${s.agree}/${s.total} (${pct(s.agree, s.total)}) ` +
    `[both accept ${s.bothAccept}, both reject ${s.bothReject}]; known differences ${s.total - s.agree - s.unexplained}${known === "" ? "" : ` (${known})`}, unexplained ${s.unexplained}; ` +
    `first error on the same line ${s.sameLine}/${s.bothReject} (${pct(s.sameLine, s.bothReject)}), and there at the same place ${s.sameColumn}/${s.sameLine} (${pct(s.sameColumn, s.sameLine)}; same column ${s.exactColumn})\n` +
    Object.entries(s.byEncoding)
      .map(([enc, e]) => `  ${enc}: ${e.total} documents, verdicts agree ${pct(e.agree, e.total)}, both reject ${e.bothReject}, same line ${pct(e.sameLine, e.bothReject)}, same place ${pct(e.sameColumn, e.sameLine)}`)
      .join("\n")
  );
}
