/**
 * The catalog: which schema file a document means. Maps the system identifiers Qualys puts in
 * DOCTYPEs (the same path on any platform host: qualysapi.qualys.com, qualysapi.qg2.apps.qualys.com,
 * ...) and root element names to schema files: the bundled ones in schemas/catalog.json plus the
 * user's own entries from qxml.config.json.
 */
import { readFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { packageRoot } from "../package-root.js";

export type SchemaPurpose = "export" | "import" | "response";

export interface CatalogEntry {
  name: string;
  /** Absolute path of the schema file. */
  file: string;
  kind: "dtd" | "xsd";
  roots: string[];
  systemIds: string[];
  purpose?: SchemaPurpose;
  description?: string;
  /** "bundled" or the config file the entry came from. */
  source: string;
}

interface CatalogFileEntry {
  name: string;
  file: string;
  kind?: "dtd" | "xsd";
  roots?: string[];
  systemIds?: string[];
  purpose?: SchemaPurpose;
  description?: string;
}

export const bundledSchemasDir = join(packageRoot, "schemas");

function kindOf(file: string): "dtd" | "xsd" {
  return file.toLowerCase().endsWith(".xsd") ? "xsd" : "dtd";
}

/** Turns raw entries (from catalog.json or a config file) into catalog entries with absolute paths. */
export function catalogEntries(raw: CatalogFileEntry[], baseDir: string, source: string): CatalogEntry[] {
  return raw.map((e) => {
    const file = isAbsolute(e.file) ? e.file : resolve(baseDir, e.file);
    return {
      name: e.name,
      file,
      kind: e.kind ?? kindOf(file),
      roots: e.roots ?? [],
      systemIds: e.systemIds ?? [],
      purpose: e.purpose,
      description: e.description,
      source,
    };
  });
}

export function bundledCatalog(): CatalogEntry[] {
  const raw = JSON.parse(readFileSync(join(bundledSchemasDir, "catalog.json"), "utf8")) as CatalogFileEntry[];
  return catalogEntries(raw, bundledSchemasDir, "bundled");
}

/** The path part of an http(s) URL, so one entry serves every Qualys platform host. */
function urlPath(systemId: string): string | undefined {
  if (!/^https?:\/\//i.test(systemId)) return undefined;
  try {
    return new URL(systemId).pathname;
  } catch {
    return undefined;
  }
}

export class Catalog {
  private folderList: string[] | undefined;

  /** User entries first: they override bundled ones of the same name, system id or root. */
  constructor(readonly entries: CatalogEntry[]) {}

  /** The folders the entries' files are in, each once (where a document's DTDs may be read from). */
  get folders(): readonly string[] {
    return (this.folderList ??= [...new Set(this.entries.map((e) => dirname(e.file)))]);
  }

  static bundled(): Catalog {
    return new Catalog(bundledCatalog());
  }

  withEntries(extra: CatalogEntry[]): Catalog {
    return new Catalog([...extra, ...this.entries]);
  }

  byName(name: string): CatalogEntry | undefined {
    return this.entries.find((e) => e.name === name);
  }

  bySystemId(systemId: string): CatalogEntry | undefined {
    const exact = this.entries.find((e) => e.systemIds.includes(systemId));
    if (exact !== undefined) return exact;
    const path = urlPath(systemId);
    if (path === undefined) return undefined;
    return this.entries.find((e) => e.systemIds.some((s) => urlPath(s) === path));
  }

  /** Entries whose root elements include `root`; import schemas first (what users validate before upload). */
  byRoot(root: string): CatalogEntry[] {
    const rank = (e: CatalogEntry) => (e.purpose === "import" ? 0 : e.purpose === "response" ? 1 : 2);
    return this.entries.filter((e) => e.roots.includes(root)).sort((a, b) => rank(a) - rank(b));
  }

  /** Maps a system identifier to a local file, for the entity resolver. */
  mapSystemId = (systemId: string): string | undefined => this.bySystemId(systemId)?.file;
}
