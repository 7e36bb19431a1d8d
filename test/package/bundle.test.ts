/**
 * An application that bundles qxml into its own file (esbuild --bundle, as many Node services and
 * Lambdas are shipped): importing qxml must not fail for want of qxml's package.json (it threw
 * "qxml: cannot find the package root" at import), and the bundled schemas are found in
 * `schemas/` beside the bundle when the application copies them there. Offline (esbuild is a
 * devDependency); bundles the sources, so no build is needed.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "./consumer-program.js";

const APP = `
import { Catalog, compileSchema, loadSchema, validateString } from ${JSON.stringify(join(repoRoot, "src/index.ts"))};
const own = validateString("<!DOCTYPE a [<!ELEMENT a EMPTY>]><a>x</a>", { file: "a.xml" });
const lines = ["internal-subset " + own.diagnostics.map((d) => d.code).join(",")];
if (process.argv[2] === "catalog") {
  const loaded = loadSchema("simple_return", Catalog.bundled());
  const { schema } = compileSchema(loaded.model);
  const r = validateString("<SIMPLE_RETURN><RESPONSE/></SIMPLE_RETURN>", { file: "r.xml", schema });
  lines.push("catalog " + Catalog.bundled().entries.length + " " + r.diagnostics.map((d) => d.code).join(","));
}
console.log(lines.join("\\n"));
`;

describe("qxml bundled into an application", () => {
  // Outside any package named qxml, as a deployed bundle is.
  const dir = mkdtempSync(join(tmpdir(), "qxml-bundle-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, "app.ts"), APP);
  buildSync({ entryPoints: [join(dir, "app.ts")], bundle: true, platform: "node", format: "esm", outfile: join(dir, "app.mjs"), logLevel: "silent", external: ["libxml2-wasm"] });
  const run = (...args: string[]) => execFileSync(process.execPath, [join(dir, "app.mjs"), ...args], { cwd: dir, encoding: "utf8" }).trim();

  it("imports and validates without qxml's package.json", () => {
    expect(run()).toBe("internal-subset valid/not-empty");
  });

  it("finds the bundled schemas in schemas/ beside the bundle", () => {
    cpSync(join(repoRoot, "schemas"), join(dir, "schemas"), { recursive: true });
    expect(run("catalog")).toMatch(/^internal-subset valid\/not-empty\ncatalog 7 valid\/missing-element/);
  });
});
