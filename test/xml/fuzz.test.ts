/** Mutated input never crashes or hangs the reader: it ends with events or a diagnostic, and `end` once. */
import { describe, expect, it } from "vitest";
import { createReader } from "../../src/xml/reader.js";

const seeds = [
  '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE r [<!ENTITY e "<b x=\'1\'>é</b>"><!ATTLIST r d CDATA "v" t NMTOKENS " a b ">]>\n<r xmlns:p="urn:p" p:a="1 &amp; 2">t &e; <![CDATA[c]]><!--x--><?p q?>&#x1F600;</r>',
  '<!DOCTYPE a [<!ENTITY % p "<!ENTITY q \'Q\'>"> %p;]><a>&q;</a>',
  "<a><b><c d='1'/></b></a>",
];

function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const pieces = ["<", ">", "&", ";", "'", '"', "]]>", "<!--", "-->", "<![CDATA[", "&#", "%", "<!ENTITY", "\u0000", "\uD800", "\r", "\n", "xmlns:p=''", "/>", "</"];

describe("mutated input", () => {
  it("never throws, always calls end once, 3000 mutants", () => {
    const r = rng(7);
    let errors = 0;
    for (let n = 0; n < 3000; n++) {
      let s = seeds[n % seeds.length];
      const edits = 1 + Math.floor(r() * 3);
      for (let k = 0; k < edits; k++) {
        const at = Math.floor(r() * s.length);
        const op = r();
        if (op < 0.4) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(r() * 4));
        else if (op < 0.8) s = s.slice(0, at) + pieces[Math.floor(r() * pieces.length)] + s.slice(at);
        else s = s.slice(0, at);
      }
      let ended = 0;
      let fatal = 0;
      let afterFatal = 0;
      const event = () => void (fatal > 0 && afterFatal++);
      const reader = createReader(
        {
          startElement: event,
          endElement: event,
          text: event,
          diagnostic: (d) => {
            event();
            if (d.severity === "error" && d.code.startsWith("xml/")) fatal++;
          },
          end: () => void ended++,
        },
        { file: "fuzz.xml" },
      );
      const cut = Math.floor(r() * s.length);
      expect(() => {
        reader.write(s.slice(0, cut));
        reader.write(new TextEncoder().encode(s.slice(cut)));
        reader.close();
      }, JSON.stringify(s)).not.toThrow();
      expect(ended).toBe(1);
      // A reader error is fatal: nothing but `end` follows it.
      expect(afterFatal, JSON.stringify(s)).toBe(0);
      if (fatal > 0) errors++;
    }
    expect(errors).toBeGreaterThan(1000);
  });
});
