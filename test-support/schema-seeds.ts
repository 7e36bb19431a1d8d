/**
 * The seed schemas of the schema-mutation differential and the instances each is checked with,
 * in four families:
 *   qualys       schemas/qualys/*.xsd, *.dtd, with the fixtures of test/fixtures/qualys the catalog maps to them;
 *   typed        test/differential/schemas/typed.{xsd,dtd}, with typed-{xsd,dtd}.xml;
 *   libxml2-xsd  libxml2's test/schemas XSDs that have an expected result, with their paired instances;
 *   libxml2-dtd  libxml2's test/valid/dtds and test/dtds DTDs, with the test/valid documents whose DOCTYPE names them.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { Catalog } from "../src/schema/catalog.js";
import { sniffHead } from "../src/xml/head.js";
import { LIBXML2_DIR, REPO_ROOT } from "./paths.js";
import { loadSchemaCases } from "./suites/libxml2-schemas.js";

export type SeedFamily = "qualys" | "typed" | "libxml2-xsd" | "libxml2-dtd";
export const SEED_FAMILIES: readonly SeedFamily[] = ["qualys", "typed", "libxml2-xsd", "libxml2-dtd"];

export interface SchemaSeed {
  /** Family and file name, e.g. "libxml2-xsd/all_0.xsd": the prefix of every outcome id. */
  name: string;
  family: SeedFamily;
  language: "xsd" | "dtd";
  file: string;
  /** Documents to validate against the seed's mutants. */
  instances: string[];
}

const FIXTURES = join(REPO_ROOT, "test", "fixtures", "qualys");
const TYPED = join(REPO_ROOT, "test", "differential", "schemas");

const languageOf = (file: string): "xsd" | "dtd" => (file.endsWith(".dtd") ? "dtd" : "xsd");

function qualysSeeds(): SchemaSeed[] {
  const catalog = Catalog.bundled();
  const byFile = new Map<string, string[]>();
  for (const name of readdirSync(FIXTURES).filter((n) => n.endsWith(".xml")).sort()) {
    const file = join(FIXTURES, name);
    const head = sniffHead(readFileSync(file, "utf8"));
    const entry = head.doctype?.systemId !== undefined ? catalog.bySystemId(head.doctype.systemId) : head.root === undefined ? undefined : catalog.byRoot(head.root)[0];
    if (entry !== undefined) byFile.set(entry.file, [...(byFile.get(entry.file) ?? []), file]);
  }
  return [...byFile.keys()].sort().map((file) => ({ name: `qualys/${basename(file)}`, family: "qualys", language: languageOf(file), file, instances: byFile.get(file)! }));
}

function typedSeeds(): SchemaSeed[] {
  return (["xsd", "dtd"] as const).map((language) => ({ name: `typed/typed.${language}`, family: "typed", language, file: join(TYPED, `typed.${language}`), instances: [join(TYPED, `typed-${language}.xml`)] }));
}

function libxml2XsdSeeds(): SchemaSeed[] {
  const byXsd = new Map<string, string[]>();
  for (const c of loadSchemaCases().cases) {
    const list = byXsd.get(c.xsd) ?? [];
    if (!list.includes(c.xml)) list.push(c.xml);
    byXsd.set(c.xsd, list);
  }
  return [...byXsd.keys()].sort().map((file) => ({ name: `libxml2-xsd/${basename(file)}`, family: "libxml2-xsd", language: "xsd", file, instances: byXsd.get(file)! }));
}

function libxml2DtdSeeds(): SchemaSeed[] {
  const valid = join(LIBXML2_DIR, "test", "valid");
  const users = new Map<string, string[]>();
  for (const name of readdirSync(valid).filter((n) => n.endsWith(".xml")).sort()) {
    const file = join(valid, name);
    const doctype = sniffHead(readFileSync(file, "latin1")).doctype;
    if (doctype?.systemId === undefined) continue;
    const dtd = join(valid, doctype.systemId);
    users.set(dtd, [...(users.get(dtd) ?? []), file]);
  }
  const files = [join(valid, "dtds"), join(LIBXML2_DIR, "test", "dtds")].flatMap((d) => (existsSync(d) ? readdirSync(d).filter((n) => n.endsWith(".dtd")).sort().map((n) => join(d, n)) : []));
  return files.map((file) => ({ name: `libxml2-dtd/${basename(dirname(file))}/${basename(file)}`, family: "libxml2-dtd", language: "dtd", file, instances: users.get(file) ?? [] }));
}

export function schemaSeeds(families: readonly SeedFamily[] = SEED_FAMILIES): SchemaSeed[] {
  const out: SchemaSeed[] = [];
  if (families.includes("qualys")) out.push(...qualysSeeds());
  if (families.includes("typed")) out.push(...typedSeeds());
  if (families.includes("libxml2-xsd") && existsSync(LIBXML2_DIR)) out.push(...libxml2XsdSeeds());
  if (families.includes("libxml2-dtd") && existsSync(LIBXML2_DIR)) out.push(...libxml2DtdSeeds());
  return out;
}
