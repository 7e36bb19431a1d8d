/**
 * A small RuleTester in ESLint's manner: each rule gets valid documents (no report) and invalid
 * ones with the exact reports expected (messageId, line, column, path, and text the message
 * must contain). Runs the rule alone, through the same collector as `qxml lint`.
 */
import { describe, expect, it } from "vitest";
import { lintString } from "../../src/lint/index.js";
import type { Rule } from "../../src/lint/types.js";

export interface ExpectedReport {
  messageId: string;
  line: number;
  column: number;
  path?: string;
  /** Substrings the message must contain. */
  message?: string[];
  params?: Record<string, unknown>;
}

export interface RuleCases {
  valid: { name: string; xml: string }[];
  invalid: { name: string; xml: string; reports: ExpectedReport[] }[];
}

/** Rule ids that have a case table (the repo check asserts every rule is here). */
export const testedRules = new Set<string>();

export function runRuleTests(rule: Rule, cases: RuleCases): void {
  testedRules.add(rule.meta.id);
  describe(rule.meta.id, () => {
    for (const v of cases.valid) {
      it(`valid: ${v.name}`, () => {
        expect(lintString(v.xml, { rules: [rule] })).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const got = lintString(c.xml, { rules: [rule] });
        expect(got.map((d) => d.code)).toEqual(c.reports.map(() => rule.meta.id));
        c.reports.forEach((want, i) => {
          const d = got[i];
          expect(d.params?.messageId).toBe(want.messageId);
          expect({ line: d.line, column: d.column }).toEqual({ line: want.line, column: want.column });
          expect(d.severity).toBe(rule.meta.severity);
          expect(d.hint).toBeTruthy();
          if (want.path !== undefined) expect(d.path).toBe(want.path);
          for (const s of want.message ?? []) expect(d.message).toContain(s);
          if (want.params !== undefined) expect(d.params).toMatchObject(want.params);
        });
      });
    }
  });
}
