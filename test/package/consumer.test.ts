/**
 * qxml as another project's dependency: its documented examples and the types of its public
 * signatures compile against the built package under a demanding project's flags, in both module
 * resolutions; CommonJS callers get qxml or an understandable error. Offline; needs `npm run build`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileAsConsumer, repoRoot, typescriptBlocks, type Resolution } from "./consumer-program.js";

function docBlocks(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const doc of ["README.md", "docs/consumers.md"]) {
    typescriptBlocks(readFileSync(join(repoRoot, doc), "utf8")).forEach((text, i) => {
      files[`${doc.replace(/\W/g, "_")}_${i}.ts`] = text;
    });
  }
  return files;
}

/** Names every type a caller meets in a result or an option, from "qxml" alone (no internal path). */
const TYPED_USE = `
import type {
  AttributeView, CatalogEntry, CompiledSchema, Diagnostic, DocumentOutcome, DtdSchemaResult, ElementParticle,
  EngineName, EntityResolver, FileResult, Findings, LintOptions, LintOutcome, LocalResolverOptions, Particle,
  QxmlConfig, ReadDtdSchemaOptions, ReaderLimits, ResolvedEntity, ResolveRefusal, RuleSetting, SarifOptions,
  SarifRuleInfo, SchemaModel, SchemaView, Severity, ValidateOptions, ValidationResult, XsdReadOptions, XsdReadResult,
} from "qxml";
import { Catalog, localResolver, readXsdText, validateString } from "qxml";
import { parseWithTable, type SerializeOptions } from "qxml/runtime";

const limits: Partial<ReaderLimits> = { maxDepth: 512 };
const resolverOptions: LocalResolverOptions = { allow: [...Catalog.bundled().folders] };
const resolver: EntityResolver = localResolver(resolverOptions);
const options: ValidateOptions = { file: "a.xml", limits, resolveEntity: resolver };
const result: ValidationResult = validateString("<a/>", options);
const first: Diagnostic | undefined = result.diagnostics[0];
const severity: Severity | undefined = first?.severity;
const read: XsdReadResult = readXsdText("<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'/>", "a.xsd", {} satisfies XsdReadOptions);
const model: SchemaModel | null = read.model;
const entry: CatalogEntry | undefined = Catalog.bundled().byName("option_profiles");
const elementOf = (particle: Particle): ElementParticle | undefined => (particle.kind === "element" ? particle : undefined);
const serialize: SerializeOptions = { pretty: true };
type Unused = [AttributeView, CompiledSchema, DocumentOutcome, DtdSchemaResult, EngineName, FileResult, Findings, LintOptions,
  LintOutcome, QxmlConfig, ReadDtdSchemaOptions, ResolvedEntity, ResolveRefusal, RuleSetting, SarifOptions, SarifRuleInfo, SchemaView];
export type { Unused };
export { severity, model, entry, elementOf, serialize, parseWithTable };
`;

describe("qxml compiles in a consumer project", () => {
  const cases: Resolution[] = ["nodenext", "bundler"];
  for (const resolution of cases) {
    it(`README's and docs/consumers.md's TypeScript examples, and the types of public signatures named from "qxml" and "qxml/runtime" alone (${resolution})`, () => {
      const files = docBlocks();
      expect(Object.keys(files).length).toBeGreaterThanOrEqual(6);
      // One program per resolution (checking @types/node and qxml's .d.ts is most of the time).
      // Examples show a value without always using it: unused locals are not what they test.
      expect(compileAsConsumer(resolution, { ...files, "typed-use.ts": TYPED_USE }, resolution, { noUnusedLocals: false })).toEqual([]);
    });
  }

  it("a deep import is closed by the exports map (a type must not need one)", () => {
    const diags = compileAsConsumer("deep", { "deep.ts": `import type { ReaderLimits } from "qxml/dist/src/xml/options.js";\nexport type { ReaderLimits };\n` }, "nodenext", { types: [] });
    expect(diags.join("\n")).toMatch(/TS2307/);
  });
});

describe("qxml from CommonJS", () => {
  const requireQxml = `const q = require("qxml"); const r = require("qxml/runtime"); process.stdout.write(typeof q.validateString + " " + typeof r.parseWithTable);`;

  it("require() loads the ES module where Node can (≥ 20.19: qxml has no top-level await), import() everywhere", () => {
    const viaImport = execFileSync(process.execPath, ["-e", `import("qxml").then((q) => process.stdout.write(typeof q.validateString))`], { cwd: repoRoot, encoding: "utf8" });
    expect(viaImport).toBe("function");
    const viaRequire = spawnSync(process.execPath, ["-e", requireQxml], { cwd: repoRoot, encoding: "utf8" });
    const features = process.features as { require_module?: boolean };
    if (features.require_module === true) expect(viaRequire.stdout).toBe("function function");
    else expect(viaRequire.stderr).toContain("ERR_REQUIRE_ESM");
  });

  it("without require(esm) (Node < 20.19), the error names the module and says to use import()", () => {
    const r = spawnSync(process.execPath, ["--no-experimental-require-module", "-e", requireQxml], { cwd: repoRoot, encoding: "utf8" });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("ERR_REQUIRE_ESM");
    expect(r.stderr).toMatch(/dist\/src\/index\.js/);
    expect(r.stderr).toContain("dynamic import()");
  });
});
