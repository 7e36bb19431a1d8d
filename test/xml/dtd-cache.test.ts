/**
 * DtdCache: an external DTD subset named by many documents is parsed once and compiled once, and
 * every document still gets exactly what it got without the cache.
 */
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { validateFile, validateString } from "../../src/validate/index.js";
import { DTD_CACHE_LIMITS, DtdCache } from "../../src/xml/dtd-cache.js";
import { defaultDtdParser } from "../../src/xml/dtd-hook.js";
import type { DoctypeInfo } from "../../src/xml/events.js";
import { readString } from "../../src/xml/reader.js";
import { localResolver } from "../../src/xml/resolve.js";
import { Catalog, bundledSchemasDir } from "../../src/schema/catalog.js";

function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "qxml-dtdcache-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The DOCTYPE the reader reports for `text` (read as a file in `dir`). */
function doctypeOf(text: string, dir: string, cache: DtdCache): DoctypeInfo {
  let info: DoctypeInfo | undefined;
  readString(
    text,
    { doctype: (d) => (info = d), startElement() {}, endElement() {}, text() {}, diagnostic() {} },
    { file: join(dir, "doc.xml"), resolveEntity: localResolver({ allow: [dir] }), loadExternalDtd: true, dtdCache: cache },
  );
  return info!;
}

const NOTE_DTD = '<!ELEMENT note (to, body)>\n<!ELEMENT to (#PCDATA)>\n<!ELEMENT body (#PCDATA)>\n<!ENTITY sig "-- qxml">\n';

describe("DtdCache in the reader", () => {
  it("serves a DOCTYPE without an internal subset from one parse: fresh copies of one kept subset", () => {
    const dir = scratch({ "note.dtd": NOTE_DTD });
    const cache = new DtdCache();
    const doc = '<!DOCTYPE note SYSTEM "note.dtd"><note><to>a</to><body>&sig;</body></note>';
    const a = doctypeOf(doc, dir, cache);
    const b = doctypeOf(doc, dir, cache);
    expect(a.dtd).not.toBe(b.dtd);
    expect(a.dtd!.diagnostics).not.toBe(b.dtd!.diagnostics);
    expect(cache.origin(a.dtd!)?.doc).toBe(cache.origin(b.dtd!)?.doc);
    expect(cache.origin(a.dtd!)?.file).toBe(join(dir, "note.dtd"));
    expect([...b.dtd!.elements.keys()]).toEqual(["note", "to", "body"]);
  });

  it("parses again when the file's text changed, and never serves a DOCTYPE with an internal subset", () => {
    const dir = scratch({ "note.dtd": NOTE_DTD });
    const cache = new DtdCache();
    const a = doctypeOf('<!DOCTYPE note SYSTEM "note.dtd"><note/>', dir, cache);
    writeFileSync(join(dir, "note.dtd"), NOTE_DTD + "<!ELEMENT extra EMPTY>\n");
    const b = doctypeOf('<!DOCTYPE note SYSTEM "note.dtd"><note/>', dir, cache);
    expect(cache.origin(b.dtd!)?.doc).not.toBe(cache.origin(a.dtd!)?.doc);
    expect(b.dtd!.elements.has("extra")).toBe(true);
    const internal = doctypeOf('<!DOCTYPE note SYSTEM "note.dtd" [<!ENTITY sig "mine">]><note/>', dir, cache);
    expect(cache.origin(internal.dtd!)).toBeUndefined();
    expect(internal.dtd!.generalEntities.get("sig")?.value).toBe("mine");
  });

  it("does not keep a subset that read an external parameter entity (whether it may be read depends on the document)", () => {
    const dir = scratch({ "outer.dtd": '<!ENTITY % inner SYSTEM "inner.ent">\n%inner;\n', "inner.ent": "<!ELEMENT note EMPTY>\n" });
    const cache = new DtdCache();
    const info = doctypeOf('<!DOCTYPE note SYSTEM "outer.dtd"><note/>', dir, cache);
    expect(info.dtd!.elements.has("note")).toBe(true);
    expect(cache.origin(info.dtd!)).toBeUndefined();
  });
});

describe("DtdCache bounds", () => {
  it("keeps at most DTD_CACHE_LIMITS.entries subsets and chars of text, the least recently used going first", () => {
    const cache = new DtdCache();
    const parser = defaultDtdParser;
    const kept = (file: string, text: string) => cache.lookup(file, text, "k", parser) !== undefined;
    for (let i = 0; i < DTD_CACHE_LIMITS.entries + 8; i++) {
      cache.store(`/d/${i}.dtd`, `text ${i}`, "k", parser, parser.newDtdDocument());
      if (i === DTD_CACHE_LIMITS.entries - 1) expect(kept("/d/0.dtd", "text 0")).toBe(true); // used: now the most recent
    }
    expect(cache.size).toBe(DTD_CACHE_LIMITS.entries);
    expect(kept("/d/0.dtd", "text 0")).toBe(true);
    expect(kept("/d/1.dtd", "text 1")).toBe(false);
    const big = "x".repeat(Math.ceil(DTD_CACHE_LIMITS.chars * 0.6));
    cache.store("/d/big1.dtd", big, "k", parser, parser.newDtdDocument());
    cache.store("/d/big2.dtd", big, "k", parser, parser.newDtdDocument());
    expect(kept("/d/big2.dtd", big)).toBe(true);
    expect(kept("/d/big1.dtd", big)).toBe(false);
    expect(cache.size).toBeLessThanOrEqual(DTD_CACHE_LIMITS.entries);
  });
});

describe("DtdCache in validation: the same findings as without it", () => {
  const cases: Record<string, string> = {
    "valid.xml": '<!DOCTYPE note SYSTEM "note.dtd"><note><to>a</to><body>&sig;</body></note>',
    "invalid.xml": '<!DOCTYPE note SYSTEM "note.dtd"><note><body>b</body><to>a</to></note>',
    "undeclared.xml": '<!DOCTYPE note SYSTEM "note.dtd"><note><to>a</to><body>&nope;</body></note>',
    "broken-dtd.xml": '<!DOCTYPE memo SYSTEM "broken.dtd"><memo/>',
    "notation.xml": '<!DOCTYPE pic SYSTEM "notation.dtd"><pic kind="gif"/>',
    "internal.xml": '<!DOCTYPE note SYSTEM "note.dtd" [<!ENTITY sig "mine">]><note><to>a</to><body>&sig;</body></note>',
    // Errors in reading the DTD's text: each document must meet them again.
    "bad-char.xml": '<!DOCTYPE note SYSTEM "bad-char.dtd"><note/>',
    "version.xml": '<!DOCTYPE note SYSTEM "version.dtd"><note/>',
    "entity-file.xml": '<!DOCTYPE note [<!ENTITY body SYSTEM "body.ent"><!ELEMENT note (#PCDATA)>]><note>&body;&body;</note>',
  };
  const dtds = {
    "note.dtd": NOTE_DTD,
    "broken.dtd": "<!ELEMENT memo EMPTY>\n<!ELEMENT memo ANY>\n<!ATTLIST memo id ID #IMPLIED id2 ID #IMPLIED>\n",
    "notation.dtd": "<!ELEMENT pic EMPTY>\n<!ATTLIST pic kind NOTATION (gif) #REQUIRED>\n",
    "bad-char.dtd": "<!ELEMENT note EMPTY>\n<!-- \u0001 -->\n",
    "version.dtd": '<?xml version="1.1" encoding="UTF-8"?><!ELEMENT note EMPTY>\n',
    "body.ent": '<?xml encoding="UTF-8"?>text\r\nof the body',
  };

  it("every document, twice, in one run, agrees with a run without the cache", async () => {
    const dir = scratch({ ...dtds, ...cases });
    const cache = new DtdCache();
    const resolveEntity = localResolver({ allow: [dir] });
    const names = [...Object.keys(cases), ...Object.keys(cases)];
    const run = (name: string, dtdCache?: DtdCache) => validateFile(join(dir, name), { file: join(dir, name), resolveEntity, ...(dtdCache ? { dtdCache } : {}) });
    for (const name of names) expect(await run(name, cache), name).toEqual(await run(name));
    // The cases reach what the cache must serve and replay: the DTD's declarations, its own
    // errors and the whole-DTD checks, for each document.
    expect((await run("valid.xml", cache)).valid).toBe(true);
    expect((await run("invalid.xml", cache)).diagnostics.map((d) => d.code)).toEqual(["valid/unexpected-element"]);
    expect((await run("broken-dtd.xml", cache)).diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(["dtd/duplicate-element"]));
    expect((await run("notation.xml", cache)).diagnostics.filter((d) => d.code === "dtd/undeclared-notation")).toHaveLength(1);
    expect((await run("bad-char.xml", cache)).diagnostics.map((d) => d.code)).toEqual(["xml/invalid-char"]);
    expect((await run("version.xml", cache)).diagnostics.map((d) => d.code)).toEqual(["xml/xml-declaration"]);
    expect((await run("entity-file.xml", cache)).valid).toBe(true);
  });

  it("reads a file again only when its size, times or inode changed", () => {
    const dir = scratch({ "note.dtd": NOTE_DTD });
    const file = join(dir, "note.dtd");
    const cache = new DtdCache();
    const first = cache.readFile(file);
    expect(Buffer.from(first).toString()).toBe(NOTE_DTD);
    expect(cache.readFile(file)).toBe(first);
    // Same size, other bytes, other modification time.
    writeFileSync(file, NOTE_DTD.replace("note", "memo"));
    utimesSync(file, new Date(2020, 0, 1), new Date(2020, 0, 1));
    const second = cache.readFile(file);
    expect(Buffer.from(second).toString()).toContain("memo");
    writeFileSync(file, NOTE_DTD + "<!ELEMENT extra EMPTY>\n");
    expect(Buffer.from(cache.readFile(file)).toString()).toContain("extra");
    expect(() => cache.readFile(join(dir, "missing.dtd"))).toThrow(/ENOENT/);
  });

  it("keeps an external file's text for the same bytes only", () => {
    const cache = new DtdCache();
    const bytes = Buffer.from("<!ELEMENT note EMPTY>");
    expect(cache.decodedText("/d/note.dtd", bytes)).toBeUndefined();
    cache.keepDecodedText("/d/note.dtd", bytes, "<!ELEMENT note EMPTY>");
    expect(cache.decodedText("/d/note.dtd", Buffer.from("<!ELEMENT note EMPTY>"))).toBe("<!ELEMENT note EMPTY>");
    expect(cache.decodedText("/d/note.dtd", Buffer.from("<!ELEMENT note ANY>  "))).toBeUndefined();
    expect(cache.decodedText("/d/note.dtd", Buffer.from("<!ELEMENT note ANY>"))).toBeUndefined();
    expect(cache.decodedText("/d/other.dtd", bytes)).toBeUndefined();
  });

  it("the Qualys fixtures that name a bundled DTD: the same findings with one cache for all", async () => {
    const dir = resolve(import.meta.dirname, "../fixtures/qualys");
    const catalog = Catalog.bundled();
    const resolveEntity = localResolver({ allow: [dir, bundledSchemasDir], map: (systemId) => catalog.mapSystemId(systemId) });
    const cache = new DtdCache();
    let withDoctype = 0;
    let valid = 0;
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".xml"))) {
      const file = join(dir, name);
      const cached = await validateFile(file, { file, resolveEntity, dtdCache: cache });
      if (cached.doctype?.systemId === undefined) continue;
      withDoctype++;
      if (cached.valid) valid++;
      expect(cached, name).toEqual(await validateFile(file, { file, resolveEntity }));
    }
    expect(withDoctype).toBeGreaterThan(10);
    expect(valid).toBeGreaterThan(10);
  });

  it("a string validated without a resolver reads no DTD, with or without a cache", () => {
    const cache = new DtdCache();
    const r = validateString('<!DOCTYPE note SYSTEM "note.dtd"><note/>', { file: "s.xml", dtdCache: cache });
    expect(r).toEqual(validateString('<!DOCTYPE note SYSTEM "note.dtd"><note/>', { file: "s.xml" }));
  });
});
