/** Reader options and their defaults. */
import type { EntityResolver } from "./resolve.js";
import type { DtdParser } from "./dtd-hook.js";
import type { DtdCache } from "./dtd-cache.js";

export interface ReaderLimits {
  /** Maximum element nesting depth (root = 1). */
  maxDepth: number;
  /** Maximum number of entity references expanded in one document. */
  maxEntityExpansions: number;
  /** Maximum characters produced by entity expansion in one document... */
  maxExpandedSize: number;
  /** ...unless that is still below this multiple of the document's own size (libxml2's amplification rule). */
  maxAmplification: number;
  /** Maximum depth of entity references inside entity replacement text. */
  maxEntityNesting: number;
  maxNameLength: number;
  maxAttributes: number;
  /**
   * Maximum characters of input a single construct the reader holds whole (a start tag with its
   * attributes, a comment, a processing instruction, the DOCTYPE) may take while it is still open;
   * text and CDATA sections stream in pieces and have no such limit. libxml2's XML_MAX_TEXT_LENGTH.
   */
  maxTokenLength: number;
}

export interface ReaderOptions {
  /** File name used in diagnostics, and the base for relative system identifiers. */
  file?: string;
  /** Resolve prefixes to namespace URIs and check namespace well-formedness (default true). */
  namespaces?: boolean;
  /** Reads external entities; absent = external entities are not read (a warning says so). */
  resolveEntity?: EntityResolver;
  /** Read the external DTD subset named by the DOCTYPE through resolveEntity (default false). */
  loadExternalDtd?: boolean;
  limits?: Partial<ReaderLimits>;
  /** The DTD parser (defaults to src/dtd/parse.ts). */
  dtdParser?: DtdParser;
  /** External DTD subsets parsed once for the readers that share it (src/xml/dtd-cache.ts). */
  dtdCache?: DtdCache;
}

export const DEFAULT_LIMITS: ReaderLimits = {
  maxDepth: 10_000,
  maxEntityExpansions: 100_000,
  maxExpandedSize: 10_000_000,
  maxAmplification: 10,
  maxEntityNesting: 40,
  maxNameLength: 50_000,
  maxAttributes: 10_000,
  maxTokenLength: 10_000_000,
};

export interface ResolvedOptions {
  file: string;
  namespaces: boolean;
  resolveEntity: EntityResolver | undefined;
  loadExternalDtd: boolean;
  limits: ReaderLimits;
  dtdParser: DtdParser | undefined;
  dtdCache: DtdCache | undefined;
}
