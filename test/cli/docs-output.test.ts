/**
 * Output the README and docs/findings.md print as examples is what the CLI prints today (the
 * findings example once named a file examples/ never had).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "./run-cli.js";

const doc = (path: string) => readFileSync(join(repoRoot, path), "utf8");
/** The fenced blocks of a markdown section (from its heading to the next heading of its level). */
function blocksUnder(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(`${heading}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const level = heading.split(" ")[0];
  const rest = markdown.slice(start + heading.length + 1);
  const end = rest.search(new RegExp(`^${level} `, "m"));
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}

describe("the README", () => {
  it("'What a newcomer sees' is the text lint prints for examples/bad/criticality.xml", () => {
    const [shown] = blocksUnder(doc("README.md"), "## What a newcomer sees");
    const r = runCli(["lint", "examples/bad/criticality.xml"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(shown);
  });
  it("'Commands' lists the usage lines of `qxml --help`", () => {
    const [usage] = blocksUnder(doc("README.md"), "## Commands");
    const help = runCli(["--help"]).stdout;
    for (const line of usage.trim().split("\n")) expect(help).toContain(`  ${line}\n`);
  });
});

describe("docs/findings.md", () => {
  it("the example is `qxml lint --format json examples/bad/criticality.xml`", () => {
    const [example] = blocksUnder(doc("docs/findings.md"), "# The findings contract");
    const r = runCli(["lint", "--format", "json", "examples/bad/criticality.xml"]);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(example));
  });
});

describe("help text", () => {
  it("validate --help says what --engine libxml2 needs (a dev dependency, absent from an installed qxml)", () => {
    const help = runCli(["validate", "--help"]).stdout.replace(/\s+/g, " ");
    expect(help).toContain("--engine qxml|libxml2 qxml's validator (default) or libxml2's, to compare (libxml2 needs the libxml2-wasm package: npm install --save-dev libxml2-wasm)");
  });
});
