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
    let discovery: LintNode | undefined;
    let byPolicy: LintNode | undefined;
    return {
      "OPTION_PROFILE:enter"() {
        discovery = undefined;
        byPolicy = undefined;
      },
      "ALLOW_AUTH_CREATION:enter"(node) {
        discovery ??= node;
      },
      "SCAN_BY_POLICY:enter"(node) {
        byPolicy ??= node;
      },
      "OPTION_PROFILE:exit"() {
        if (discovery !== undefined && byPolicy !== undefined) context.report({ messageId: "combined", node: discovery, params: { policyLine: byPolicy.line } });
      },
    };
  },
};
