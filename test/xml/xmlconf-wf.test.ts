/**
 * W3C XML conformance suite, well-formedness: every XML 1.0 (5th edition) not-wf case must end
 * with a fatal error; every valid and invalid case must read without one.
 */
import { describe, expect, it } from "vitest";
import { appliesToXml10Fifth, loadXmlconf, type XmlconfTest } from "../../test-support/xmlconf.js";
import { checkWellFormed } from "../../test-support/xmlconf-wf.js";

/** Cases qxml does not pass, each with the reason (also in docs/conformance.md). */
const EXCEPTIONS: Record<string, string> = {
  // None at present: add "test id": "reason" when a case cannot pass yet.
};

/** Why a catalogue entry is out of scope for this suite, or undefined when it applies. */
function outOfScope(t: XmlconfTest): string | undefined {
  if (t.type === "error") return "TYPE=error: processors may or may not report these";
  if (t.version === "1.1" || t.recommendation === "XML1.1" || t.recommendation === "NS1.1") return "XML 1.1 / Namespaces 1.1: qxml implements XML 1.0";
  if (!appliesToXml10Fifth(t)) return "applies to editions 1-4 only (5th edition changed the name characters)";
  return undefined;
}

const all = loadXmlconf();
const inScope = all.filter((t) => outOfScope(t) === undefined);

describe("xmlconf catalogue", () => {
  it("loads every TEST with an existing file and resolved xml:base", () => {
    expect(all.length).toBe(2585);
    const t = all.find((x) => x.id === "not-wf-sa-001")!;
    expect(t.file.endsWith("xmlconf/xmltest/not-wf/sa/001.xml")).toBe(true);
    expect(t.type).toBe("not-wf");
    expect(all.find((x) => x.id === "rmt-ns10-043")?.recommendation).toBe("NS1.0");
    expect(new Set(all.map((x) => x.type))).toEqual(new Set(["valid", "invalid", "not-wf", "error"]));
  });
});

describe("xmlconf well-formedness (XML 1.0 5th edition)", () => {
  const results = new Map<string, { ok: boolean; why: string }>();
  for (const t of inScope) {
    const v = checkWellFormed(t);
    const ok = t.type === "not-wf" ? v.fatal !== null : v.fatal === null;
    const why = v.fatal === null ? "no fatal error" : `${v.fatal.code} at ${v.fatal.line}:${v.fatal.column}: ${v.fatal.message}`;
    results.set(t.id, { ok, why });
  }

  it("passes every in-scope case except the listed exceptions", () => {
    const unexpected: string[] = [];
    for (const t of inScope) {
      const r = results.get(t.id)!;
      if (!r.ok && EXCEPTIONS[t.id] === undefined) unexpected.push(`${t.type} ${t.id} (${t.file}): ${r.why}`);
    }
    expect(unexpected).toEqual([]);
  });

  it("lists no exception that now passes", () => {
    const stale = Object.keys(EXCEPTIONS).filter((id) => results.get(id)?.ok === true);
    expect(stale).toEqual([]);
  });

  it("prints the pass rates", () => {
    const byType = new Map<string, [number, number]>();
    for (const t of inScope) {
      const r = byType.get(t.type) ?? [0, 0];
      r[1]++;
      if (results.get(t.id)!.ok) r[0]++;
      byType.set(t.type, r);
    }
    const passed = [...byType.values()].reduce((a, [p]) => a + p, 0);
    console.log(
      `xmlconf well-formedness: ${passed}/${inScope.length} in scope (${all.length - inScope.length} out of scope); ` +
        [...byType].map(([k, [p, n]]) => `${k} ${p}/${n}`).join(", "),
    );
    expect(passed).toBeGreaterThanOrEqual(inScope.length - Object.keys(EXCEPTIONS).length);
  });
});
