/**
 * The schema-mutation differential at CI size (test-support/schema-differential.ts): seeded
 * mutations of the bundled Qualys schemas, the typed differential schemas and libxml2's test
 * schemas and DTDs, read by qxml and by libxml2. Enforces: qxml never crashes and reads each
 * schema in bounded time; schema verdicts and document verdicts agree except the classified
 * known differences (test-support/schema-known.ts), each of which still disagrees on its pinned
 * example; qxml's rejections say where. The deep run: `npm run differential:schemas`.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import { Libxml2Engine } from "../../src/engines/libxml2.js";
import { DTD_KINDS, XSD_KINDS, mutateSchema } from "../../test-support/schema-mutate.js";
import { formatSchemaDifferential, runSchemaDifferential, runSchemaFile, runSchemaText, summarizeSchemaDifferential, type SchemaOutcome } from "../../test-support/schema-differential.js";
import { explainSchemaOutcome, KNOWN_SCHEMA_DIFFERENCES } from "../../test-support/schema-known.js";
import { REPO_ROOT } from "../../test-support/paths.js";

/** CI bound per schema (read + compile): the deep run's finding threshold is 1 s; CI allows for a loaded machine. */
const CI_SCHEMA_MS = 3000;

let outcomes: SchemaOutcome[] = [];

beforeAll(async () => {
  const started = Date.now();
  outcomes = await runSchemaDifferential({ seed: 1, perKind: 2, seedsPerFamily: 50, instancesPerSchema: 2 });
  console.log(`${formatSchemaDifferential(summarizeSchemaDifferential(outcomes))}\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}, 120_000);

const disagrees = (o: SchemaOutcome) => !o.agree || o.docs.some((d) => !d.agree);

describe("schema mutations: qxml vs libxml2", () => {
  test("the run covers every seed family and every mutation kind", () => {
    expect(new Set(outcomes.map((o) => o.family))).toEqual(new Set(["qualys", "typed", "libxml2-xsd", "libxml2-dtd"]));
    const kinds = new Set(outcomes.map((o) => o.kind));
    for (const k of [...XSD_KINDS, ...DTD_KINDS]) expect(kinds, k).toContain(k);
    expect(outcomes.length).toBeGreaterThan(1000);
  });

  test("qxml never crashes, on the schema or on a document validated against it", () => {
    const crashes = outcomes.filter((o) => o.qxml.verdict === "crash" || o.docs.some((d) => d.qxml.crash !== undefined));
    expect(crashes.map((o) => `${o.id}: ${o.qxml.first?.message ?? o.docs.find((d) => d.qxml.crash)?.qxml.crash}`)).toEqual([]);
  });

  test(`qxml reads and compiles every mutant within ${CI_SCHEMA_MS} ms`, () => {
    const slow = outcomes.filter((o) => o.qxml.ms > CI_SCHEMA_MS);
    expect(slow.map((o) => `${o.id} ${o.qxml.ms.toFixed(0)} ms`)).toEqual([]);
  });

  test("schema and document verdicts agree, except the classified known differences", () => {
    const unexplained = outcomes.filter((o) => disagrees(o) && explainSchemaOutcome(o) === undefined);
    const show = (o: SchemaOutcome) => {
      const d = o.docs.find((x) => !x.agree);
      return `${o.id} (${o.description}): qxml ${d?.qxml.first ?? o.qxml.verdict} ${o.qxml.first?.message ?? ""} | libxml2 ${d?.libxml2.first ?? o.libxml2.verdict} ${o.libxml2.first?.message ?? ""}`;
    };
    expect(unexplained.map(show)).toEqual([]);
    const byKnown = new Map<string, number>();
    for (const o of outcomes.filter(disagrees)) byKnown.set(explainSchemaOutcome(o)!.id, (byKnown.get(explainSchemaOutcome(o)!.id) ?? 0) + 1);
    console.log(`known differences: ${[...byKnown].map(([k, n]) => `${k} ${n}`).join(", ")}`);
  });

  test("every qxml rejection names where: a line, and for an XSD the file", () => {
    const bad = outcomes.filter((o) => o.diagnosticGaps.some((g) => g !== "no hint"));
    expect(bad.map((o) => `${o.id}: ${o.qxml.first?.code} ${o.diagnosticGaps.join(", ")}`)).toEqual([]);
    const hintless = new Map<string, number>();
    for (const o of outcomes.filter((x) => x.diagnosticGaps.includes("no hint"))) hintless.set(o.qxml.first!.code, (hintless.get(o.qxml.first!.code) ?? 0) + 1);
    console.log(`rejections without a hint, by code: ${[...hintless].map(([k, n]) => `${k} ${n}`).join(", ") || "none"}`);
  });
});

describe("known schema differences: each still disagrees on its pinned example and is recognised", () => {
  let engine: Libxml2Engine;
  beforeAll(async () => {
    engine = await Libxml2Engine.load();
  });
  for (const k of KNOWN_SCHEMA_DIFFERENCES) {
    test(k.id, () => {
      const o = k.example.file !== undefined ? runSchemaFile(engine, k.example.language, k.example.file) : runSchemaText(engine, k.example.language, k.example.schema!, k.example.xml ?? []);
      expect(disagrees(o), JSON.stringify({ qxml: o.qxml, libxml2: o.libxml2, docs: o.docs })).toBe(true);
      expect(k.matches(o)).toBe(true);
      expect(explainSchemaOutcome(o)?.id).toBe(k.id);
    });
  }
  test("libxml2-empty-list-length also covers an empty fixed value and an empty union value, as messages word them now ('(empty)', 'an empty value')", () => {
    // Deep seed 6 (eighth session) left both unexplained: the matchers still looked for "".
    const XS = '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">';
    const fixed = runSchemaText(engine, "xsd", `${XS}<xs:element name="w" type="xs:NMTOKENS" fixed=""/></xs:schema>`);
    const union = runSchemaText(engine, "xsd", `${XS}<xs:element name="e"><xs:simpleType><xs:union memberTypes="xs:double xs:NMTOKENS"/></xs:simpleType></xs:element></xs:schema>`, ["<e/>"]);
    for (const o of [fixed, union]) {
      expect(disagrees(o), JSON.stringify({ qxml: o.qxml, libxml2: o.libxml2, docs: o.docs })).toBe(true);
      expect(explainSchemaOutcome(o)?.id).toBe("libxml2-empty-list-length");
    }
  });
});

describe("the schema mutator", () => {
  const xsd = readFileSync(`${REPO_ROOT}/test/differential/schemas/typed.xsd`, "utf8");
  const dtd = readFileSync(`${REPO_ROOT}/test/differential/schemas/typed.dtd`, "utf8");

  test("is deterministic for a seed, and ids name the same mutation whatever the seed", () => {
    const a = mutateSchema("xsd", xsd, { seed: 7, perKind: 3, selfName: "x.xsd" });
    expect(mutateSchema("xsd", xsd, { seed: 7, perKind: 3, selfName: "x.xsd" })).toEqual(a);
    const all = new Map(mutateSchema("xsd", xsd, { seed: 1, perKind: 100_000, selfName: "x.xsd" }).map((m) => [m.id, m.text]));
    for (const m of a) expect(all.get(m.id)).toBe(m.text);
  });

  test("every kind has candidates on the typed schemas, and each changes the text", () => {
    for (const [language, text, kinds] of [["xsd", xsd, XSD_KINDS], ["dtd", dtd, DTD_KINDS]] as const) {
      const ms = mutateSchema(language, text, { seed: 1, perKind: 2, selfName: "x" });
      for (const k of kinds) expect(ms.some((m) => m.kind === k), `${language} ${k}`).toBe(true);
      for (const m of ms) expect(m.text, m.id).not.toBe(text);
    }
  });
});
