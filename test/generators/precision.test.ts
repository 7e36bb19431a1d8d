/**
 * The generated types are precise: a program that uses them correctly compiles under
 * `tsc --strict`, and one that gets an enumeration value, a required child or a choice wrong
 * fails with the expected compiler diagnostics on the expected lines.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { diagnosticLines, renderTo, strictOptions } from "./helpers.js";
import { bundledCatalog } from "../../src/schema/catalog.js";

const out = renderTo("precision", ["option_profile_info", "option_profiles", "auth_oracle_list_output"]);

const GOOD = `import type { OptionProfiles } from "./option_profile_info/types.js";
import type { AuthOracle } from "./auth_oracle_list_output/types.js";
import { AuthenticationTypeValues, type AuthenticationType } from "./option_profiles/types.js";

export function templateTitles(exported: OptionProfiles): string[] {
  const titles: string[] = [];
  for (const profile of exported.OPTION_PROFILE ?? []) {
    const title: string = profile.BASIC_INFO.GROUP_NAME;
    const auth = profile.SCAN.SYSTEM_AUTH_RECORD?.ALLOW_AUTH_CREATION;
    const types: string[] = auth?.AUTHENTICATION_TYPE_LIST.AUTHENTICATION_TYPE ?? [];
    const template = auth?.ORACLE_AUTHENTICATION_TEMPLATE;
    titles.push(template === undefined ? title : template.TITLE, ...types);
  }
  return titles;
}

export const record: AuthOracle = {
  ID: "101",
  TITLE: "Oracle template",
  USERNAME: "scanner",
  SID: "ORCL",
  WINDOWS_OS_CHECKS: "0",
  UNIX_OPATCH_CHECKS: "0",
  UNIX_OS_CHECKS: "1",
  CREATED: { DATETIME: "2024-01-01T00:00:00Z", BY: "admin" },
  LAST_MODIFIED: { DATETIME: "2024-01-02T00:00:00Z" },
  IS_TEMPLATE: "1",
};

export const oracle: AuthenticationType = "Oracle";
export const all: readonly AuthenticationType[] = AuthenticationTypeValues;
`;

// Each line that must fail carries the expected error code in a trailing comment.
const BAD = `import type { AuthOracle } from "./auth_oracle_list_output/types.js";
import type { AuthenticationType, AllowAuthCreation } from "./option_profiles/types.js";

export const misspelt: AuthenticationType = "Oracl"; // TS2820

export const noTemplate: AllowAuthCreation = { // TS2741
  AUTHENTICATION_TYPE_LIST: { AUTHENTICATION_TYPE: ["Oracle"] },
};

const base = {
  ID: "1", TITLE: "t", USERNAME: "u", WINDOWS_OS_CHECKS: "0", UNIX_OPATCH_CHECKS: "0", UNIX_OS_CHECKS: "0",
  CREATED: { DATETIME: "d" }, LAST_MODIFIED: { DATETIME: "d" },
};
export const both: AuthOracle = { ...base, SID: "ORCL", SERVICENAME: "orcl.example" }; // TS2322

export const missingChild: AuthOracle = { ...base, LAST_MODIFIED: {} }; // TS2741
`;

function compile(files: Record<string, string>): { file: string; line: number; code: number; text: string }[] {
  const names = Object.entries(files).map(([name, text]) => {
    const p = join(out, name);
    writeFileSync(p, text);
    return p;
  });
  const program = ts.createProgram(names, strictOptions([]));
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    file: d.file?.fileName.split("/").pop() ?? "",
    line: d.file !== undefined && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0,
    code: d.code,
    text: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
  }));
}

function expectedErrors(source: string): { line: number; code: number }[] {
  return source
    .split("\n")
    .map((l, i) => ({ line: i + 1, m: /\/\/ TS(\d+)$/.exec(l) }))
    .filter((x) => x.m !== null)
    .map((x) => ({ line: x.line, code: Number(x.m![1]) }));
}

describe("all generated modules compile under --strict and the stricter checks projects turn on", () => {
  it("types, validators and parse/serialize of every bundled schema", () => {
    const all = renderTo("strict", bundledCatalog().map((e) => e.name));
    const program = ts.createProgram(
      bundledCatalog().map((e) => join(all, e.name, "index.ts")),
      // A project compiling generated code with these must not fail on it (unused imports did).
      strictOptions(["node"], { noUnusedLocals: true, noUnusedParameters: true, noImplicitReturns: true, noFallthroughCasesInSwitch: true, noImplicitOverride: true }),
    );
    expect(diagnosticLines(program)).toEqual([]);
  });
});

describe("generated types are precise", () => {
  it("a correct program compiles under --strict", () => {
    const diags = compile({ "good.ts": GOOD });
    expect(diags).toEqual([]);
  });

  it("a wrong enumeration value, a missing required child and both alternatives of a choice do not compile", () => {
    const diags = compile({ "bad.ts": BAD });
    const found = diags.filter((d) => d.file === "bad.ts").map((d) => ({ line: d.line, code: d.code }));
    expect(found).toEqual(expectedErrors(BAD));
    const messages = diags.map((d) => d.text).join("\n");
    expect(messages).toContain('Did you mean \'"Oracle"\'?');
    expect(messages).toContain("ORACLE_AUTHENTICATION_TEMPLATE");
    expect(messages).toContain("DATETIME");
  });
});
