import { mkdtempSync, writeFileSync, readFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Findings } from "../../src/diagnostics/diagnostic.js";
import { repoRoot, runCli } from "./run-cli.js";

const fixture = (name: string) => join(repoRoot, "test/fixtures/qualys", name);
const scratch = () => mkdtempSync(join(tmpdir(), "qxml-cli-"));

describe("qxml (no command, help, version)", () => {
  it("prints help and exits 2 without a command, 0 with --help", () => {
    const none = runCli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Usage:");
    const help = runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("qxml validate <files|dirs|globs|->");
  });
  it("prints the package version", () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string };
    expect(runCli(["--version"]).stdout.trim()).toBe(pkg.version);
  });
  it("rejects an unknown command and an unknown option with exit 2", () => {
    const r = runCli(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
    const o = runCli(["validate", "--colour", "x.xml"]);
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(/qxml validate: .*--colour/);
  });
});

describe("qxml schema", () => {
  it("lists the seven bundled schemas with kind, roots and file", () => {
    const r = runCli(["schema", "list", "--format", "json"]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { name: string; kind: string; roots: string[] }[];
    expect(rows.map((x) => x.name).sort()).toEqual(
      ["ImportableControl", "auth_oracle_list_output", "batch_return", "option_profile_info", "option_profiles", "policy_export_output", "simple_return"].sort(),
    );
    expect(rows.find((x) => x.name === "option_profiles")).toMatchObject({ kind: "xsd", roots: ["OPTION_PROFILES"] });
    const text = runCli(["schema", "list"]);
    expect(text.stdout.split("\n")[0]).toMatch(/^NAME\s+KIND\s+ROOTS\s+PURPOSE\s+FILE$/);
  });
  it("shows a model in DTD-like notation, with inferred declarations marked", () => {
    const r = runCli(["schema", "show", "auth_oracle_list_output"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/<!ELEMENT AUTH_ORACLE_LIST_OUTPUT \(REQUEST\?, RESPONSE\)>/);
    expect(r.stdout).toMatch(/<!ELEMENT WINDOWS_OS_CHECKS \(#PCDATA\)> +inferred: from the AUTH_ORACLE_LIST_OUTPUT samples/);
    expect(r.stdout).not.toContain("qxml:inferred");
    expect(r.stdout.split("\n")[0]).toBe("auth_oracle_list_output: DTD schemas/qualys/auth_oracle_list_output.dtd");
  });
  it("shows the import XSD's facts: the AUTHENTICATION_TYPE enumeration", () => {
    const r = runCli(["schema", "show", "option_profiles", "--format", "json"]);
    expect(r.code).toBe(0);
    const view = JSON.parse(r.stdout) as { kind: string; elements: { name: string; content: string }[] };
    expect(view.kind).toBe("xsd");
    const auth = view.elements.find((e) => e.name === "AUTHENTICATION_TYPE");
    expect(auth?.content).toContain("enumeration (Apache Web Server | IBM WebSphere App Server | Jboss Server | Tomcat Server | Oracle)");
  });
  it("reads a user's DTD by path, and refuses an unknown name with exit 2", () => {
    const dir = scratch();
    writeFileSync(join(dir, "my.dtd"), '<!ELEMENT A (B*)>\n<!ELEMENT B (#PCDATA)>\n<!ATTLIST B kind (x|y) "x">\n');
    const r = runCli(["schema", "show", join(dir, "my.dtd")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("<!ELEMENT A (B*)>");
    expect(r.stdout).toMatch(/@kind .*x \| y.* "x"/);
    const bad = runCli(["schema", "show", "no_such_schema"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"no_such_schema" is neither a schema name');
  });
  it("exits 2 with file:line:col for a DTD with a syntax error", () => {
    const dir = scratch();
    writeFileSync(join(dir, "broken.dtd"), "<!ELEMENT A (B*)>\n<!ELEMENT B (#PCDATA>\n");
    const r = runCli(["schema", "show", join(dir, "broken.dtd")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.dtd:2:\d+: error dtd\//);
  });
});

describe("qxml validate", () => {
  it("finds the DTD through the DOCTYPE's Qualys URL and passes a valid sample", () => {
    const r = runCli(["validate", fixture("auth-oracle-list-by-template-id.xml")]);
    expect(r.stdout).toContain("1 file: 1 valid, 0 invalid; 0 errors, 0 warnings");
    expect(r.code).toBe(0);
  });
  it("finds the import XSD by root element for a payload without DOCTYPE", () => {
    const r = runCli(["validate", "--format", "json", fixture("option-profiles-import-oracle-template.xml")]);
    expect(r.code).toBe(0);
    const f = JSON.parse(r.stdout) as Findings;
    expect(f.files[0].schema).toBe("option_profiles");
  });
  it("reports an unexpected element compiler-style with a code frame, path and did-you-mean; exit 1", () => {
    const dir = scratch();
    const text = readFileSync(fixture("auth-oracle-list-by-template-id.xml"), "utf8").replace("<ID>", "<IDX>").replace("</ID>", "</IDX>");
    writeFileSync(join(dir, "bad.xml"), text);
    const r = runCli(["validate", "bad.xml"], dir);
    expect(r.code).toBe(1);
    const line = text.split("\n").findIndex((l) => l.includes("<IDX>")) + 1;
    const col = text.split("\n")[line - 1].indexOf("<IDX>") + 1;
    expect(r.stdout).toContain(`bad.xml:${line}:${col}: error valid/unexpected-element:`);
    expect(r.stdout).toContain("found <IDX>");
    expect(r.stdout).toMatch(/> +\d+ \| +<IDX>/);
    expect(r.stdout).toContain("Did you mean <ID>?");
    expect(r.stdout).toMatch(/at \/AUTH_ORACLE_LIST_OUTPUT\/RESPONSE\/AUTH_ORACLE_LIST\/AUTH_ORACLE(\[1\])?\/IDX/);
    expect(r.stdout).toContain("1 file: 0 valid, 1 invalid; 1 error, 0 warnings");
  });
  it("prints the findings contract as JSON", () => {
    const dir = scratch();
    writeFileSync(join(dir, "nf.xml"), "<SIMPLE_RETURN><RESPONSE></SIMPLE_RETURN>");
    const r = runCli(["validate", "--format", "json", "--schema", "simple_return", "nf.xml"], dir);
    expect(r.code).toBe(1);
    const f = JSON.parse(r.stdout) as Findings;
    expect(f.version).toBe(1);
    expect(f.summary).toEqual({ files: 1, valid: 0, invalid: 1, errors: f.files[0].diagnostics.filter((d) => d.severity === "error").length, warnings: 0 });
    const d = f.files[0].diagnostics[0];
    expect(d).toMatchObject({ severity: "error", code: "xml/mismatched-end-tag", line: 1, column: 26 });
    expect(f.files[0]).toMatchObject({ file: "nf.xml", schema: "simple_return", valid: false });
  });
  it("says when no schema is found, and how to fix it", () => {
    const dir = scratch();
    writeFileSync(join(dir, "x.xml"), "<UNKNOWN_ROOT/>");
    const r = runCli(["validate", "x.xml"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("error qxml/no-schema: no schema found for <UNKNOWN_ROOT>: it has no DOCTYPE and no catalog entry has root UNKNOWN_ROOT");
    expect(r.stdout).toContain("hint: map the file to a schema in qxml.config.json");
    expect(r.stdout).toContain("with qxml validate, pass --schema <name|path>");
  });
  it("suggests the catalog root a misspelt root was meant to be", () => {
    const dir = scratch();
    writeFileSync(join(dir, "x.xml"), "<OPTION_PROFILE_LIST><OPTION_PROFILE/></OPTION_PROFILE_LIST>\n");
    for (const command of ["validate", "lint"]) {
      const r = runCli([command, "x.xml"], dir);
      expect(r.code, command).toBe(1);
      expect(r.stdout, command).toContain("no catalog entry has root OPTION_PROFILE_LIST; did you mean <OPTION_PROFILES>?");
    }
    writeFileSync(join(dir, "y.xml"), "<UNRELATED_THING/>\n");
    expect(runCli(["validate", "y.xml"], dir).stdout).not.toContain("did you mean");
  });
  it("never fetches a DOCTYPE URL that the catalog does not know", () => {
    const dir = scratch();
    writeFileSync(join(dir, "x.xml"), '<!DOCTYPE FOO SYSTEM "https://example.invalid/foo.dtd">\n<FOO/>');
    const r = runCli(["validate", "--format", "json", "x.xml"], dir);
    expect(r.code).toBe(1);
    const f = JSON.parse(r.stdout) as Findings;
    expect(f.files[0].diagnostics[0]).toMatchObject({ code: "qxml/unknown-doctype", line: 1, column: 1 });
    expect(f.files[0].diagnostics[0].message).toContain('"https://example.invalid/foo.dtd"');
    expect(f.files[0].diagnostics[0].hint).toContain("--schema");
  });
  it("walks folders and globs, and uses a config's file→schema mapping", () => {
    const dir = scratch();
    mkdirSync(join(dir, "profiles"));
    writeFileSync(join(dir, "profiles", "a.xml"), "<SIMPLE_RETURN><RESPONSE><DATETIME>x</DATETIME><TEXT>t</TEXT></RESPONSE></SIMPLE_RETURN>");
    writeFileSync(join(dir, "qxml.config.json"), JSON.stringify({ schemas: [{ files: "profiles/*.xml", schema: "simple_return" }] }));
    const r = runCli(["validate", "--format", "json", "profiles/*.xml"], dir);
    const f = JSON.parse(r.stdout) as Findings;
    expect(f.files.map((x) => x.file)).toEqual(["profiles/a.xml"]);
    expect(f.files[0].schema).toBe("simple_return");
    expect(r.code).toBe(0);
    const viaDir = JSON.parse(runCli(["validate", "--format", "json", "profiles"], dir).stdout) as Findings;
    expect(viaDir.files.map((x) => x.file)).toEqual(["profiles/a.xml"]);
  });
  it("exits 2 with file and line for a config error", () => {
    const dir = scratch();
    writeFileSync(join(dir, "qxml.config.json"), '{\n  "schemas": [],\n  "colour": true\n}\n');
    writeFileSync(join(dir, "x.xml"), "<SIMPLE_RETURN/>");
    const r = runCli(["validate", "x.xml"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/qxml\.config\.json:3:3: unknown key "colour"/);
  });
  it("exits 2 for a missing file named on the command line", () => {
    const r = runCli(["validate", "does-not-exist.xml"], scratch());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no such file or folder: does-not-exist.xml");
  });
  it("--engine libxml2 gives the same verdicts", () => {
    const dir = scratch();
    const text = readFileSync(fixture("auth-oracle-list-by-template-id.xml"), "utf8").replace("<ID>", "<IDX>").replace("</ID>", "</IDX>");
    writeFileSync(join(dir, "bad.xml"), text);
    const good = runCli(["validate", "--engine", "libxml2", fixture("auth-oracle-list-by-template-id.xml")]);
    expect(good.code).toBe(0);
    const bad = runCli(["validate", "--engine", "libxml2", "--format", "json", "bad.xml"], dir);
    expect(bad.code).toBe(1);
    const f = JSON.parse(bad.stdout) as Findings;
    expect(f.files[0].diagnostics[0].code).toBe("libxml2/error");
  });
  it("--engine libxml2 on a DOCTYPE whose DTD file is missing gives qxml's one finding at the DOCTYPE (was three, one at line 0)", () => {
    const dir = scratch();
    writeFileSync(join(dir, "m.xml"), '<?xml version="1.0"?>\n<!DOCTYPE SIMPLE_RETURN SYSTEM "missing.dtd">\n<SIMPLE_RETURN/>\n');
    const qxml = runCli(["validate", "--format", "json", "m.xml"], dir);
    const libxml2 = runCli(["validate", "--engine", "libxml2", "--format", "json", "m.xml"], dir);
    expect([qxml.code, libxml2.code]).toEqual([1, 1]);
    const ours = (JSON.parse(qxml.stdout) as Findings).files[0].diagnostics;
    const theirs = (JSON.parse(libxml2.stdout) as Findings).files[0].diagnostics;
    expect(theirs).toEqual(ours);
    expect(theirs).toMatchObject([{ code: "qxml/doctype-not-found", line: 2, column: 1, message: 'the DOCTYPE names "missing.dtd", but there is no such file (missing.dtd)' }]);
  });

  it("chooses the schema from the prolog only: DOCTYPE-like text in a CDATA section or an entity value misleads neither engine", () => {
    const dir = scratch();
    // Not a DOCTYPE: text in the root, so the catalog's root mapping picks simple_return.dtd.
    writeFileSync(join(dir, "cdata.xml"), '<SIMPLE_RETURN><![CDATA[<!DOCTYPE X SYSTEM "http://example.com/x.dtd">]]></SIMPLE_RETURN>\n');
    // The internal subset declares SIMPLE_RETURN EMPTY after an entity whose value holds "]>".
    writeFileSync(join(dir, "subset.xml"), '<!DOCTYPE SIMPLE_RETURN [<!ENTITY e "]>"><!ELEMENT SIMPLE_RETURN EMPTY>]>\n<SIMPLE_RETURN/>\n');
    for (const engine of ["qxml", "libxml2"]) {
      const cdata = JSON.parse(runCli(["validate", "--engine", engine, "--format", "json", "cdata.xml"], dir).stdout) as Findings;
      expect(cdata.files[0].schema, engine).toBe("simple_return");
      expect(cdata.files[0].diagnostics.map((d) => d.code).some((c) => c === "valid/no-grammar"), engine).toBe(false);
      const subset = runCli(["validate", "--engine", engine, "subset.xml"], dir);
      expect(subset.stdout, engine).toContain("1 file: 1 valid, 0 invalid");
      expect(subset.code, engine).toBe(0);
    }
  });
});
