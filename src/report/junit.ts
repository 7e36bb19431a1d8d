/**
 * JUnit XML for CI test tabs: one testcase per file, one <failure> per error; warnings and infos
 * go to the testcase's <system-out>. A pure function of the findings.
 */
import type { Diagnostic, Findings } from "../diagnostics/diagnostic.js";
import { locationFile } from "../diagnostics/location.js";

// Characters XML 1.0 cannot carry at all are dropped; the rest is escaped.
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlEscape(s: string): string {
  return s
    .replace(INVALID_XML_CHARS, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\r/g, "&#13;")
    .replace(/\n/g, "&#10;")
    .replace(/\t/g, "&#9;");
}

/** Element content: newlines and tabs may stay as they are. */
function textEscape(s: string): string {
  return s.replace(INVALID_XML_CHARS, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function describe(file: string, d: Diagnostic): string {
  const at = locationFile(file, d, process.cwd());
  const lines = [`${at}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`];
  if (at !== file) lines.push(`  in the DTD that ${file} names`);
  if (d.path !== undefined) lines.push(`  at ${d.path}`);
  if (d.hint !== undefined) lines.push(`  hint: ${d.hint}`);
  return lines.join("\n");
}

export function formatJunit(findings: Findings, suiteName = "qxml lint"): string {
  const cases: string[] = [];
  for (const f of findings.files) {
    const errors = f.diagnostics.filter((d) => d.severity === "error");
    const others = f.diagnostics.filter((d) => d.severity !== "error");
    const body: string[] = [];
    for (const d of errors) {
      body.push(`      <failure message="${xmlEscape(`${d.line}:${d.column} ${d.message}`)}" type="${xmlEscape(d.code)}">${textEscape(describe(f.file, d))}</failure>`);
    }
    if (others.length > 0) body.push(`      <system-out>${textEscape(others.map((d) => describe(f.file, d)).join("\n"))}</system-out>`);
    const open = `    <testcase classname="${xmlEscape(suiteName)}" name="${xmlEscape(f.file)}"`;
    cases.push(body.length === 0 ? `${open}/>` : `${open}>\n${body.join("\n")}\n    </testcase>`);
  }
  const n = findings.files.length;
  const failedCases = findings.files.filter((f) => f.diagnostics.some((d) => d.severity === "error")).length;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="${xmlEscape(suiteName)}" tests="${n}" failures="${failedCases}" errors="0">`,
    `  <testsuite name="${xmlEscape(suiteName)}" tests="${n}" failures="${failedCases}" errors="0" skipped="0">`,
    ...cases,
    `  </testsuite>`,
    `</testsuites>`,
    ``,
  ].join("\n");
}
