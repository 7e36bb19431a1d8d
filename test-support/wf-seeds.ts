/**
 * Seed documents for the well-formedness differential (test-support/wf-differential.ts): the
 * Qualys fixtures, a deterministic pick of self-contained xmlconf `valid` documents, and
 * hand-written seeds that put every kind of markup the reader handles within one edit's reach.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FIXTURES_DIR } from "./differential.js";
import { appliesToXml10Fifth, loadXmlconf, type XmlconfTest } from "./xmlconf.js";
import { sample, seededRng } from "./mutate/rng.js";

export interface WfSeed {
  /** "qualys/<file>", "xmlconf/<test id>" or "hand/<name>". */
  id: string;
  text: string;
}

/** Hand-written seeds: CDATA, comments, PIs, char refs, internal-subset entities, namespaces, astral characters. */
export const HAND_SEEDS: readonly WfSeed[] = [
  {
    id: "hand/markup",
    text: '<?xml version="1.0" encoding="UTF-8"?>\n<!-- head -->\n<?app data?>\n<doc a="1" b=\'two\'>\n  <![CDATA[<not> & markup]]>\n  <!-- note - not here -->\n  <?pi target?>\n  <e/><e x="&lt;&amp;&#65;&#x42;"/>\n  text &#169; &#x1F600; &gt;\n</doc>\n',
  },
  {
    id: "hand/internal-subset",
    text: '<?xml version="1.0"?>\n<!DOCTYPE doc [\n  <!ENTITY e "entity <b>bold</b> text">\n  <!ENTITY a "attr &amp; value">\n  <!ENTITY % p "<!ENTITY q \'from PE\'>">\n  %p;\n  <!ATTLIST doc d CDATA "&a;">\n]>\n<doc x="&a;">&e; and &q;</doc>\n',
  },
  {
    id: "hand/namespaces",
    text: '<r:root xmlns:r="urn:r" xmlns="urn:default" xmlns:p="urn:p">\n  <p:child p:attr="1" plain="2"/>\n  <inner xmlns=""><leaf xml:lang="en">x</leaf></inner>\n  <p:x xmlns:p="urn:other"><p:y/></p:x>\n</r:root>\n',
  },
  {
    id: "hand/multibyte",
    text: '<?xml version="1.0" encoding="UTF-8"?>\n<données clé="välue ü">\n  <日本語 属性="値">テキスト</日本語>\n  <astral>𝄞 😀 𐍈</astral>\n  <mixed>aé€𝄞z</mixed>\n</données>\n',
  },
  {
    id: "hand/char-refs",
    text: '<doc>&#9;&#10;&#13;&#32;&#x20;&#xD7FF;&#xE000;&#xFFFD;&#x10000;&#x10FFFF;<a v="&#60;&#x3C;&#38;"/></doc>\n',
  },
  {
    id: "hand/standalone",
    text: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!DOCTYPE doc [<!ELEMENT doc (#PCDATA)><!ATTLIST doc id ID #IMPLIED><!ENTITY ok "fine">]>\n<doc id="x1">&ok;</doc>\n',
  },
  {
    id: "hand/nested",
    text: "<a>\n <b>\n  <c>\n   <d attr=\"v\">deep</d>\n  </c>\n  <c/>\n </b>\n <b></b>\n</a>\n",
  },
  {
    id: "hand/entities-in-attributes",
    text: '<!DOCTYPE doc [<!ENTITY amp2 "&#38;#38;"><!ENTITY lt2 "&#38;#60;"><!ENTITY inner "in &amp2; side">]>\n<doc a="&amp2;" b="&lt2;" c="&inner;">&amp2; &lt2; &inner;</doc>\n',
  },
  {
    id: "hand/dtd-declarations",
    text: '<?xml version="1.0"?>\n<!DOCTYPE lib [\n  <!ELEMENT lib (book+, note?)>\n  <!ELEMENT book (#PCDATA | em)*>\n  <!ELEMENT em (#PCDATA)>\n  <!ELEMENT note EMPTY>\n  <!ATTLIST book id ID #REQUIRED kind (paper|ebook) "paper" tags NMTOKENS #IMPLIED xml:space (default|preserve) #IMPLIED>\n  <!ATTLIST note cover ENTITY #IMPLIED fmt NOTATION (png) #IMPLIED>\n  <!NOTATION png PUBLIC "-//PNG//EN" "png.txt">\n  <!ENTITY cover SYSTEM "cover.png" NDATA png>\n  <!-- declarations -->\n  <?dtd-pi here?>\n]>\n<lib>\n  <book id="b1" tags="a b">One <em>two</em></book>\n  <book id="b2" kind="ebook" xml:space="preserve">  three  </book>\n  <note cover="cover" fmt="png"/>\n</lib>\n',
  },
  {
    id: "hand/entity-nesting",
    text: '<!DOCTYPE r [\n  <!ENTITY % decl "<!ENTITY inner \'<i>in</i>\'>">\n  %decl;\n  <!ENTITY outer "before &inner; &#38;#60;after&#38;#62; &#38;amp;">\n  <!ENTITY lt2 "&#38;#60;">\n]>\n<r a="&lt2;x &amp; y">&outer;<![CDATA[&outer;]]>&lt2;</r>\n',
  },
];

const XMLCONF_SEEDS = 40;

/** A valid, self-contained (no external subset or entity) UTF-8 XML 1.0 test document. */
function selfContained(t: XmlconfTest, text: string): boolean {
  if (t.type !== "valid" || t.entities !== "none" || !appliesToXml10Fifth(t) || t.namespace === "no") return false;
  if (/\b(SYSTEM|PUBLIC)\b/.test(text) || text.includes("\uFFFD") || text.charCodeAt(0) === 0xfeff) return false;
  const encoding = /^<\?xml[^?]*encoding\s*=\s*["']([^"']+)/.exec(text)?.[1];
  return (encoding === undefined || /^utf-?8$/i.test(encoding)) && text.length < 4000;
}

export function xmlconfSeeds(count = XMLCONF_SEEDS, seed = 1): WfSeed[] {
  const candidates: WfSeed[] = [];
  for (const t of loadXmlconf()) {
    const text = readFileSync(t.file, "utf8");
    if (selfContained(t, text)) candidates.push({ id: `xmlconf/${t.id}`, text });
  }
  return sample(candidates, count, seededRng(seed));
}

export function qualysSeeds(dir = FIXTURES_DIR): WfSeed[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith(".xml"))
    .sort()
    .map((n) => ({ id: `qualys/${n}`, text: readFileSync(join(dir, n), "utf8") }));
}

export function allSeeds(): WfSeed[] {
  return [...qualysSeeds(), ...xmlconfSeeds(), ...HAND_SEEDS];
}
