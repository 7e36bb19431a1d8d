/**
 * Differential outcomes (ids "<fixture>#<mutation id>[@doctype]") where qxml and libxml2 are known
 * to disagree, each with who is right and why (also in docs/conformance.md "Differential").
 * Empty: on the bundled schemas, fixtures and seed-1 mutations, every verdict agrees today.
 */
export const KNOWN_DIFFERENTIAL_DISAGREEMENTS: Readonly<Record<string, string>> = {};
