/** Hostile input: entity bombs, deep nesting, external entities outside the allowed folders. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { localResolver } from "../../src/xml/resolve.js";
import { firstError, normalized, read } from "./record.js";

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<lolz>&lol9;</lolz>`;

/** `s` cut into pieces of n characters. */
const pieces = (s: string, n: number) => Array.from({ length: Math.ceil(s.length / n) }, (_, k) => s.slice(k * n, k * n + n));

describe("hostile input", () => {
  it("stops billion laughs in content within a second", () => {
    const t0 = performance.now();
    const d = firstError(read(billionLaughs));
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(d.code).toBe("xml/entity-expansion-limit");
    expect([d.line, d.column]).toEqual([14, 7]);
  });

  it("stops billion laughs in an attribute value", () => {
    const t0 = performance.now();
    const d = firstError(read(billionLaughs.replace("<lolz>&lol9;</lolz>", '<lolz a="&lol9;"/>')));
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(d.code).toBe("xml/entity-expansion-limit");
  });

  it("stops quadratic blow-up (a large entity referenced many times)", () => {
    const big = "x".repeat(100_000);
    const doc = `<!DOCTYPE a [<!ENTITY e "${big}">]><a>${"&e;".repeat(20_000)}</a>`;
    const t0 = performance.now();
    const d = firstError(read(doc));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(d.code).toBe("xml/entity-expansion-limit");
    expect(d.message).toContain("characters");
  });

  it("limits entity nesting depth", () => {
    let decls = '<!ENTITY e0 "x">';
    for (let i = 1; i <= 60; i++) decls += `<!ENTITY e${i} "&e${i - 1};">`;
    const d = firstError(read(`<!DOCTYPE a [${decls}]><a>&e60;</a>`, { limits: { maxEntityNesting: 40 } }));
    expect(d.code).toBe("xml/entity-expansion-limit");
    expect(d.message).toContain("nested");
  });

  it("reports a million nested elements at maxDepth, without a stack overflow", () => {
    const n = 1_000_000;
    const doc = "<a>".repeat(n) + "</a>".repeat(n);
    const t0 = performance.now();
    const d = firstError(read(doc));
    expect(d.code).toBe("xml/too-deep");
    expect(d.params).toMatchObject({ limit: 10_000 });
    expect(d.column).toBe(10_000 * 3 + 1);
    expect(performance.now() - t0).toBeLessThan(2000);
    // Depth within the limit is fine, and the limit is configurable.
    expect(read("<a>".repeat(5000) + "</a>".repeat(5000)).errors).toEqual([]);
    expect(firstError(read("<a><a><a></a></a></a>", { limits: { maxDepth: 2 } })).code).toBe("xml/too-deep");
  });

  it("refuses an external entity outside the allowed folders (/etc/passwd)", () => {
    const dir = mkdtempSync(join(tmpdir(), "qxml-"));
    const resolveEntity = localResolver({ allow: [dir] });
    const doc = '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>';
    const d = firstError(read(doc, { resolveEntity }));
    expect(d.code).toBe("xml/external-entity-refused");
    expect(d.message).toContain("/etc/passwd");
    expect(d.message).toContain("outside the folders allowed");
    const rel = firstError(read('<!DOCTYPE a [<!ENTITY x SYSTEM "../../../../../../etc/passwd">]><a>&x;</a>', { resolveEntity, file: join(dir, "doc.xml") }));
    expect(rel.code).toBe("xml/external-entity-refused");
  });

  it("refuses an http URL (never the network)", () => {
    const resolveEntity = localResolver({ allow: [tmpdir()] });
    const d = firstError(read('<!DOCTYPE a [<!ENTITY x SYSTEM "http://evil.example/x">]><a>&x;</a>', { resolveEntity }));
    expect(d.code).toBe("xml/external-entity-refused");
    expect(d.params).toMatchObject({ systemId: "http://evil.example/x" });
    expect(d.message).toContain("never reads the network");
    const dtd = firstError(read('<!DOCTYPE a SYSTEM "https://evil.example/a.dtd"><a/>', { resolveEntity, loadExternalDtd: true }));
    expect(dtd.code).toBe("xml/external-entity-refused");
  });

  it("reads an allowed external entity (with a text declaration) and warns when there is no resolver", () => {
    const dir = mkdtempSync(join(tmpdir(), "qxml-"));
    writeFileSync(join(dir, "e.ent"), '<?xml encoding="UTF-8"?><b>ext</b>');
    const doc = '<!DOCTYPE a [<!ENTITY x SYSTEM "e.ent">]><a>&x;</a>';
    const run = read(doc, { resolveEntity: localResolver({ allow: [dir] }), file: join(dir, "doc.xml") });
    expect(run.diagnostics).toEqual([]);
    expect(run.events.filter((e) => e[0] === "start").map((e) => (e[1] as { name: string }).name)).toEqual(["a", "b"]);
    const without = read(doc, { file: join(dir, "doc.xml") });
    expect(without.errors).toEqual([]);
    expect(without.diagnostics.map((d) => d.code)).toEqual(["xml/external-entity-not-read"]);
  });

  it("limits a construct held whole while it is still open (comment, PI, start tag, DOCTYPE), not text", () => {
    const limits = { maxTokenLength: 1000 };
    const cases: [string, string, number][] = [
      [`<a><!--${"x".repeat(5000)}--></a>`, "a comment still open after", 4],
      [`<a><?pi ${"x".repeat(5000)}?></a>`, "a processing instruction still open after", 4],
      [`<a b="${"x".repeat(5000)}"/>`, "the start tag <a> still open after", 1],
      [`<!DOCTYPE a [<!ENTITY e "${"x".repeat(5000)}">]><a/>`, "the DOCTYPE declaration still open after", 1],
    ];
    for (const [doc, what, column] of cases) {
      const d = firstError(read(pieces(doc, 100), { limits }));
      expect(d.code, doc.slice(0, 12)).toBe("xml/limit");
      expect(d.message).toMatch(new RegExp(`^${what} 1\\d{3} characters exceeds the limit of 1000 characters$`));
      expect([d.line, d.column]).toEqual([1, column]);
    }
    // Text streams in pieces: any length.
    expect(read(pieces(`<a>${"x".repeat(5000)}</a>`, 100), { limits }).errors).toEqual([]);
  });

  it("gives the same verdict and place when the over-long construct comes whole (it was accepted from a string)", () => {
    const limits = { maxTokenLength: 1000 };
    // The construct between `open` and `close`, filled to 1001 characters.
    const fill = (open: string, close: string) => open + "x".repeat(1001 - open.length - close.length) + close;
    const cases: [string, string, number][] = [
      [`<a>${fill("<!--", "-->")}</a>`, "a comment of 1001 characters", 4],
      [`<a>${fill("<?pi ", "?>")}</a>`, "a processing instruction of 1001 characters", 4],
      [fill('<a b="', '"/>'), "the start tag <a> of 1001 characters", 1],
      [`${fill('<!DOCTYPE a [<!ENTITY e "', '">]>')}<a/>`, "the DOCTYPE declaration of 1001 characters", 1],
    ];
    for (const [doc, what, column] of cases) {
      const d = firstError(read(doc, { limits }));
      expect(d.code, doc.slice(0, 12)).toBe("xml/limit");
      expect(d.message).toBe(`${what} exceeds the limit of 1000 characters`);
      expect([d.line, d.column]).toEqual([1, column]);
      // In two pieces it is never held open past the limit, and is refused at the same place.
      const split = firstError(read(pieces(doc, 600), { limits }));
      expect([split.code, split.line, split.column]).toEqual(["xml/limit", 1, column]);
      // One character less is within the limit.
      expect(read(doc.replace("x", ""), { limits }).errors, doc.slice(0, 12)).toEqual([]);
    }
    // Text and CDATA sections stream, so they have no such limit even when they come whole.
    expect(read(`<a>${"x".repeat(5000)}<![CDATA[${"y".repeat(5000)}]]></a>`, { limits }).errors).toEqual([]);
  });

  it("gives the same events for a long construct whether it comes whole or in a thousand pieces (held input is joined once)", () => {
    const doc = `<a b="${"v".repeat(3000)}" c='&amp;'><!--${"c".repeat(3000)}--><?p ${"d".repeat(3000)}?>t</a>`;
    const whole = read(doc);
    expect(whole.errors).toEqual([]);
    const pieces = Array.from({ length: Math.ceil(doc.length / 9) }, (_, k) => doc.slice(k * 9, k * 9 + 9));
    expect(normalized(read(pieces))).toEqual(normalized(whole));
  });

  it("attribute defaults: counted like attributes per tag and like entity text per document; found by name when a tag has many", () => {
    const subset = (n: number, extra = "") => `<!DOCTYPE r [<!ELEMENT r ANY><!ELEMENT e EMPTY><!ATTLIST e ${Array.from({ length: n }, (_, i) => `a${i} CDATA "v"`).join(" ")}${extra}>]>\n`;
    // More declared than an element may carry: refused at the tag, not added.
    const over = firstError(read(subset(20) + "<r>\n <e/></r>", { limits: { maxAttributes: 10 } }));
    expect([over.code, over.message, over.line, over.column]).toEqual(["xml/limit", "the number of attributes declared for <e> exceeds the limit of 10", 3, 2]);
    // A document whose tags pull in more defaults than max(maxExpandedSize, 10 × its size).
    const budget = firstError(read(subset(100) + "<r>" + "<e/>".repeat(30) + "</r>", { limits: { maxExpandedSize: 2000, maxAmplification: 1 } }));
    expect([budget.code, budget.message, budget.line, budget.column]).toEqual(["xml/limit", "the attribute defaults added from the DTD exceeds the limit of 2000 attributes", 2, 4 + 20 * 4]);
    // A tag with many specified attributes (looked up by name): specified values win, NMTOKEN values collapse, each name once.
    const specified = Array.from({ length: 12 }, (_, i) => `a${i}="s${i}"`).join(" ");
    const run = read(subset(20, ` t NMTOKEN "d"`) + `<r><e ${specified} t="  x  "/></r>`);
    expect(run.errors).toEqual([]);
    const e = run.events.find((x) => x[0] === "start" && (x[1] as { name: string }).name === "e")![1] as { attributes: { name: string; value: string; specified: boolean }[] };
    expect(e.attributes.length).toBe(21);
    expect(new Set(e.attributes.map((a) => a.name)).size).toBe(21);
    expect(e.attributes.find((a) => a.name === "a3")).toMatchObject({ value: "s3", specified: true });
    expect(e.attributes.find((a) => a.name === "a15")).toMatchObject({ value: "v", specified: false });
    expect(e.attributes.find((a) => a.name === "t")).toMatchObject({ value: "x", specified: true });
  });

  it("many prefixed attributes: duplicates by expanded name are still found (through a set), prefixes resolved per element", () => {
    const many = (n: number, prefix: (i: number) => string) => Array.from({ length: n }, (_, i) => ` ${prefix(i)}:a${i}="1"`).join("");
    // p and q name the same namespace: q:a7 repeats p:a7's expanded name.
    const dup = firstError(read(`<r xmlns:p="urn:x" xmlns:q="urn:x"><e${many(20, () => "p")} q:a7="2"/></r>`));
    expect([dup.code, dup.params?.first, dup.params?.second]).toEqual(["xml/duplicate-expanded-attribute", "p:a7", "q:a7"]);
    // The element's own declaration of p hides the parent's, for every attribute.
    const run = read(`<r xmlns:p="urn:outer"><e xmlns:p="urn:inner"${many(5000, () => "p")}/></r>`);
    expect(run.errors).toEqual([]);
    const e = run.events.find((x) => x[0] === "start" && (x[1] as { name: string }).name === "e")![1] as { attributes: { name: string; uri: string | null }[] };
    expect(new Set(e.attributes.filter((a) => a.name.startsWith("p:")).map((a) => a.uri))).toEqual(new Set(["urn:inner"]));
    // An unbound prefix among many is still reported.
    expect(firstError(read(`<r xmlns:p="urn:p"><e${many(20, (i) => (i === 13 ? "z" : "p"))}/></r>`)).code).toBe("xml/unbound-prefix");
  });

  it("a prefix's binding ends with the element that declared it (end tag or />), the outer one comes back", () => {
    const run = read(`<r xmlns:p="urn:1" xmlns="urn:d"><a xmlns:p="urn:2"><p:x/></a><p:y/><b xmlns:p="urn:3" xmlns=""/><p:z/><c xmlns=""><w/></c><v/></r>`);
    expect(run.errors).toEqual([]);
    const uris = run.events.filter((x) => x[0] === "start").map((x) => { const t = x[1] as { name: string; uri: string | null }; return `${t.name}=${t.uri}`; });
    expect(uris).toEqual(["r=urn:d", "a=urn:d", "p:x=urn:2", "p:y=urn:1", "b=null", "p:z=urn:1", "c=null", "w=null", "v=urn:d"]);
    expect(firstError(read(`<r><a xmlns:p="urn:1"/><p:b/></r>`)).code).toBe("xml/unbound-prefix");
  });

  it("limits name length and attribute count", () => {
    expect(firstError(read(`<${"a".repeat(100)}/>`, { limits: { maxNameLength: 50 } })).code).toBe("xml/limit");
    const attrs = Array.from({ length: 20 }, (_, i) => `a${i}="1"`).join(" ");
    expect(firstError(read(`<a ${attrs}/>`, { limits: { maxAttributes: 10 } })).code).toBe("xml/limit");
  });
});
