/**
 * Schema-mutation outcomes where qxml and libxml2 are known to disagree, each with the spec
 * clause that decides it, who is right, and a pinned example (checked by
 * test/differential/schema-mutations.test.ts to still disagree and still be recognised).
 * Also in docs/conformance.md, "Schema mutations".
 */
import type { SchemaOutcome } from "./schema-differential.js";

export interface KnownSchemaDifference {
  id: string;
  clause: string;
  why: string;
  /** A pinned example: a schema text on which the verdicts differ (and a document, for document-level differences). */
  example: { language: "xsd" | "dtd"; schema: string; xml?: string };
  matches(o: SchemaOutcome): boolean;
}

export const KNOWN_SCHEMA_DIFFERENCES: readonly KnownSchemaDifference[] = [];

export function explainSchemaOutcome(o: SchemaOutcome): KnownSchemaDifference | undefined {
  return KNOWN_SCHEMA_DIFFERENCES.find((k) => k.matches(o));
}
