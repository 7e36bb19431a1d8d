/**
 * Verdicts on every fixture and every mutation the differential harness makes of it
 * (test-support/mutate.ts), three ways:
 *  - through parse: `parseX` records each element's child order, and the compiled validator runs the
 *    engine's content models over it: it must agree with `qxml validate` on the XML, verdict and first
 *    diagnostic (code, message, path), on every document;
 *  - order-free (the same objects without their recorded order, as objects built by hand are): ajv
 *    (JSON Schema 2020-12, strict mode) and the compiled validator must agree exactly. JSON Schema
 *    cannot state child order, so this agreement is on order-free objects; they may accept a document
 *    whose only error is order (counted, never the other way round).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020Module from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { key, type Diag } from "../../test-support/codegen-breadth.js";
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
/** Mutation kinds whose XML error an order-free object cannot show. */
const ORDER_ONLY_KINDS = ["reorder-element"];

type Module = Record<string, (...args: unknown[]) => unknown>;
const errors = (ds: Diag[]): Diag[] => ds.filter((d) => d.severity === "error");

interface Tally {
  documents: number;
  parseRejected: number;
  bothInvalid: number;
  /** Through parse (recorded order). */
  verdictDiffers: string[];
  firstDiffers: string[];
  sameAll: number;
  listDiffers: string[];
  /** Order-free objects. */
  ajvDiffers: string[];
  freeAgrees: number;
  freeOrderOnly: string[];
  freeStricter: string[];
  freeSameFirst: number;
}

describe("the compiled validator agrees with qxml validate through parse, and with ajv on order-free objects", () => {
  const tally: Tally = { documents: 0, parseRejected: 0, bothInvalid: 0, verdictDiffers: [], firstDiffers: [], sameAll: 0, listDiffers: [], ajvDiffers: [], freeAgrees: 0, freeOrderOnly: [], freeStricter: [], freeSameFirst: 0 };

  for (const name of names) {
    it(name, async () => {
      const m = model(name);
      const compiled = compileSchema(m).schema;
      const form = schemaForm(m);
      const parse = (await import(join(out, name, "parse.ts"))) as Module;
      const validate = (await import(join(out, name, "validate.ts"))) as Module;
      const jsonSchema = JSON.parse(readFileSync(join(out, name, "schema.json"), "utf8")) as object;
      const ajvValidate = new Ajv2020({ strict: true, allErrors: true }).compile(jsonSchema);
      for (const fx of all.filter((f) => f.schema.name === name)) {
        const root = fx.schema.roots.find((r) => fx.xml.includes(`<${r}`))!;
        const t = childForm(form, m.globalElements[root]).typeName;
        const docs = [{ id: fx.file, xml: fx.xml }, ...mutate(m, fx.xml, { max: MUTATIONS_PER_FIXTURE, seed: 7, file: fx.file }).map((x) => ({ id: `${fx.file} ${x.id}`, xml: x.xml }))];
        for (const doc of docs) {
          tally.documents++;
          const xml = validateString(doc.xml, { file: doc.id, schema: compiled });
          let value: unknown;
          try {
            value = parse[`parse${t}`](doc.xml);
          } catch {
            // A renamed root: the parser refuses it, and so does the XML validator.
            tally.parseRejected++;
            expect(xml.valid, doc.id).toBe(false);
            continue;
          }
          // Through parse: the recorded order is used.
          const ordered = errors(validate[`validate${t}`](value) as Diag[]);
          const xmlErrors = errors(xml.diagnostics as Diag[]);
          if ((ordered.length === 0) !== xml.valid) tally.verdictDiffers.push(`${doc.id}: object ${key(ordered[0])} / xml ${key(xmlErrors[0])}`);
          if (ordered.length > 0 && !xml.valid) {
            tally.bothInvalid++;
            if (key(ordered[0]) !== key(xmlErrors[0])) tally.firstDiffers.push(`${doc.id}\n    object: ${key(ordered[0])}\n    xml:    ${key(xmlErrors[0])}`);
            if (ordered.map(key).join("\n") === xmlErrors.map(key).join("\n")) tally.sameAll++;
            else tally.listDiffers.push(`${doc.id}\n    object: ${ordered.map(key).join("\n            ")}\n    xml:    ${xmlErrors.map(key).join("\n            ")}`);
          }
          // Order-free: structuredClone drops the Symbol-keyed order, as an object built by hand has none.
          const free = structuredClone(value);
          const freeErrors = errors(validate[`validate${t}`](free) as Diag[]);
          const freeValid = freeErrors.length === 0;
          if ((ajvValidate(free) === true) !== freeValid) tally.ajvDiffers.push(doc.id);
          if (freeValid === xml.valid) tally.freeAgrees++;
          else if (freeValid) tally.freeOrderOnly.push(doc.id);
          else tally.freeStricter.push(doc.id);
          if (!freeValid && !xml.valid && key(freeErrors[0]) === key(xmlErrors[0])) tally.freeSameFirst++;
        }
      }
    });
  }

  it("summary", () => {
    const parsed = tally.documents - tally.parseRejected;
    console.log(
      `codegen agreement: ${tally.documents} documents (fixtures + ${MUTATIONS_PER_FIXTURE} mutations each), ${tally.parseRejected} refused by parse (and invalid XML).\n` +
        `  through parse (recorded order): verdict = qxml validate on ${parsed - tally.verdictDiffers.length}/${parsed}; both invalid ${tally.bothInvalid}, ` +
        `same first diagnostic (code, message, path) ${tally.bothInvalid - tally.firstDiffers.length}/${tally.bothInvalid}, same full error list ${tally.sameAll}/${tally.bothInvalid}\n` +
        `  order-free objects: ajv = compiled validator on ${parsed - tally.ajvDiffers.length}/${parsed}; verdict = qxml validate on ${tally.freeAgrees}/${parsed} ` +
        `(order-only XML errors ${tally.freeOrderOnly.length}, object-only ${tally.freeStricter.length}); same first diagnostic ${tally.freeSameFirst}`,
    );
    if (tally.verdictDiffers.length > 0) console.log(`verdicts differ:\n  ${tally.verdictDiffers.join("\n  ")}`);
    if (tally.listDiffers.length > 0) console.log(`error lists differ (after the first):\n  ${tally.listDiffers.join("\n  ")}`);
    if (tally.firstDiffers.length > 0) console.log(`first diagnostics differ:\n  ${tally.firstDiffers.join("\n  ")}`);
    expect(tally.verdictDiffers).toEqual([]);
    expect(tally.firstDiffers).toEqual([]);
    expect(tally.listDiffers).toEqual([]);
    expect(tally.ajvDiffers).toEqual([]);
    // Order-free objects lose only order errors, never gain an error the XML does not have.
    expect(tally.freeOrderOnly.filter((id) => !ORDER_ONLY_KINDS.some((k) => id.includes(` ${k}:`)))).toEqual([]);
    expect(tally.freeStricter).toEqual([]);
  });
});
