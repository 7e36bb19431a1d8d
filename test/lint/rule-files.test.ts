/**
 * The repo check (like ESLint's checkRuleFiles): every rule has its own source file, a docs page
 * whose bad example fires it and whose good example does not, an index entry with its default
 * severity, and a case-table test; and nothing is documented that is not a rule.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { lintString, rules } from "../../src/lint/index.js";

const ROOT = resolve(import.meta.dirname, "../..");
const read = (p: string) => readFileSync(resolve(ROOT, p), "utf8");
const index = read("docs/rules/README.md");

function xmlBlock(page: string, heading: string): string {
  const m = new RegExp(`## ${heading}\\n\\n\`\`\`xml\\n([\\s\\S]*?)\\n\`\`\``).exec(page);
  if (m === null) throw new Error(`no "## ${heading}" xml block`);
  return m[1];
}

describe("rule files", () => {
  it("rule ids are unique and named qualys/<kebab-case>", () => {
    const ids = rules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^qualys\/[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  for (const rule of rules) {
    const name = rule.meta.id.slice("qualys/".length);
    describe(rule.meta.id, () => {
      it("has its own source file and a case-table test", () => {
        expect(existsSync(resolve(ROOT, `src/lint/rules/${name}.ts`))).toBe(true);
        const test = resolve(ROOT, `test/lint/rules/${name}.test.ts`);
        expect(existsSync(test)).toBe(true);
        expect(readFileSync(test, "utf8")).toMatch(/runRuleTests\(\w+, \{/);
      });

      it("has a docs page whose bad example fires the rule and whose good example does not", () => {
        expect(rule.meta.docs).toBe(`docs/rules/qualys/${name}.md`);
        const page = read(rule.meta.docs);
        expect(page.startsWith(`# ${rule.meta.id}\n`)).toBe(true);
        expect(page).toContain(`**Default severity**: ${rule.meta.severity}`);
        for (const id of Object.keys(rule.meta.messages)) expect(page).toContain(`- \`${id}\`: ${rule.meta.messages[id]}`);
        const bad = lintString(xmlBlock(page, "Bad"), { rules: [rule] });
        expect(bad.length).toBeGreaterThan(0);
        expect(lintString(xmlBlock(page, "Good"), { rules: [rule] })).toEqual([]);
      });

      it("is in the index with its default severity", () => {
        expect(index).toContain(`| [\`${rule.meta.id}\`](qualys/${name}.md) | ${rule.meta.severity} | ${rule.meta.description} |`);
      });
    });
  }

  it("documents and tests no rule that does not exist", () => {
    const names = new Set(rules.map((r) => r.meta.id.slice("qualys/".length)));
    const pages = readdirSync(resolve(ROOT, "docs/rules/qualys")).map((f) => f.replace(/\.md$/, ""));
    expect(pages.sort()).toEqual([...names].sort());
    const tests = readdirSync(resolve(ROOT, "test/lint/rules")).filter((f) => f.endsWith(".test.ts")).map((f) => f.replace(/\.test\.ts$/, ""));
    expect(tests.sort()).toEqual([...names].sort());
    const sources = readdirSync(resolve(ROOT, "src/lint/rules")).filter((f) => f.endsWith(".ts") && f !== "index.ts" && f !== "oracle-record.ts").map((f) => f.replace(/\.ts$/, ""));
    expect(sources.sort()).toEqual([...names].sort());
  });
});
