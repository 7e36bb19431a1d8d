import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseGenerateArgs, runGenerate, type Io } from "../../generators/cli.js";
import { renderSchema } from "../../generators/render.js";
import { model } from "./helpers.js";
import { GenerateError, MAX_PARTICLE_DEPTH } from "../../generators/content.js";
import { addComplexType, addElement, builtinType, emptyModel, location } from "../../src/schema/build.js";
import type { Particle } from "../../src/schema/model.js";
import { packageRoot } from "../../src/package-root.js";
import { compileSchema } from "../../src/validate/index.js";

function capture(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (l) => out.push(l), stderr: (l) => err.push(l) };
}

const dir = mkdtempSync(join(tmpdir(), "qxml-generate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("qxml generate", () => {
  it("parses its arguments", () => {
    expect(parseGenerateArgs(["simple_return", "--out", "x", "--check"])).toMatchObject({ schemas: ["simple_return"], check: true });
    expect(parseGenerateArgs(["--bogus"])).toBe("unknown option --bogus");
    // --out defaults to ./generated where the user is, never into the installed package.
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(parseGenerateArgs(["simple_return"])).toMatchObject({ out: join(process.cwd(), "generated") });
      expect(parseGenerateArgs([])).toMatchObject({ out: join(process.cwd(), "generated") });
      expect(join(process.cwd(), "generated")).not.toBe(join(packageRoot, "generated"));
    } finally {
      process.chdir(cwd);
    }
    expect(parseGenerateArgs(["--out"])).toBe("--out needs a value");
  });

  it("writes, then --check passes; a changed, missing or stale file makes --check exit 1", async () => {
    const io = capture();
    expect(await runGenerate(["simple_return", "--out", dir, "--check"], io)).toBe(1);
    expect(io.err.join("\n")).toMatch(/missing: .*simple_return\/types\.ts/);
    expect(io.err.at(-1)).toBe("qxml generate --check: 6 generated files out of date; run `qxml generate`");
    expect(await runGenerate(["simple_return", "--out", dir], io)).toBe(0);
    expect(io.out.at(-1)).toBe(`qxml generate: wrote 6 files for 1 schema to ${relative(process.cwd(), dir)}`);
    expect(await runGenerate(["simple_return", "--out", dir, "--check"], io)).toBe(0);
    expect(io.out.at(-1)).toBe("qxml generate --check: 6 files up to date");
    const types = join(dir, "simple_return", "types.ts");
    writeFileSync(types, readFileSync(types, "utf8") + "// edited\n");
    const io2 = capture();
    expect(await runGenerate(["simple_return", "--out", dir, "--check"], io2)).toBe(1);
    expect(io2.err.join("\n")).toMatch(/changed: .*types\.ts/);
    expect(io2.err.at(-1)).toBe("qxml generate --check: 1 generated file out of date; run `qxml generate`");
    await runGenerate(["simple_return", "--out", dir], io2);
    writeFileSync(join(dir, "simple_return", "old.ts"), "");
    const io3 = capture();
    expect(await runGenerate(["simple_return", "--out", dir, "--check"], io3)).toBe(1);
    expect(io3.err.join("\n")).toMatch(/extra: .*old\.ts/);
  });

  it("generates from a schema path, and removes stale files so that --check then passes", async () => {
    const dtd = join(dir, "tiny.dtd");
    writeFileSync(dtd, "<!ELEMENT LIST (ITEM+)>\n<!ELEMENT ITEM (#PCDATA)>\n<!ATTLIST ITEM kind (a|b) #REQUIRED>\n");
    const io = capture();
    expect(await runGenerate([dtd, "--out", dir], io)).toBe(0);
    const types = readFileSync(join(dir, "tiny", "types.ts"), "utf8");
    expect(types).toContain('export const ItemKindValues = ["a","b"] as const;');
    expect(types).toContain("ITEM: Item[];");
    writeFileSync(join(dir, "tiny", "stale.ts"), "");
    expect(await runGenerate([dtd, "--out", dir], io)).toBe(0);
    expect(io.out.join("\n")).toMatch(/removed stale tiny\/stale\.ts/);
    expect(await runGenerate([dtd, "--out", dir, "--check"], io)).toBe(0);
  });

  it("names a user's schema file as given from the working directory, in messages and in the generated header", async () => {
    const io = capture();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(await runGenerate(["./missing.xsd", "--out", "out"], io)).toBe(2);
      writeFileSync(join(dir, "mine.dtd"), "<!ELEMENT MINE (#PCDATA)>\n");
      expect(await runGenerate(["mine.dtd", "--out", "out"], io)).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    expect(io.err).toContain("missing.xsd: not generated (schema errors)");
    expect(io.err.join("\n")).toMatch(/^missing\.xsd:1:1: xsd\/unreadable: /m);
    expect(readFileSync(join(dir, "out", "mine", "types.ts"), "utf8")).toMatch(/mine\.dtd/);
    expect(readFileSync(join(dir, "out", "mine", "types.ts"), "utf8")).not.toContain("..");
  });

  /** A model whose one element DEEP holds X inside `groups` nested sequences. */
  function nestedModel(groups: number) {
    const m = emptyModel("dtd", "deep.dtd");
    const loc = location("deep.dtd", 3, 1);
    const leaf = addElement(m, { name: "X", namespace: null, type: { kind: "simple", id: builtinType(m, "string") }, global: true, nillable: false, abstract: false, location: loc });
    let particle: Particle = { kind: "element", name: "X", namespace: null, element: leaf.id, min: 1, max: 1, location: loc };
    for (let i = 0; i < groups; i++) particle = { kind: "sequence", items: [particle], min: 1, max: 1, location: loc };
    const ct = addComplexType(m, { content: { kind: "elements", particle }, attributes: [], abstract: false, location: loc });
    addElement(m, { name: "DEEP", namespace: null, type: { kind: "complex", id: ct.id }, global: true, nillable: false, abstract: false, location: loc });
    return m;
  }

  it("refuses a content model nested deeper than it analyses, with the place, instead of overflowing", () => {
    const m = nestedModel(MAX_PARTICLE_DEPTH + 5);
    expect(() => renderSchema(m, { name: "deep", sourceLabel: "deep.dtd" })).toThrow(GenerateError);
    expect(() => renderSchema(m, { name: "deep", sourceLabel: "deep.dtd" })).toThrow(/nests 261 groups deep \(at most 256\) at deep.dtd:3:1/);
  });

  it("renders a content model as deep as the validator accepts, and refuses one group more as the validator does", () => {
    const deepest = nestedModel(MAX_PARTICLE_DEPTH);
    expect(compileSchema(deepest).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(renderSchema(deepest, { name: "deep", sourceLabel: "deep.dtd" }).length).toBeGreaterThan(0);
    const deeper = nestedModel(MAX_PARTICLE_DEPTH + 1);
    expect(compileSchema(deeper).diagnostics.map((d) => d.code)).toContain("valid/content-model-too-deep");
    expect(() => renderSchema(deeper, { name: "deep", sourceLabel: "deep.dtd" })).toThrow(/nests 257 groups deep \(at most 256\)/);
  });

  it("refuses an unknown schema name with exit 2 and the list of names", async () => {
    const io = capture();
    expect(await runGenerate(["no_such_schema"], io)).toBe(2);
    expect(io.err.join("\n")).toMatch(/not a schema name \(.*option_profile_info/);
  });

  it("takes a name the config's catalog adds (as `qxml schema list` shows it), from --config or ./qxml.config.json", async () => {
    const cfgDir = mkdtempSync(join(dir, "config-"));
    writeFileSync(join(cfgDir, "mine.xsd"), '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="MINE" type="xs:string"/></xs:schema>');
    writeFileSync(join(cfgDir, "qxml.config.json"), JSON.stringify({ catalog: [{ name: "my_schema", file: "mine.xsd", roots: ["MINE"] }] }));
    const out = join(cfgDir, "out");
    const io = capture();
    expect(await runGenerate(["my_schema", "--config", join(cfgDir, "qxml.config.json"), "--out", out], io)).toBe(0);
    expect(readFileSync(join(out, "my_schema", "types.ts"), "utf8")).toContain("MINE");
    // Without the config the name is unknown; a config with an error is exit 2, as for every command.
    expect(await runGenerate(["my_schema", "--out", out], capture())).toBe(2);
    writeFileSync(join(cfgDir, "bad.json"), '{"catalog": 3}');
    expect(await runGenerate(["my_schema", "--config", join(cfgDir, "bad.json"), "--out", out], capture())).toBe(2);
  });

  it("renders reproducibly: same model, same bytes, no timestamps or absolute paths", () => {
    const m = model("option_profile_info");
    const a = renderSchema(m, { name: "x", sourceLabel: "schemas/qualys/option_profile_info.dtd" });
    const b = renderSchema(model("option_profile_info"), { name: "x", sourceLabel: "schemas/qualys/option_profile_info.dtd" });
    expect(a).toEqual(b);
    const all = a.map((f) => f.source).join("\n");
    expect(all).not.toMatch(/\/work\/|\d{4}-\d\d-\d\dT\d\d:/);
  });

  it("the committed generated/ is what a fresh run writes (run `qxml generate` after changing a schema)", async () => {
    const io = capture();
    const code = await runGenerate(["--check"], io);
    expect(io.err).toEqual([]);
    expect(code).toBe(0);
  });
});
