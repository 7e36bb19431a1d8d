/**
 * The deep-run mutation kinds (test-support/mutate/kinds-*.ts) on the typed schemas of
 * test/differential/schemas: every kind is generated, every mutated document is well-formed,
 * the generator is deterministic per seed, and two-mutation documents apply both changes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSchemaFile } from "../../src/schema/load.js";
import { parseTree } from "../../src/xml/tree.js";
import { TYPED_DIR } from "../../test-support/differential.js";
import { mutate } from "../../test-support/mutate.js";

const DEEP_KINDS = ["datatype-value", "datatype-attribute", "enumeration-whitespace", "character-reference", "cdata-section", "comment-or-pi", "xsi-attribute", "namespace", "id-reference", "default-or-fixed", "move-level"];

function typed(kind: "dtd" | "xsd") {
  const model = readSchemaFile(join(TYPED_DIR, `typed.${kind}`), kind).model!;
  const xml = readFileSync(join(TYPED_DIR, `typed-${kind}.xml`), "utf8");
  return { model, xml };
}

describe("deep-run mutation kinds", () => {
  it("generates every kind across the typed DTD and XSD, each document well-formed", () => {
    const seen = new Set<string>();
    for (const kind of ["dtd", "xsd"] as const) {
      const { model, xml } = typed(kind);
      const out = mutate(model, xml, { seed: 1, max: 0, deepMax: 100_000 });
      expect(out.length).toBeGreaterThan(300);
      for (const m of out) {
        seen.add(m.kind);
        expect(() => parseTree(m.xml, m.id), m.id).not.toThrow();
      }
    }
    expect([...seen].sort()).toEqual([...DEEP_KINDS].sort());
  });

  it("writes markup the tree cannot hold verbatim (CDATA, PIs, character references)", () => {
    const { model, xml } = typed("xsd");
    const out = mutate(model, xml, { seed: 1, max: 0, deepMax: 100_000 });
    const text = (id: string) => out.find((m) => m.id === id)?.xml ?? "";
    expect(text("cdata-section:/record:white space")).toContain("<![CDATA[ \n ]]>");
    expect(text("comment-or-pi:/record/count:PI in value")).toMatch(/<count>4<\?p\?>2<\/count>/);
    expect(text("character-reference:/record/count:content")).toContain("<count>&#x34;2</count>");
    expect(text("xsi-attribute:/record/comment:nil true empty")).toMatch(/<comment xmlns:xsi="http:\/\/www\.w3\.org\/2001\/XMLSchema-instance" xsi:nil="true"\/>/);
  });

  it("is deterministic per seed, and two-mutation documents differ by seed", () => {
    const { model, xml } = typed("dtd");
    const a = mutate(model, xml, { seed: 5, max: 10, deepMax: 50, pairMax: 30 });
    const b = mutate(model, xml, { seed: 5, max: 10, deepMax: 50, pairMax: 30 });
    expect(a).toEqual(b);
    const pairs = a.filter((m) => m.kind === "two-mutations");
    expect(pairs.length).toBeGreaterThan(20);
    const other = mutate(model, xml, { seed: 6, max: 10, deepMax: 50, pairMax: 30 }).filter((m) => m.kind === "two-mutations");
    expect(other.map((m) => m.id)).not.toEqual(pairs.map((m) => m.id));
    for (const m of pairs) expect(m.id.split(" + ").length).toBe(2);
  });
});
