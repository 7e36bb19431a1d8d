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
import { AREA_DOCS, codeInfo } from "../../src/report/code-info.js";
import { validateString } from "../../src/validate/index.js";
import { allCodes } from "../../src/diagnostics/codes.js";
import "../../src/engines/codes.js";

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
      // Lint rules link their page; other codes their area's page, or none (xml/ has no page).
      if (r.id.startsWith("xml/")) expect(r.helpUri).toBeUndefined();
      else expect(r.helpUri).toMatch(/^https:\/\/.+\/docs\/(rules\/qualys\/[\w-]+|findings|validation|datatypes|dtd|xsd-support)\.md$/);
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

  it("describes a validity error's code from the code registry, with its area's docs page (was: a placeholder template)", () => {
    const doc = `<!DOCTYPE R [\n<!ELEMENT R (A)>\n<!ELEMENT A EMPTY>\n]>\n<R><B/></R>\n`;
    const r = validateString(doc, { file: "r.xml" });
    const findings = summarize([{ file: "r.xml", schema: "DOCTYPE", valid: r.valid, diagnostics: r.diagnostics }]);
    const sarif = JSON.parse(formatSarif(findings, { ...options(), ruleInfo: sarifRuleInfo() }));
    expect(validate(sarif), JSON.stringify(validate.errors, null, 1)).toBe(true);
    const run = sarif.runs[0];
    const res = run.results[0];
    expect(res).toMatchObject({ ruleId: "valid/unexpected-element", level: "error", locations: [{ physicalLocation: { region: { startLine: 5, startColumn: 4 } } }] });
    const rule = run.tool.driver.rules[res.ruleIndex];
    expect(rule).toEqual({
      id: "valid/unexpected-element",
      name: "UnexpectedElement",
      shortDescription: { text: "Validity: unexpected element" },
      fullDescription: { text: `Validity: unexpected element (valid/unexpected-element). Reported as: "${allCodes().get("valid/unexpected-element")!.message}".` },
      // This code's hint is written per finding (in the result's message), so the rule has none.
      help: { text: `Validity: unexpected element (valid/unexpected-element). Reported as: "${allCodes().get("valid/unexpected-element")!.message}". More: https://github.com/qxml/qxml/blob/main/docs/validation.md` },
      helpUri: "https://github.com/qxml/qxml/blob/main/docs/validation.md",
      defaultConfiguration: { level: "error" },
    });
    expect(res.message.text).toContain("R: expected <A>; found <B>");
    // No placeholder text left: neither "qxml diagnostic …" nor templates with "…" for their values.
    for (const r of run.tool.driver.rules) expect(JSON.stringify(r)).not.toMatch(/…|qxml diagnostic/);
  });

  it("gives a code without a docs page no helpUri, and help text that stands alone", () => {
    const findings = summarize([{ file: "a.xml", schema: null, valid: false, diagnostics: [{ severity: "error", code: "xml/undefined-entity", message: "m", line: 1, column: 4 }] }]);
    const sarif = JSON.parse(formatSarif(findings, { ...options(), ruleInfo: sarifRuleInfo() }));
    expect(validate(sarif)).toBe(true);
    const rule = sarif.runs[0].tool.driver.rules[0];
    expect(rule.helpUri).toBeUndefined();
    expect(rule.shortDescription.text).toBe("XML reading: undefined entity");
    expect(rule.help.text).toContain("How to fix: Declare it in the DTD");
    expect(rule.help.text).not.toContain("See ");
  });
});

describe("codeInfo", () => {
  it("uses a code's registered title where it has one (libxml2's codes), else one made from the id", () => {
    expect(codeInfo("libxml2/error").title).toBe("libxml2 reference engine: an error libxml2 reported (its own message)");
    // libxml2's template is only "{message}": it is not quoted as what the code reports.
    expect(codeInfo("libxml2/error").description).toBe("libxml2 reference engine: an error libxml2 reported (its own message) (libxml2/error).");
    expect(codeInfo("xsd/unresolved-type")).toMatchObject({ title: "XSD: unresolved type", description: 'XSD: unresolved type (xsd/unresolved-type). Reported as: "type \"{name}\" is not defined".', docs: "docs/xsd-support.md", severity: "error" });
    expect(codeInfo("nobody/knows-this")).toEqual({ title: "knows this", description: "knows this (nobody/knows-this).", severity: "error" });
  });

  it("links only docs pages that exist and document their area's codes", () => {
    for (const [area, page] of Object.entries(AREA_DOCS)) {
      const text = readFileSync(resolve(ROOT, page), "utf8");
      expect(text, `${page} for ${area}/`).toContain(`${area}/`);
    }
    // Every registered code of the validity area is listed on its page.
    const valid = [...allCodes().keys()].filter((c) => c.startsWith("valid/"));
    expect(valid.length).toBeGreaterThan(20);
    const page = readFileSync(resolve(ROOT, AREA_DOCS.valid), "utf8");
    for (const c of valid) expect(page, c).toContain(c);
  });
});
