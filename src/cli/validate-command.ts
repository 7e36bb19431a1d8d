/** `qxml validate <files|dirs|globs|-> [--schema <name|path>] [--format text|json] [--engine qxml|libxml2] [--stdin-filename NAME]`. */
import { loadCommandConfig } from "./config-option.js";
import { Catalog } from "../schema/catalog.js";
import { loadSchema, type LoadedSchema } from "../schema/load.js";
import { validateDocument } from "../pipeline/validate-document.js";
import { oneOf, parseCommandArgs } from "./args.js";
import { discoverFiles, STDIN_INPUT, UsageError } from "./files.js";
import { formatSchemaDiagnostic, unknownSchema } from "./output.js";
import { printFindings } from "./report-output.js";
import { checkDocuments } from "./check-documents.js";
import { spooledFiles, withStdin } from "./stdin.js";
import { writeErr, writeOut } from "./stdio.js";

const HELP = `Usage: qxml validate <files|dirs|globs|-> [options]

Validates each XML file against its schema: --schema if given, else the schema the config maps
the file to, else the DOCTYPE (internal subset plus the external one through the catalog or a
local file), else the catalog's root-element mapping (\`qxml schema list\`).
\`-\` reads the document from standard input (curl ... | qxml validate -), shown as <stdin>; a
relative DOCTYPE or entity in it is resolved from the working directory.

Options:
  --schema <name|path>     a schema name (\`qxml schema list\`: bundled or from the config's catalog)
                           or a .dtd/.xsd file
  --format text|json       text (compiler style, default) or the findings JSON (docs/findings.md)
  --engine qxml|libxml2    qxml's validator (default) or libxml2's, to compare (libxml2 needs the
                           libxml2-wasm package: npm install --save-dev libxml2-wasm)
  --config <file>          qxml.config.json (default: ./qxml.config.json when present)
  --stdin-filename <name>  the name standard input is shown under and matched against the config's
                           file globs; relative references resolve from its folder

Exit codes: 0 all valid, 1 an invalid or not well-formed file, 2 usage, config or schema error.`;

export async function runValidate(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    schema: { type: "string" },
    format: { type: "string" },
    engine: { type: "string" },
    config: { type: "string" },
    "stdin-filename": { type: "string" },
  });
  if (values.help) {
    writeOut(HELP + "\n");
    return 0;
  }
  const format = oneOf(values.format, ["text", "json"] as const, "text", "format");
  const engine = oneOf(values.engine, ["qxml", "libxml2"] as const, "qxml", "engine");
  if (positionals.length === 0) throw new UsageError("name at least one file, folder or glob to validate, or - to read standard input");
  const cwd = process.cwd();
  const config = loadCommandConfig(values.config, cwd);
  if (config === null) return 2;
  const catalog = Catalog.bundled().withEntries(config.catalog);
  let schema: LoadedSchema | undefined;
  if (values.schema !== undefined) {
    schema = loadSchema(values.schema, catalog);
    if (schema === undefined) throw new UsageError(`--schema: ${unknownSchema(values.schema, catalog)}`);
    const errors = schema.diagnostics.filter((d) => d.severity === "error");
    if (schema.model === null || errors.length > 0) {
      for (const d of schema.diagnostics) writeErr(formatSchemaDiagnostic(schema.file, d));
      writeErr(`qxml: schema ${values.schema} could not be read\n`);
      return 2;
    }
  }
  const files = discoverFiles(positionals, cwd);
  if (files.length === 0) throw new UsageError(`no .xml files found in ${positionals.join(" ")}`);
  if (engine === "libxml2" && !(await libxml2Loads())) return 2;
  return withStdin(files.includes(STDIN_INPUT), values["stdin-filename"], async (stdin) => {
    const { findings, schemaFailure } = await checkDocuments(files, stdin, (doc, dtdCache) =>
      validateDocument(doc.file, { catalog, config, cwd, engine, dtdCache, ...(schema ? { schema } : {}), ...(doc.stdin ? { stdin: doc.stdin } : {}) }),
    );
    printFindings(findings, format, cwd, spooledFiles(stdin));
    if (schemaFailure) return 2;
    return findings.summary.invalid > 0 ? 1 : 0;
  });
}

/** A missing libxml2-wasm is a setup error (exit 2, said once), not a finding in every file. */
async function libxml2Loads(): Promise<boolean> {
  const { loadLibxml2Module, Libxml2UnavailableError } = await import("../engines/libxml2-load.js");
  try {
    await loadLibxml2Module();
    return true;
  } catch (e) {
    if (!(e instanceof Libxml2UnavailableError)) throw e;
    writeErr(`qxml validate: --engine libxml2 ${e.message.replace(/^the libxml2 reference engine /, "")}\n  hint: install it in your project (npm install --save-dev libxml2-wasm), or leave out --engine to use qxml's validator\n`);
    return false;
  }
}
