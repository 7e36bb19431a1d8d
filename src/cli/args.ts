/** Argument parsing for the commands (node:util parseArgs, strict), with usage errors as UsageError. */
import { parseArgs } from "node:util";
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
    throw new UsageError((e as Error).message);
  }
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, option: string): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${option} must be one of ${allowed.join(", ")}; got "${value}"`);
  return value as T;
}
