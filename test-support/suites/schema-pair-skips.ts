/**
 * libxml2 test/schemas pairs where qxml's verdict differs from libxml2's today, with who is right
 * and why. The test fails when one of these starts agreeing (remove it here and in
 * docs/conformance.md "libxml2 schema tests") and on any new disagreement.
 */
export const SCHEMA_PAIR_SKIPS: Readonly<Record<string, string>> = {};
