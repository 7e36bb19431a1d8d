/**
 * `qxml validate -` and `qxml lint -`: standard input, spooled to a private temporary file
 * (src/cli/stdin.ts), named <stdin> (or --stdin-filename) everywhere, resolved from the working
 * directory, and cleaned up. The built CLI is run with the document piped in, as a user would.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, describe, expect, it } from "vitest";
import type { Findings } from "../../src/diagnostics/diagnostic.js";
import { cliPath, repoRoot, type CliRun } from "./run-cli.js";

const sarifSchema = JSON.parse(readFileSync(join(repoRoot, "test/fixtures/sarif/sarif-2.1.0.json"), "utf8"));
// As test/report/sarif.test.ts: ajv-formats is not installed, so the schema's formats are given here.
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat("uri", /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
ajv.addFormat("uri-reference", /^[^\s]*$/);
ajv.addFormat("date-time", (s: string) => !Number.isNaN(Date.parse(s)));
ajv.addFormat("uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const validateSarif = ajv.compile(sarifSchema);

/** Every folder a test made, removed at the end. */
const made: string[] = [];
const folder = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const scratch = () => folder("qxml-pipe-test-");
const SPOOL_PREFIX = "qxml-stdin-";

interface Piped extends CliRun {
  /** The TMPDIR the run was given: the spool folder is made, and must be gone, there. */
  tmp: string;
}

/** Runs the CLI in `cwd` with `input` on standard input and a TMPDIR of its own. */
function pipeInto(args: string[], input: string | Buffer, cwd: string): Piped {
  const tmp = folder("qxml-pipe-tmp-");
  const r = spawnSync(process.execPath, [cliPath, ...args], {
    cwd,
    input,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", TMPDIR: tmp },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, tmp };
}

const spoolFolders = (tmp: string) => readdirSync(tmp).filter((n) => n.startsWith(SPOOL_PREFIX));

const DTD = "<!ELEMENT list (item)*>\n<!ELEMENT item (#PCDATA)>\n";
const VALID = `<?xml version="1.0"?>\n<!DOCTYPE list [\n${DTD}]>\n<list>\n  <item>one</item>\n</list>\n`;
const INVALID = VALID.replace("<item>one</item>", "<item>one</item>\n  <iten>two</iten>");

/** A folder with a valid and an invalid document and a DTD next to them. */
function workspace(): string {
  const dir = scratch();
  writeFileSync(join(dir, "list.dtd"), DTD);
  writeFileSync(join(dir, "good.xml"), VALID);
  writeFileSync(join(dir, "bad.xml"), INVALID);
  return dir;
}

describe("qxml validate -", () => {
  it("validates a valid document from standard input: exit 0, named <stdin>, spool folder removed", () => {
    const r = pipeInto(["validate", "--format", "json", "-"], VALID, workspace());
    expect(r.code).toBe(0);
    const f = JSON.parse(r.stdout) as Findings;
    expect(f.files).toEqual([{ file: "<stdin>", schema: "DOCTYPE", valid: true, diagnostics: [] }]);
    expect(spoolFolders(r.tmp)).toEqual([]);
  });

  it("reports an invalid document as <stdin>:line:col with a code frame read from the spooled copy", () => {
    const r = pipeInto(["validate", "-"], INVALID, workspace());
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("<stdin>:8:3: error valid/unexpected-element:");
    expect(r.stdout).toContain("> 8 |   <iten>two</iten>\n    |   ^");
    expect(r.stdout).toContain("1 file: 0 valid, 1 invalid; 1 error, 0 warnings");
    // The private copy is never shown.
    expect(r.stdout + r.stderr).not.toContain(SPOOL_PREFIX);
    expect(r.stdout + r.stderr).not.toContain(r.tmp);
    expect(spoolFolders(r.tmp)).toEqual([]);
  });

  it("JSON names <stdin> in the file field", () => {
    const r = pipeInto(["validate", "--format", "json", "-"], INVALID, workspace());
    expect(r.code).toBe(1);
    const f = JSON.parse(r.stdout) as Findings;
    expect(f.files[0]).toMatchObject({ file: "<stdin>", valid: false });
    expect(f.files[0].diagnostics[0]).toMatchObject({ code: "valid/unexpected-element", line: 8, column: 3 });
  });

  it("mixes - with files, in command-line order", () => {
    const r = pipeInto(["validate", "--format", "json", "good.xml", "-", "bad.xml"], VALID, workspace());
    expect(r.code).toBe(1);
    const f = JSON.parse(r.stdout) as Findings;
    expect(f.files.map((x) => [x.file, x.valid])).toEqual([
      ["good.xml", true],
      ["<stdin>", true],
      ["bad.xml", false],
    ]);
  });

  it("refuses - given twice (exit 2): a pipe can be read once", () => {
    const r = pipeInto(["validate", "-", "good.xml", "-"], VALID, workspace());
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("qxml validate: '-' (standard input) is named twice; it can be read only once\n");
    expect(r.stdout).toBe("");
  });

  it("an empty standard input is an empty document (exit 1), like an empty file", () => {
    const r = pipeInto(["validate", "--format", "json", "-"], "", workspace());
    expect(r.code).toBe(1);
    const f = JSON.parse(r.stdout) as Findings;
    expect(f.files[0].file).toBe("<stdin>");
    expect(f.files[0].diagnostics.map((d) => d.code)).toEqual(["xml/empty-document"]);
    const dir = workspace();
    writeFileSync(join(dir, "empty.xml"), "");
    const file = JSON.parse(pipeInto(["validate", "--format", "json", "empty.xml"], "", dir).stdout) as Findings;
    expect(file.files[0].diagnostics).toEqual(f.files[0].diagnostics);
  });

  it("does not wait on a terminal: exit 2 and what to do", () => {
    // util-linux script(1) runs the CLI with a pseudo-terminal as its standard input.
    const cmd = [process.execPath, cliPath, "validate", "-"].map((a) => `'${a}'`).join(" ");
    const r = spawnSync("script", ["-qec", cmd, "/dev/null"], { cwd: workspace(), encoding: "utf8", timeout: 20_000, env: { ...process.env, NO_COLOR: "1" } });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("qxml validate: standard input is a terminal: pipe a document into qxml, or name files");
  });

  it("resolves a relative DOCTYPE from the working directory (the document's folder is cwd)", () => {
    const dir = workspace();
    const doc = `<!DOCTYPE list SYSTEM "list.dtd">\n<list><item>x</item></list>\n`;
    const ok = pipeInto(["validate", "--format", "json", "-"], doc, dir);
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as Findings).files[0]).toMatchObject({ file: "<stdin>", schema: "list.dtd", valid: true });
    // The same document piped in another folder has no list.dtd next to it.
    const elsewhere = pipeInto(["validate", "--format", "json", "-"], doc, scratch());
    expect(elsewhere.code).toBe(1);
    expect((JSON.parse(elsewhere.stdout) as Findings).files[0].diagnostics[0]).toMatchObject({ code: "qxml/doctype-not-found" });
  });

  it("--engine libxml2 reads the spooled copy and resolves the DOCTYPE from the working directory too", () => {
    const dir = workspace();
    const r = pipeInto(["validate", "--engine", "libxml2", "--format", "json", "-"], `<!DOCTYPE list SYSTEM "list.dtd">\n<list><oops/></list>\n`, dir);
    expect(r.code).toBe(1);
    const f = (JSON.parse(r.stdout) as Findings).files[0];
    expect(f.file).toBe("<stdin>");
    expect(f.diagnostics.map((d) => [d.code, d.line])).toContainEqual(["libxml2/error", 2]);
    expect(f.diagnostics.some((d) => d.message.includes("No declaration for element oops"))).toBe(true);
    // libxml2 knew the document as <cwd>/<stdin>; its findings name it as the user does.
    expect(new Set(f.diagnostics.filter((d) => d.line === 2).map((d) => d.params?.file))).toEqual(new Set(["<stdin>"]));
    expect(r.stdout).not.toContain(SPOOL_PREFIX);
  });

  it("resolves a relative external entity from the working directory", () => {
    const dir = workspace();
    writeFileSync(join(dir, "items.ent"), "<item>from the entity</item>");
    const doc = `<!DOCTYPE list [\n${DTD}<!ENTITY items SYSTEM "items.ent">\n]>\n<list>&items;<oops/></list>\n`;
    const r = pipeInto(["validate", "--format", "json", "-"], doc, dir);
    const d = (JSON.parse(r.stdout) as Findings).files[0].diagnostics;
    // The entity was read (its <item> is accepted); only the document's own mistake is reported.
    expect(d.map((x) => x.code)).toEqual(["valid/unexpected-element"]);
    expect(d[0].message).toContain("found <oops>");
  });

  it("reads nothing from the temporary folder: not the spooled copy's neighbours, not the folder by name", () => {
    const dir = workspace();
    const r0 = pipeInto(["validate", "--format", "json", "-"], VALID, dir);
    // A DTD put in the TMPDIR the CLI spools into, named absolutely: outside the allowed folders.
    const planted = join(r0.tmp, "planted.dtd");
    writeFileSync(planted, DTD);
    const byDoctype = spawnPiped(["validate", "--format", "json", "-"], `<!DOCTYPE list SYSTEM "${planted}">\n<list/>\n`, dir, r0.tmp);
    expect(byDoctype.code).toBe(1);
    expect((JSON.parse(byDoctype.stdout) as Findings).files[0].diagnostics[0]).toMatchObject({ code: "qxml/doctype-outside-folder" });
    const byEntity = spawnPiped(["validate", "--format", "json", "-"], `<!DOCTYPE list [\n${DTD}<!ENTITY e SYSTEM "${planted}">\n]>\n<list>&e;</list>\n`, dir, r0.tmp);
    const refused = (JSON.parse(byEntity.stdout) as Findings).files[0].diagnostics.find((d) => d.code === "xml/external-entity-refused");
    expect(refused?.message).toContain("outside the folders allowed for reading");
    expect(refused?.message).not.toContain(r0.tmp + ",");
    // The spooled copy's own file name, relative: looked for in the working directory only.
    const self = pipeInto(["validate", "--format", "json", "-"], `<!DOCTYPE list SYSTEM "stdin.xml">\n<list/>\n`, dir);
    expect((JSON.parse(self.stdout) as Findings).files[0].diagnostics[0]).toMatchObject({ code: "qxml/doctype-not-found" });
    expect(spoolFolders(r0.tmp)).toEqual([]);
  });

  it("reads a 20 MB pipe to its end (an error on the last element is found at the right line)", () => {
    const items = 4_000_000;
    const doc = Buffer.from(`<!DOCTYPE list [\n${DTD}]>\n<list>\n${"<item/>\n".repeat(items)}<oops/></list>\n`);
    expect(doc.length).toBeGreaterThan(20_000_000);
    const r = pipeInto(["validate", "--format", "json", "-"], doc, workspace());
    expect(r.code).toBe(1);
    const d = (JSON.parse(r.stdout) as Findings).files[0].diagnostics;
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: "valid/unexpected-element", line: 6 + items, column: 1 });
    expect(spoolFolders(r.tmp)).toEqual([]);
  }, 60_000);

  it("removes the spool folder when the run ends in a schema error (exit 2)", () => {
    const dir = workspace();
    writeFileSync(join(dir, "broken.dtd"), "<!ELEMENT list (item>\n");
    const r = pipeInto(["validate", "-"], `<!DOCTYPE list SYSTEM "broken.dtd">\n<list/>\n`, dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("broken.dtd:1:");
    expect(spoolFolders(r.tmp)).toEqual([]);
  });

  it("says so (exit 2) when the temporary folder cannot be made", () => {
    const dir = workspace();
    const r = spawnSync(process.execPath, [cliPath, "validate", "-"], { cwd: dir, input: VALID, encoding: "utf8", env: { ...process.env, TMPDIR: join(dir, "no-such-folder") } });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`qxml validate: cannot create a temporary folder in ${join(dir, "no-such-folder")} for standard input (ENOENT); set TMPDIR to a writable folder with room, or save the document and name the file\n`);
  });

  it("removes the spool folder when interrupted (SIGINT) while standard input is still open", async () => {
    const tmp = folder("qxml-pipe-tmp-");
    const child = spawn(process.execPath, [cliPath, "validate", "-"], { cwd: workspace(), env: { ...process.env, TMPDIR: tmp }, stdio: ["pipe", "ignore", "ignore"] });
    child.stdin.write("<list>\n");
    const exited = new Promise<NodeJS.Signals | null>((done) => child.on("exit", (_code, signal) => done(signal)));
    const deadline = Date.now() + 15_000;
    while (spoolFolders(tmp).length === 0 && Date.now() < deadline) await new Promise((wake) => setTimeout(wake, 20));
    expect(spoolFolders(tmp)).toHaveLength(1);
    child.kill("SIGINT");
    expect(await exited).toBe("SIGINT");
    expect(spoolFolders(tmp)).toEqual([]);
    child.stdin.destroy();
  }, 30_000);
});

/** pipeInto with a given TMPDIR. */
function spawnPiped(args: string[], input: string, cwd: string, tmp: string): CliRun {
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd, input, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", TMPDIR: tmp } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe("naming -", () => {
  it("a file named - is ./-; both --help texts say what - and --stdin-filename do", () => {
    const dir = workspace();
    writeFileSync(join(dir, "-"), INVALID);
    const r = pipeInto(["validate", "--format", "json", "./-", "-"], VALID, dir);
    expect((JSON.parse(r.stdout) as Findings).files.map((f) => [f.file, f.valid])).toEqual([
      ["./-", false],
      ["<stdin>", true],
    ]);
    for (const command of ["validate", "lint"]) {
      const help = pipeInto([command, "--help"], "", dir).stdout.replace(/\s+/g, " ");
      expect(help).toContain(`Usage: qxml ${command} <files|dirs|globs|-> [options]`);
      expect(help).toContain("reads the ");
      expect(help).toContain("from standard input");
      expect(help).toContain("--stdin-filename <name> the name standard input is shown under");
    }
  });
});

describe("--stdin-filename", () => {
  const config = { schemas: [{ files: "profiles/**/*.xml", schema: "list.dtd" }] };
  const bare = "<list><item>x</item></list>\n";

  it("<stdin> matches no config glob; the given name does, and is shown everywhere", () => {
    const dir = workspace();
    writeFileSync(join(dir, "qxml.config.json"), JSON.stringify(config));
    const unnamed = JSON.parse(pipeInto(["validate", "--format", "json", "-"], bare, dir).stdout) as Findings;
    expect(unnamed.files[0]).toMatchObject({ file: "<stdin>", schema: null, valid: false });
    expect(unnamed.files[0].diagnostics[0].code).toBe("qxml/no-schema");
    const named = pipeInto(["validate", "--format", "json", "--stdin-filename", "profiles/weekly.xml", "-"], bare, dir);
    expect(named.code).toBe(0);
    expect((JSON.parse(named.stdout) as Findings).files[0]).toMatchObject({ file: "profiles/weekly.xml", schema: "list.dtd", valid: true });
  });

  it("relative references resolve from the named file's folder", () => {
    const dir = workspace();
    mkdirSync(join(dir, "profiles"));
    writeFileSync(join(dir, "profiles", "list.dtd"), DTD);
    const doc = `<!DOCTYPE list SYSTEM "list.dtd">\n<list><oops/></list>\n`;
    const r = pipeInto(["validate", "--stdin-filename", "profiles/x.xml", "-"], doc, dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("profiles/x.xml:2:7: error valid/unexpected-element:");
    expect(r.stdout).toContain("> 2 | <list><oops/></list>");
  });

  it("is a usage error without -, or empty", () => {
    const dir = workspace();
    const without = pipeInto(["validate", "--stdin-filename", "x.xml", "good.xml"], "", dir);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain("--stdin-filename names standard input, but '-' is not among the inputs");
    const empty = pipeInto(["lint", "--stdin-filename=", "-"], VALID, dir);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("--stdin-filename needs a name");
  });
});

describe("qxml lint -", () => {
  const payload = readFileSync(join(repoRoot, "examples/bad/criticality.xml"));

  it("lints a payload from standard input: text with <stdin> and a code frame", () => {
    const r = pipeInto(["lint", "-"], payload, workspace());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^<stdin>:40:17: error qualys\/criticality: CRITICALITY LABEL "SERIOUS" means VALUE 3, found 4\n/);
    expect(r.stdout).toContain("> 40 |                 <VALUE>4</VALUE>");
    // Same findings as the file itself, but for the name.
    const asFile = spawnSync(process.execPath, [cliPath, "lint", "examples/bad/criticality.xml"], { cwd: repoRoot, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(r.stdout.replaceAll("<stdin>", "examples/bad/criticality.xml")).toBe(asFile.stdout);
    expect(spoolFolders(r.tmp)).toEqual([]);
  });

  it("SARIF: the artifact URI is %3Cstdin%3E, or the --stdin-filename path that code scanning links to", () => {
    const uris = (out: string) => {
      const sarif = JSON.parse(out) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
      return sarif.runs[0].results.map((x) => x.locations[0].physicalLocation.artifactLocation.uri);
    };
    const r = pipeInto(["lint", "--format", "sarif", "-"], payload, workspace());
    expect(r.code).toBe(1);
    expect(uris(r.stdout)).toEqual(["%3Cstdin%3E"]);
    // A relative URI reference (RFC 3986 characters only: "<" and ">" are not), in a valid log.
    expect(uris(r.stdout)[0]).toMatch(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?#%]+$/);
    expect(validateSarif(JSON.parse(r.stdout)), JSON.stringify(validateSarif.errors)).toBe(true);
    const named = pipeInto(["lint", "--format", "sarif", "--stdin-filename", "profiles/policy.xml", "-"], payload, workspace());
    expect(uris(named.stdout)).toEqual(["profiles/policy.xml"]);
  });

  it("a good payload from standard input passes (exit 0); junit names the test case <stdin>", () => {
    const good = readFileSync(join(repoRoot, "examples/good/policy-udc.xml"));
    const r = pipeInto(["lint", "--format", "junit", "-"], good, workspace());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<testcase classname="qxml lint" name="&lt;stdin&gt;"/>');
  });
});
