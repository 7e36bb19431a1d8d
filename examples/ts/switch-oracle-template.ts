/**
 * Reads an option profile export (option_profile_info.dtd), points every profile that creates
 * Oracle system records at another Oracle authentication template, and writes it back, valid.
 *
 * Node 20 does not run TypeScript: bundle it first (from the repository root, see examples/README.md):
 *   npx esbuild --bundle --platform=node --format=esm examples/ts/switch-oracle-template.ts --outfile=/tmp/switch-oracle-template.mjs
 *   node /tmp/switch-oracle-template.mjs <export.xml> <template id> <template title> [<out.xml>]
 */
import { readFileSync, writeFileSync } from "node:fs";
import {
  parseOptionProfiles,
  serializeOptionProfiles,
  validateOptionProfiles,
  type OptionProfiles,
} from "../../generated/option_profile_info/index.js";

const SYSTEM_ID = "https://qualysapi.qualys.com/api/2.0/fo/subscription/option_profile/option_profile_info.dtd";

/** Switches the Oracle template of every profile that has one; returns how many changed. */
export function switchOracleTemplate(profiles: OptionProfiles, id: string, title: string): number {
  let changed = 0;
  for (const profile of profiles.OPTION_PROFILE ?? []) {
    const creation = profile.SCAN.SYSTEM_AUTH_RECORD?.ALLOW_AUTH_CREATION;
    if (creation?.ORACLE_AUTHENTICATION_TEMPLATE === undefined) continue;
    creation.ORACLE_AUTHENTICATION_TEMPLATE = { ID: id, TITLE: title };
    changed++;
  }
  return changed;
}

export function run(xml: string, id: string, title: string): { xml: string; changed: number } {
  const profiles = parseOptionProfiles(xml);
  const changed = switchOracleTemplate(profiles, id, title);
  const problems = validateOptionProfiles(profiles);
  if (problems.length > 0) throw new Error(problems.map((d) => `${d.path}: ${d.message}`).join("\n"));
  return { xml: serializeOptionProfiles(profiles, { doctypeSystemId: SYSTEM_ID, pretty: true }), changed };
}

const [input, id, title, output] = process.argv.slice(2);
if (input !== undefined && id !== undefined && title !== undefined && process.argv[1]?.includes("switch-oracle-template")) {
  const result = run(readFileSync(input, "utf8"), id, title);
  if (output === undefined) process.stdout.write(result.xml);
  else writeFileSync(output, result.xml);
  console.error(`switched the Oracle template of ${result.changed} option profile${result.changed === 1 ? "" : "s"}`);
}
