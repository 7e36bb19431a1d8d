/**
 * parse/serialize of the generated code on every fixture: parse(serialize(parse(x))) deep-equals
 * parse(x); serialize(parse(x)) is canonically equal to x; the written XML validates with qxml's
 * validator against the same schema, and the parsed object with the compiled validator.
 */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { compileSchema, validateString } from "../../src/validate/index.js";
import { childForm, schemaForm } from "../../generators/form.js";
import { canonicalDiff, fixtures, model, renderTo } from "./helpers.js";

const all = fixtures();
const names = [...new Set(all.map((f) => f.schema.name))];
const out = renderTo("roundtrip", names);

type Module = Record<string, (...args: unknown[]) => unknown>;

async function load(name: string): Promise<{ parse: Module; validate: Module; rootType: (root: string) => string }> {
  const parse = (await import(join(out, name, "parse.ts"))) as Module;
  const validate = (await import(join(out, name, "validate.ts"))) as Module;
  const m = model(name);
  const form = schemaForm(m);
  const rootType = (root: string): string => childForm(form, m.globalElements[root]).typeName;
  return { parse, validate, rootType };
}

describe("generated parse/serialize round trip", () => {
  it("covers every fixture", () => {
    expect(all.length).toBeGreaterThanOrEqual(30);
  });

  for (const fx of all) {
    it(`${fx.file} (${fx.schema.name})`, async () => {
      const { parse, validate, rootType } = await load(fx.schema.name);
      const root = fx.schema.roots.find((r) => fx.xml.includes(`<${r}`))!;
      const t = rootType(root);
      const first = parse[`parse${t}`](fx.xml);
      const written = parse[`serialize${t}`](first) as string;
      expect(parse[`parse${t}`](written)).toEqual(first);
      expect(canonicalDiff(fx.xml, written)).toEqual([]);
      expect(validate[`validate${t}`](first)).toEqual([]);
      const m = model(fx.schema.name);
      const result = validateString(written, { file: "written.xml", schema: compileSchema(m).schema });
      expect(result.diagnostics).toEqual([]);
    });
  }
});
