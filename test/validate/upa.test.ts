import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readXsdFile } from "../../src/schema/xsd/index.js";
import { compileSchema } from "../../src/validate/compile.js";
import { LIBXML2_DIR } from "../../test-support/paths.js";

describe("Unique Particle Attribution on libxml2's test/schemas", () => {
  it("flags exactly the schemas libxml2 rejects as non-deterministic", () => {
    const dir = join(LIBXML2_DIR, "test", "schemas");
    const flagged: string[] = [];
    let compiled = 0;
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".xsd")).sort()) {
      const { model } = readXsdFile(join(dir, name));
      if (model === null) continue;
      compiled++;
      const { diagnostics } = compileSchema(model);
      if (diagnostics.some((d) => d.code === "valid/ambiguous-content-model")) flagged.push(name);
    }
    // libxml2: result/schemas/any4_0_0.err and deter0_0_0.err say "content model is not determinist".
    expect(flagged).toEqual(["any4_0.xsd", "deter0_0.xsd"]);
    console.log(`UPA: ${compiled} libxml2 test schemas compiled, ${flagged.length} flagged (${flagged.join(", ")}), as libxml2`);
  });
});
