/** The one traversal: paths, :enter/:exit, subtrees only where asked, and depth without recursion. */
import { describe, expect, it } from "vitest";
import { createReader, readString } from "../../src/xml/reader.js";
import { addListeners, emptyListenerTable, LintCollector } from "../../src/lint/collector.js";
import { createFileLinter } from "../../src/lint/runner.js";
import { lintString, rules } from "../../src/lint/index.js";
import type { LintNode, Rule } from "../../src/lint/types.js";
import { ruleMeta } from "../../src/lint/meta.js";

function collect(xml: string, listeners: Record<string, (n: LintNode) => void>) {
  const table = emptyListenerTable();
  addListeners(table, listeners);
  const c = new LintCollector(table);
  readString(xml, c);
  return c;
}

describe("LintCollector", () => {
  it("gives paths with positions among same-named siblings, [1] left out", () => {
    const paths: string[] = [];
    collect("<A><B/><C/><B><D/></B><B/></A>", { "D:enter": (n) => paths.push(n.path), "B:exit": (n) => paths.push(n.path) });
    expect(paths).toEqual(["/A/B", "/A/B[2]/D", "/A/B[2]", "/A/B[3]"]);
  });

  it("hands a listened element's subtree with text, attributes and positions when it closes", () => {
    let got: LintNode | undefined;
    collect('<R>\n  <X a="1">hi<Y>there</Y><![CDATA[ & more]]></X>\n</R>', { X: (n) => (got = n) });
    expect(got!.text).toBe("hi & more");
    expect(got!.attributes.get("a")).toEqual({ value: "1", line: 2, column: 6 });
    expect(got!.children.map((c) => [c.name, c.text, c.line, c.column, c.parent])).toEqual([["Y", "there", 2, 14, "X"]]);
    expect(got!.childCounts.get("Y")).toBe(1);
  });

  it("keeps no subtree for elements only listened to at :enter/:exit", () => {
    let exit: LintNode | undefined;
    collect('<SECTIONS total="2"><SECTION>t</SECTION><SECTION/></SECTIONS>', { "SECTIONS:exit": (n) => (exit = n) });
    expect(exit!.children).toEqual([]);
    expect(exit!.text).toBe("");
    expect(exit!.childCounts.get("SECTION")).toBe(2);
    expect(exit!.attributes.get("total")?.value).toBe("2");
  });

  it("rejects an unknown listener phase", () => {
    expect(() => addListeners(emptyListenerTable(), { "X:leave": () => {} })).toThrow(/:enter or :exit/);
  });

  it("walks 9,000 levels of nesting (the reader allows 10,000) without recursion", () => {
    const depth = 9000;
    const xml = "<TECHNOLOGY><REMEDIATION/>" + "<W>".repeat(depth) + "</W>".repeat(depth) + "</TECHNOLOGY>";
    const d = lintString(xml, { rules: rules.filter((r) => r.meta.id === "qualys/empty-remediation") });
    expect(d.map((x) => x.code)).toEqual(["qualys/empty-remediation"]);
  });

  it("works when the document arrives in one-character chunks", () => {
    const xml = "<POLICY>\n<TECHNOLOGIES total='3'><TECHNOLOGY/></TECHNOLOGIES></POLICY>";
    const linter = createFileLinter("x.xml", rules);
    const r = createReader(linter.handler);
    for (const ch of xml) r.write(ch);
    r.close();
    expect(linter.diagnostics().map((d) => [d.code, d.line, d.column])).toEqual([["qualys/count-mismatch", 2, 15]]);
  });

  it("stops at a well-formedness error without reporting unclosed subtrees", () => {
    expect(lintString("<TECHNOLOGY><REMEDIATION></REMEDIATION><oops></TECHNOLOGY>")).toEqual([]);
  });
});

describe("runner", () => {
  const boom: Rule = {
    meta: ruleMeta({ name: "boom", severity: "error", description: "test", messages: { m: "x" }, hint: "h" }),
    create: () => ({
      X() {
        throw new Error("kaput");
      },
    }),
  };
  const badId: Rule = {
    meta: ruleMeta({ name: "bad-id", severity: "error", description: "test", messages: { m: "x" }, hint: "h" }),
    create: (ctx) => ({ X: (node) => ctx.report({ messageId: "nope", node }) }),
  };

  it("turns a crashing rule into a diagnostic naming it, and keeps going", () => {
    const d = lintString("<R><X/><TECHNOLOGY><REMEDIATION/></TECHNOLOGY></R>", { rules: [boom, ...rules] });
    expect(d.map((x) => x.code)).toEqual(["qxml/lint-rule-failed", "qualys/empty-remediation"]);
    expect(d[0].message).toBe("lint rule qualys/boom failed on <X>: kaput");
  });

  it("an unknown messageId is a rule bug, reported as such", () => {
    const d = lintString("<X/>", { rules: [badId] });
    expect(d[0].message).toContain('unknown messageId "nope"');
  });

  it("applies config severities: off disables, warn and error override the default", () => {
    const xml = "<TECHNOLOGY><REMEDIATION/></TECHNOLOGY><!-- --> ".trim();
    expect(lintString(xml)[0].severity).toBe("info");
    expect(lintString(xml, { settings: { "qualys/empty-remediation": "error" } })[0].severity).toBe("error");
    expect(lintString(xml, { settings: { "qualys/empty-remediation": "warn" } })[0].severity).toBe("warning");
    expect(lintString(xml, { settings: { "qualys/empty-remediation": "off" } })).toEqual([]);
  });
});
