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
import { dirname, join, resolve } from "node:path";
import { catalogEntries, type CatalogEntry } from "../schema/catalog.js";
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
    message: string,
  ) {
    super(`${file}:${line}:${column}: ${message}`);
  }
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

export function parseConfig(text: string, file: string, knownRules?: ReadonlySet<string>): QxmlConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const at = m ? lineColumnAt(text, Number(m[1])) : { line: 1, column: 1 };
    throw new ConfigError(file, at.line, at.column, `not valid JSON: ${(e as Error).message.replace(/ in JSON at position \d+.*$/, "")}`);
  }
  const fail = (needle: string, message: string): never => {
    const at = locate(text, needle);
    throw new ConfigError(file, at.line, at.column, message);
  };
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new ConfigError(file, 1, 1, "the config must be a JSON object");
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!["rules", "schemas", "catalog", "$schema"].includes(key)) fail(key, `unknown key "${key}" (known: rules, schemas, catalog)`);
  }
  const config = emptyConfig();
  config.file = file;
  const baseDir = dirname(file);

  if (obj.rules !== undefined) {
    if (typeof obj.rules !== "object" || obj.rules === null || Array.isArray(obj.rules)) fail("rules", `"rules" must be an object of rule id → "off" | "warn" | "error"`);
    for (const [id, setting] of Object.entries(obj.rules as Record<string, unknown>)) {
      if (knownRules !== undefined && !knownRules.has(id)) fail(id, `unknown rule "${id}"`);
      if (typeof setting !== "string" || !SETTINGS.includes(setting)) fail(id, `rule "${id}": severity must be "off", "warn" or "error"; got ${JSON.stringify(setting)}`);
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
    }
  }
  if (obj.catalog !== undefined) {
    if (!Array.isArray(obj.catalog)) fail("catalog", `"catalog" must be an array of { "name", "file", "systemIds"?, "roots"? }`);
    for (const c of obj.catalog as unknown[]) {
      const e = c as Record<string, unknown>;
      if (typeof e?.name !== "string" || typeof e?.file !== "string") fail("catalog", `each "catalog" entry needs "name" and "file"`);
      const entry = catalogEntries([e as never], baseDir, file)[0];
      if (!existsSync(entry.file)) fail(e.file as string, `catalog entry "${entry.name}": no such file ${entry.file}`);
      config.catalog.push(entry);
    }
  }
  return config;
}

/** The explicit --config file, else ./qxml.config.json when present, else the empty config. */
export function loadConfig(explicit: string | undefined, cwd: string, knownRules?: ReadonlySet<string>): QxmlConfig {
  const file = explicit !== undefined ? resolve(cwd, explicit) : join(cwd, CONFIG_NAME);
  if (!existsSync(file)) {
    if (explicit !== undefined) throw new ConfigError(file, 1, 1, "config file not found");
    return emptyConfig();
  }
  return parseConfig(readFileSync(file, "utf8"), file, knownRules);
}

/** The schema the config maps a file to (first matching glob), relative to the config's folder. */
export function schemaForFile(config: QxmlConfig, file: string, cwd: string): string | undefined {
  const base = config.file !== null ? dirname(config.file) : cwd;
  const rel = resolve(cwd, file).slice(base.length + 1).split("\\").join("/");
  return config.schemas.find((m) => m.files.test(rel))?.schema;
}
