/**
 * `qxml generate` on every schema of the breadth harness (test-support/codegen-breadth.ts:
 * libxml2 test/schemas XSDs, libxml2 DTDs, the external DTDs of xmlconf's valid cases, the
 * shared corpus): no exception, every output compiles under --strict, every JSON Schema compiles
 * in ajv strict mode, and on the paired documents the generated parse + validator agree with
 * `qxml validate` except where a documented gap (test-support/codegen-known.ts) explains it.
 * Generated code imports the built runtime (dist/, `npm run build` — `npm test` builds first).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILT_RUNTIME, formatSummary, runBreadth, summarize, type SchemaOutcome } from "../../test-support/codegen-breadth.js";
import { repoRoot } from "./helpers.js";

describe("qxml generate on schemas it was not written for", () => {
  let outcomes: SchemaOutcome[] = [];

  it("runs over every schema of the harness", async () => {
    expect(existsSync(BUILT_RUNTIME), "run `npm run build` first: generated code imports dist/src/runtime").toBe(true);
    // CI type-checks the schemas whose generated modules total up to 400 KB and gives ajv the JSON
    // Schemas up to 40 KB: all but the ten largest (XHTML, NITF, the XML spec DTDs, NewsML: half
    // the generated code, and seconds each under ajv); QXML_BREADTH_DEEP=1 checks them all.
    const deep = process.env.QXML_BREADTH_DEEP === "1";
    const timings: Record<string, number> = {};
    outcomes = await runBreadth({ outDir: join(repoRoot, "test/generators/.out/breadth"), timings, ...(deep ? {} : { ajvMaxBytes: 40_000, compileMaxBytes: 400_000 }) });
    console.log(`${formatSummary(summarize(outcomes))}\n  ms: ${JSON.stringify(timings)}`);
    // The shared material is there (CI clones it beside the repository): a silent empty run is no pass.
    expect(outcomes.length).toBeGreaterThan(200);
  }, 120_000);

  it("never throws: a schema is generated, or refused with a schema diagnostic", () => {
    const s = summarize(outcomes);
    expect(s.crashes).toEqual([]);
    for (const o of outcomes.filter((x) => x.status === "refused")) expect(o.reason, o.id).toMatch(/^(xsd|dtd|xml|valid)\/[\w-]+: ./);
    expect(s.generated).toBeGreaterThan(200);
  });

  it("every generated module compiles under --strict", () => {
    expect(outcomes.filter((o) => o.tsErrors.length > 0).map((o) => `${o.id}: ${o.tsErrors.join("; ")}`)).toEqual([]);
  });

  it("every JSON Schema compiles in ajv 2020 strict mode", () => {
    expect(summarize(outcomes).ajvRefused).toEqual([]);
  });

  it("on the paired documents, parse + validator agree with qxml validate, or a documented gap explains why not", () => {
    const s = summarize(outcomes);
    expect(s.documents).toBeGreaterThan(250);
    expect(s.findings).toEqual([]);
  });
});
