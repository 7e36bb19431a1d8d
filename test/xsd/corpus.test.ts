/**
 * Real schemas: every XSD in the shared Qualys corpus, and the bundled schemas/qualys/*.xsd
 * (which must read without errors).
 */
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { readXsdFile } from "../../src/schema/xsd/index.js";
import { SHARED } from "./libxml2-schemas.js";

function xsdFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".xsd"))
    .map((f) => join(dir, f))
    .sort();
}

const CORPUS = join(SHARED, "corpus");
const AZURE = join(CORPUS, "JordanBarnartt__qualyspy/qualyspy__models__asset_mgmt_tagging__azure_asset_data_connector.xsd");
const WEBAPP = join(CORPUS, "trolldbois__qualysapi/qualysapi__gen__webapp.xsd");
const BUNDLED = resolve(import.meta.dirname, "../../schemas/qualys");

describe("shared corpus XSDs", () => {
  test("the corpus has the XSDs this test knows about, and each reads or reports", () => {
    const all = xsdFiles(CORPUS);
    expect(all).toEqual(expect.arrayContaining([AZURE, WEBAPP]));
    for (const f of all) {
      const r = readXsdFile(f);
      if (f !== AZURE) expect(r.diagnostics.filter((d) => d.severity === "error"), f).toEqual([]);
    }
  });

  test("qualysapi webapp.xsd: its shape", () => {
    const r = readXsdFile(WEBAPP);
    expect(r.model).not.toBeNull();
    const m = r.model!;
    const req = m.elements[m.globalElements["ServiceRequest"]];
    const t = m.complexTypes[req.type.id];
    expect(t.content.kind === "elements" && t.content.particle.kind).toBe("all");
    const criteria = m.complexTypes[m.namedTypes["Criteria"].id];
    expect(criteria.content.kind).toBe("simple");
    expect(criteria.attributes.map((a) => a.name)).toEqual(["field", "name", "operator"]);
    expect(m.simpleTypes[criteria.attributes[2].type].facets.enumeration?.map((e) => e.value)).toContain("NOT EQUALS");
  });

  test("qualyspy azure connector: its included siblings are missing from the corpus", () => {
    const r = readXsdFile(AZURE);
    expect(r.model).toBeNull();
    expect(r.diagnostics.map((d) => [d.code, d.line, d.params?.location ?? d.params?.name])).toEqual([
      ["xsd/load-failed", 5, "asset_data_connector.xsd"],
      ["xsd/load-failed", 6, "azure_service.xsd"],
      ["xsd/unresolved-type", 10, "tns:AssetDataConnector"],
      ["xsd/unresolved-type", 12, "tns:AzureAuthRecordSimple"],
    ]);
  });
});

describe("bundled schemas/qualys/*.xsd", () => {
  const bundled = xsdFiles(BUNDLED);
  test("there are bundled XSDs", () => {
    expect(bundled.length).toBeGreaterThan(0);
  });
  test.each(bundled.map((f) => [f.slice(BUNDLED.length + 1), f]))("%s reads with no errors", (_name, file) => {
    const r = readXsdFile(file);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.model).not.toBeNull();
    expect(Object.keys(r.model!.globalElements).length).toBeGreaterThan(0);
  });
});
