/** Lint findings per file stop at MAX_LINT_FINDINGS; the rest are counted in one qxml/too-many-findings. */
import { describe, expect, it } from "vitest";
import { createFileLinter, MAX_LINT_FINDINGS } from "../../src/lint/runner.js";
import type { Rule } from "../../src/lint/types.js";
import type { StartTag } from "../../src/xml/events.js";

/** A rule that reports every <W> as a warning and every <E> as an error. */
const everyOne = (name: string, severity: "warning" | "error"): Rule => ({
  meta: { id: `test/every-${name}`, severity, description: "", docs: "", messages: { m: "found <{name}>" }, hint: "" },
  create: (context) => ({ [`${name}:enter`]: (node) => context.report({ messageId: "m", node, params: { name } }) }),
});

function run(children: string[]) {
  const linter = createFileLinter("f.xml", [everyOne("W", "warning"), everyOne("E", "error")]);
  const h = linter.handler;
  const tag = (name: string, line: number): StartTag => ({ name, attributes: [], line, column: 1 }) as unknown as StartTag;
  h.startElement(tag("ROOT", 1));
  children.forEach((name, i) => {
    h.startElement(tag(name, i + 2));
    h.endElement(name, { line: i + 2, column: 4 });
  });
  h.endElement("ROOT", { line: children.length + 2, column: 1 });
  return linter.diagnostics();
}

describe("lint finding limit", () => {
  it("keeps the first findings and counts the rest, with the worst severity among them", () => {
    // Warnings fill the list; an error past the limit must still make the file fail.
    const ds = run([...Array<string>(MAX_LINT_FINDINGS + 20).fill("W"), "E"]);
    expect(ds).toHaveLength(MAX_LINT_FINDINGS + 1);
    const cap = ds[ds.length - 1];
    expect(cap).toMatchObject({ code: "qxml/too-many-findings", severity: "error", line: MAX_LINT_FINDINGS + 2, params: { notReported: 21 } });
    expect(cap.message).toBe(`more than ${MAX_LINT_FINDINGS} lint findings in this file; 21 more were not reported`);
  });
  it("only warnings left out: the limit's finding is a warning", () => {
    const ds = run(Array<string>(MAX_LINT_FINDINGS + 3).fill("W"));
    expect(ds[ds.length - 1]).toMatchObject({ code: "qxml/too-many-findings", severity: "warning", params: { notReported: 3 } });
  });
  it("at the limit exactly, nothing is left out", () => {
    expect(run(Array<string>(MAX_LINT_FINDINGS).fill("E")).some((d) => d.code === "qxml/too-many-findings")).toBe(false);
  });
});
