/** The package's library entry (package.json "exports" → src/index.ts) used the way a project would. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import * as qxml from "../src/index.js";

const root = resolve(import.meta.dirname, "..");
const fixture = (name: string) => readFileSync(resolve(root, "test/fixtures/qualys", name), "utf8");

describe("the library entry", () => {
  it("reads a bundled XSD, compiles it once and validates documents against it", () => {
    const { model, diagnostics } = qxml.readXsdFile(resolve(root, "schemas/qualys/option_profiles.xsd"));
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const { schema } = qxml.compileSchema(model!);
    const good = qxml.validateString(fixture("option-profiles-import-oracle-template.xml"), { file: "good.xml", schema });
    expect(good).toMatchObject({ valid: true, wellFormed: true, diagnostics: [] });
    const bad = qxml.validateString(fixture("option-profiles-import-oracle-template.xml").replace(">Oracle<", ">Oracl<"), { file: "bad.xml", schema });
    expect(bad.valid).toBe(false);
    expect(bad.diagnostics[0].message).toContain('"Oracl"');
    expect(bad.diagnostics[0].path).toMatch(/\/AUTHENTICATION_TYPE$/);
  });
  it("finds bundled schemas by name, root and DOCTYPE system identifier on any Qualys host", () => {
    const catalog = qxml.Catalog.bundled();
    expect(catalog.byRoot("OPTION_PROFILES").map((e) => e.name)).toEqual(["option_profiles", "option_profile_info"]);
    expect(catalog.bySystemId("https://qualysapi.qg3.apps.qualys.com/api/2.0/fo/auth/oracle/auth_oracle_list_output.dtd")?.name).toBe("auth_oracle_list_output");
    expect(catalog.bySystemId("https://example.com/other.dtd")).toBeUndefined();
  });
  it("lints a string with the Qualys rules", () => {
    const text = fixture("option-profiles-import-oracle-template.xml").replace(/<ORACLE_AUTHENTICATION_TEMPLATE>[\s\S]*?<\/ORACLE_AUTHENTICATION_TEMPLATE>/, "");
    const codes = qxml.lintString(text).map((d) => d.code);
    expect(codes).toContain("qualys/oracle-template-required");
  });
  it("formats findings as JSON, SARIF and JUnit", () => {
    const findings = qxml.summarize([
      { file: "a.xml", schema: "simple_return", valid: false, diagnostics: [{ severity: "error", code: "valid/unexpected-element", message: "m", line: 2, column: 3 }] },
    ]);
    expect(JSON.parse(qxml.formatJson(findings)).summary).toEqual({ files: 1, valid: 0, invalid: 1, errors: 1, warnings: 0 });
    const sarif = JSON.parse(
      qxml.formatSarif(findings, {
        toolName: "qxml",
        toolVersion: "0.0.0",
        informationUri: "https://example.com/qxml",
        ruleInfo: qxml.sarifRuleInfo(),
        cwd: root,
      }),
    );
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: "valid/unexpected-element", level: "error" });
    expect(qxml.formatJunit(findings)).toContain("<testcase");
  });
});
