/**
 * Differences between the generated parse + validator and `qxml validate` that a documented gap
 * (docs/codegen.md, "Known gaps") explains. Each entry matches narrowly: the schema or document
 * must show the feature, and the difference must be of the kind the gap produces.
 */
import type { SchemaModel } from "../src/schema/model.js";
import type { BreadthSchema } from "./codegen-schemas.js";

export interface DifferenceContext {
  schema: BreadthSchema;
  model: SchemaModel;
  /** The document as text. */
  xml: string;
  xmlErrors: { code: string; message: string; path?: string }[];
  /** What differs, as the harness words it. */
  difference: string;
}

interface KnownGap {
  reason: string;
  matches(c: DifferenceContext): boolean;
}

export const KNOWN_GAPS: readonly KnownGap[] = [];

/** The reason of the first gap that explains the difference, or undefined (a finding). */
export function knownDifference(c: DifferenceContext): string | undefined {
  return KNOWN_GAPS.find((g) => g.matches(c))?.reason;
}
