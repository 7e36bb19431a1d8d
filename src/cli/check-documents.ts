/** The document loop `qxml validate` and `qxml lint` share: each document in turn, one DtdCache per run. */
import { summarize, type FileResult, type Findings } from "../diagnostics/diagnostic.js";
import { DtdCache } from "../xml/dtd-cache.js";
import { documentsOf, type Document, type StdinDocument } from "./stdin.js";

export interface DocumentCheck {
  result: FileResult;
  /** A schema could not be read or compiled: the command exits 2. */
  schemaFailure: boolean;
}

/** Checks every input (`-` as standard input under its name): the findings, and whether a schema failed. */
export async function checkDocuments(
  files: readonly string[],
  stdin: StdinDocument | undefined,
  check: (doc: Document, dtdCache: DtdCache) => Promise<DocumentCheck>,
): Promise<{ findings: Findings; schemaFailure: boolean }> {
  const results: FileResult[] = [];
  let schemaFailure = false;
  const dtdCache = new DtdCache();
  for (const doc of documentsOf(files, stdin)) {
    const outcome = await check(doc, dtdCache);
    results.push(outcome.result);
    schemaFailure ||= outcome.schemaFailure;
  }
  return { findings: summarize(results), schemaFailure };
}
