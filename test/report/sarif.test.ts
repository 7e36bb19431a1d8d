/**
 * SARIF output checked against the SARIF 2.1.0 schema (test/fixtures/sarif, draft 2020-12) with
 * ajv, plus what GitHub code scanning needs beyond the schema: absolute helpUri, a rule for every
 * ruleId, relative forward-slash artifact URIs, 1-based regions.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { summarize, type Findings } from "../../src/diagnostics/diagnostic.js";
import { emptyConfig } from "../../src/config/config.js";
import { rules } from "../../src/lint/index.js";
import { lintDocument } from "../../src/lint/lint-document.js";
import { sarifRuleInfo } from "../../src/lint/sarif-rule-info.js";
import { artifactUri, formatSarif, type SarifOptions } from "../../src/report/sarif.js";
import { Catalog } from "../../src/schema/catalog.js";

const ROOT = resolve(import.meta.dirname, "../..");
const schema = JSON.parse(readFileSync(resolve(ROOT, "test/fixtures/sarif/sarif-2.1.0.json"), "utf8"));

// ajv-formats is not installed: the formats the SARIF schema uses, checked strictly enough here.
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat("uri", /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
ajv.addFormat("uri-reference", /^[^\s]*$/);
ajv.addFormat("date-time", (s: string) => !Number.isNaN(Date.parse(s)));
ajv.addFormat("uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const validate = ajv.compile(schema);

const options = (cwd = ROOT): SarifOptions => ({
  toolName: "qxml",
  toolVersion: "0.1.0",
  informationUri: "https://github.com/qxml/qxml",
  ruleInfo: (code) => ({ shortDescription: `about ${code}`, helpUri: `https://example.org/${code}`, severity: "warning" }),
  cwd,
});

async function lintAll(dir: string): Promise<Findings> {
  const { readdirSync } = await import("node:fs");
  const files = readdirSync(resolve(ROOT, dir)).filter((f) => f.endsWith(".xml")).map((f) => `${dir}/${f}`);
  const results = [];
  for (const f of files) results.push((await lintDocument(f, { catalog: Catalog.bundled(), config: emptyConfig(), cwd: ROOT, rules })).result);
  return summarize(results);
}

describe("formatSarif", () => {
  it("the schema itself compiles and rejects a broken log", () => {
    expect(validate({ version: "2.1.0", runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate({ version: "2.1.0", runs: [] })).toBe(true);
  });

  it("lint output for every bad example validates against SARIF 2.1.0 and meets GitHub's needs", async () => {
    const findings = await lintAll("examples/bad");
    const sarif = JSON.parse(formatSarif(findings, { ...options(), ruleInfo: sarifRuleInfo() }));
    expect(validate(sarif), JSON.stringify(validate.errors, null, 1)).toBe(true);
    const run = sarif.runs[0];
    const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    for (const id of rules.map((r) => r.meta.id)) expect(ruleIds).toContain(id);
    for (const r of run.tool.driver.rules) {
      expect(r.shortDescription.text.length).toBeGreaterThan(0);
      // GitHub Advanced Security requires these (Sarif.Multitool rule GH2012).
      expect(r.fullDescription.text.length).toBeGreaterThan(0);
      expect(r.help.text.length).toBeGreaterThan(0);
      expect(r.name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(r.helpUri).toMatch(/^https:\/\/.+\/docs\/(rules\/qualys\/[\w-]+|findings)\.md$/);
    }
    expect(run.results.length).toBe(findings.summary.errors + findings.summary.warnings + findings.files.flatMap((f) => f.diagnostics).filter((d) => d.severity === "info").length);
    for (const res of run.results) {
      expect(run.tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
      const loc = res.locations[0].physicalLocation;
      expect(loc.artifactLocation.uri).toMatch(/^examples\/bad\/[\w-]+\.xml$/);
      expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
      expect(loc.region.startColumn).toBeGreaterThanOrEqual(1);
    }
    const crit = run.results.find((r: { ruleId: string }) => r.ruleId === "qualys/criticality");
    expect(crit).toMatchObject({ level: "error", locations: [{ physicalLocation: { region: { startLine: 40, startColumn: 17 } } }] });
    expect(crit.message.text).toContain('CRITICALITY LABEL "SERIOUS" means VALUE 3, found 4 (hint: ');
    expect(run.results.find((r: { ruleId: string }) => r.ruleId === "qualys/empty-remediation").level).toBe("note");
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === "qualys/oracle-template-required");
    expect(rule.name).toBe("OracleTemplateRequired");
    expect(rule.help.text).toContain("How to fix: add <ORACLE_AUTHENTICATION_TEMPLATE>");
  });

  it("a clean run is a valid log with no results", () => {
    const sarif = JSON.parse(formatSarif(summarize([{ file: "a.xml", schema: "x", valid: true, diagnostics: [] }]), options()));
    expect(validate(sarif)).toBe(true);
    expect(sarif.runs[0].results).toEqual([]);
    expect(sarif.runs[0].tool.driver.rules).toEqual([]);
  });

  it("makes artifact URIs relative, with forward slashes and percent-encoding", () => {
    expect(artifactUri("/repo/profiles/a b.xml", "/repo")).toBe("profiles/a%20b.xml");
    expect(artifactUri("profiles\\x#1.xml", "/repo")).toBe("profiles/x%231.xml");
    expect(artifactUri("./a.xml", "/repo")).toBe("a.xml");
  });

  it("keeps every finding of non-lint codes too, with a rule entry each", () => {
    const findings = summarize([
      {
        file: "a.xml",
        schema: null,
        valid: false,
        diagnostics: [
          { severity: "error", code: "xml/unclosed-tag", message: "m1", line: 3, column: 2 },
          { severity: "error", code: "xml/unclosed-tag", message: "m2", line: 0, column: 0 },
        ],
      },
    ]);
    const sarif = JSON.parse(formatSarif(findings, options()));
    expect(validate(sarif)).toBe(true);
    expect(sarif.runs[0].tool.driver.rules).toHaveLength(1);
    // Regions are 1-based even when a diagnostic has no position.
    expect(sarif.runs[0].results[1].locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 1 });
  });
});
