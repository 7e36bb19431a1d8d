/**
 * Generated code is copied into someone else's project and compiled with that project's flags.
 * A team that turns on exactOptionalPropertyTypes, noUncheckedIndexedAccess,
 * noPropertyAccessFromIndexSignature and verbatimModuleSyntax must not get errors in files it
 * may not edit (before: 794 TS4111 and 16 TS2532 in the bundled schemas' validate.ts).
 */
import { join, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { bundledCatalog } from "../../src/schema/catalog.js";
import { consumerFlags } from "../../test-support/ts-strict.js";
import { diagnosticLines, renderTo, strictOptions } from "./helpers.js";

describe("generated modules compile under a consumer's strictest flags", () => {
  it("every bundled schema: types, validators, table, parse/serialize", () => {
    const names = bundledCatalog().map((e) => e.name);
    const out = renderTo("consumer-flags", names);
    const program = ts.createProgram(
      names.map((n) => join(out, n, "index.ts")),
      strictOptions(["node"], consumerFlags),
    );
    const inOut = (file: string) => file.startsWith(out + "/") || file.startsWith(out + sep);
    expect(program.getSourceFiles().filter((f) => inOut(f.fileName)).length).toBeGreaterThanOrEqual(names.length * 5);
    // Only the generated files: the runtime reaches a consumer as declarations (dist/*.d.ts),
    // which test/package/consumer.test.ts compiles under the same flags with skipLibCheck off.
    expect(diagnosticLines(program).filter((l) => inOut(l))).toEqual([]);
  }, 120_000);
});
