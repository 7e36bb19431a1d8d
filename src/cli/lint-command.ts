/** `qxml lint <files|dirs|globs|-> [--config qxml.config.json] [--format text|json|sarif|junit] [--max-warnings N] [--stdin-filename NAME]`. */
import { loadCommandConfig } from "./config-option.js";
import type { Findings } from "../diagnostics/diagnostic.js";
import { lintDocument } from "../lint/lint-document.js";
import { RULE_DOCS_BASE } from "../lint/meta.js";
import { rules } from "../lint/registry.js";
import { sarifRuleInfo } from "../lint/sarif-rule-info.js";
import { packageVersion } from "../package-root.js";
import { formatJson } from "../report/json.js";
import { formatJunit } from "../report/junit.js";
import { formatSarif } from "../report/sarif.js";
import { Catalog } from "../schema/catalog.js";
import { oneOf, parseCommandArgs } from "./args.js";
import { discoverFiles, STDIN_INPUT, UsageError } from "./files.js";
import { textReport } from "./report-output.js";
import { checkDocuments } from "./check-documents.js";
import { spooledFiles, withStdin } from "./stdin.js";
import { writeOut, writeErr } from "./stdio.js";

const HELP = `Usage: qxml lint <files|dirs|globs|-> [options]

Checks Qualys import payloads before they are posted: validation against the import schema
(option_profiles.xsd for OPTION_PROFILES, ImportableControl.xsd for CONTROL_LIST, the policy
DTD for POLICY_EXPORT_OUTPUT) plus the qualys/* rules (docs/rules/README.md).
\`-\` reads the payload from standard input (git show HEAD:x.xml | qxml lint -), shown as <stdin>.

Options:
  --config <file>            qxml.config.json (default: ./qxml.config.json when present):
                             rule severities (off/warn/error), file globs to schemas, catalog entries
  --format text|json|sarif|junit
                             text (compiler style, default), the findings JSON (docs/findings.md),
                             SARIF 2.1.0 (GitHub code scanning) or JUnit XML
  --max-warnings <N>         exit 1 when there are more than N warnings
  --stdin-filename <name>    the name standard input is shown under (text, JSON, SARIF, JUnit) and
                             matched against the config's file globs; relative references
                             resolve from its folder (default: <stdin>, the working directory)

Exit codes: 0 no errors (and at most N warnings), 1 errors or too many warnings, 2 usage, config or schema error.`;

const FORMATS = ["text", "json", "sarif", "junit"] as const;

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings must be a whole number ≥ 0; got "${value}"`);
  return Number(value);
}

function render(findings: Findings, format: (typeof FORMATS)[number], cwd: string, settings: Record<string, "off" | "warn" | "error">, spooled: ReadonlyMap<string, string>): string {
  switch (format) {
    case "json":
      return formatJson(findings);
    case "sarif":
      return formatSarif(findings, {
        toolName: "qxml",
        toolVersion: packageVersion(),
        informationUri: RULE_DOCS_BASE + "docs/lint.md",
        ruleInfo: sarifRuleInfo(settings),
        cwd,
      });
    case "junit":
      return formatJunit(findings);
    default:
      return textReport(findings, cwd, spooled);
  }
}

export async function runLint(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    config: { type: "string" },
    format: { type: "string" },
    "max-warnings": { type: "string" },
    "stdin-filename": { type: "string" },
  });
  if (values.help) {
    writeOut(HELP + "\n");
    return 0;
  }
  const format = oneOf(values.format, FORMATS, "text", "format");
  const maxWarnings = parseMaxWarnings(values["max-warnings"]);
  if (positionals.length === 0) throw new UsageError("name at least one file, folder or glob to lint, or - to read standard input");
  const cwd = process.cwd();
  const config = loadCommandConfig(values.config, cwd);
  if (config === null) return 2;
  const files = discoverFiles(positionals, cwd);
  if (files.length === 0) throw new UsageError(`no .xml files found in ${positionals.join(" ")}`);
  const catalog = Catalog.bundled().withEntries(config.catalog);
  return withStdin(files.includes(STDIN_INPUT), values["stdin-filename"], async (stdin) => {
    const { findings, schemaFailure } = await checkDocuments(files, stdin, (doc, dtdCache) =>
      lintDocument(doc.file, { catalog, config, cwd, rules, dtdCache, ...(doc.stdin ? { stdin: doc.stdin } : {}) }),
    );
    writeOut(render(findings, format, cwd, config.rules, spooledFiles(stdin)));
    if (schemaFailure) return 2;
    if (findings.summary.errors > 0) return 1;
    if (maxWarnings !== undefined && findings.summary.warnings > maxWarnings) {
      const n = findings.summary.warnings;
      writeErr(`qxml lint: ${n} ${n === 1 ? "warning" : "warnings"}, more than --max-warnings ${maxWarnings} allows\n`);
      return 1;
    }
    return 0;
  });
}
