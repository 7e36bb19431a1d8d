/**
 * The schemas the codegen breadth harness points `qxml generate` at, each with the documents it
 * is compared on, in four families:
 *   libxml2-xsd  libxml2 test/schemas/*.xsd (every one, paired or not), with the instances its .err files pair with it;
 *   libxml2-dtd  every .dtd of libxml2's test/ (test/dtds, test/valid/dtds, ...), with the test/valid documents whose DOCTYPE names them;
 *   xmlconf-dtd  every .dtd of xmlconf, with the valid cases whose DOCTYPE names it (DTDs of invalid or
 *                not-wf cases, and fragments, are generated or refused like any other: never a crash);
 *   corpus       the .dtd/.xsd files of ../shared/corpus, a DTD with the corpus payloads whose root it
 *                declares (their DOCTYPEs name Qualys URLs: they are validated against the DTD itself).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { sniffHead } from "../src/xml/head.js";
import { LIBXML2_DIR, SHARED_DIR, XMLCONF_DIR } from "./paths.js";
import { schemaSeeds } from "./schema-seeds.js";
import { loadSchemaCases } from "./suites/libxml2-schemas.js";
import { loadXmlconf } from "./xmlconf.js";

export type BreadthFamily = "libxml2-xsd" | "libxml2-dtd" | "xmlconf-dtd" | "corpus";
export const BREADTH_FAMILIES: readonly BreadthFamily[] = ["libxml2-xsd", "libxml2-dtd", "xmlconf-dtd", "corpus"];

export interface BreadthSchema {
  /** Family and path below the family's folder, e.g. "libxml2-xsd/any1_0.xsd": stable across machines. */
  id: string;
  family: BreadthFamily;
  kind: "dtd" | "xsd";
  file: string;
  documents: string[];
  /** How `qxml validate` reads a DTD document: by its own DOCTYPE (default), or against this schema. */
  validateBy?: "doctype" | "schema";
}

function libxml2Xsds(): BreadthSchema[] {
  const dir = join(LIBXML2_DIR, "test", "schemas");
  const pairs = new Map<string, string[]>();
  for (const c of loadSchemaCases().cases) {
    const list = pairs.get(c.xsd) ?? [];
    if (!list.includes(c.xml)) list.push(c.xml);
    pairs.set(c.xsd, list);
  }
  return readdirSync(dir)
    .filter((n) => n.endsWith(".xsd"))
    .sort()
    .map((n) => ({ id: `libxml2-xsd/${n}`, family: "libxml2-xsd", kind: "xsd", file: join(dir, n), documents: pairs.get(join(dir, n)) ?? [] }));
}

/** Every file below `dir` whose name ends in .dtd, sorted (iterative walk). */
function dtdFiles(dir: string): string[] {
  return filesEndingIn(dir, ".dtd");
}

/** Every file below `dir` whose name ends in `suffix`, sorted (iterative walk). */
function filesEndingIn(dir: string, suffix: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop()!;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) stack.push(join(d, e.name));
      else if (e.name.toLowerCase().endsWith(suffix)) out.push(join(d, e.name));
    }
  }
  return out.sort();
}

function libxml2Dtds(): BreadthSchema[] {
  const seeds = schemaSeeds(["libxml2-dtd"]);
  const documents = new Map(seeds.map((s) => [s.file, s.instances]));
  const test = join(LIBXML2_DIR, "test");
  return dtdFiles(test).map((file) => ({ id: `libxml2-dtd/${relative(test, file)}`, family: "libxml2-dtd", kind: "dtd", file, documents: documents.get(file) ?? [] }));
}

function xmlconfDtds(): BreadthSchema[] {
  const users = new Map<string, string[]>();
  for (const t of loadXmlconf()) {
    if (t.type !== "valid" || !existsSync(t.file)) continue;
    const systemId = sniffHead(readFileSync(t.file, "latin1")).doctype?.systemId;
    if (systemId === undefined || !systemId.toLowerCase().endsWith(".dtd") || /^[a-z]+:/i.test(systemId)) continue;
    const dtd = resolve(dirname(t.file), systemId);
    if (!existsSync(dtd)) continue;
    users.set(dtd, [...(users.get(dtd) ?? []), t.file]);
  }
  return dtdFiles(XMLCONF_DIR).map((file) => ({ id: `xmlconf-dtd/${relative(XMLCONF_DIR, file)}`, family: "xmlconf-dtd", kind: "dtd", file, documents: users.get(file) ?? [] }));
}

function corpusSchemas(): BreadthSchema[] {
  const root = join(SHARED_DIR, "corpus");
  const payloads = filesEndingIn(root, ".xml").map((file) => ({ file, root: sniffHead(readFileSync(file, "latin1")).root }));
  const out: BreadthSchema[] = [];
  for (const folder of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const n of readdirSync(join(root, folder)).sort()) {
      const kind = n.endsWith(".xsd") ? "xsd" : n.endsWith(".dtd") ? "dtd" : undefined;
      if (kind === undefined) continue;
      const file = join(root, folder, n);
      const text = kind === "dtd" ? readFileSync(file, "latin1") : "";
      const documents = kind === "dtd" ? payloads.filter((p) => p.root !== undefined && new RegExp(`<!ELEMENT\\s+${p.root}[\\s(]`).test(text)).map((p) => p.file) : [];
      out.push({ id: `corpus/${folder}/${basename(n)}`, family: "corpus", kind, file, documents, validateBy: "schema" });
    }
  }
  return out;
}

export function breadthSchemas(families: readonly BreadthFamily[] = BREADTH_FAMILIES): BreadthSchema[] {
  if (!existsSync(LIBXML2_DIR)) return [];
  const out: BreadthSchema[] = [];
  if (families.includes("libxml2-xsd")) out.push(...libxml2Xsds());
  if (families.includes("libxml2-dtd")) out.push(...libxml2Dtds());
  if (families.includes("xmlconf-dtd") && existsSync(XMLCONF_DIR)) out.push(...xmlconfDtds());
  if (families.includes("corpus") && existsSync(join(SHARED_DIR, "corpus"))) out.push(...corpusSchemas());
  return out;
}
