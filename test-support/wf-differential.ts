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

export interface WfOutcome {
  /** "<seed id>#<n>", or "<seed id>#original". */
  id: string;
  seed: string;
  kind: WfEditKind | "original";
  description: string;
  text: string;
  /** Set when the bytes are not utf8Bytes(text) (a broken UTF-8 encoding). */
  bytes?: Uint8Array;
  qxml: WfVerdict;
  libxml2: WfVerdict;
  agree: boolean;
  /** Both reject: do their first errors name the same line (null otherwise). */
  sameLine: boolean | null;
  /** The known difference a disagreement matches (id in KNOWN_WF_DIFFERENCES). */
  known?: string;
}

/** Variants per seed: 87 seeds × 300 ≈ 26,000 documents, about 6 s for both engines. */
export const DEFAULT_PER_SEED = 300;

export interface WfRunOptions {
  /** Variants per seed (default DEFAULT_PER_SEED). */
  perSeed?: number;
  seed?: number;
  seeds?: WfSeed[];
  known?: readonly KnownWfDifference[];
}

type WfCase = Pick<WfOutcome, "id" | "seed" | "kind" | "description" | "text" | "bytes">;

/** Both engines on one document; a disagreement is matched against the known differences. */
export function compareWf(libxml2: Libxml2WfParser, c: WfCase, known: readonly KnownWfDifference[] = KNOWN_WF_DIFFERENCES): WfOutcome {
  const bytes = c.bytes ?? utf8Bytes(c.text);
  const q = qxmlVerdict(bytes);
  const l = libxml2.verdict(bytes);
  const agree = q.wellFormed === l.wellFormed;
  const sameLine = agree && !q.wellFormed ? q.first?.line === l.first?.line : null;
  const o: WfOutcome = { ...c, qxml: q, libxml2: l, agree, sameLine };
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
  for (const seed of options.seeds ?? allSeeds()) {
    out.push(compareWf(libxml2, { id: `${seed.id}#original`, seed: seed.id, kind: "original", description: "the seed as written", text: seed.text }, options.known));
    for (const v of mutateSeed(seed, options.perSeed ?? DEFAULT_PER_SEED, rng)) out.push(compareWf(libxml2, v, options.known));
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
  /** Disagreements matching a known difference, by its id. */
  known: Record<string, number>;
  unexplained: number;
  byKind: Record<string, { total: number; rejectedByBoth: number }>;
}

export function summarizeWf(outcomes: readonly WfOutcome[]): WfSummary {
  const s: WfSummary = { total: outcomes.length, seeds: new Set(outcomes.map((o) => o.seed)).size, agree: 0, bothReject: 0, bothAccept: 0, sameLine: 0, known: {}, unexplained: 0, byKind: {} };
  for (const o of outcomes) {
    const k = (s.byKind[o.kind] ??= { total: 0, rejectedByBoth: 0 });
    k.total++;
    if (o.agree) {
      s.agree++;
      if (o.qxml.wellFormed) s.bothAccept++;
      else {
        s.bothReject++;
        k.rejectedByBoth++;
        if (o.sameLine === true) s.sameLine++;
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
    `first error on the same line ${s.sameLine}/${s.bothReject} (${pct(s.sameLine, s.bothReject)})`
  );
}
