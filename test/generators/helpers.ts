/** Shared by the generator tests: render bundled schemas into a scratch folder, find fixtures, compare XML. */
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { bundledCatalog, type CatalogEntry } from "../../src/schema/catalog.js";
import { readSchemaFile } from "../../src/schema/load.js";
import type { SchemaModel } from "../../src/schema/model.js";
import { isElement, parseTree, type XmlElement } from "../../src/xml/tree.js";
import { renderSchema } from "../../generators/render.js";
import { writeRendered } from "../../generators/write.js";

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, "../..");
export const fixturesDir = join(repoRoot, "test/fixtures/qualys");
export const runtimeEntry = join(repoRoot, "generators/runtime/index.js");

export function entry(name: string): CatalogEntry {
  const e = bundledCatalog().find((x) => x.name === name);
  if (e === undefined) throw new Error(`no bundled schema ${name}`);
  return e;
}

export function model(name: string): SchemaModel {
  const e = entry(name);
  const { model: m, diagnostics } = readSchemaFile(e.file, e.kind);
  if (m === null) throw new Error(`${name}: ${diagnostics.map((d) => d.message).join("; ")}`);
  return m;
}

/** Renders bundled schemas into test/generators/.out/<folder> (gitignored), importing the runtime by absolute path. */
export function renderTo(folder: string, names: string[]): string {
  const out = join(here, ".out", folder);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const name of names) {
    const e = entry(name);
    writeRendered(out, renderSchema(model(name), { name, sourceLabel: `schemas/${name}`, roots: e.roots, runtime: runtimeEntry }));
  }
  return out;
}

/** The bundled schema a fixture belongs to: its DOCTYPE system id, else an XSD whose roots include its root. */
export function schemaOfFixture(xml: string, catalog: CatalogEntry[] = bundledCatalog()): CatalogEntry | undefined {
  const doctype = /<!DOCTYPE\s+\S+\s+SYSTEM\s+"([^"]+)"/.exec(xml);
  if (doctype !== null) return catalog.find((e) => e.systemIds.includes(doctype[1]));
  const root = /<([A-Za-z_][\w.-]*)[\s>/]/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ""));
  return catalog.find((e) => e.kind === "xsd" && root !== null && e.roots.includes(root[1]));
}

export function fixtures(): { file: string; xml: string; schema: CatalogEntry }[] {
  const catalog = bundledCatalog();
  return readdirSync(fixturesDir)
    .filter((f) => f.endsWith(".xml"))
    .sort()
    .map((file) => {
      const xml = readFileSync(join(fixturesDir, file), "utf8");
      const schema = schemaOfFixture(xml, catalog);
      if (schema === undefined) throw new Error(`${file}: no bundled schema`);
      return { file, xml, schema };
    });
}

function canonicalText(s: string): string {
  const t = s.replace(/\s+/g, " ").trim();
  if (t === "true" || t === "1") return "true";
  if (t === "false" || t === "0") return "false";
  return t !== "" && Number.isFinite(Number(t)) && /^[+-]?[\d.]+([eE][+-]?\d+)?$/.test(t) ? String(Number(t)) : t;
}

/**
 * Differences between two documents in canonical form: element names and order, attributes,
 * text (whitespace collapsed, numbers and booleans by value); whitespace-only text beside child
 * elements is ignored. Iterative, so deep documents cannot overflow the stack.
 */
export function canonicalDiff(a: string, b: string): string[] {
  const diffs: string[] = [];
  const stack: [XmlElement, XmlElement, string][] = [[parseTree(a, "a.xml"), parseTree(b, "b.xml"), ""]];
  while (stack.length > 0 && diffs.length < 10) {
    const [x, y, parent] = stack.pop()!;
    const path = `${parent}/${x.name}`;
    if (x.name !== y.name) {
      diffs.push(`${path}: element <${x.name}> became <${y.name}>`);
      continue;
    }
    const ax = [...x.attributes.values()].map((at) => `${at.name}=${canonicalText(at.value)}`).sort();
    const ay = [...y.attributes.values()].map((at) => `${at.name}=${canonicalText(at.value)}`).sort();
    if (ax.join("|") !== ay.join("|")) diffs.push(`${path}: attributes ${ax.join(" ")} became ${ay.join(" ")}`);
    const kx = x.children.filter(isElement);
    const ky = y.children.filter(isElement);
    const tx = canonicalText(x.children.map((c) => (!isElement(c) && c.kind === "text" ? c.text : "")).join(""));
    const ty = canonicalText(y.children.map((c) => (!isElement(c) && c.kind === "text" ? c.text : "")).join(""));
    if (tx !== ty) diffs.push(`${path}: text "${tx}" became "${ty}"`);
    if (kx.map((k) => k.name).join(",") !== ky.map((k) => k.name).join(",")) {
      diffs.push(`${path}: children ${kx.map((k) => k.name).join(",")} became ${ky.map((k) => k.name).join(",")}`);
      continue;
    }
    for (let i = kx.length - 1; i >= 0; i--) stack.push([kx[i], ky[i], path]);
  }
  return diffs;
}

export { strictOptions } from "../../test-support/ts-strict.js";

/** A program's diagnostics as "file: message" lines. */
export function diagnosticLines(program: ts.Program): string[] {
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
}
