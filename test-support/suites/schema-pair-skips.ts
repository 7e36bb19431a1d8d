/**
 * libxml2 test/schemas pairs where qxml's verdict differs from libxml2's today, with who is right
 * and why. The test fails when one of these starts agreeing (remove it here and in
 * docs/conformance.md "libxml2 schema tests") and on any new disagreement.
 */
export const SCHEMA_PAIR_SKIPS: Readonly<Record<string, string>> = {
  import1_0_0:
    "both conform (XSD 1.0 §4.2.3, §4.3.2: an import's schemaLocation is a hint, how hints are used is the processor's choice): libxml2 reads one document per imported namespace, skips import1_0b.imp and so cannot resolve bar:bar.B; qxml reads every import hint it can (an unreadable one is a warning) and validates. See docs/conformance.md \"Schema mutations\".",
};
