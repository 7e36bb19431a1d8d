/**
 * `qxml`: thin dispatch to one module per command, loaded on demand so that a small validation
 * starts fast. Exit codes for every command: 0 ok, 1 findings (invalid or not well-formed input,
 * lint errors), 2 usage error, config error or unreadable schema.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { didYouMean } from "../diagnostics/suggest.js";
import { packageVersion } from "../package-root.js";
import { UsageError } from "./files.js";
import { writeErr, writeOut } from "./stdio.js";

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

const HELP = `qxml — validate, lint and generate TypeScript for Qualys API XML (DTD and XSD)

Usage:
  qxml lint <files|dirs|globs|-> [--config FILE] [--format text|json|sarif|junit] [--max-warnings N] [--stdin-filename NAME]
  qxml validate <files|dirs|globs|-> [--schema <name|path>] [--format text|json] [--engine qxml|libxml2] [--config FILE] [--stdin-filename NAME]
  qxml generate [<schema name|path>...] [--out <dir>] [--check] [--runtime <module>] [--config FILE]
  qxml schema list [--format text|json] [--config FILE]
  qxml schema show <name|path> [--format text|json] [--config FILE]

Options:
  -h, --help     show help (also: qxml <command> --help)
  -v, --version  print the version

\`-\` is standard input (curl ... | qxml validate -), shown as <stdin> or as --stdin-filename says.
Exit codes: 0 ok, 1 findings, 2 usage, config or schema error.
Docs: docs/ in the package (README.md, docs/rules/, docs/findings.md).`;

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  schema: async () => (await import("./schema-command.js")).runSchema,
  validate: async () => (await import("./validate-command.js")).runValidate,
  lint: async () => (await import("./lint-command.js")).runLint,
  generate: async () => (await import("./generate-command.js")).runGenerateCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    // A usage error: the help goes where errors go, so `qxml > out` does not hide it.
    writeErr(HELP + "\n");
    return EXIT_USAGE;
  }
  if (first === "-h" || first === "--help" || first === "help") {
    writeOut(HELP + "\n");
    return EXIT_OK;
  }
  if (first === "-v" || first === "--version") {
    writeOut(packageVersion() + "\n");
    return EXIT_OK;
  }
  const load = commands[first];
  if (load === undefined) {
    const near = didYouMean(first, Object.keys(commands));
    writeErr(`qxml: unknown command "${first}"${near !== undefined ? `; did you mean "${near}"?` : ""}\n\n${HELP}\n`);
    return EXIT_USAGE;
  }
  try {
    return await (await load())(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      writeErr(`qxml ${first}: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

function isEntryPoint(): boolean {
  const invokedAs = process.argv[1];
  if (invokedAs === undefined) return false;
  try {
    return realpathSync(invokedAs) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

/**
 * Runs the CLI on process.argv and sets the exit code: what the bin (bin/qxml.cjs, through the
 * bundle's entry src/cli/bin.ts) calls.
 */
export function runCli(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      writeErr(`qxml: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}

// Also runnable unbundled (`node dist/src/cli/main.js`), as the benchmarks do.
if (isEntryPoint()) runCli();
