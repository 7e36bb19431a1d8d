/**
 * External entity resolution. Validation never touches the network: a system identifier is
 * read only when it maps (through the catalog) or resolves (relative to its base) to a local
 * file inside one of the allowed folders. Everything else is refused with a reason.
 */
import { realpathSync } from "node:fs";

// The C library's realpath: the JavaScript one lstat's every component of the path, which was a
// twentieth of a run over two thousand small documents (each resolves its DTD).
const realpath = realpathSync.native;
import { dirname, isAbsolute, resolve as resolvePath, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { readWholeFile } from "./whole-file.js";

export interface ResolvedEntity {
  /** Absolute path of the file read; it becomes the base for identifiers inside it. */
  file: string;
  bytes: Uint8Array;
}

export interface ResolveRefusal {
  error: string;
}

/**
 * Resolves an external identifier. `base` is the path of the file (document, DTD or entity)
 * whose declaration holds the identifier.
 */
export type EntityResolver = (systemId: string, publicId: string | undefined, base: string) => ResolvedEntity | ResolveRefusal;

export interface LocalResolverOptions {
  /** Folders (absolute) under which files may be read. */
  allow: readonly string[];
  /** System identifier (URL) → local file, e.g. the catalog's Qualys DTD URLs. */
  map?: (systemId: string, publicId: string | undefined) => string | undefined;
  /** Reads a file the checks allowed (default readWholeFile; a run shares DtdCache's). */
  read?: (file: string) => Uint8Array;
}

export function isRefusal(r: ResolvedEntity | ResolveRefusal): r is ResolveRefusal {
  return (r as ResolveRefusal).error !== undefined;
}

function within(file: string, folder: string): boolean {
  const f = folder.endsWith(sep) ? folder : folder + sep;
  return file === folder || file.startsWith(f);
}

function realFolders(folders: readonly string[]): string[] {
  return folders.map((d) => {
    try {
      return realpath(d);
    } catch {
      return resolvePath(d);
    }
  });
}

/** Whether an existing file lies inside one of the folders (both sides through realpath, as the resolver checks). */
export function isInsideFolders(file: string, folders: readonly string[]): boolean {
  let real: string;
  try {
    real = realpath(file);
  } catch {
    return false;
  }
  return realFolders(folders).some((d) => within(real, d));
}

export function localResolver(options: LocalResolverOptions): EntityResolver {
  // Resolved on first need: a catalog-mapped DTD needs no folder check, and a run of many
  // documents builds one resolver each (nine realpath calls per document were a fifth of a run).
  let folders: string[] | undefined;
  const allowed = (): string[] => (folders ??= realFolders(options.allow));
  const read = options.read ?? readWholeFile;
  return (systemId, publicId, base) => {
    const mapped = options.map?.(systemId, publicId);
    let path: string;
    if (mapped !== undefined) {
      path = mapped;
    } else if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(systemId) && !/^[a-zA-Z]:[\\/]/.test(systemId)) {
      if (!systemId.startsWith("file:")) {
        return { error: `external entity "${systemId}" is not a local file and no catalog entry maps it; qxml never reads the network` };
      }
      path = fileURLToPath(systemId);
    } else {
      path = isAbsolute(systemId) ? systemId : resolvePath(dirname(base), systemId);
    }
    let real: string;
    try {
      real = realpath(path);
    } catch {
      return { error: `external entity "${systemId}" resolves to ${path}, which does not exist` };
    }
    if (mapped === undefined && !allowed().some((d) => within(real, d))) {
      return { error: `external entity "${systemId}" resolves to ${real}, outside the folders allowed for reading (${allowed().join(", ")})` };
    }
    try {
      return { file: real, bytes: read(real) };
    } catch (e) {
      return { error: `external entity "${systemId}" could not be read: ${(e as Error).message}` };
    }
  };
}

/** A resolver that refuses everything (for untrusted input with no DTD lookups allowed). */
export const refuseAll: EntityResolver = (systemId) => ({ error: `external entity "${systemId}" refused: external entities are disabled` });
