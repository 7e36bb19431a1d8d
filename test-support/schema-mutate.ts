/**
 * The seeded schema mutator: from one XSD or DTD text, up to `perKind` mutated texts of each
 * mutation kind (test-support/schema-mutate/xsd-kinds.ts, dtd-kinds.ts), chosen by the seeded
 * generator. A mutation's id is "<kind>:<index among that kind's candidates>", stable for a given
 * seed text whatever the generator's seed, so a finding can be pinned by id.
 */
import { seededRng, sample } from "./mutate/rng.js";
import { DTD_KINDS, dtdCandidates, type DtdKind } from "./schema-mutate/dtd-kinds.js";
import { XSD_KINDS, xsdCandidates, type XsdKind } from "./schema-mutate/xsd-kinds.js";

export { DTD_KINDS, XSD_KINDS };
export type SchemaMutationKind = XsdKind | DtdKind;

export interface SchemaMutation {
  id: string;
  kind: SchemaMutationKind;
  description: string;
  text: string;
}

export interface SchemaMutateOptions {
  seed: number;
  /** Mutations kept per kind (sampled from all candidates). */
  perKind: number;
  /** The file name the mutated schema will be written as (for mutations that include the schema itself). */
  selfName: string;
  /** Only these kinds (default all of the schema language's kinds). */
  kinds?: readonly SchemaMutationKind[];
}

export function mutateSchema(language: "xsd" | "dtd", text: string, options: SchemaMutateOptions): SchemaMutation[] {
  const rng = seededRng(options.seed);
  const kinds: readonly SchemaMutationKind[] = language === "xsd" ? XSD_KINDS : DTD_KINDS;
  const out: SchemaMutation[] = [];
  for (const kind of kinds) {
    if (options.kinds !== undefined && !options.kinds.includes(kind)) continue;
    const all = language === "xsd" ? xsdCandidates(text, kind as XsdKind, options.selfName) : dtdCandidates(text, kind as DtdKind);
    const indexed = all.map((c, i) => ({ ...c, id: `${kind}:${i}`, kind }));
    for (const m of sample(indexed, options.perKind, rng)) out.push(m);
  }
  return out;
}
