/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one run, tool.driver.rules for every code that
 * occurs (id, shortDescription, helpUri, default level), one result per diagnostic with ruleId,
 * level, message.text and a physical location relative to the working directory. A pure function
 * of the findings and of what the caller says about each code.
 */
import { isAbsolute, relative } from "node:path";
import type { Diagnostic, Findings, Severity } from "../diagnostics/diagnostic.js";
import { locationFile } from "../diagnostics/location.js";
import { codeInfo } from "./code-info.js";

export interface SarifRuleInfo {
  shortDescription: string;
  /** GitHub code scanning requires fullDescription and help.text; both default from the short one. */
  fullDescription?: string;
  help?: string;
  /** A friendly PascalCase name, e.g. "OracleTemplateRequired". */
  name?: string;
  /** Absolute URL of the code's docs page; absent when no page documents it. */
  helpUri?: string;
  severity: Severity;
}

export interface SarifOptions {
  toolName: string;
  toolVersion: string;
  informationUri: string;
  /** What the report says about a code (lint rule or other diagnostic code). */
  ruleInfo(code: string): SarifRuleInfo;
  /** Paths are made relative to this folder. */
  cwd: string;
}

/**
 * The rule entry of a code that is not a lint rule, from the code registry: its title, what it
 * reports, how to fix it, and its area's docs page under `docsBase` (an absolute URL ending in /)
 * where one exists.
 */
export function codeRuleInfo(code: string, docsBase: string): SarifRuleInfo {
  const c = codeInfo(code);
  const helpUri = c.docs !== undefined ? docsBase + c.docs : undefined;
  const sentence = (t: string) => (/[.!?]$/.test(t) ? t : `${t}.`);
  const help = [c.description, ...(c.fix !== undefined ? [sentence(`How to fix: ${c.fix}`)] : []), ...(helpUri !== undefined ? [`More: ${helpUri}`] : [])];
  return {
    shortDescription: c.title,
    fullDescription: c.description,
    help: help.join(" "),
    ...(helpUri !== undefined ? { helpUri } : {}),
    severity: c.severity,
  };
}

type Level = "error" | "warning" | "note";

const level = (s: Severity): Level => (s === "info" ? "note" : s);

/** A file path as a relative URI reference with forward slashes, percent-encoded where needed. */
export function artifactUri(file: string, cwd: string): string {
  const rel = isAbsolute(file) ? relative(cwd, file) : file;
  const posix = rel.split("\\").join("/").replace(/^\.\//, "");
  return posix.split("/").map(encodeURIComponent).join("/");
}

function result(d: Diagnostic, file: string, ruleIndex: number, cwd: string) {
  const region: Record<string, number> = { startLine: Math.max(1, d.line), startColumn: Math.max(1, d.column) };
  if (d.endLine !== undefined) region.endLine = d.endLine;
  if (d.endColumn !== undefined) region.endColumn = d.endColumn;
  const text = d.hint !== undefined ? `${d.message} (hint: ${d.hint})` : d.message;
  const r: Record<string, unknown> = {
    ruleId: d.code,
    ruleIndex,
    level: level(d.severity),
    message: { text },
    locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(locationFile(file, d, cwd), cwd) }, region } }],
  };
  if (d.path !== undefined) r.properties = { path: d.path };
  return r;
}

export function formatSarif(findings: Findings, options: SarifOptions): string {
  const index = new Map<string, number>();
  const rules: unknown[] = [];
  const results: unknown[] = [];
  for (const f of findings.files) {
    for (const d of f.diagnostics) {
      let i = index.get(d.code);
      if (i === undefined) {
        const info = options.ruleInfo(d.code);
        i = rules.length;
        index.set(d.code, i);
        rules.push({
          id: d.code,
          ...(info.name !== undefined ? { name: info.name } : {}),
          shortDescription: { text: info.shortDescription },
          fullDescription: { text: info.fullDescription ?? info.shortDescription },
          help: { text: info.help ?? (info.helpUri !== undefined ? `See ${info.helpUri}` : (info.fullDescription ?? info.shortDescription)) },
          ...(info.helpUri !== undefined ? { helpUri: info.helpUri } : {}),
          defaultConfiguration: { level: level(info.severity) },
        });
      }
      results.push(result(d, f.file, i, options.cwd));
    }
  }
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: options.toolName, version: options.toolVersion, informationUri: options.informationUri, rules } },
        // qxml columns count characters, a surrogate pair as one.
        columnKind: "unicodeCodePoints",
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + "\n";
}
