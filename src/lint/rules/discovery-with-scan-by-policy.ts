/**
 * 8.15.2: "Can I use Scan by Policy with 'Allow instance discovery and system record creation'?
 * No." Streams: remembers the two start tags within one OPTION_PROFILE and decides at its end.
 */
import { ruleMeta } from "../meta.js";
import type { LintNode, Rule } from "../types.js";

export const discoveryWithScanByPolicy: Rule = {
  meta: ruleMeta({
    name: "discovery-with-scan-by-policy",
    severity: "error",
    description: "Instance discovery (ALLOW_AUTH_CREATION) cannot be combined with Scan by Policy (SCAN_BY_POLICY) in one option profile.",
    messages: {
      combined: "ALLOW_AUTH_CREATION (instance discovery and system record creation) cannot be used with SCAN_BY_POLICY (line {policyLine}) in the same option profile",
    },
    hint: "use two option profiles: one with ALLOW_AUTH_CREATION for discovery, one with SCAN_BY_POLICY (and INCLUDE_SYSTEM_AUTH to use the created records)",
  }),
  create(context) {
    // One entry per open OPTION_PROFILE: a profile pasted inside another is checked on its own,
    // and the outer one is not reported again for the inner one's elements.
    const open: { discovery?: LintNode; byPolicy?: LintNode }[] = [];
    return {
      "OPTION_PROFILE:enter"() {
        open.push({});
      },
      "ALLOW_AUTH_CREATION:enter"(node) {
        const p = open[open.length - 1];
        if (p !== undefined) p.discovery ??= node;
      },
      "SCAN_BY_POLICY:enter"(node) {
        const p = open[open.length - 1];
        if (p !== undefined) p.byPolicy ??= node;
      },
      "OPTION_PROFILE:exit"() {
        const p = open.pop();
        if (p?.discovery !== undefined && p.byPolicy !== undefined) context.report({ messageId: "combined", node: p.discovery, params: { policyLine: p.byPolicy.line } });
      },
    };
  },
};
