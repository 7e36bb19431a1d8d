/** `qxml schema list` and `qxml schema show <name|path>`. */
import { relative } from "node:path";
import { Catalog } from "../schema/catalog.js";
import { describeSchema, formatSchemaView } from "../schema/describe.js";
import { loadSchema } from "../schema/load.js";
import { oneOf, parseCommandArgs } from "./args.js";
import { UsageError } from "./files.js";
import { formatDiagnosticLine } from "./output.js";

const HELP = `Usage:
  qxml schema list [--format text|json]        the bundled schemas (and your catalog entries)
  qxml schema show <name|path> [--format text|json]
                                               the model: each element with its content model in
                                               DTD-like notation, attributes, facets, inferred-or-stated`;

export async function runSchema(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { format: { type: "string" } });
  if (values.help) {
    process.stdout.write(HELP + "\n");
    return 0;
  }
  const format = oneOf(values.format, ["text", "json"] as const, "text", "format");
  const [sub, ...rest] = positionals;
  const catalog = Catalog.bundled();
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
    if (format === "json") process.stdout.write(JSON.stringify(rows, null, 2) + "\n");
    else {
      const table = rows.map((r) => [r.name, r.kind, r.roots.join(","), r.purpose ?? "", relative(process.cwd(), r.file) || r.file]);
      const head = ["NAME", "KIND", "ROOTS", "PURPOSE", "FILE"];
      const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
      for (const row of [head, ...table]) process.stdout.write(row.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd() + "\n");
    }
    return 0;
  }
  if (sub === "show") {
    if (rest.length !== 1) throw new UsageError("schema show takes one schema name or path");
    const loaded = loadSchema(rest[0], catalog);
    if (loaded === undefined) {
      throw new UsageError(`"${rest[0]}" is neither a catalog name (${catalog.entries.map((e) => e.name).join(", ")}) nor a .dtd/.xsd file`);
    }
    for (const d of loaded.diagnostics) process.stderr.write(formatDiagnosticLine(loaded.file, d) + "\n");
    if (loaded.model === null) return 2;
    const view = describeSchema(loaded.model);
    if (format === "json") process.stdout.write(JSON.stringify({ name: loaded.name, ...view, model: loaded.model }, null, 2) + "\n");
    else process.stdout.write(`${loaded.name}: ${formatSchemaView(view)}`);
    return loaded.diagnostics.some((d) => d.severity === "error") ? 2 : 0;
  }
  throw new UsageError(sub === undefined ? "schema needs a subcommand: list or show" : `unknown schema subcommand "${sub}" (list, show)`);
}
