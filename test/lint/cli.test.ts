/** `qxml lint` end to end through the bin: formats, exit codes, --max-warnings, config. Runs from the repo root. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runCli } from "../cli/run-cli.js";

// Through the built bin, as a user runs it: the CLI writes with fs.writeSync (src/cli/stdio.ts),
// which an in-process spy on process.stdout would not see.
async function run(...args: string[]) {
  return runCli(["lint", ...args]);
}

function tempConfig(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "qxml-lint-"));
  const file = join(dir, "qxml.config.json");
  writeFileSync(file, text);
  return file;
}

afterEach(() => vi.restoreAllMocks());

describe("qxml lint", () => {
  it("exits 0 on the good examples, with a summary", async () => {
    const r = await run("examples/good");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("7 files: 7 valid, 0 invalid; 0 errors, 0 warnings");
  });

  it("exits 1 on an error, printing it compiler-style with a code frame, path and hint", async () => {
    const r = await run("examples/bad/criticality.xml");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('examples/bad/criticality.xml:40:17: error qualys/criticality: CRITICALITY LABEL "SERIOUS" means VALUE 3, found 4');
    expect(r.stdout).toMatch(/> 40 \|\s+<VALUE>4<\/VALUE>/);
    expect(r.stdout).toContain("at /POLICY_EXPORT_OUTPUT/RESPONSE/POLICY/SECTIONS/SECTION/CONTROLS/USER_DEFINED_CONTROL/CRITICALITY/VALUE");
    expect(r.stdout).toContain("hint: make LABEL and VALUE name the same level");
  });

  it("allows warnings unless --max-warnings is passed", async () => {
    expect((await run("examples/bad/count-mismatch.xml")).code).toBe(0);
    expect((await run("examples/bad/count-mismatch.xml", "--max-warnings", "1")).code).toBe(0);
    const r = await run("examples/bad/count-mismatch.xml", "--max-warnings", "0");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("1 warning, more than --max-warnings 0");
  });

  it("infos never fail the run", async () => {
    expect((await run("examples/bad/empty-remediation.xml", "--max-warnings", "0")).code).toBe(0);
  });

  it("prints the findings JSON", async () => {
    const r = await run("examples/bad/udc-id.xml", "--format", "json");
    const f = JSON.parse(r.stdout);
    expect(f.version).toBe(1);
    expect(f.files[0]).toMatchObject({ file: "examples/bad/udc-id.xml", schema: "policy_export_output", valid: false });
    expect(f.files[0].diagnostics[0]).toMatchObject({ code: "qualys/udc-id", severity: "error", line: 27, column: 15, params: { messageId: "notUuid", value: "c50922a1-1482-df3f-83e2" } });
  });

  it("prints SARIF and JUnit", async () => {
    const s = JSON.parse((await run("examples/bad/udc-id.xml", "--format", "sarif")).stdout);
    expect(s.runs[0].results[0].ruleId).toBe("qualys/udc-id");
    const j = (await run("examples/bad/udc-id.xml", "--format", "junit")).stdout;
    expect(j).toContain('<testcase classname="qxml lint" name="examples/bad/udc-id.xml">');
  });

  it("exits 2 on usage errors", async () => {
    expect((await run("examples/good", "--format", "xml")).code).toBe(2);
    expect((await run("examples/good", "--max-warnings", "many")).code).toBe(2);
    expect((await run()).code).toBe(2);
    expect((await run("no/such/folder")).code).toBe(2);
  });

  it("exits 2 on a config error, naming the file, line and column", async () => {
    const file = tempConfig('{\n  "rules": {\n    "qualys/no-such-rule": "warn"\n  }\n}\n');
    const r = await run("examples/good", "--config", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:3:5: unknown rule "qualys/no-such-rule"`);
    const bad = tempConfig('{ "rules": { "qualys/udc-id": "warning" } }');
    const r2 = await run("examples/good", "--config", bad);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('severity must be "off", "warn" or "error"');
  });

  it("applies rule severities from the config", async () => {
    const off = tempConfig('{ "rules": { "qualys/criticality": "off" } }');
    expect((await run("examples/bad/criticality.xml", "--config", off)).code).toBe(0);
    const warn = tempConfig('{ "rules": { "qualys/criticality": "warn" } }');
    const r = await run("examples/bad/criticality.xml", "--config", warn, "--format", "json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0].diagnostics[0]).toMatchObject({ code: "qualys/criticality", severity: "warning" });
    const up = tempConfig('{ "rules": { "qualys/count-mismatch": "error" } }');
    expect((await run("examples/bad/count-mismatch.xml", "--config", up)).code).toBe(1);
  });

  it("lints the whole examples folder: every bad file fails or warns, exit 1", async () => {
    const r = await run("examples", "--format", "json");
    expect(r.code).toBe(1);
    const f = JSON.parse(r.stdout);
    expect(f.summary.files).toBe(28);
    for (const file of f.files) {
      if (file.file.startsWith("examples/good/")) expect(file.diagnostics).toEqual([]);
      else expect(file.diagnostics.length).toBeGreaterThan(0);
    }
  });
});
