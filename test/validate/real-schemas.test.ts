import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readDtdSchema } from "../../src/schema/dtd/index.js";
import { readXsdFile } from "../../src/schema/xsd/index.js";
import { compileSchema, elementById } from "../../src/validate/compile.js";

const dir = resolve(import.meta.dirname, "../../schemas/qualys");

describe("bundled Qualys schemas compile into deterministic automata", () => {
  for (const name of readdirSync(dir).filter((n) => /\.(dtd|xsd)$/.test(n))) {
    it(name, () => {
      const file = join(dir, name);
      const model = name.endsWith(".dtd") ? readDtdSchema(file).model : readXsdFile(file).model;
      expect(model).not.toBeNull();
      const { schema, diagnostics } = compileSchema(model!);
      expect(diagnostics).toEqual([]);
      // Compiled on first use: every declaration compiles, and one with element content gets a matcher.
      expect(model!.elements.length).toBeGreaterThan(0);
      for (const decl of model!.elements) {
        const el = elementById(schema, decl.id);
        const content = decl.type.kind === "complex" ? model!.complexTypes[decl.type.id].content.kind : "simple";
        expect(el.type.matcher !== null, decl.name).toBe(content === "elements" || content === "mixed");
      }
      // Compiled once: a second call returns the cached result.
      expect(compileSchema(model!).schema).toBe(schema);
    });
  }
});
