/**
 * The oracle checks itself: libxml2-wasm (2.15), through qxml's adapter and the shared suite
 * loops, must reproduce the verdicts libxml2 recorded for its own test suites. This guards the
 * adapter (options, error levels, file access) and the case pairing that the qxml suites reuse.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { Libxml2Engine } from "../../src/engines/libxml2.js";
import { formatSchemaSummary, loadSchemaCases, runSchemaSuite, verdictOf } from "../../test-support/suites/libxml2-schemas.js";
import { formatDtdSummary, loadDtdCases, runDtdSuite } from "../../test-support/suites/libxml2-dtd.js";
import { libxml2DtdRunner, libxml2SchemaRunner } from "../../test-support/suites/runners-libxml2.js";

let engine: Libxml2Engine;
beforeAll(async () => {
  engine = await Libxml2Engine.load();
});

describe("libxml2 schema suite pairing", () => {
  it("pairs every result file with a schema and an instance", () => {
    const { cases, unpaired } = loadSchemaCases();
    expect(unpaired).toEqual([]);
    expect(cases.length).toBe(230);
    const attruse = cases.find((c) => c.id === "attruse_0_1")!;
    expect(attruse.xsd.endsWith("attruse_0_0.xsd")).toBe(true);
    expect(attruse.xml.endsWith("attruse_0_1.xml")).toBe(true);
  });

  it("reads the verdict from libxml2's output", () => {
    expect(verdictOf("./test/schemas/all_0.xml validates\n")).toBe("valid");
    expect(verdictOf("x.xml:3: Schemas validity error : ...\n./test/schemas/x.xml fails to validate\n")).toBe("invalid");
    expect(verdictOf("a.xsd:6: element complexType: Schemas parser error : not determinist.\n")).toBe("schema-error");
    expect(verdictOf("")).toBeNull();
  });
});

describe("libxml2-wasm reproduces libxml2's recorded verdicts", () => {
  it("on test/schemas", () => {
    const s = runSchemaSuite(loadSchemaCases().cases, libxml2SchemaRunner(engine));
    console.log(formatSchemaSummary("libxml2-wasm on libxml2 test/schemas", s));
    expect(s.failed).toEqual([]);
    expect(s.passed).toBe(230);
  });

  it("on test/VC and test/valid", () => {
    const s = runDtdSuite(loadDtdCases(), libxml2DtdRunner(engine));
    console.log(formatDtdSummary("libxml2-wasm on libxml2 test/VC + test/valid", s));
    expect(s.failed).toEqual([]);
    expect(s.passed).toBe(58);
  });
});
