/** `qxml schema list` and `qxml schema show <name|path>`. */
import { loadCommandConfig } from "./config-option.js";
import { Catalog } from "../schema/catalog.js";
import { describeSchema, formatSchemaView } from "../schema/describe.js";
import { shownPath } from "../diagnostics/location.js";
import { loadSchema } from "../schema/load.js";
import { oneOf, parseCommandArgs } from "./args.js";
import { UsageError } from "./files.js";
import { displayPath, formatSchemaDiagnostic, unknownSchema } from "./output.js";
import { writeOut, writeErr } from "./stdio.js";

const HELP = `Usage:
  qxml schema list [--format text|json]        the bundled schemas and the catalog entries of
                                               qxml.config.json
  qxml schema show <name|path> [--format text|json]
                                               the schema model: each element with its content model
                                               in DTD-like notation, its attributes and facets; the
                                               declarations qxml reconstructed from samples are
                                               marked "inferred"

Options:
  --config <file>          qxml.config.json (default: ./qxml.config.json when present)`;

export async function runSchema(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { format: { type: "string" }, config: { type: "string" } });
  if (values.help) {
    writeOut(HELP + "\n");
    return 0;
  }
  const format = oneOf(values.format, ["text", "json"] as const, "text", "format");
  const [sub, ...rest] = positionals;
  const config = loadCommandConfig(values.config, process.cwd());
  if (config === null) return 2;
  const catalog = Catalog.bundled().withEntries(config.catalog);
  if (sub === "list") {
    if (rest.length > 0) throw new UsageError(`schema list takes no arguments; got ${rest.join(" ")}`);
    const rows = catalog.entries.map((e) => ({
      name: e.name,
      kind: e.kind,
      roots: e.roots,
      purpose: e.purpose ?? null,
      file: e.file,
      source: e.source,
      description: e.description ?? null,
    }));
    if (format === "json") writeOut(JSON.stringify(rows, null, 2) + "\n");
    else {
      const table = rows.map((r) => [r.name, r.kind, r.roots.join(","), r.purpose ?? "", displayPath(r.file)]);
      const head = ["NAME", "KIND", "ROOTS", "PURPOSE", "FILE"];
      const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
      for (const row of [head, ...table]) writeOut(row.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd() + "\n");
    }
    return 0;
  }
  if (sub === "show") {
    if (rest.length !== 1) throw new UsageError("schema show takes one schema name or path");
    const loaded = loadSchema(rest[0], catalog);
    if (loaded === undefined) throw new UsageError(unknownSchema(rest[0], catalog));
    for (const d of loaded.diagnostics) writeErr(formatSchemaDiagnostic(loaded.file, d));
    if (loaded.model === null) return 2;
    const view = describeSchema(loaded.model);
    if (format === "json") writeOut(JSON.stringify({ name: loaded.name, ...view, model: loaded.model }, null, 2) + "\n");
    else writeOut(`${loaded.name}: ${formatSchemaView(view, (f) => shownPath(f, process.cwd()))}`);
    return loaded.diagnostics.some((d) => d.severity === "error") ? 2 : 0;
  }
  throw new UsageError(sub === undefined ? "schema needs a subcommand: list or show" : `unknown schema subcommand "${sub}" (list, show)`);
}
