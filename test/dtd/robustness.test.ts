/**
 * Hostile input is normal input: truncated and corrupted DTDs (seeded, reproducible) never make
 * the parser throw or hang; every failure is a located diagnostic.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { finishDtd, isFatalDtdCode, newDtdDocument, parseDtdText } from "../../src/dtd/parse.js";
import { seededRng } from "../../test-support/mutate/rng.js";
import { LIBXML2_DIR } from "../../test-support/paths.js";

const dtds = join(LIBXML2_DIR, "test/valid/dtds");

/** The shared seeded generator (mulberry32), so a failure can be replayed from its seed. */
const rng = (seed: number): (() => number) => seededRng(seed).next;

const PIECES = ["<", ">", "%", "&", "(", ")", "|", ",", "*", '"', "'", "<!ELEMENT ", "<![INCLUDE[", "]]>", "%e;", "#PCDATA", "&#0;", "\u0000", "--"];

function mutate(text: string, r: () => number): string {
  let s = text;
  const n = 1 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(r() * (s.length + 1));
    const op = r();
    if (op < 0.3) s = s.slice(0, at);
    else if (op < 0.6) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(r() * 20));
    else s = s.slice(0, at) + PIECES[Math.floor(r() * PIECES.length)] + s.slice(at);
  }
  return `<!ENTITY % e "(a|b)">` + s;
}

describe("robustness", () => {
  it("parameter entities that double a content model 19 times: refused at its 100,001st name, where the reference is", () => {
    let text = `<!ENTITY % p0 "(a?,a?)">\n`;
    for (let i = 1; i < 19; i++) text += `<!ENTITY % p${i} "(%p${i - 1};,%p${i - 1};)">\n`;
    text += `<!ELEMENT r %p18;>\n<!ELEMENT a EMPTY>\n`;
    const doc = newDtdDocument();
    parseDtdText(text, doc, { file: "pd.dtd", internal: false });
    const d = doc.diagnostics.find((x) => x.code === "dtd/content-model-too-large");
    expect(d).toMatchObject({ message: "the content model of r names more than 100000 elements", line: 20, column: 13 });
    expect(isFatalDtdCode("dtd/content-model-too-large")).toBe(true);
  });

  const sources = readdirSync(dtds)
    .filter((f) => f.endsWith(".dtd"))
    .map((f) => readFileSync(join(dtds, f), "latin1"));

  it("never throws on 3000 mutated DTDs, and locates every diagnostic", () => {
    const r = rng(20261122);
    let withErrors = 0;
    for (let i = 0; i < 3000; i++) {
      const text = mutate(sources[i % sources.length], r);
      const doc = newDtdDocument();
      parseDtdText(text, doc, { file: "m.dtd", internal: r() < 0.3 });
      finishDtd(doc);
      if (doc.diagnostics.length > 0) withErrors++;
      for (const d of doc.diagnostics) {
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.column).toBeGreaterThanOrEqual(1);
        expect(d.message.length).toBeGreaterThan(0);
      }
    }
    expect(withErrors).toBeGreaterThan(1000);
  });

  it("with recovery (schema files): never throws, the first error is the same, errors come in text order", () => {
    const r = rng(20261123);
    let moreThanOne = 0;
    for (let i = 0; i < 3000; i++) {
      const text = mutate(sources[i % sources.length], r);
      const internal = r() < 0.3;
      const once = newDtdDocument();
      parseDtdText(text, once, { file: "m.dtd", internal });
      const all = newDtdDocument();
      parseDtdText(text, all, { file: "m.dtd", internal, recover: true });
      // Recovery only adds: what a strict read reports is where a recovering read starts.
      expect(all.diagnostics.slice(0, once.diagnostics.length)).toEqual(once.diagnostics);
      // (An INCLUDE section left open is reported at its start, when the text ends: not in order.)
      const located = all.diagnostics.filter((d) => isFatalDtdCode(d.code) && d.schemaLocation?.file === "m.dtd" && !/INCLUDE section$/.test(String(d.params?.construct)));
      const fatal = located.map((d) => d.line * 1e6 + d.column);
      expect(fatal).toEqual([...fatal].sort((a, b) => a - b));
      if (fatal.length > 1) moreThanOne++;
    }
    expect(moreThanOne).toBeGreaterThan(300);
  });
});
