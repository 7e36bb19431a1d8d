/** examples/ts: the option-profile program compiles under --strict, runs, and writes valid XML. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { compileSchema, validateString } from "../../src/validate/index.js";
import { diagnosticLines, fixturesDir, model, repoRoot, strictOptions } from "./helpers.js";

const example = join(repoRoot, "examples/ts/switch-oracle-template.ts");

describe("examples/ts/switch-oracle-template.ts", () => {
  it("compiles under tsc --strict", () => {
    expect(diagnosticLines(ts.createProgram([example], strictOptions(["node"])))).toEqual([]);
  });

  it("switches the Oracle template of an export and writes it back valid", async () => {
    const { run } = (await import(example)) as { run: (xml: string, id: string, title: string) => { xml: string; changed: number } };
    const xml = readFileSync(join(fixturesDir, "option-profile-info-export-oracle-template.xml"), "utf8");
    const result = run(xml, "4242", "Oracle 19c template");
    expect(result.changed).toBeGreaterThan(0);
    expect(result.xml).toMatch(/<ORACLE_AUTHENTICATION_TEMPLATE>\s*<ID>4242<\/ID>\s*<TITLE>Oracle 19c template<\/TITLE>/);
    expect(result.xml).toContain("<!DOCTYPE OPTION_PROFILES SYSTEM");
    const check = validateString(result.xml, { file: "out.xml", schema: compileSchema(model("option_profile_info")).schema });
    expect(check.diagnostics).toEqual([]);
  });
});
