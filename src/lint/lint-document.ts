/**
 * One file for `qxml lint`: validation against the import schema plus the rules, in one reader
 * pass where the validator feeds extra handlers. Schema choice: the config's mapping wins; else
 * OPTION_PROFILES → option_profiles.xsd (the import schema, also for exports with a DOCTYPE,
 * since the import posts the export), CONTROL_LIST/USER_DEFINED_CONTROL → ImportableControl.xsd;
 * else the validator's own choice (DOCTYPE, catalog root), e.g. policy_export_output.dtd for a
 * policy, whose UDCs get ImportableControl.xsd's one extra constraint (CHECK_TYPE) from the
 * udc-check-type rule.
 */
import type { Diagnostic, FileResult } from "../diagnostics/diagnostic.js";
import type { QxmlConfig } from "../config/config.js";
import type { Catalog } from "../schema/catalog.js";
import { loadSchema, type LoadedSchema } from "../schema/load.js";
import { peekFile, type PeekedHead } from "../pipeline/peek.js";
import { documentPath, mappedSchema, type StdinSource } from "../pipeline/stdin-source.js";
import { validateDocument } from "../pipeline/validate-document.js";
import type { XmlHandler } from "../xml/events.js";
import type { DtdCache } from "../xml/dtd-cache.js";
import { readFile } from "../xml/reader.js";
import { createFileLinter } from "./runner.js";
import type { Rule } from "./types.js";

/** Root element → the bundled import schema lint validates it against. */
export const IMPORT_SCHEMAS: Readonly<Record<string, string>> = {
  OPTION_PROFILES: "option_profiles",
  CONTROL_LIST: "ImportableControl",
  USER_DEFINED_CONTROL: "ImportableControl",
};

export interface LintContext {
  catalog: Catalog;
  config: QxmlConfig;
  cwd: string;
  rules: readonly Rule[];
  /** The document is standard input: where its bytes are (src/pipeline/stdin-source.ts). */
  stdin?: StdinSource;
  /** Shared by the documents of a run (see DocumentContext). */
  dtdCache?: DtdCache;
}

export interface LintOutcome {
  result: FileResult;
  schemaFailure: boolean;
}

/** The import schema the document's root calls for, and the head read to find it (validateDocument reuses it). */
function importSchema(file: string, ctx: LintContext): { schema?: LoadedSchema; head?: PeekedHead } {
  if (mappedSchema(file, ctx) !== undefined) return {};
  let head: PeekedHead;
  try {
    head = peekFile(documentPath(file, ctx));
  } catch {
    return {}; // unreadable: validateDocument reports it
  }
  const name = head.root === undefined ? undefined : IMPORT_SCHEMAS[head.root];
  const schema = name === undefined ? undefined : loadSchema(name, ctx.catalog);
  return schema === undefined ? { head } : { schema, head };
}

/** The same handler, with the reader's own diagnostics kept. */
function capturingDiagnostics(handler: XmlHandler, out: Diagnostic[]): XmlHandler {
  return {
    startElement: (tag) => handler.startElement(tag),
    endElement: (name, pos) => handler.endElement(name, pos),
    text: (text, pos, cdata) => handler.text(text, pos, cdata),
    diagnostic: (d) => {
      out.push(d);
      handler.diagnostic(d);
    },
  };
}

const byPosition = (a: Diagnostic, b: Diagnostic) => a.line - b.line || a.column - b.column;

/**
 * Drops schema diagnostics that a rule restates (RuleMeta.restates) on the same element: the
 * rule's message is the better one (did-you-mean, the notes' reason), and one mistake should
 * give one finding.
 */
export function withoutRestated(schemaDiagnostics: Diagnostic[], lintDiagnostics: Diagnostic[], rules: readonly Rule[]): Diagnostic[] {
  const restates = new Map(rules.map((r) => [r.meta.id, new Set(r.meta.restates ?? [])]));
  const covered = new Set<string>();
  for (const d of lintDiagnostics) {
    for (const code of restates.get(d.code) ?? []) if (d.path !== undefined) covered.add(`${code} ${d.path}`);
  }
  if (covered.size === 0) return schemaDiagnostics;
  return schemaDiagnostics.filter((d) => d.path === undefined || !covered.has(`${d.code} ${d.path}`));
}

export async function lintDocument(file: string, ctx: LintContext): Promise<LintOutcome> {
  const linter = createFileLinter(file, ctx.rules, ctx.config.rules);
  const { schema, head } = importSchema(file, ctx);
  const outcome = await validateDocument(file, {
    catalog: ctx.catalog,
    config: ctx.config,
    cwd: ctx.cwd,
    engine: "qxml",
    ...(schema !== undefined ? { schema } : {}),
    ...(head !== undefined ? { head } : {}),
    extraHandlers: () => [linter.handler],
    ...(ctx.stdin !== undefined ? { stdin: ctx.stdin } : {}),
    ...(ctx.dtdCache !== undefined ? { dtdCache: ctx.dtdCache } : {}),
  });
  // The validator's pass (or its no-schema pass) feeds the rules. Only when the chosen schema
  // could not be used was the file not read at all: then the rules get a pass of their own,
  // which also reports the reader's errors (not well-formed, limits).
  const readerDiagnostics: Diagnostic[] = [];
  if (outcome.result.diagnostics.some((d) => d.code === "qxml/schema-error")) {
    try {
      await readFile(documentPath(file, ctx), capturingDiagnostics(linter.handler, readerDiagnostics), { file });
    } catch {
      // The file vanished or cannot be read: the validator's diagnostic already says so.
    }
  }
  const lintDiagnostics = linter.diagnostics();
  const schemaDiagnostics = withoutRestated(outcome.result.diagnostics, lintDiagnostics, ctx.rules);
  const diagnostics = [...schemaDiagnostics, ...readerDiagnostics, ...lintDiagnostics].sort(byPosition);
  const valid = !diagnostics.some((d) => d.severity === "error");
  return { result: { ...outcome.result, diagnostics, valid }, schemaFailure: outcome.schemaFailure };
}
