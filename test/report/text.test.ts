/** The text report: code frames that keep the caret right, and a summary that counts what it printed. */
import { describe, expect, it } from "vitest";
import type { Diagnostic, Findings } from "../../src/diagnostics/diagnostic.js";
import { summarize } from "../../src/diagnostics/diagnostic.js";
import { formatText, summaryLine } from "../../src/report/text.js";

const diag = (over: Partial<Diagnostic>): Diagnostic => ({ severity: "error", code: "xml/invalid-char", message: "m", line: 1, column: 1, ...over });
const findings = (diagnostics: Diagnostic[]): Findings => summarize([{ file: "f.xml", schema: null, valid: false, diagnostics }]);

describe("text report", () => {
  it("shows control characters as Control Pictures, one for one, so the caret stays under its column", () => {
    const out = formatText(findings([diag({ column: 4 })]), new Map([["f.xml", new Map([[1, "ab\u0001\u0000x\u007f"]])]]), { color: false, maxFrames: 20 });
    expect(out).toContain("> 1 | ab\u2401\u2400x\u2421");
    expect(out).toContain("    |    ^");
    expect(out).not.toMatch(/[\u0000\u0001\u007f]/);
  });
  it("counts infos in the summary when there are any", () => {
    expect(summaryLine(findings([diag({ severity: "info", code: "qualys/empty-remediation" })]))).toBe("1 file: 0 valid, 1 invalid; 0 errors, 0 warnings, 1 info");
    expect(summaryLine(findings([diag({}), diag({ severity: "warning" })]))).toBe("1 file: 0 valid, 1 invalid; 1 error, 1 warning");
  });
});
