/**
 * `--config` for every command: the same file is accepted or refused by all of them (rule ids
 * checked as lint checks them). A config error is printed with its place; the caller exits 2.
 */
import { ConfigError, loadConfig, type QxmlConfig } from "../config/config.js";
import { ruleIds } from "../lint/registry.js";
import { formatConfigError } from "./output.js";
import { writeErr } from "./stdio.js";

export function loadCommandConfig(explicit: string | undefined, cwd: string): QxmlConfig | null {
  try {
    return loadConfig(explicit, cwd, ruleIds);
  } catch (e) {
    if (e instanceof ConfigError) {
      writeErr(formatConfigError(e, cwd));
      return null;
    }
    throw e;
  }
}
