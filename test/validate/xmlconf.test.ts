/**
 * Validity conformance on the W3C XML 1.0 suite: every `valid` case validates against its own
 * DTD and every `invalid` case is reported invalid (while well-formed). External entities are
 * read through a local resolver limited to the xmlconf folder. Exceptions have a reason each
 * (also in docs/conformance.md, section "Validity").
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateString } from "../../src/validate/index.js";
import { localResolver } from "../../src/xml/resolve.js";
import { XMLCONF_DIR } from "../../test-support/paths.js";
import { appliesToXml10Fifth, loadXmlconf, type XmlconfTest } from "../../test-support/xmlconf.js";

/** Case id → why qxml's verdict differs. Keep in sync with docs/conformance.md. */
export const VALIDITY_EXCEPTIONS: Readonly<Record<string, string>> = {};

/** Failures that belong to the reader (well-formedness side), tracked until it is fixed there. */
export const READER_EXCEPTIONS: Readonly<Record<string, string>> = {};

interface Outcome {
  id: string;
  type: string;
  got: string;
  detail: string;
}

function verdict(c: XmlconfTest, resolveEntity: ReturnType<typeof localResolver>): string {
  const r = validateString(new Uint8Array(readFileSync(c.file)), { file: c.file, resolveEntity, namespaces: c.namespace !== "no" });
  return !r.wellFormed ? "not-wf" : r.valid ? "valid" : "invalid";
}

function runAll(): { total: number; passed: number; failures: Outcome[]; skipped: number } {
  const cases = loadXmlconf()
    .filter(appliesToXml10Fifth)
    .filter((c) => c.type === "valid" || c.type === "invalid");
  const resolveEntity = localResolver({ allow: [XMLCONF_DIR] });
  const failures: Outcome[] = [];
  let passed = 0;
  let skipped = 0;
  for (const c of cases) {
    if (VALIDITY_EXCEPTIONS[c.id] !== undefined || READER_EXCEPTIONS[c.id] !== undefined) {
      skipped++;
      continue;
    }
    const r = validateString(new Uint8Array(readFileSync(c.file)), { file: c.file, resolveEntity, namespaces: c.namespace !== "no" });
    const got = !r.wellFormed ? "not-wf" : r.valid ? "valid" : "invalid";
    if (got === c.type) passed++;
    else failures.push({ id: c.id, type: c.type, got, detail: r.diagnostics.slice(0, 2).map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`).join(" | ") });
  }
  return { total: cases.length, passed, failures, skipped };
}

describe("W3C XML conformance suite: validity (XML 1.0 fifth edition)", () => {
  it("valid cases validate, invalid cases are reported invalid", () => {
    const r = runAll();
    const run = r.total - r.skipped;
    console.log(`xmlconf validity: ${r.passed}/${run} passed (${((100 * r.passed) / run).toFixed(1)}%), ${r.skipped} exceptions with reasons, ${r.total} cases`);
    for (const f of r.failures) console.log(`  FAIL ${f.id}: expected ${f.type}, got ${f.got}: ${f.detail}`);
    expect(r.failures.map((f) => f.id)).toEqual([]);
  });
  it("every exception names a case of the suite that still fails (remove it when it passes)", () => {
    const byId = new Map(loadXmlconf().map((c) => [c.id, c]));
    const resolveEntity = localResolver({ allow: [XMLCONF_DIR] });
    for (const id of [...Object.keys(VALIDITY_EXCEPTIONS), ...Object.keys(READER_EXCEPTIONS)]) {
      const c = byId.get(id);
      expect(c, id).toBeDefined();
      expect(verdict(c!, resolveEntity), id).not.toBe(c!.type);
    }
  });
});
