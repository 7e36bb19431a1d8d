/** What a newcomer runs into on the command line: each case is a behaviour that once was wrong. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { execFileSync, spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Findings } from "../../src/diagnostics/diagnostic.js";
import { cliPath, repoRoot, runCli } from "./run-cli.js";

const scratch = () => mkdtempSync(join(tmpdir(), "qxml-newcomer-"));
const json = (stdout: string) => JSON.parse(stdout) as Findings;

describe("a file no schema is found for", () => {
  it("a file that is not XML gets the reader's error, not 'no schema for <?>' or a tag guessed from its text", () => {
    const dir = scratch();
    writeFileSync(join(dir, "notes.md"), "# Notes\n\nSee <LABEL> in the export.\n");
    writeFileSync(join(dir, "empty.xml"), "");
    for (const cmd of ["validate", "lint"]) {
      const r = runCli([cmd, "--format", "json", "notes.md", "empty.xml"], dir);
      expect(r.code).toBe(1);
      const f = json(r.stdout);
      expect(f.files[0].diagnostics.map((d) => d.code)).toEqual(["xml/text-outside-root"]);
      expect(f.files[1].diagnostics.map((d) => d.code)).toEqual(["xml/empty-document"]);
    }
    expect(runCli(["validate", "notes.md"], dir).stdout).not.toContain("<?>");
  });
  it("points qxml/no-schema at the root element, says xsi:noNamespaceSchemaLocation is not followed, and still checks well-formedness", () => {
    const dir = scratch();
    writeFileSync(
      join(dir, "x.xml"),
      '<?xml version="1.0"?>\n<!-- a response -->\n<ServiceResponse xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://example.invalid/h.xsd">\n  <a></b>\n</ServiceResponse>\n',
    );
    const r = runCli(["validate", "--format", "json", "x.xml"], dir);
    expect(r.code).toBe(1);
    const [noSchema, notWellFormed] = json(r.stdout).files[0].diagnostics;
    expect(noSchema).toMatchObject({ code: "qxml/no-schema", line: 3, column: 1, path: "/ServiceResponse" });
    expect(noSchema.message).toContain('xsi:noNamespaceSchemaLocation "https://example.invalid/h.xsd" is not followed');
    expect(notWellFormed).toMatchObject({ code: "xml/mismatched-end-tag", line: 4 });
  });
});

describe("validate reports diagnostics in document order", () => {
  it("an attribute error at column 7 comes after the missing attribute at column 1 of the same tag", () => {
    const dir = scratch();
    writeFileSync(join(dir, "n.dtd"), '<!ELEMENT NOTE (#PCDATA)>\n<!ATTLIST NOTE id CDATA #REQUIRED kind (a|b) "a">\n');
    writeFileSync(join(dir, "n.xml"), '<NOTE kind="c">x</NOTE>\n');
    const f = json(runCli(["validate", "--format", "json", "--schema", "n.dtd", "n.xml"], dir).stdout);
    expect(f.files[0].diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ["valid/missing-attribute", 1, 1],
      ["valid/attribute-value", 1, 7],
    ]);
  });
});

describe("config mistakes are refused with the place and the likely fix (exit 2), by lint and validate alike", () => {
  const withConfig = (config: string) => {
    const dir = scratch();
    writeFileSync(join(dir, "qxml.config.json"), config);
    writeFileSync(join(dir, "x.xml"), "<SIMPLE_RETURN/>");
    return dir;
  };
  const refused = (config: string) =>
    ["lint", "validate"].map((cmd) => {
      const r = runCli([cmd, "x.xml"], withConfig(config));
      expect(r.code, `${cmd}: ${r.stderr}`).toBe(2);
      return r.stderr;
    });
  it("a misspelt rule id, key or severity gets a did-you-mean; the path is relative", () => {
    for (const e of refused('{ "rules": { "empty-remediation": "off" } }')) {
      expect(e).toBe('qxml: config error: qxml.config.json:1:14: unknown rule "empty-remediation"; did you mean "qualys/empty-remediation"?\n');
    }
    expect(refused('{ "rules": { "qualys/count-mismatch": "warning" } }')[0]).toContain('got "warning"; did you mean "warn"?');
    expect(refused('{ "rule": {} }')[0]).toContain('unknown key "rule" (known: rules, schemas, catalog); did you mean "rules"?');
  });
  it("a schemas mapping to an unknown name or a missing file is an error, not silently skipped", () => {
    expect(refused('{ "schemas": [{ "files": "*.xml", "schema": "simple_retrun" }] }')[0]).toMatch(
      /qxml\.config\.json:1:45: "schemas" entry for "\*\.xml": "simple_retrun" is neither a schema name .* did you mean "simple_return"\?/,
    );
    expect(refused('{ "schemas": [{ "files": "*.xml", "schema": "./gone.xsd" }] }')[0]).toMatch(/1:45: "schemas" entry for "\*\.xml": no such file .*gone\.xsd/);
  });
  it("a catalog entry whose file is not a DTD/XSD or whose systemIds is not a list is an error", () => {
    const dir = withConfig('{ "catalog": [{ "name": "n", "file": "x.xml" }] }');
    expect(runCli(["validate", "x.xml"], dir).stderr).toContain('catalog entry "n": "x.xml" is not a .dtd or .xsd file');
    writeFileSync(join(dir, "n.dtd"), "<!ELEMENT SIMPLE_RETURN EMPTY>");
    writeFileSync(join(dir, "qxml.config.json"), '{ "catalog": [{ "name": "n", "file": "n.dtd", "systemIds": "https://x/n.dtd" }] }');
    const r = runCli(["validate", "x.xml"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('catalog entry "n": "systemIds" must be an array of strings');
  });
  it("a --config file that does not exist is named without a made-up line and column", () => {
    const r = runCli(["lint", "--config", "nope.json", "x.xml"], withConfig("{}"));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("qxml: config error: nope.json: config file not found (--config names a file that does not exist)\n");
  });
});

describe("schema names and paths", () => {
  it("--schema with a missing .xsd says so; a misspelt name gets a did-you-mean", () => {
    const dir = scratch();
    writeFileSync(join(dir, "x.xml"), "<A/>");
    const missing = runCli(["validate", "--schema", "nope.xsd", "x.xml"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("qxml validate: --schema: no such schema file: nope.xsd\n");
    // A bundled schema's file name, written as if it were a local file: the name that selects it.
    const bundledFile = runCli(["validate", "--schema", "policy_export_output.dtd", "x.xml"], dir);
    expect(bundledFile.code).toBe(2);
    expect(bundledFile.stderr).toBe(
      "qxml validate: --schema: no such schema file: policy_export_output.dtd; the catalog has a schema in a file of that name: use --schema policy_export_output\n",
    );
    const misspelt = runCli(["validate", "--schema", "optionprofiles", "x.xml"], dir);
    expect(misspelt.stderr).toContain('"optionprofiles" is neither a schema name nor a .dtd/.xsd file; did you mean "option_profiles"?');
  });
  it("schema list and show know the config's catalog entries, as the help says", () => {
    const dir = scratch();
    writeFileSync(join(dir, "n.dtd"), "<!ELEMENT NOTE (#PCDATA)>\n");
    writeFileSync(join(dir, "qxml.config.json"), '{ "catalog": [{ "name": "note", "file": "n.dtd", "roots": ["NOTE"] }] }');
    const list = runCli(["schema", "list"], dir);
    expect(list.stdout).toMatch(/^note +dtd +NOTE +n\.dtd$/m);
    const show = runCli(["schema", "show", "note"], dir);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain("<!ELEMENT NOTE (#PCDATA)>");
  });
  it("a schema's own errors are printed relative to the working directory, with their hints", () => {
    const dir = scratch();
    writeFileSync(join(dir, "bad.xsd"), '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n  <xs:element name="A" type="Missing"/>\n</xs:schema>\n');
    const r = runCli(["schema", "show", "bad.xsd"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bad\.xsd:2:3: error xsd\/unresolved-type: /);
  });
});

describe("usage errors say what to type", () => {
  it("bare `qxml` prints the help on stderr (a usage error, exit 2); a misspelt command gets a did-you-mean", () => {
    const none = runCli([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe("");
    expect(none.stderr).toContain("Usage:");
    expect(runCli(["valdiate"]).stderr).toContain('unknown command "valdiate"; did you mean "validate"?');
  });
  it("option mistakes are explained in the CLI's words, not node:util's", () => {
    expect(runCli(["validate", "--fromat", "json", "x.xml"]).stderr).toBe(
      "qxml validate: unknown option --fromat; did you mean --format? (options: --schema, --format, --engine, --config, --stdin-filename, --help)\n",
    );
    expect(runCli(["lint", "--max-warnings", "-1", "x.xml"]).stderr).toBe(
      "qxml lint: --max-warnings needs a value; got -1, which reads as an option (write --max-warnings=-1 if it is the value)\n",
    );
    expect(runCli(["lint", "x.xml", "--format"]).stderr).toBe("qxml lint: --format needs a value\n");
    expect(runCli(["lint", "--help=yes"]).stderr).toBe("qxml lint: --help takes no value\n");
  });
  it("--max-warnings: '1 warning', not '1 warnings'", () => {
    const r = runCli(["lint", "--max-warnings", "0", "examples/bad/count-mismatch.xml"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("qxml lint: 1 warning, more than --max-warnings 0 allows\n");
  });
});

describe("qxml generate", () => {
  it("--help prints the command's help (as `qxml --help` promises), exit 0", () => {
    const r = runCli(["generate", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: qxml generate");
    expect(r.stdout).toContain("--runtime <module>");
  });
  it("a named schema without --out goes to ./generated under the working directory, not into the package", () => {
    const dir = scratch();
    writeFileSync(join(dir, "n.dtd"), "<!ELEMENT NOTE (#PCDATA)>\n");
    const r = runCli(["generate", "n.dtd"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("to generated");
    expect(existsSync(join(dir, "generated", "n", "types.ts"))).toBe(true);
    expect(existsSync(join(repoRoot, "generated", "n"))).toBe(false);
  });
});

describe("globs", () => {
  it("a glob that matches folders means the XML in them, as the shell's expansion would", () => {
    const dir = scratch();
    mkdirSync(join(dir, "in"));
    for (const sub of ["a", "b"]) {
      mkdirSync(join(dir, "in", sub));
      writeFileSync(join(dir, "in", sub, "x.xml"), "<SIMPLE_RETURN/>");
      writeFileSync(join(dir, "in", sub, "notes.txt"), "not xml");
    }
    const f = json(runCli(["validate", "--format", "json", "--schema", "simple_return", "in/*"], dir).stdout);
    expect(f.files.map((x) => x.file)).toEqual(["in/a/x.xml", "in/b/x.xml"]);
  });
});

describe("datatype hints read as sentences", () => {
  it("an integer out of its built-in range: 'Use a value in the range of xs:positiveInteger: at least 1.'", () => {
    const dir = scratch();
    writeFileSync(join(dir, "s.xsd"), '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="ID" type="xs:positiveInteger"/></xs:schema>');
    writeFileSync(join(dir, "x.xml"), "<ID>0</ID>");
    const [d] = json(runCli(["validate", "--format", "json", "--schema", "s.xsd", "x.xml"], dir).stdout).files[0].diagnostics;
    expect(d.hint).toBe("Use a value in the range of xs:positiveInteger: at least 1.");
  });
});

describe("config file→schema mappings", () => {
  it("a mapped schema with errors is named as the user wrote it, each error with its schema file and place; exit 2", () => {
    const dir = scratch();
    writeFileSync(join(dir, "bad.xsd"), '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n  <xs:element name="A" type="Missing"/>\n</xs:schema>\n');
    writeFileSync(join(dir, "qxml.config.json"), '{ "schemas": [{ "files": "*.xml", "schema": "bad.xsd" }] }');
    writeFileSync(join(dir, "a.xml"), "<A/>");
    const r = runCli(["validate", "--format", "json", "a.xml"], dir);
    expect(r.code).toBe(2);
    const [file] = json(r.stdout).files;
    expect(file.schema).toBe("bad.xsd");
    expect(file.diagnostics[0].message).toBe('schema bad.xsd could not be used: bad.xsd:2:3: type "Missing" is not defined');
  });
  it("a file outside the config's folder matches none of its globs", () => {
    const dir = scratch();
    mkdirSync(join(dir, "cfg"));
    mkdirSync(join(dir, "cfgx"));
    writeFileSync(join(dir, "cfg", "qxml.config.json"), '{ "schemas": [{ "files": "**/a.xml", "schema": "simple_return" }] }');
    writeFileSync(join(dir, "cfgx", "a.xml"), "<A/>");
    const f = json(runCli(["validate", "--format", "json", "--config", "cfg/qxml.config.json", "cfgx/a.xml"], dir).stdout);
    expect(f.files[0].schema).toBeNull();
    expect(f.files[0].diagnostics[0].code).toBe("qxml/no-schema");
  });
});

describe("a DOCTYPE whose DTD is not read says why", () => {
  const setup = () => {
    const dir = scratch();
    mkdirSync(join(dir, "dtd"));
    mkdirSync(join(dir, "xml"));
    writeFileSync(join(dir, "dtd", "n.dtd"), "<!ELEMENT NOTE (#PCDATA)>\n");
    writeFileSync(join(dir, "xml", "beside.xml"), '<!DOCTYPE NOTE SYSTEM "../dtd/n.dtd">\n<NOTE>x</NOTE>\n');
    writeFileSync(join(dir, "xml", "missing.xml"), '<!DOCTYPE NOTE SYSTEM "gone.dtd">\n<NOTE>x</NOTE>\n');
    return dir;
  };
  it("a local DTD outside the document's folder: named, with the catalog entry that allows it (was: 'neither a local file ... nor in the catalog')", () => {
    const dir = setup();
    const r = runCli(["validate", "--format", "json", "xml/beside.xml", "xml/missing.xml"], dir);
    expect(r.code).toBe(1);
    const [outside, missing] = json(r.stdout).files.map((f) => f.diagnostics[0]);
    expect(outside).toMatchObject({ code: "qxml/doctype-outside-folder", line: 1, column: 1 });
    expect(outside.message).toBe('the DOCTYPE names "../dtd/n.dtd" (dtd/n.dtd), outside the document\'s folder: qxml reads a DTD only from there or through the catalog');
    expect(outside.hint).toContain('"file": "dtd/n.dtd", "systemIds": ["../dtd/n.dtd"]');
    expect(missing).toMatchObject({ code: "qxml/doctype-not-found", message: 'the DOCTYPE names "gone.dtd", but there is no such file (xml/gone.dtd)' });
    // The hint's catalog entry works.
    writeFileSync(join(dir, "qxml.config.json"), '{ "catalog": [{ "name": "n", "file": "dtd/n.dtd", "systemIds": ["../dtd/n.dtd"] }] }');
    expect(runCli(["validate", "xml/beside.xml"], dir).code).toBe(0);
  });
});

describe("schema files and DTDs are read whole, so their size is bounded (a 43 MB DTD exhausted the heap after 100 s)", () => {
  const setup = () => {
    const dir = scratch();
    for (const name of ["big.dtd", "big.xsd"]) {
      writeFileSync(join(dir, name), "");
      truncateSync(join(dir, name), 10_000_001);
    }
    writeFileSync(join(dir, "r.xml"), '<!DOCTYPE r SYSTEM "big.dtd">\n<r/>\n');
    return dir;
  };
  it("a DOCTYPE naming an oversized DTD in the document's folder: the reader's reason, not 'outside the folder'", () => {
    const dir = setup();
    const r = runCli(["validate", "--format", "json", "r.xml"], dir);
    expect(r.code).toBe(1);
    const d = json(r.stdout).files[0].diagnostics[0];
    expect(d).toMatchObject({ code: "xml/external-entity-refused", line: 1, column: 1 });
    expect(d.message).toContain("the file has 10,000,001 bytes; a schema, DTD or external entity is read whole and may have at most 10,000,000");
  });
  it("--schema naming an oversized DTD or XSD is a setup error (exit 2) that gives the size", () => {
    const dir = setup();
    writeFileSync(join(dir, "x.xml"), "<r/>");
    for (const [schema, code] of [["big.dtd", "dtd/unreadable"], ["big.xsd", "xsd/unreadable"]]) {
      const r = runCli(["validate", "--schema", schema, "x.xml"], dir);
      expect(r.code).toBe(2);
      expect(r.stdout + r.stderr).toContain(`error ${code}: cannot read the`);
      expect(r.stdout + r.stderr).toContain("the file has 10,000,001 bytes");
    }
  });
});

describe("reader-limit hints make sense on the command line", () => {
  it("too deep: the hint explains the stop instead of telling a CLI user to raise an option the CLI does not have", () => {
    const dir = scratch();
    writeFileSync(join(dir, "deep.xml"), "<A>" + "<B>".repeat(10001) + "</B>".repeat(10001) + "</A>");
    const d = json(runCli(["validate", "--format", "json", "deep.xml"], dir).stdout).files[0].diagnostics.find((x) => x.code === "xml/too-deep");
    expect(d?.hint).toMatch(/^qxml stops here to protect against hostile input; .*library users can raise limits\.maxDepth/);
  });
});

describe("output into a closed pipe (`qxml lint . | head -1`)", () => {
  it("stops quietly: no EPIPE stack trace", async () => {
    // Output well beyond a pipe's buffer, so that writes are still pending when the reader leaves.
    const dir = scratch();
    writeFileSync(join(dir, "many.xml"), "<SIMPLE_RETURN>" + "<X/>\n".repeat(5000) + "</SIMPLE_RETURN>");
    const child = spawn(process.execPath, [cliPath, "validate", "--format", "json", "many.xml"], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect(stderr).not.toContain("EPIPE");
    expect(code).toBe(1);
  });
});

describe("an error inside the external DTD a DOCTYPE names", () => {
  const setup = () => {
    const dir = scratch();
    writeFileSync(join(dir, "bad.dtd"), "<!ELEMENT A (B, C>\n");
    writeFileSync(join(dir, "doc.xml"), '<?xml version="1.0"?>\n<!DOCTYPE A SYSTEM "bad.dtd">\n<A/>\n');
    return dir;
  };
  it("is shown at the DTD's file, line and column with the DTD's line (was: the document's name and its line 1 under the caret); exit 2 as for a broken --schema", () => {
    const r = runCli(["validate", "doc.xml"], setup());
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("bad.dtd:1:18: error dtd/syntax: expected ',' or ')'");
    expect(r.stdout).toContain("  in the DTD that doc.xml names\n> 1 | <!ELEMENT A (B, C>\n    |                  ^");
  });
  it("SARIF points at the DTD file", () => {
    const r = runCli(["lint", "--format", "sarif", "doc.xml"], setup());
    const sarif = JSON.parse(r.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const dtdError = sarif.runs[0].results.find((x) => x.ruleId === "dtd/syntax");
    expect(dtdError?.locations[0].physicalLocation.artifactLocation.uri).toBe("bad.dtd");
  });
  it("an internal-subset error stays the document's own finding (exit 1)", () => {
    const dir = scratch();
    writeFileSync(join(dir, "doc.xml"), "<!DOCTYPE A [\n<!ELEMENT A (B>\n]>\n<A/>\n");
    const r = runCli(["validate", "doc.xml"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("doc.xml:2:15: error dtd/syntax");
  });
});

describe("JUnit and the external DTD", () => {
  it("a DTD error's failure text names the DTD's file and place", () => {
    const dir = scratch();
    writeFileSync(join(dir, "bad.dtd"), "<!ELEMENT A (B, C>\n");
    writeFileSync(join(dir, "doc.xml"), '<!DOCTYPE A SYSTEM "bad.dtd">\n<A/>\n');
    const r = runCli(["lint", "--format", "junit", "doc.xml"], dir);
    expect(r.stdout).toContain(">bad.dtd:1:18: error dtd/syntax:");
    expect(r.stdout).toContain("in the DTD that doc.xml names");
  });
});

describe("a schema file with another extension", () => {
  it("says the name must end in .dtd or .xsd instead of 'neither a schema name nor a .dtd/.xsd file'", () => {
    const dir = scratch();
    writeFileSync(join(dir, "host.dtd.fragment"), "<!ELEMENT HOST (#PCDATA)>\n");
    const r = runCli(["schema", "show", "host.dtd.fragment"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("qxml schema: host.dtd.fragment exists, but a schema file's name must end in .dtd or .xsd (that is how qxml picks the reader); copy or rename it\n");
  });
});

describe("a DOCTYPE URL qxml does not know", () => {
  it("says it is not bundled nor mapped and that URLs are never fetched; the hint's catalog entry works", () => {
    const dir = scratch();
    writeFileSync(join(dir, "doc.xml"), '<!DOCTYPE NOTE SYSTEM "https://example.invalid/note.dtd">\n<NOTE>x</NOTE>\n');
    const [d] = json(runCli(["validate", "--format", "json", "doc.xml"], dir).stdout).files[0].diagnostics;
    expect(d.message).toBe('the DOCTYPE names "https://example.invalid/note.dtd", a DTD qxml does not bundle and no catalog entry maps (qxml never fetches URLs)');
    expect(d.hint).toContain("save the DTD locally once and map this URL to it in qxml.config.json");
    writeFileSync(join(dir, "note.dtd"), "<!ELEMENT NOTE (#PCDATA)>\n");
    writeFileSync(join(dir, "qxml.config.json"), '{ "catalog": [{ "name": "note", "file": "note.dtd", "systemIds": ["https://example.invalid/note.dtd"] }] }');
    expect(runCli(["validate", "doc.xml"], dir).code).toBe(0);
  });
  it("lint's hint does not tell the user to pass --schema, an option lint refuses; its config 'schemas' mapping works", () => {
    const dir = scratch();
    const policy = readFileSync(join(repoRoot, "examples/good/policy-udc.xml"), "utf8").replace(/SYSTEM "[^"]+"/, 'SYSTEM "http://intranet.example/policy.dtd"');
    writeFileSync(join(dir, "policy.xml"), policy);
    const [d] = json(runCli(["lint", "--format", "json", "policy.xml"], dir).stdout).files[0].diagnostics;
    expect(d.code).toBe("qxml/unknown-doctype");
    expect(d.hint).toMatch(/^save the DTD locally once .*, or map the file to a schema there \("schemas"\); with qxml validate, --schema <name\|path> does that for one run$/);
    expect(runCli(["lint", "--schema", "policy_export_output", "policy.xml"], dir).code).toBe(2);
    writeFileSync(join(dir, "qxml.config.json"), '{ "schemas": [{ "files": "*.xml", "schema": "policy_export_output" }] }');
    expect(runCli(["lint", "policy.xml"], dir)).toMatchObject({ code: 0, stdout: "1 file: 1 valid, 0 invalid; 0 errors, 0 warnings\n" });
  });
});

describe("a DOCTYPE whose internal subset only declares entities", () => {
  it("is no grammar: the catalog's root mapping chooses the schema, and the entities still expand", () => {
    const dir = scratch();
    writeFileSync(join(dir, "ent.xml"), '<!DOCTYPE SIMPLE_RETURN [ <!ENTITY co "Qualys"> ]>\n<SIMPLE_RETURN><RESPONSE><DATETIME>&co;</DATETIME><TEXT>t</TEXT></RESPONSE></SIMPLE_RETURN>\n');
    writeFileSync(join(dir, "x.xml"), '<!DOCTYPE X [ <!ENTITY co "Qualys"> ]>\n<X>&co;</X>\n');
    const r = runCli(["validate", "--format", "json", "ent.xml", "x.xml"], dir);
    const [ent, x] = json(r.stdout).files;
    expect(ent).toMatchObject({ schema: "simple_return", valid: true, diagnostics: [] });
    expect(x.diagnostics[0].message).toBe("no schema found for <X>: its DOCTYPE names no DTD and declares no elements, and no catalog entry has root X");
  });
});

describe("qxml.config.json saved with a byte order mark", () => {
  it("is read (Windows editors write one; JSON.parse refuses it)", () => {
    const dir = scratch();
    writeFileSync(join(dir, "qxml.config.json"), '\uFEFF{ "schemas": [{ "files": "*.xml", "schema": "simple_return" }] }');
    writeFileSync(join(dir, "x.xml"), "<SIMPLE_RETURN><RESPONSE><DATETIME>d</DATETIME><TEXT>t</TEXT></RESPONSE></SIMPLE_RETURN>");
    const r = runCli(["validate", "x.xml"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
});

describe("a config that is not JSON", () => {
  it("names the place once, without node's 'at position N' repeated in the message", () => {
    const dir = scratch();
    writeFileSync(join(dir, "qxml.config.json"), '{ "rules": {} } }');
    writeFileSync(join(dir, "x.xml"), "<A/>");
    const r = runCli(["validate", "x.xml"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("qxml: config error: qxml.config.json:1:17: not valid JSON: Unexpected non-whitespace character after JSON\n");
  });
});

describe("special files", () => {
  it.skipIf(process.platform === "win32")("a FIFO named on the command line is reported, not waited on forever (validate and lint)", () => {
    const dir = scratch();
    execFileSync("mkfifo", [join(dir, "pipe.xml")]);
    for (const cmd of ["validate", "lint"]) {
      const r = runCli([cmd, "--format", "json", "pipe.xml"], dir);
      expect(r.code).toBe(1);
      expect(json(r.stdout).files[0].diagnostics[0]).toMatchObject({ code: "qxml/unreadable-file", message: "cannot read pipe.xml: not a regular file" });
      expect(runCli([cmd, "pipe.xml"], dir).stdout).toContain("qxml/unreadable-file");
    }
  }, 20000);
  it.skipIf(process.platform === "win32")("a symbolic link to an XML file in a folder is validated, as the shell would list it", () => {
    const dir = scratch();
    mkdirSync(join(dir, "in"));
    writeFileSync(join(dir, "real.xml"), "<SIMPLE_RETURN/>");
    symlinkSync(join(dir, "real.xml"), join(dir, "in", "link.xml"));
    symlinkSync(join(dir, "in"), join(dir, "in", "loop"));
    const f = json(runCli(["validate", "--format", "json", "--schema", "simple_return", "in"], dir).stdout);
    expect(f.files.map((x) => x.file)).toEqual(["in/link.xml"]);
  });
});

describe("one config, one verdict", () => {
  it("schema list refuses the config lint and validate refuse (an unknown rule id)", () => {
    const dir = scratch();
    writeFileSync(join(dir, "qxml.config.json"), '{ "rules": { "qualys/nope": "off" } }');
    const r = runCli(["schema", "list"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('qxml.config.json:1:14: unknown rule "qualys/nope"');
  });
});
