/** `qxml generate`: the generators live in generators/; this is the CLI's door to them. */
import { writeOut } from "./stdio.js";

const HELP = `Usage: qxml generate [<schema name|path>...] [options]

Writes TypeScript for each schema into <out>/<name>/: types.ts, validate.ts (compiled validators),
table.ts, parse.ts (typed parse/serialize), schema.json (JSON Schema 2020-12) and index.ts
(docs/codegen.md). A schema is a name \`qxml schema list\` shows (bundled, or your config's
catalog) or a .dtd/.xsd file. With no
schema named, every bundled schema is generated into the package's own generated/ folder.

Options:
  --out <dir>          where to write (default: ./generated when schemas are named)
  --check              write nothing; exit 1 when the files on disk differ from what would be written
  --runtime <module>   the module generated code imports its helpers from (default: qxml/runtime)
  --config <file>      qxml.config.json whose catalog names may be given (default: ./qxml.config.json when present)

Exit codes: 0 written or up to date, 1 --check found differences, 2 usage or schema error.`;

export async function runGenerateCommand(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    writeOut(HELP + "\n");
    return 0;
  }
  const { runGenerate } = await import("../../generators/cli.js");
  // Named schemas are the user's: their code goes under the working directory, never into the
  // installed package (the generators' own default, meant for the bundled schemas).
  const namesSchema = args.some((a, i) => !a.startsWith("--") && !["--out", "--runtime", "--config"].includes(args[i - 1]));
  const withOut = namesSchema && !args.includes("--out") ? [...args, "--out", "generated"] : args;
  return runGenerate(withOut);
}
