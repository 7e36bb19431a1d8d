import { describe, expect, it } from "vitest";
import { clipParamText, defineCodes, diagnose, MAX_PARAM_TEXT } from "../../src/diagnostics/codes.js";

defineCodes({ "test/clip": { severity: "error", message: "no attribute {name} here", hint: "remove {name}" } });

describe("diagnostic parameters are clipped", () => {
  it("a 50,000-character name is shown by its start and length in message, hint and params", () => {
    const name = "n".repeat(50_000);
    const d = diagnose("test/clip", { name, list: [name, "short"] }, { line: 1, column: 1 });
    expect(d.message.length).toBeLessThan(MAX_PARAM_TEXT);
    expect(d.message).toContain("… (50000 characters)");
    expect(d.hint!.length).toBeLessThan(MAX_PARAM_TEXT);
    expect((d.params!.name as string).length).toBeLessThan(MAX_PARAM_TEXT);
    expect(d.params!.list).toEqual([clipParamText(name), "short"]);
  });
  it("short parameters are kept as they are", () => {
    const params = { name: "x".repeat(MAX_PARAM_TEXT), n: 3, list: ["a", "b"] };
    const d = diagnose("test/clip", params, { line: 1, column: 1 });
    expect(d.params).toEqual(params);
    // The message shows a readable start (MESSAGE_BARE_KEEP characters) and the length; params keep it whole.
    expect(d.message).toBe(`no attribute ${"x".repeat(200)}… (${MAX_PARAM_TEXT} characters) here`);
  });
});
