/**
 * The validity differential's seed families beyond the Qualys ones (test-support/differential.ts):
 *   libxml2-xsd    libxml2's test/schemas XSDs with their paired instances (schema mode);
 *   libxml2-dtd    libxml2's test/valid documents whose DOCTYPE names a local DTD file (doctype mode);
 *   xmlconf-valid  the xmlconf `valid` cases in scope for XML 1.0 5th edition that have a DOCTYPE
 *                  (internal and/or external subset; doctype mode).
 * Seeds need not be valid: only agreement is asked. Doctype-mode seeds carry the model of their
 * own DTD (for the mutation generator) and the folder their external entities may be read from.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { SchemaModel } from "../src/schema/model.js";
import { dtdToModel } from "../src/schema/dtd/to-model.js";
import { readString } from "../src/xml/reader.js";
import { localResolver, type EntityResolver } from "../src/xml/resolve.js";
import type { DoctypeInfo } from "../src/xml/events.js";
import { sniffHead } from "../src/xml/head.js";
import { LIBXML2_DIR, XMLCONF_DIR } from "./paths.js";
import { loadSchemaCases } from "./suites/libxml2-schemas.js";
import { outOfScope } from "./suites/xmlconf-suites.js";
import { loadXmlconf } from "./xmlconf.js";

export type ExtraSource = "libxml2-xsd" | "libxml2-dtd" | "xmlconf-valid";
export const EXTRA_SOURCES: readonly ExtraSource[] = ["libxml2-xsd", "libxml2-dtd", "xmlconf-valid"];

/** A seed of a new family: schema mode names an XSD; doctype mode reads the document's own DTD. */
export type ExtraSeed =
  | { name: string; file: string; text: string; source: ExtraSource; mode: "schema"; schema: { name: string; file: string; kind: "xsd" } }
  | { name: string; file: string; text: string; source: ExtraSource; mode: "doctype"; schemaName: string; resolveEntity: EntityResolver; model: SchemaModel | null };

/** Documents a family leaves out, with why (reported, not hidden). */
export interface ExcludedSeed {
  name: string;
  reason: string;
}

/**
 * Only UTF-8 (or ASCII) text: the engines are handed a JavaScript string, which both re-encode as
 * UTF-8, so a document declaring another encoding would be read differently from its bytes.
 */
function textIfUtf8(file: string): { text: string } | { reason: string } {
  const bytes = readFileSync(file);
  if (bytes[0] === 0xfe || bytes[0] === 0xff || bytes[1] === 0x00) return { reason: "UTF-16" };
  const text = bytes.toString("utf8");
  if (text.includes("\uFFFD")) return { reason: "not UTF-8" };
  const encoding = /^\uFEFF?<\?xml[^?]*encoding\s*=\s*["']([^"']+)/.exec(text)?.[1];
  if (encoding !== undefined && !/^(utf-?8|us-ascii)$/i.test(encoding)) return { reason: `declares encoding ${encoding}` };
  return { text };
}

/** The schema model of a document's own DTD (internal subset plus the external one), or null. */
export function doctypeModel(text: string, file: string, resolveEntity: EntityResolver): SchemaModel | null {
  let info: DoctypeInfo | undefined;
  const ignore = () => undefined;
  readString(text, { doctype: (d) => (info = d), startElement: ignore, endElement: ignore, text: ignore, diagnostic: ignore }, { file, resolveEntity, loadExternalDtd: true });
  return info?.dtd == null ? null : dtdToModel(info.dtd, file);
}

function libxml2XsdSeeds(excluded: ExcludedSeed[]): ExtraSeed[] {
  const out: ExtraSeed[] = [];
  const seen = new Set<string>();
  for (const c of loadSchemaCases().cases) {
    const key = `${c.xsd}\n${c.xml}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const read = textIfUtf8(c.xml);
    const xsd = basename(c.xsd);
    const name = `libxml2-xsd/${xsd}/${basename(c.xml)}`;
    // Both engines reject these schemas (the schema suites check that): nothing to validate against.
    if (c.expected === "schema-error") excluded.push({ name, reason: "libxml2's expected result is a schema error" });
    else if (!("text" in read)) excluded.push({ name, reason: read.reason });
    else out.push({ name, file: c.xml, text: read.text, source: "libxml2-xsd", mode: "schema", schema: { name: `libxml2-xsd/${xsd}`, file: c.xsd, kind: "xsd" } });
  }
  return out;
}

function doctypeSeed(source: ExtraSource, name: string, file: string, text: string, allow: string): ExtraSeed {
  const resolveEntity = localResolver({ allow: [allow] });
  return { name, file, text, source, mode: "doctype", schemaName: name, resolveEntity, model: doctypeModel(text, file, resolveEntity) };
}

function libxml2DtdSeeds(excluded: ExcludedSeed[]): ExtraSeed[] {
  const valid = join(LIBXML2_DIR, "test", "valid");
  const out: ExtraSeed[] = [];
  for (const n of readdirSync(valid).filter((x) => /\.(xml|xhtml)$/.test(x)).sort()) {
    const file = join(valid, n);
    const name = `libxml2-dtd/${n}`;
    const systemId = sniffHead(readFileSync(file, "latin1")).doctype?.systemId;
    if (systemId === undefined || !existsSync(resolve(dirname(file), systemId))) continue;
    const read = textIfUtf8(file);
    if ("text" in read) out.push(doctypeSeed("libxml2-dtd", name, file, read.text, join(LIBXML2_DIR, "test")));
    else excluded.push({ name, reason: read.reason });
  }
  return out;
}

function xmlconfSeeds(excluded: ExcludedSeed[]): ExtraSeed[] {
  const out: ExtraSeed[] = [];
  for (const t of loadXmlconf()) {
    if (t.type !== "valid" || outOfScope(t) !== undefined) continue;
    const name = `xmlconf-valid/${t.id}`;
    const read = textIfUtf8(t.file);
    if (!("text" in read)) {
      excluded.push({ name, reason: read.reason });
      continue;
    }
    if (sniffHead(read.text).doctype === undefined) continue;
    // libxml2-wasm reads every document with namespaces on; these cases are only well-formed without.
    if (t.namespace === "no") excluded.push({ name, reason: "NAMESPACE=no (libxml2-wasm always reads with namespaces)" });
    else out.push(doctypeSeed("xmlconf-valid", name, t.file, read.text, XMLCONF_DIR));
  }
  return out;
}

export function extraSeeds(sources: readonly ExtraSource[]): { seeds: ExtraSeed[]; excluded: ExcludedSeed[] } {
  const excluded: ExcludedSeed[] = [];
  const seeds: ExtraSeed[] = [];
  if (sources.includes("libxml2-xsd") && existsSync(LIBXML2_DIR)) seeds.push(...libxml2XsdSeeds(excluded));
  if (sources.includes("libxml2-dtd") && existsSync(LIBXML2_DIR)) seeds.push(...libxml2DtdSeeds(excluded));
  if (sources.includes("xmlconf-valid") && existsSync(XMLCONF_DIR)) seeds.push(...xmlconfSeeds(excluded));
  return { seeds, excluded };
}
