/**
 * The rules against real material: every sample from the release notes (test/fixtures/qualys)
 * and every example. Samples get no finding except those listed below, each with its reason;
 * good examples pass `qxml lint` whole (schema and rules); each bad example shows the rule its
 * comment names, and together they show every rule.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { emptyConfig } from "../../src/config/config.js";
import { lintFile, rules } from "../../src/lint/index.js";
import { lintDocument } from "../../src/lint/lint-document.js";
import { Catalog } from "../../src/schema/catalog.js";

const ROOT = resolve(import.meta.dirname, "../..");
const FIXTURES = join(ROOT, "test/fixtures/qualys");
const EXAMPLES = join(ROOT, "examples");

/** Findings the notes' own samples do carry (file → "code@line"). */
const EXPECTED_ON_SAMPLES: Record<string, string[]> = {
  // The notes print partial listings but keep the full totals (docs/qualys-schemas.md).
  "policy-export-sybase-udc.xml": ["qualys/count-mismatch@25", "qualys/count-mismatch@60"],
  // Partial listing again, and both UDCs were exported with empty remediation text.
  "policy-export-udc-remediation.xml": ["qualys/count-mismatch@26", "qualys/count-mismatch@30", "qualys/empty-remediation@64", "qualys/empty-remediation@109"],
  // UDC 100028 of the same export, so its empty REMEDIATION too.
  "importable-control-unix-file-permission.xml": ["qualys/empty-remediation@42"],
};

const xmlFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".xml")).sort();

describe("release-note samples", () => {
  it("has the samples this test expects", () => {
    expect(xmlFiles(FIXTURES).length).toBeGreaterThanOrEqual(39);
  });
  for (const f of xmlFiles(FIXTURES)) {
    it(`${f}: only the expected findings`, async () => {
      const got = (await lintFile(join(FIXTURES, f))).map((d) => `${d.code}@${d.line}`);
      expect(got).toEqual(EXPECTED_ON_SAMPLES[f] ?? []);
    });
  }
});

const ctx = () => ({ catalog: Catalog.bundled(), config: emptyConfig(), cwd: ROOT, rules });

describe("examples/good", () => {
  for (const f of xmlFiles(join(EXAMPLES, "good"))) {
    it(`${f}: valid against its import schema and no rule fires`, async () => {
      const { result, schemaFailure } = await lintDocument(relative(ROOT, join(EXAMPLES, "good", f)), ctx());
      expect(schemaFailure).toBe(false);
      expect(result.schema).not.toBeNull();
      expect(result.diagnostics).toEqual([]);
    });
  }
});

describe("examples/bad", () => {
  const shown = new Set<string>();
  for (const f of xmlFiles(join(EXAMPLES, "bad"))) {
    const path = join(EXAMPLES, "bad", f);
    const named = /shows (qualys\/[\w-]+)/.exec(readFileSync(path, "utf8"))?.[1];
    it(`${f}: its comment names a rule, and that rule fires`, async () => {
      expect(named).toBeDefined();
      const { result } = await lintDocument(relative(ROOT, path), ctx());
      expect(result.diagnostics.map((d) => d.code)).toContain(named);
      shown.add(named!);
    });
  }
  it("together the bad examples show every rule", () => {
    expect([...shown].sort()).toEqual(rules.map((r) => r.meta.id).sort());
  });
});

describe("import schema choice", () => {
  it("validates an option profile export (with its DOCTYPE) against option_profiles.xsd", async () => {
    const { result } = await lintDocument("test/fixtures/qualys/option-profile-info-export-oracle-template.xml", ctx());
    expect(result.schema).toBe("option_profiles");
  });
  it("validates a CONTROL_LIST against ImportableControl.xsd and reports schema errors with the rules'", async () => {
    const { result } = await lintDocument("examples/bad/oracle-template-missing.xml", ctx());
    expect(result.schema).toBe("option_profiles");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["qualys/oracle-template-required", "valid/missing-element"]);
    const list = await lintDocument("examples/good/udc-control-list.xml", ctx());
    expect(list.result.schema).toBe("ImportableControl");
  });
  it("a policy export keeps its DTD", async () => {
    const { result } = await lintDocument("examples/good/policy-udc.xml", ctx());
    expect(result.schema).toBe("policy_export_output");
  });
});
