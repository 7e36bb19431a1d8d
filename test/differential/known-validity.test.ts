/**
 * The known validity differences (test-support/differential-known.ts): each pinned example must
 * still make qxml and libxml2 disagree (verdict, or where the first error is), and be recognised
 * by its own entry, so the table cannot go stale when either engine changes.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSchemaFile } from "../../src/schema/load.js";
import { compileSchema, validateString } from "../../src/validate/index.js";
import { locate, verdictOf, type DifferentialOutcome } from "../../test-support/differential.js";
import { explainDisagreement, KNOWN_VALIDITY_DIFFERENCES } from "../../test-support/differential-known.js";
import { libxml2, normalizePath } from "../../test-support/libxml2.js";
import { localResolver } from "../../src/xml/resolve.js";

const dir = mkdtempSync(join(tmpdir(), "qxml-known-"));

describe("known validity differences between qxml and libxml2", () => {
  for (const k of KNOWN_VALIDITY_DIFFERENCES) {
    it(`${k.id}: the example still disagrees and is recognised`, async () => {
      const file = join(dir, `${k.id}.${k.example.kind}`);
      writeFileSync(file, k.example.schema);
      const doctype = k.example.mode === "doctype";
      const model = doctype ? null : readSchemaFile(file, k.example.kind).model;
      if (!doctype) expect(model, "schema reads").not.toBeNull();
      const engine = await libxml2();
      const lib = doctype ? null : engine.prepare({ kind: k.example.kind, file });
      if (lib !== null) expect(lib.ok, "libxml2 reads the schema").toBe(true);
      // Doctype mode: each engine reads the document's own DOCTYPE, files beside it only.
      const resolveEntity = localResolver({ allow: [dir] });
      const at = { file: join(dir, "example.xml"), resolveEntity };
      try {
        const qr = lib === null ? validateString(k.example.xml, at) : validateString(k.example.xml, { file: "example.xml", schema: compileSchema(model!).schema });
        const lr = lib === null ? engine.validate(k.example.xml, at) : lib.validate(k.example.xml, { file: "example.xml" });
        const q = verdictOf(qr);
        const l = verdictOf(lr);
        const agree = q.valid === l.valid && q.wellFormed === l.wellFormed;
        const located = agree && !q.valid ? locate(q.first?.path, l.first?.path, k.example.xml, "example.xml") : null;
        const o: DifferentialOutcome = { id: k.id, fixture: "example.xml", source: "typed", kind: "original", schema: k.id, mode: doctype ? "doctype" : "schema", description: k.id, qxml: q, libxml2: l, agree, located };
        if (k.orderOnly === true) {
          // libxml2's order varies by process: the same elements are in error, in some order.
          const paths = (r: typeof qr) => r.diagnostics.filter((d) => d.severity === "error").map((d) => normalizePath(d.path ?? "")).sort();
          expect(paths(qr)).toEqual(paths(lr));
          if (located === false) expect(explainDisagreement(o)?.id).toBe(k.id);
          return;
        }
        expect(!agree || located === false, `${k.id}: qxml ${q.valid} (${q.first?.message}), libxml2 ${l.valid} (${l.first?.message})`).toBe(true);
        expect(explainDisagreement(o)?.id).toBe(k.id);
      } finally {
        lib?.dispose();
      }
    });
  }
});
