/**
 * From a name or path to a schema model: a bundled or user catalog name, or a .dtd/.xsd file.
 * Models are cached per absolute path for the life of the process (a CLI run validates many
 * files against few schemas).
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Catalog, CatalogEntry } from "./catalog.js";
import type { SchemaModel } from "./model.js";
import { readDtdSchema } from "./dtd/index.js";
import { readXsdFile } from "./xsd/index.js";

export interface LoadedSchema {
  /** Catalog name, or the path as the user gave it. */
  name: string;
  file: string;
  kind: "dtd" | "xsd";
  entry?: CatalogEntry;
  /** null when the schema could not be read (see diagnostics). */
  model: SchemaModel | null;
  diagnostics: Diagnostic[];
}

const cache = new Map<string, { model: SchemaModel | null; diagnostics: Diagnostic[] }>();

/** Reads a schema file as `--schema` does, every time (no cache: for callers whose file changes). */
export function readSchemaFileFresh(file: string, kind: "dtd" | "xsd"): { model: SchemaModel | null; diagnostics: Diagnostic[] } {
  const abs = resolve(file);
  // A schema file is read as a compiler reads source: every DTD syntax error in one run.
  return kind === "dtd" ? readDtdSchema(abs, { recover: true }) : readXsdFile(abs);
}

export function readSchemaFile(file: string, kind: "dtd" | "xsd"): { model: SchemaModel | null; diagnostics: Diagnostic[] } {
  const abs = resolve(file);
  let hit = cache.get(abs);
  if (hit === undefined) {
    hit = readSchemaFileFresh(abs, kind);
    cache.set(abs, hit);
  }
  return hit;
}

export function kindFromPath(path: string): "dtd" | "xsd" | undefined {
  const p = path.toLowerCase();
  if (p.endsWith(".xsd")) return "xsd";
  if (p.endsWith(".dtd")) return "dtd";
  return undefined;
}

/** Resolves `ref` (a catalog name or a schema file path); undefined when it is neither. */
export function loadSchema(ref: string, catalog: Catalog): LoadedSchema | undefined {
  const entry = catalog.byName(ref);
  if (entry !== undefined) return loadEntry(entry);
  const kind = kindFromPath(ref);
  if (kind === undefined || !existsSync(ref)) return undefined;
  const { model, diagnostics } = readSchemaFile(ref, kind);
  return { name: ref, file: resolve(ref), kind, model, diagnostics };
}

export function loadEntry(entry: CatalogEntry): LoadedSchema {
  const { model, diagnostics } = readSchemaFile(entry.file, entry.kind);
  return { name: entry.name, file: entry.file, kind: entry.kind, entry, model, diagnostics };
}
