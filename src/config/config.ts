/**
 * qxml.config.json, in the manner of eslint's config: rule severities, file globs to schemas,
 * and extra catalog entries. Every error names the file and the line, and the command exits 2.
 *
 * {
 *   "rules":   { "qualys/empty-remediation": "off", "qualys/count-mismatch": "error" },
 *   "schemas": [ { "files": "profiles/**\/*.xml", "schema": "option_profiles" } ],
 *   "catalog": [ { "name": "my_op", "file": "dtd/option_profile_info.dtd",
 *                  "systemIds": ["https://qualysapi.qg2.apps.qualys.com/api/2.0/..."], "roots": ["OPTION_PROFILES"] } ]
 * }
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { bundledCatalog, catalogEntries, type CatalogEntry } from "../schema/catalog.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { globToRegExp } from "../cli/files.js";

export type RuleSetting = "off" | "warn" | "error";

export interface SchemaMapping {
  files: RegExp;
  pattern: string;
  schema: string;
}

export interface QxmlConfig {
  file: string | null;
  rules: Record<string, RuleSetting>;
  schemas: SchemaMapping[];
  catalog: CatalogEntry[];
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    /** The message without the location. */
    readonly detail: string,
  ) {
    // Line 0: the error is about the file as a whole (e.g. it does not exist).
    super(line === 0 ? `${file}: ${detail}` : `${file}:${line}:${column}: ${detail}`);
  }
}

/** `, did you mean "x"?` when one of `candidates` is close to `found`, else "". */
function suggestion(found: string, candidates: Iterable<string>): string {
  const near = didYouMean(found, candidates);
  return near === undefined ? "" : `; did you mean "${near}"?`;
}

export const CONFIG_NAME = "qxml.config.json";

export const emptyConfig = (): QxmlConfig => ({ file: null, rules: {}, schemas: [], catalog: [] });

function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split("\n");
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** Where a key (or, failing that, a value) is written, for error messages on a parsed config. */
function locate(text: string, needle: string): { line: number; column: number } {
  const i = text.indexOf(JSON.stringify(needle));
  return i === -1 ? { line: 1, column: 1 } : lineColumnAt(text, i);
}

const SETTINGS: readonly string[] = ["off", "warn", "error"];
const KEYS: readonly string[] = ["rules", "schemas", "catalog", "$schema"];
const SEVERITY_WORDS: Record<string, string> = { warning: "warn", info: "warn", none: "off", disabled: "off", false: "off", "0": "off", "1": "warn", "2": "error" };

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

export function parseConfig(text: string, file: string, knownRules?: ReadonlySet<string>): QxmlConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const at = m ? lineColumnAt(text, Number(m[1])) : { line: 1, column: 1 };
    throw new ConfigError(file, at.line, at.column, `not valid JSON: ${(e as Error).message.replace(/ (?:in JSON )?at position \d+.*$/, "")}`);
  }
  const fail = (needle: string, message: string): never => {
    const at = locate(text, needle);
    throw new ConfigError(file, at.line, at.column, message);
  };
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new ConfigError(file, 1, 1, "the config must be a JSON object");
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!KEYS.includes(key)) fail(key, `unknown key "${key}" (known: rules, schemas, catalog)${suggestion(key, KEYS)}`);
  }
  const config = emptyConfig();
  config.file = file;
  const baseDir = dirname(file);
  /** Each "schemas" entry's schema as written, for locating errors. */
  const written: string[] = [];

  if (obj.rules !== undefined) {
    if (typeof obj.rules !== "object" || obj.rules === null || Array.isArray(obj.rules)) fail("rules", `"rules" must be an object of rule id → "off" | "warn" | "error"`);
    for (const [id, setting] of Object.entries(obj.rules as Record<string, unknown>)) {
      if (knownRules !== undefined && !knownRules.has(id)) {
        const near = didYouMean(id, knownRules) ?? didYouMean(`qualys/${id}`, knownRules);
        fail(id, `unknown rule "${id}"${near === undefined ? " (the rules are listed in docs/rules/README.md)" : `; did you mean "${near}"?`}`);
      }
      if (typeof setting !== "string" || !SETTINGS.includes(setting)) {
        const near = SEVERITY_WORDS[String(setting)];
        fail(id, `rule "${id}": severity must be "off", "warn" or "error"; got ${JSON.stringify(setting)}${near === undefined ? "" : `; did you mean "${near}"?`}`);
      }
      config.rules[id] = setting as RuleSetting;
    }
  }
  if (obj.schemas !== undefined) {
    if (!Array.isArray(obj.schemas)) fail("schemas", `"schemas" must be an array of { "files": "<glob>", "schema": "<name|path>" }`);
    for (const m of obj.schemas as unknown[]) {
      const e = m as Record<string, unknown>;
      if (typeof e?.files !== "string" || typeof e?.schema !== "string") fail("schemas", `each "schemas" entry needs "files" (a glob) and "schema" (a name or path)`);
      const schema = /\.(xsd|dtd)$/i.test(e.schema as string) ? resolve(baseDir, e.schema as string) : (e.schema as string);
      config.schemas.push({ files: globToRegExp(e.files as string), pattern: e.files as string, schema });
      written.push(e.schema as string);
    }
  }
  if (obj.catalog !== undefined) {
    if (!Array.isArray(obj.catalog)) fail("catalog", `"catalog" must be an array of { "name", "file", "systemIds"?, "roots"? }`);
    for (const c of obj.catalog as unknown[]) {
      const e = c as Record<string, unknown>;
      if (typeof e?.name !== "string" || typeof e?.file !== "string") fail("catalog", `each "catalog" entry needs "name" and "file"`);
      for (const key of ["systemIds", "roots"]) {
        if (e[key] !== undefined && !isStringArray(e[key])) fail(key, `catalog entry "${e.name as string}": "${key}" must be an array of strings, e.g. ["${key === "roots" ? "OPTION_PROFILES" : "https://…/option_profile_info.dtd"}"]`);
      }
      if (e.kind !== undefined && e.kind !== "dtd" && e.kind !== "xsd") fail("kind", `catalog entry "${e.name as string}": "kind" must be "dtd" or "xsd"; got ${JSON.stringify(e.kind)}`);
      if (e.kind === undefined && !/\.(xsd|dtd)$/i.test(e.file as string)) fail(e.file as string, `catalog entry "${e.name as string}": "${e.file as string}" is not a .dtd or .xsd file (give "kind": "dtd" or "xsd" if it is one)`);
      const entry = catalogEntries([e as never], baseDir, file)[0];
      if (!existsSync(entry.file)) fail(e.file as string, `catalog entry "${entry.name}": no such file ${entry.file}`);
      config.catalog.push(entry);
    }
  }
  // A mapping to a schema that does not exist would otherwise be skipped without a word.
  const names = [...config.catalog.map((c) => c.name), ...bundledCatalog().map((c) => c.name)];
  config.schemas.forEach((m, i) => {
    if (isAbsolute(m.schema)) {
      if (!existsSync(m.schema)) fail(written[i], `"schemas" entry for "${m.pattern}": no such file ${m.schema}`);
    } else if (!names.includes(m.schema)) {
      fail(written[i], `"schemas" entry for "${m.pattern}": "${m.schema}" is neither a schema name (${names.join(", ")}) nor a .dtd/.xsd path${suggestion(m.schema, names)}`);
    }
  });
  return config;
}

/** The explicit --config file, else ./qxml.config.json when present, else the empty config. */
export function loadConfig(explicit: string | undefined, cwd: string, knownRules?: ReadonlySet<string>): QxmlConfig {
  const file = explicit !== undefined ? resolve(cwd, explicit) : join(cwd, CONFIG_NAME);
  if (!existsSync(file)) {
    if (explicit !== undefined) throw new ConfigError(file, 0, 0, "config file not found (--config names a file that does not exist)");
    return emptyConfig();
  }
  // Editors on Windows often save JSON with a byte order mark; JSON.parse refuses it.
  return parseConfig(readFileSync(file, "utf8").replace(/^\uFEFF/, ""), file, knownRules);
}

/** The schema the config maps a file to (first matching glob), relative to the config's folder. */
export function schemaForFile(config: QxmlConfig, file: string, cwd: string): string | undefined {
  if (config.schemas.length === 0) return undefined;
  const base = config.file !== null ? dirname(config.file) : cwd;
  const rel = relative(base, resolve(cwd, file)).split("\\").join("/");
  // A file outside the config's folder matches no glob of it.
  if (rel.startsWith("../") || isAbsolute(rel)) return undefined;
  return config.schemas.find((m) => m.files.test(rel))?.schema;
}
