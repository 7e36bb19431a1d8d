/**
 * The benchmark's generated inputs must be valid against their schemas (the bench compares
 * engines on valid documents), close to the size asked for, and the same for the same seed.
 * Checked with the libxml2 engine and with qxml on small sizes.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeControlList, writeOptionProfiles, writePolicyExport } from "../../bench/generate.mjs";
import { Catalog, bundledSchemasDir } from "../../src/schema/catalog.js";
import { readSchemaFile } from "../../src/schema/load.js";
import { compileSchema, validateString } from "../../src/validate/index.js";
import { localResolver } from "../../src/xml/resolve.js";
import { libxml2, type Libxml2Engine } from "../../test-support/libxml2.js";
import { REPO_ROOT } from "../../test-support/paths.js";

const dir = mkdtempSync(join(tmpdir(), "qxml-bench-inputs-"));
const schema = (name: string) => join(REPO_ROOT, "schemas", "qualys", name);
const fixture = (name: string) => join(REPO_ROOT, "test", "fixtures", "qualys", name);
const SIZE = 200_000;

const inputs = [
  { name: "policy-export.xml", kind: "dtd" as const, schema: schema("policy_export_output.dtd"), make: (p: string) => writePolicyExport(p, SIZE) },
  { name: "control-list.xml", kind: "xsd" as const, schema: schema("ImportableControl.xsd"), make: (p: string) => writeControlList(p, SIZE) },
  { name: "option-profiles.xml", kind: "dtd" as const, schema: schema("option_profile_info.dtd"), make: (p: string) => writeOptionProfiles(p, fixture("option-profile-info-export-oracle-template.xml"), SIZE) },
  { name: "option-profiles-import.xml", kind: "xsd" as const, schema: schema("option_profiles.xsd"), make: (p: string) => writeOptionProfiles(p, fixture("option-profiles-import-oracle-template.xml"), SIZE) },
];

let engine: Libxml2Engine;
beforeAll(async () => {
  engine = await libxml2();
});

describe("bench inputs", () => {
  for (const input of inputs) {
    it(`${input.name} is valid for libxml2 and qxml, and about the size asked`, () => {
      const file = join(dir, input.name);
      const info = input.make(file);
      const bytes = readFileSync(file);
      expect(info.bytes).toBe(bytes.length);
      expect(Math.abs(bytes.length - SIZE)).toBeLessThan(12_000);
      const lib = engine.validate(bytes, { file, schema: { kind: input.kind, file: input.schema } });
      expect(lib.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const model = readSchemaFile(input.schema, input.kind).model!;
      const q = validateString(bytes, { file, schema: compileSchema(model).schema });
      expect(q.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    });
  }

  it("the policy export is valid through its DOCTYPE too, the Qualys URL mapped by the catalog", () => {
    const file = join(dir, "policy-export.xml");
    writePolicyExport(file, 50_000);
    const catalog = Catalog.bundled();
    const resolveEntity = localResolver({ allow: [bundledSchemasDir], map: catalog.mapSystemId });
    expect(engine.validate(readFileSync(file), { file, resolveEntity }).valid).toBe(true);
    expect(validateString(readFileSync(file), { file, resolveEntity }).valid).toBe(true);
  });

  it("is deterministic for a seed", () => {
    const a = join(dir, "a.xml");
    const b = join(dir, "b.xml");
    writeControlList(a, 30_000, 5);
    writeControlList(b, 30_000, 5);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });
});
