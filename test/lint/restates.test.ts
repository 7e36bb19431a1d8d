import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { withoutRestated } from "../../src/lint/lint-document.js";
import { rules } from "../../src/lint/index.js";

const d = (code: string, path: string, line = 1): Diagnostic => ({ severity: "error", code, message: code, line, column: 1, path });

describe("one mistake, one finding: rules that restate a schema check", () => {
  const path = "/OPTION_PROFILES/OPTION_PROFILE/SCAN/SYSTEM_AUTH_RECORD/ALLOW_AUTH_CREATION/AUTHENTICATION_TYPE_LIST/AUTHENTICATION_TYPE";
  it("drops the schema's enumeration error where qualys/auth-type reports the same element", () => {
    const schema = [d("valid/text-type", path), d("valid/unexpected-element", "/OPTION_PROFILES/X")];
    const lint = [d("qualys/auth-type", path)];
    expect(withoutRestated(schema, lint, rules).map((x) => x.code)).toEqual(["valid/unexpected-element"]);
  });
  it("keeps the schema error on another element, and codes the rule does not restate", () => {
    const schema = [d("valid/text-type", path + "[2]"), d("valid/missing-element", path)];
    const lint = [d("qualys/auth-type", path)];
    expect(withoutRestated(schema, lint, rules)).toEqual(schema);
  });
  it("keeps everything when no rule restates", () => {
    const schema = [d("valid/text-type", "/POLICY_EXPORT_OUTPUT/RESPONSE/POLICY/SECTIONS/SECTION/CONTROLS/USER_DEFINED_CONTROL/CRITICALITY/VALUE")];
    const lint = [d("qualys/criticality", "/POLICY_EXPORT_OUTPUT/RESPONSE/POLICY/SECTIONS/SECTION/CONTROLS/USER_DEFINED_CONTROL/CRITICALITY/VALUE")];
    expect(withoutRestated(schema, lint, rules)).toEqual(schema);
  });
  it("every restated code is a registered validator code", async () => {
    const { allCodes } = await import("../../src/diagnostics/codes.js");
    await import("../../src/validate/codes.js");
    for (const r of rules) for (const code of r.meta.restates ?? []) expect(allCodes().has(code), `${r.meta.id} restates ${code}`).toBe(true);
  });
});
