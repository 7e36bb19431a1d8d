/** The reader gives the same events whatever the chunking: whole, split at every position, random pieces. */
import { describe, expect, it } from "vitest";
import { createReader } from "../../src/xml/reader.js";
import { normalized, read, recorder } from "./record.js";

const docs: Record<string, string> = {
  everything:
    '<?xml version="1.0" encoding="UTF-8"?>\r\n<!DOCTYPE r [\r\n<!ENTITY e "<b x=\'1\'>é&#x1F600;</b>">\r\n<!ATTLIST r d CDATA "dflt">\r\n]>\r\n' +
    '<r xmlns="urn:a" xmlns:p="urn:p" p:a="x &amp; y\r\nz">\r\n  text 😀 ü ]] ] &lt;&#65;&e;<![CDATA[ <c> ]] ]]><!-- c -->\r<?pi data?>\r\n  <p:q/></r>\r\n',
  astral: "<a>\u{10000}\u{1F600}x\u{1F600}<b c='\u{1F600}'/>\u{1F600}</a>",
  crOnly: "<a>\rline\r\rx\r</a>\r",
  attributes: "<a b='1' c=\"2\" d = '3'\n e='&#9;&#10;&#13;'/>",
};

function bytes(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

describe("chunk-splitting invariance", () => {
  for (const [name, doc] of Object.entries(docs)) {
    const whole = normalized(read(doc));

    it(`${name}: reads without diagnostics`, () => {
      expect(read(doc).diagnostics).toEqual([]);
    });

    it(`${name}: string split at every position gives the same events`, () => {
      for (let i = 1; i < doc.length; i++) {
        expect(normalized(read([doc.slice(0, i), doc.slice(i)])), `split at ${i}`).toEqual(whole);
      }
    });

    it(`${name}: bytes split at every position (inside UTF-8 sequences) give the same events`, () => {
      const b = bytes(doc);
      expect(normalized(read(b))).toEqual(whole);
      for (let i = 1; i < b.length; i++) {
        expect(normalized(read([b.subarray(0, i), b.subarray(i)])), `split at byte ${i}`).toEqual(whole);
      }
    });

    it(`${name}: one character (and one byte) at a time`, () => {
      expect(normalized(read([...doc.split("")]))).toEqual(whole);
      const b = bytes(doc);
      expect(normalized(read(Array.from(b, (x) => Uint8Array.of(x))))).toEqual(whole);
    });

    it(`${name}: random pieces`, () => {
      let seed = 42;
      const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
      for (let round = 0; round < 50; round++) {
        const pieces: string[] = [];
        let i = 0;
        while (i < doc.length) {
          const n = 1 + Math.floor(rnd() * 12);
          pieces.push(doc.slice(i, i + n));
          i += n;
        }
        expect(normalized(read(pieces))).toEqual(whole);
      }
    });
  }

  it("errors keep their position when the input is split", () => {
    const doc = "<a>\r\n  <b>\r\n</a>";
    for (let i = 1; i < doc.length; i++) {
      const d = read([doc.slice(0, i), doc.slice(i)]).errors[0];
      expect([d.code, d.line, d.column], `split at ${i}`).toEqual(["xml/mismatched-end-tag", 3, 1]);
    }
  });

  it("a ']' just after the DOCTYPE's '>' is text outside the root, however the input is cut", () => {
    // The internal subset's ']' was searched for from one past the '>', so it took this one.
    const doc = "<!DOCTYPE d []>]<d/>";
    const whole = read(doc).errors.map((d) => [d.code, d.line, d.column]);
    expect(whole).toEqual([["xml/text-outside-root", 1, 16]]);
    for (let i = 1; i < doc.length; i++) {
      expect(read([doc.slice(0, i), doc.slice(i)]).errors.map((d) => [d.code, d.line, d.column]), `split at ${i}`).toEqual(whole);
    }
  });

  it("a warning inside a start tag cut by a chunk boundary is reported once", () => {
    const doc = '<!DOCTYPE a SYSTEM "a.dtd"><a x="&u;" y=">" z="1"/>';
    for (let i = 1; i < doc.length; i++) {
      const run = read([doc.slice(0, i), doc.slice(i)]);
      expect(run.diagnostics.map((d) => [d.code, d.line, d.column]), `split at ${i}`).toEqual([["xml/undeclared-entity-skipped", 1, 34]]);
    }
  });

  it("entity expansions of a start tag retried after a chunk boundary are counted once", () => {
    // Exactly at the limit: 3 references in the attribute value, maxEntityExpansions 3.
    const doc = '<!DOCTYPE a [<!ENTITY e "x">]><a v="&e;&e;&e;" w="long value that the cut falls after"/>';
    const limits = { maxEntityExpansions: 3 };
    expect(read(doc, { limits }).errors).toEqual([]);
    for (let i = 1; i < doc.length; i++) {
      expect(read([doc.slice(0, i), doc.slice(i)], { limits }).errors, `split at ${i}`).toEqual([]);
    }
    expect(read([...doc.split("")], { limits }).errors).toEqual([]);
    expect(read(doc.replace("&e;\"", "&e;&e;\""), { limits }).errors[0]?.code).toBe("xml/entity-expansion-limit");
  });

  it("a long text, an '&' and a ']]>' far apart in one chunk are found in order", () => {
    const text = "y".repeat(5000);
    const run = read(`<a>${text}&amp;${text}<b/>${text}</a>`);
    expect(run.errors).toEqual([]);
    expect(normalized(run).filter((e) => (e as unknown[])[0] === "text").map((e) => ((e as unknown[])[1] as string).length)).toEqual([10001, 5000]);
    const bad = read(`<a>${text}<b/>&amp;${text}]]>x</a>`).errors[0];
    expect([bad.code, bad.column]).toEqual(["xml/cdata-end-in-text", 3 + 5000 + 4 + 5 + 5000 + 1]);
  });

  it("a byte buffer reused for every chunk gives the same events (the decoder copies what it keeps)", () => {
    const doc = docs.everything;
    const b = bytes(doc);
    const whole = normalized(read(doc));
    for (const size of [1, 2, 3, 5, 7]) {
      const { handler, run } = recorder();
      const r = createReader(handler);
      const shared = Buffer.alloc(size);
      for (let i = 0; i < b.length; i += size) {
        const n = Math.min(size, b.length - i);
        shared.set(b.subarray(i, i + n));
        r.write(shared.subarray(0, n));
        shared.fill(0xff);
      }
      r.close();
      expect(normalized(run), `chunks of ${size} bytes`).toEqual(whole);
    }
  });

  it("a long CDATA section is passed on in pieces, with the same content and no piece ending inside ']]>'", () => {
    const body = Array.from({ length: 3000 }, (_, i) => `line ${i} ]] ] \u{1F600} <x> &amp;\n`).join("");
    const doc = `<a><![CDATA[${body}]]>tail</a>`;
    const whole = normalized(read(doc));
    expect(whole).toContainEqual(["text", body, 1, 4, true]);
    for (const size of [1000, 4093, 65536]) {
      const pieces: string[] = [];
      for (let i = 0; i < doc.length; i += size) pieces.push(doc.slice(i, i + size));
      const run = read(pieces);
      expect(normalized(run), `chunks of ${size}`).toEqual(whole);
      const cdata = run.events.filter((e) => e[0] === "text" && e[4]) as ["text", string, number, number, boolean][];
      if (size < body.length / 4) expect(cdata.length, `chunks of ${size}`).toBeGreaterThan(1);
      // No piece ends with half of a surrogate pair.
      for (const e of cdata) expect(/[\uD800-\uDBFF]$/.test(e[1])).toBe(false);
    }
    // Cut off: still an error at the end of the input, after the pieces.
    const cut = read([doc.slice(0, 40000), doc.slice(40000, doc.length - 20)]);
    expect(cut.errors.map((d) => d.code)).toEqual(["xml/unexpected-eof"]);
  });

  it("']]>' split across chunks is still found", () => {
    for (const parts of [["<a>x]", "]>y</a>"], ["<a>x]]", ">y</a>"], ["<a>x", "]", "]", ">", "</a>"]]) {
      expect(read(parts).errors[0]?.code).toBe("xml/cdata-end-in-text");
    }
  });
});
