/**
 * DTD schema mutations: each kind lists every candidate change of one realistic mistake (or a
 * hostile variant) in a DTD text. Declarations are found textually (outside comments); a DTD
 * that builds its declarations from parameter entities gets fewer candidates, never wrong ones.
 */
import { applySplices, type Splice } from "./markup.js";
import type { Candidate } from "./xsd-kinds.js";

export const DTD_KINDS = [
  "dtd-drop-element",
  "dtd-duplicate-element",
  "dtd-duplicate-attlist",
  "dtd-undeclared-child",
  "dtd-mixed-form",
  "dtd-content-swap",
  "dtd-recursive-pe",
  "dtd-id-default",
  "dtd-two-ids",
  "dtd-notation",
  "dtd-entity-attr",
  "dtd-attr-default",
  "dtd-hostile-size",
] as const;
export type DtdKind = (typeof DTD_KINDS)[number];

interface Decl {
  name: string;
  /** The text after the name, up to the closing `>`. */
  body: string;
  start: number;
  end: number;
  bodyStart: number;
}

interface Ctx {
  text: string;
  elements: Decl[];
  attlists: Decl[];
}

function declsOf(text: string, keyword: "ELEMENT" | "ATTLIST"): Decl[] {
  const comments = [...text.matchAll(/<!--[\s\S]*?-->/g)].map((m) => [m.index, m.index + m[0].length]);
  const re = new RegExp(`<!${keyword}\\s+([^\\s>%]+)(\\s(?:[^>"']|"[^"]*"|'[^']*')*)>`, "g");
  const out: Decl[] = [];
  for (const m of text.matchAll(re)) {
    if (comments.some(([s, e]) => m.index >= s && m.index < e)) continue;
    out.push({ name: m[1], body: m[2], start: m.index, end: m.index + m[0].length, bodyStart: m.index + m[0].length - 1 - m[2].length });
  }
  return out;
}

const make = (c: Ctx, kind: DtdKind, description: string, splices: Splice[]): Candidate => ({ kind, description, text: applySplices(c.text, splices) });
const append = (c: Ctx, kind: DtdKind, description: string, markup: string): Candidate => make(c, kind, description, [{ start: c.text.length, end: c.text.length, text: `\n${markup}\n` }]);
const childNames = (d: Decl) => [...d.body.matchAll(/(?<![#\w.:-])([A-Za-z_][\w.:-]*)/g)].map((m) => ({ name: m[1], at: d.bodyStart + m.index }));
const first = (c: Ctx) => c.elements[0]?.name ?? "root";

function dropElement(c: Ctx): Candidate[] {
  return c.elements.map((d) => make(c, "dtd-drop-element", `drop <!ELEMENT ${d.name}>`, [{ start: d.start, end: d.end, text: "" }]));
}

function duplicateElement(c: Ctx): Candidate[] {
  return c.elements.flatMap((d) => [
    make(c, "dtd-duplicate-element", `duplicate <!ELEMENT ${d.name}>`, [{ start: d.end, end: d.end, text: c.text.slice(d.start, d.end) }]),
    make(c, "dtd-duplicate-element", `redeclare <!ELEMENT ${d.name}> as ANY`, [{ start: d.end, end: d.end, text: `<!ELEMENT ${d.name} ANY>` }]),
  ]);
}

function duplicateAttlist(c: Ctx): Candidate[] {
  return c.attlists.map((d) => make(c, "dtd-duplicate-attlist", `duplicate <!ATTLIST ${d.name}>`, [{ start: d.end, end: d.end, text: c.text.slice(d.start, d.end) }]));
}

function undeclaredChild(c: Ctx): Candidate[] {
  const out: Candidate[] = [];
  for (const d of c.elements)
    for (const n of childNames(d))
      if (n.name !== "EMPTY" && n.name !== "ANY") out.push(make(c, "dtd-undeclared-child", `<!ELEMENT ${d.name}>: child '${n.name}' renamed to undeclared '${n.name}Q'`, [{ start: n.at, end: n.at + n.name.length, text: `${n.name}Q` }]));
  return out;
}

function mixedForm(c: Ctx): Candidate[] {
  const out: Candidate[] = [];
  for (const d of c.elements) {
    const body = d.body.trim();
    const at = (t: string) => [{ start: d.bodyStart, end: d.end - 1, text: ` ${t}` }];
    const names = childNames(d).map((n) => n.name).filter((n) => n !== "EMPTY" && n !== "ANY");
    if (/^\(\s*#PCDATA\s*\|/.test(body)) {
      out.push(make(c, "dtd-mixed-form", `<!ELEMENT ${d.name}>: mixed content without '*'`, at(body.replace(/\)\s*\*$/, ")"))));
      if (names.length > 0) out.push(make(c, "dtd-mixed-form", `<!ELEMENT ${d.name}>: mixed content naming '${names[0]}' twice`, at(body.replace(/\)\s*\*$/, `|${names[0]})*`))));
    } else if (/^\(\s*#PCDATA\s*\)$/.test(body)) {
      out.push(make(c, "dtd-mixed-form", `<!ELEMENT ${d.name}>: (#PCDATA)*`, at("(#PCDATA)*")));
      out.push(make(c, "dtd-mixed-form", `<!ELEMENT ${d.name}>: (#PCDATA|${first(c)})`, at(`(#PCDATA|${first(c)})`)));
    } else if (names.length > 0) {
      out.push(make(c, "dtd-mixed-form", `<!ELEMENT ${d.name}>: mixed (#PCDATA|${names.join("|")})*`, at(`(#PCDATA|${[...new Set(names)].join("|")})*`)));
      out.push(make(c, "dtd-mixed-form", `<!ELEMENT ${d.name}>: #PCDATA not first`, at(`(${names[0]}|#PCDATA)*`)));
    }
  }
  return out;
}

function contentSwap(c: Ctx): Candidate[] {
  const out: Candidate[] = [];
  for (const d of c.elements) {
    const body = d.body;
    const at = (t: string) => [{ start: d.bodyStart, end: d.end - 1, text: t }];
    if (body.includes(",")) out.push(make(c, "dtd-content-swap", `<!ELEMENT ${d.name}>: sequence → choice`, at(body.replace(/,/g, "|"))));
    if (body.includes("|") && !body.includes("#PCDATA")) out.push(make(c, "dtd-content-swap", `<!ELEMENT ${d.name}>: choice → sequence`, at(body.replace(/\|/g, ","))));
    if (/[?*+]/.test(body)) out.push(make(c, "dtd-content-swap", `<!ELEMENT ${d.name}>: occurrence marks dropped`, at(body.replace(/[?*+]/g, ""))));
    out.push(make(c, "dtd-content-swap", `<!ELEMENT ${d.name}>: EMPTY`, at(" EMPTY")));
    out.push(make(c, "dtd-content-swap", `<!ELEMENT ${d.name}>: ANY`, at(" ANY")));
    const names = childNames(d).map((n) => n.name).filter((n) => n !== "EMPTY" && n !== "ANY");
    if (names.length > 0 && !body.includes("#PCDATA")) out.push(make(c, "dtd-content-swap", `<!ELEMENT ${d.name}>: ambiguous (${names[0]}?,${names[0]})`, at(` (${names[0]}?,${names[0]})`)));
  }
  return out;
}

function recursivePe(c: Ctx): Candidate[] {
  return [
    append(c, "dtd-recursive-pe", "a parameter entity that refers to itself", `<!ENTITY % qxr "%qxr;">\n%qxr;`),
    append(c, "dtd-recursive-pe", "two parameter entities that refer to each other", `<!ENTITY % qxa "%qxb;"><!ENTITY % qxb "%qxa;">\n%qxa;`),
    append(c, "dtd-recursive-pe", "a general entity that refers to itself (declared, never used)", `<!ENTITY qxg "&qxg;">`),
    append(c, "dtd-recursive-pe", "a parameter entity expanding 10^9 times", Array.from({ length: 10 }, (_, i) => `<!ENTITY % qxl${i} "${i === 0 ? "x" : `%qxl${i - 1};`.repeat(10)}">`).join("\n") + `\n<!ENTITY qxbig "%qxl9;">`),
    append(c, "dtd-recursive-pe", "an undefined parameter entity reference", `%qxundefined;`),
  ];
}

function idDefault(c: Ctx): Candidate[] {
  const out: Candidate[] = [];
  for (const d of c.attlists) {
    for (const m of d.body.matchAll(/\bID\s+(#IMPLIED|#REQUIRED)/g)) {
      const at = d.bodyStart + m.index + m[0].length - m[1].length;
      out.push(make(c, "dtd-id-default", `<!ATTLIST ${d.name}>: ID attribute with a default`, [{ start: at, end: at + m[1].length, text: `"id1"` }]));
      out.push(make(c, "dtd-id-default", `<!ATTLIST ${d.name}>: ID attribute #FIXED`, [{ start: at, end: at + m[1].length, text: `#FIXED "id1"` }]));
    }
  }
  for (const d of c.elements.slice(0, 8)) out.push(append(c, "dtd-id-default", `<!ATTLIST ${d.name} qxid ID "x1">`, `<!ATTLIST ${d.name} qxid ID "x1">`));
  return out;
}

function twoIds(c: Ctx): Candidate[] {
  return c.elements.slice(0, 12).map((d) => append(c, "dtd-two-ids", `<!ATTLIST ${d.name}> with two ID attributes`, `<!ATTLIST ${d.name} qxid1 ID #IMPLIED qxid2 ID #IMPLIED>`));
}

function notation(c: Ctx): Candidate[] {
  const out: Candidate[] = [];
  for (const d of c.elements.slice(0, 8)) {
    out.push(append(c, "dtd-notation", `<!ATTLIST ${d.name}> NOTATION attribute naming an undeclared notation`, `<!ATTLIST ${d.name} qxn NOTATION (qxgif) #IMPLIED>`));
    out.push(append(c, "dtd-notation", `<!ATTLIST ${d.name}> NOTATION attribute with its notation declared`, `<!NOTATION qxgif SYSTEM "gif">\n<!ATTLIST ${d.name} qxn NOTATION (qxgif) #IMPLIED>`));
  }
  out.push(append(c, "dtd-notation", "an unparsed entity with an undeclared notation", `<!ENTITY qxpic SYSTEM "pic.gif" NDATA qxnone>`));
  out.push(append(c, "dtd-notation", "a notation declared twice", `<!NOTATION qxdup SYSTEM "a">\n<!NOTATION qxdup SYSTEM "b">`));
  if (c.elements[0] !== undefined) out.push(append(c, "dtd-notation", "NOTATION attribute on an EMPTY element", `<!NOTATION qxgif SYSTEM "gif">\n<!ELEMENT qxempty EMPTY>\n<!ATTLIST qxempty qxn NOTATION (qxgif) #IMPLIED>`));
  return out;
}

function entityAttr(c: Ctx): Candidate[] {
  return c.elements.slice(0, 8).flatMap((d) => [
    append(c, "dtd-entity-attr", `<!ATTLIST ${d.name}> ENTITY attribute defaulting to an undeclared entity`, `<!ATTLIST ${d.name} qxe ENTITY "qxnothere">`),
    append(c, "dtd-entity-attr", `<!ATTLIST ${d.name}> ENTITY attribute defaulting to a parsed entity`, `<!ENTITY qxparsed "text">\n<!ATTLIST ${d.name} qxe ENTITY "qxparsed">`),
  ]);
}

function attrDefault(c: Ctx): Candidate[] {
  const out: Candidate[] = [];
  for (const d of c.elements.slice(0, 8)) {
    out.push(append(c, "dtd-attr-default", `<!ATTLIST ${d.name}> NMTOKEN default "a b"`, `<!ATTLIST ${d.name} qxt NMTOKEN "a b">`));
    out.push(append(c, "dtd-attr-default", `<!ATTLIST ${d.name}> enumeration default not in the list`, `<!ATTLIST ${d.name} qxc (yes|no) "maybe">`));
    out.push(append(c, "dtd-attr-default", `<!ATTLIST ${d.name}> enumeration naming a token twice`, `<!ATTLIST ${d.name} qxc (yes|yes) #IMPLIED>`));
    out.push(append(c, "dtd-attr-default", `<!ATTLIST ${d.name}> IDREF default "1bad"`, `<!ATTLIST ${d.name} qxr IDREF "1bad">`));
    out.push(append(c, "dtd-attr-default", `<!ATTLIST ${d.name}> #REQUIRED attribute added`, `<!ATTLIST ${d.name} qxreq CDATA #REQUIRED>`));
  }
  return out;
}

function hostileSize(c: Ctx): Candidate[] {
  const n = (k: number) => "(".repeat(k) + "qxleaf" + ")".repeat(k);
  return [
    append(c, "dtd-hostile-size", "a content model nested 300 deep", `<!ELEMENT qxdeep ${n(300)}>\n<!ELEMENT qxleaf EMPTY>`),
    append(c, "dtd-hostile-size", "a content model nested 100,000 deep", `<!ELEMENT qxdeep ${n(100000)}>`),
    append(c, "dtd-hostile-size", "a choice of 50,000 names", `<!ELEMENT qxwide (${Array.from({ length: 50000 }, (_, i) => `w${i}`).join("|")})>`),
    append(c, "dtd-hostile-size", "(a?,a?,...)×200: an ambiguous model", `<!ELEMENT qxamb (${Array.from({ length: 200 }, () => "qxa?").join(",")})>\n<!ELEMENT qxa EMPTY>`),
    append(c, "dtd-hostile-size", "10,000 attributes on one element", `<!ATTLIST ${first(c)} ${Array.from({ length: 10000 }, (_, i) => `qa${i} CDATA #IMPLIED`).join(" ")}>`),
    append(c, "dtd-hostile-size", "a 1 MB name", `<!ELEMENT ${"q".repeat(1 << 20)} EMPTY>`),
  ];
}

const BUILDERS: Record<DtdKind, (c: Ctx) => Candidate[]> = {
  "dtd-drop-element": dropElement,
  "dtd-duplicate-element": duplicateElement,
  "dtd-duplicate-attlist": duplicateAttlist,
  "dtd-undeclared-child": undeclaredChild,
  "dtd-mixed-form": mixedForm,
  "dtd-content-swap": contentSwap,
  "dtd-recursive-pe": recursivePe,
  "dtd-id-default": idDefault,
  "dtd-two-ids": twoIds,
  "dtd-notation": notation,
  "dtd-entity-attr": entityAttr,
  "dtd-attr-default": attrDefault,
  "dtd-hostile-size": hostileSize,
};

export function dtdCandidates(text: string, kind: DtdKind): Candidate[] {
  const ctx: Ctx = { text, elements: declsOf(text, "ELEMENT"), attlists: declsOf(text, "ATTLIST") };
  return BUILDERS[kind](ctx).filter((m) => m.text !== text);
}
