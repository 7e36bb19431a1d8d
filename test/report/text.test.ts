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
  it("indents the caret by display width: CJK text and emoji before the column take two cells each", () => {
    // <名前>漢字😀&bad;  — the error is at character column 10 (the &), 14 cells from the line start.
    const line = "<名前>漢字😀&bad;";
    const out = formatText(findings([diag({ column: 10 })]), new Map([["f.xml", new Map([[1, line]])]]), { color: false, maxFrames: 20 });
    expect(out).toContain("f.xml:1:10:");
    expect(out).toContain(`> 1 | ${line}`);
    expect(out).toContain(`    | ${" ".repeat(14)}^\n`);
  });
  it("keeps the caret under a wide character on a long line cut to fit", () => {
    const line = "漢".repeat(300) + "<X/>";
    const out = formatText(findings([diag({ column: 301 })]), new Map([["f.xml", new Map([[1, line]])]]), { color: false, maxFrames: 20 });
    const [shown, caret] = out.split("\n").slice(1, 3);
    const text = shown.slice("> 1 | ".length);
    const before = caret.slice("    | ".length).indexOf("^");
    // The frame starts with "…" (one cell) and then wide characters; the caret stands under "<".
    expect(text.startsWith("…漢")).toBe(true);
    const chars = Array.from(text);
    const lt = chars.indexOf("<");
    expect(before).toBe(1 + (lt - 1) * 2);
  });
  it("counts infos in the summary when there are any", () => {
    expect(summaryLine(findings([diag({ severity: "info", code: "qualys/empty-remediation" })]))).toBe("1 file: 0 valid, 1 invalid; 0 errors, 0 warnings, 1 info");
    expect(summaryLine(findings([diag({}), diag({ severity: "warning" })]))).toBe("1 file: 0 valid, 1 invalid; 1 error, 1 warning");
  });
});
