/**
 * Three verdicts on the object form of every fixture and of every mutation the differential
 * harness makes of it (test-support/mutate.ts): ajv (JSON Schema 2020-12, strict mode) and the
 * compiled validator must agree exactly; both are compared with `qxml validate` on the XML too.
 * The object form forgets child order, so order-only mutations are invalid XML whose object form
 * is valid: that direction is counted, never the other (an object-form error the XML lacks).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020Module from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { mutate } from "../../test-support/mutate.js";
import { compileSchema, validateString } from "../../src/validate/index.js";
import { childForm, schemaForm } from "../../generators/form.js";
import { fixtures, model, renderTo } from "./helpers.js";

type AjvClass = typeof Ajv2020Module.default;
const Ajv2020 = ((Ajv2020Module as unknown as { default?: AjvClass }).default ?? Ajv2020Module) as AjvClass;

const all = fixtures();
const names = [...new Set(all.map((f) => f.schema.name))];
const out = renderTo("agreement", names);
const MUTATIONS_PER_FIXTURE = 60;
/** Mutation kinds whose XML error the object form cannot see: it keeps no child order. */
const ORDER_ONLY_KINDS = ["reorder-element"];

type Module = Record<string, (...args: unknown[]) => unknown>;

interface Tally {
  documents: number;
  ajvAgrees: number;
  xmlAgrees: number;
  orderOnly: string[];
  objectStricter: string[];
  parseRejected: number;
  bothInvalid: number;
  sameCodes: number;
  samePath: number;
  sameFirst: number;
}

describe("ajv, the compiled validator and qxml validate agree", () => {
  const tally: Tally = { documents: 0, ajvAgrees: 0, xmlAgrees: 0, orderOnly: [], objectStricter: [], parseRejected: 0, bothInvalid: 0, sameCodes: 0, samePath: 0, sameFirst: 0 };

  for (const name of names) {
    it(name, async () => {
      const m = model(name);
      const compiled = compileSchema(m).schema;
      const form = schemaForm(m);
      const parse = (await import(join(out, name, "parse.ts"))) as Module;
      const validate = (await import(join(out, name, "validate.ts"))) as Module;
      const jsonSchema = JSON.parse(readFileSync(join(out, name, "schema.json"), "utf8")) as object;
      const ajv = new Ajv2020({ strict: true, allErrors: true });
      const ajvValidate = ajv.compile(jsonSchema);
      for (const fx of all.filter((f) => f.schema.name === name)) {
        const root = fx.schema.roots.find((r) => fx.xml.includes(`<${r}`))!;
        const t = childForm(form, m.globalElements[root]).typeName;
        const docs = [{ id: fx.file, xml: fx.xml }, ...mutate(m, fx.xml, { max: MUTATIONS_PER_FIXTURE, seed: 7, file: fx.file }).map((x) => ({ id: `${fx.file} ${x.id}`, xml: x.xml }))];
        for (const doc of docs) {
          tally.documents++;
          const xmlResult = validateString(doc.xml, { file: doc.id, schema: compiled });
          const xmlValid = xmlResult.valid;
          let value: unknown;
          try {
            value = parse[`parse${t}`](doc.xml);
          } catch {
            // A renamed root: the parser refuses it, and so does the XML validator.
            tally.parseRejected++;
            expect(xmlValid, doc.id).toBe(false);
            tally.ajvAgrees++;
            tally.xmlAgrees++;
            continue;
          }
          const compiledDiags = validate[`validate${t}`](value) as { severity: string; code: string; message: string; path?: string }[];
          const compiledValid = compiledDiags.every((d) => d.severity !== "error");
          const ajvValid = ajvValidate(value) === true;
          expect({ id: doc.id, ajv: ajvValid }).toEqual({ id: doc.id, ajv: compiledValid });
          tally.ajvAgrees++;
          if (!compiledValid && !xmlValid) {
            tally.bothInvalid++;
            const xmlCodes = new Set(xmlResult.diagnostics.map((d) => d.code));
            if (compiledDiags.every((d) => xmlCodes.has(d.code))) tally.sameCodes++;
            else if (process.env.QXML_SHOW_MISMATCH) console.log(doc.id, compiledDiags.map((d) => `${d.code} ${d.path}`), xmlResult.diagnostics.map((d) => `${d.code} ${d.path}`));
            if (compiledDiags[0]?.path === xmlResult.diagnostics[0]?.path) tally.samePath++;
            const [c0, x0] = [compiledDiags[0], xmlResult.diagnostics[0]];
            if (c0 !== undefined && x0 !== undefined && c0.code === x0.code && c0.message === x0.message && c0.path === x0.path) tally.sameFirst++;
            else if (process.env.QXML_SHOW_FIRST && c0?.code === x0?.code) console.log(`FIRST\n  ${c0?.message}\n  ${x0?.message}`);
          }
          if (compiledValid === xmlValid) tally.xmlAgrees++;
          else if (compiledValid) tally.orderOnly.push(doc.id);
          else tally.objectStricter.push(doc.id);
        }
      }
    });
  }

  it("summary", () => {
    console.log(
      `codegen agreement: ${tally.documents} documents (fixtures + mutations); ajv = compiled validator on ${tally.ajvAgrees}; ` +
        `compiled validator = qxml validate on ${tally.xmlAgrees}; parse refused ${tally.parseRejected}; ` +
        `XML-only errors (order, invisible in the object form) ${tally.orderOnly.length}; object-only errors ${tally.objectStricter.length}`,
    );
    const kinds = new Map<string, number>();
    for (const id of tally.orderOnly) {
      const kind = id.split(" ")[1]?.split(":")[0] ?? "fixture";
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    console.log(`XML-only errors by mutation kind: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ")}`);
    const others = tally.orderOnly.filter((id) => !ORDER_ONLY_KINDS.some((k) => id.includes(` ${k}:`)));
    if (others.length > 0) console.log(`XML-only, not order: ${others.join("\n  ")}`);
    console.log(`both invalid: ${tally.bothInvalid}; the compiled validator's codes all among qxml validate's: ${tally.sameCodes}; same first path: ${tally.samePath}; same first diagnostic (code, message, path): ${tally.sameFirst}`);
    expect(others).toEqual([]);
    if (tally.objectStricter.length > 0) console.log(`object-only: ${tally.objectStricter.join("\n  ")}`);
    expect(tally.ajvAgrees).toBe(tally.documents);
    expect(tally.objectStricter).toEqual([]);
  });
});
