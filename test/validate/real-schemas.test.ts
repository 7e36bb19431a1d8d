import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readDtdSchema } from "../../src/schema/dtd/index.js";
import { readXsdFile } from "../../src/schema/xsd/index.js";
import { compileSchema } from "../../src/validate/compile.js";

const dir = resolve(import.meta.dirname, "../../schemas/qualys");

describe("bundled Qualys schemas compile into deterministic automata", () => {
  for (const name of readdirSync(dir).filter((n) => /\.(dtd|xsd)$/.test(n))) {
    it(name, () => {
      const file = join(dir, name);
      const model = name.endsWith(".dtd") ? readDtdSchema(file).model : readXsdFile(file).model;
      expect(model).not.toBeNull();
      const { schema, diagnostics } = compileSchema(model!);
      expect(diagnostics).toEqual([]);
      expect(schema.elements.length).toBeGreaterThan(0);
      // Compiled once: a second call returns the cached result.
      expect(compileSchema(model!).schema).toBe(schema);
    });
  }
});
