/**
 * A document no schema was found for still gets one reader pass: its well-formedness errors are
 * findings like any other (as `qxml lint` already reports them), the "no schema" diagnostic
 * points at the real root element (not at a guess from the document's head), and handlers such
 * as the linter's rules are fed by that same pass.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnose } from "../diagnostics/codes.js";
import { didYouMean } from "../diagnostics/suggest.js";
import type { CatalogEntry } from "../schema/catalog.js";
import type { StartTag, XmlHandler } from "../xml/events.js";
import { readFile } from "../xml/reader.js";
import { teeHandler } from "../xml/tee.js";
import { pipelineCodes } from "./codes.js";

const XSI = "http://www.w3.org/2001/XMLSchema-instance";

interface RootSeen {
  tag?: StartTag;
  doctype?: string;
}

/** Records the DOCTYPE name and the root start tag, and collects the reader's diagnostics. */
function observer(seen: RootSeen, diagnostics: Diagnostic[]): XmlHandler {
  return {
    doctype: (d) => {
      seen.doctype = d.name;
    },
    startElement: (tag) => {
      if (seen.tag === undefined) seen.tag = tag;
    },
    endElement: () => {},
    text: () => {},
    diagnostic: (d) => {
      diagnostics.push(d);
    },
  };
}

function reasonFor(seen: RootSeen & { tag: StartTag }, catalog: readonly CatalogEntry[]): string {
  const root = seen.tag.name;
  const base =
    (seen.doctype === undefined
      ? `it has no DOCTYPE and no catalog entry has root ${root}`
      : `its DOCTYPE names no DTD and declares no elements, and no catalog entry has root ${root}`) + nearRoot(root, catalog);
  const hintAttr = seen.tag.attributes.find((a) => a.uri === XSI && (a.local === "noNamespaceSchemaLocation" || a.local === "schemaLocation"));
  // Users expect xsi:*SchemaLocation to work; say why it did not.
  return hintAttr === undefined ? base : `${base} (its xsi:${hintAttr.local} "${hintAttr.value}" is not followed: qxml never fetches schemas)`;
}

/** "; did you mean <OPTION_PROFILES>?" for a misspelt root that a catalog entry maps. */
function nearRoot(root: string, catalog: readonly CatalogEntry[]): string {
  const near = didYouMean(root, new Set(catalog.flatMap((e) => e.roots)));
  return near === undefined ? "" : `; did you mean <${near}>?`;
}

/**
 * Reads `path` for well-formedness only. Returns the reader's diagnostics plus, when the file has
 * a root element, `qxml/no-schema` at that element. A file without a root element gets only the
 * reader's own error (empty document, text before the root...): "no schema" would add nothing.
 */
export async function readWithoutSchema(path: string, file: string, extraHandlers: XmlHandler[], catalog: readonly CatalogEntry[]): Promise<Diagnostic[]> {
  const seen: RootSeen = {};
  const diagnostics: Diagnostic[] = [];
  await readFile(path, teeHandler(observer(seen, diagnostics), extraHandlers), { file });
  const tag = seen.tag;
  if (tag === undefined) return diagnostics;
  const where = { line: tag.line, column: tag.column, path: `/${tag.name}` };
  return [diagnose(pipelineCodes["qxml/no-schema"], { root: tag.name, reason: reasonFor({ ...seen, tag }, catalog) }, where), ...diagnostics];
}
