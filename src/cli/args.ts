/** Argument parsing for the commands (node:util parseArgs, strict), with usage errors as UsageError. */
import { parseArgs } from "node:util";
import { didYouMean } from "../diagnostics/suggest.js";
import { UsageError } from "./files.js";

export type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string; multiple?: false }>;

export type ParsedValues<T extends OptionSpec> = {
  [K in keyof T]?: T[K]["type"] extends "string" ? string : boolean;
} & { help?: boolean };

export interface ParsedArgs<T extends OptionSpec> {
  values: ParsedValues<T>;
  positionals: string[];
}

export function parseCommandArgs<T extends OptionSpec>(args: string[], options: T): ParsedArgs<T> {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedValues<T>, positionals };
  } catch (e) {
    throw new UsageError(explainArgError(e as Error & { code?: string }, args, Object.keys(options)));
  }
}

/** Node's parseArgs messages, told the way the rest of the CLI talks (short, with the fix). */
export function explainArgError(e: Error & { code?: string }, args: string[], known: string[]): string {
  const option = /'(?:-\w, )?(-[^' ]+)/.exec(e.message)?.[1];
  if (option === undefined) return e.message;
  const names = [...known, "help"].map((k) => `--${k}`);
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const near = didYouMean(option.replace(/=.*$/, ""), names);
    return `unknown option ${option}${near !== undefined ? `; did you mean ${near}?` : ""} (options: ${names.join(", ")})`;
  }
  if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    if (/does not take an argument/.test(e.message)) return `${option} takes no value`;
    const next = args[args.indexOf(option) + 1];
    // "--max-warnings -1": the value looks like an option.
    if (next !== undefined && next.startsWith("-")) return `${option} needs a value; got ${next}, which reads as an option (write ${option}=${next} if it is the value)`;
    return `${option} needs a value`;
  }
  return e.message;
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, option: string): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${option} must be one of ${allowed.join(", ")}; got "${value}"`);
  return value as T;
}
