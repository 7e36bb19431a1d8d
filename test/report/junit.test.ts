/** JUnit XML: parses (qxml's own reader and libxml2), a testcase per file, a failure per error, hostile text escaped. */
import { describe, expect, it } from "vitest";
import { XmlDocument } from "libxml2-wasm";
import { summarize } from "../../src/diagnostics/diagnostic.js";
import { formatJunit } from "../../src/report/junit.js";
import { isElement, parseTree, type XmlElement } from "../../src/xml/tree.js";

const findings = summarize([
  { file: "good.xml", schema: "s", valid: true, diagnostics: [] },
  {
    file: 'bad & "odd" <name>.xml',
    schema: "s",
    valid: false,
    diagnostics: [
      { severity: "error", code: "qualys/udc-id", message: 'UDC_ID "]]></x>&\u0001" is not a UUID', line: 3, column: 5, hint: "h", path: "/A/B" },
      { severity: "error", code: "qualys/criticality", message: "second", line: 9, column: 1 },
      { severity: "warning", code: "qualys/count-mismatch", message: "a warning", line: 2, column: 1 },
    ],
  },
]);

const elements = (e: XmlElement, name: string): XmlElement[] => e.children.filter(isElement).filter((c) => c.name === name);

describe("formatJunit", () => {
  const xml = formatJunit(findings);

  it("is well-formed XML for qxml's reader and for libxml2", () => {
    expect(() => parseTree(xml, "junit.xml")).not.toThrow();
    const doc = XmlDocument.fromString(xml);
    expect(doc.root.name).toBe("testsuites");
    doc.dispose();
  });

  it("has a testcase per file and a failure per error; warnings go to system-out", () => {
    const root = parseTree(xml, "junit.xml");
    expect(root.attributes.get("tests")?.value).toBe("2");
    expect(root.attributes.get("failures")?.value).toBe("1");
    const suite = elements(root, "testsuite")[0];
    const cases = elements(suite, "testcase");
    expect(cases.map((c) => c.attributes.get("name")?.value)).toEqual(["good.xml", 'bad & "odd" <name>.xml']);
    expect(cases[0].children.filter(isElement)).toEqual([]);
    const failures = elements(cases[1], "failure");
    expect(failures.map((f) => f.attributes.get("type")?.value)).toEqual(["qualys/udc-id", "qualys/criticality"]);
    expect(failures[0].attributes.get("message")?.value).toBe('3:5 UDC_ID "]]></x>&" is not a UUID');
    const out = elements(cases[1], "system-out")[0];
    const text = out.children.map((c) => (isElement(c) ? "" : c.text)).join("");
    expect(text).toContain("warning qualys/count-mismatch: a warning");
  });

  it("an empty run is a valid empty suite", () => {
    const root = parseTree(formatJunit(summarize([])), "junit.xml");
    expect(root.attributes.get("tests")?.value).toBe("0");
  });
});
