/**
 * Markup mutations of the deep validity run: CDATA sections (white space only, or text) in
 * element-only content, and a value written as CDATA or split by one; comments and processing
 * instructions between children and inside a simple value (neither changes the value).
 */
import { isElement } from "../../src/xml/tree.js";
import type { SchemaModel } from "../../src/schema/model.js";
import { setText, textOf, type Candidate } from "./candidate.js";
import { elementOnly, textType, type IndexedElement } from "./schema-index.js";

export function markupCandidates(model: SchemaModel, item: IndexedElement, at: number): Candidate[] {
  const out: Candidate[] = [];
  const base = { at, target: item.path };
  const where = `<${item.el.name}> at ${item.path}`;
  const kids = item.el.children.filter(isElement).length;
  const between = kids > 1 ? 1 : 0;
  // Insert before the n-th element child (0: first), or at the end when there are none.
  const insertAt = (children: typeof item.el.children, n: number) => {
    let seen = 0;
    for (let i = 0; i < children.length; i++) if (isElement(children[i]) && seen++ === n) return i;
    return children.length;
  };
  if (elementOnly(model, item.decl)) {
    for (const [detail, markup] of [["white space", "<![CDATA[ \n ]]>"], ["empty", "<![CDATA[]]>"], ["text", "<![CDATA[x]]>"]] as const) {
      out.push({ ...base, kind: "cdata-section", detail, description: `CDATA section (${detail}) in element-only ${where}`, apply: (el, raw) => {
        el.children.splice(insertAt(el.children, between), 0, { kind: "text", text: raw(markup), line: el.line, column: el.column });
      } });
    }
    out.push({ ...base, kind: "character-reference", detail: "space reference in element-only content", description: `&#32; between the children of element-only ${where}`, apply: (el, raw) => {
      el.children.splice(insertAt(el.children, between), 0, { kind: "text", text: raw("&#32;"), line: el.line, column: el.column });
    } });
  }
  for (const [detail, markup] of [["comment", "<!-- between -->"], ["PI", "<?qxml between?>"]] as const) {
    out.push({ ...base, kind: "comment-or-pi", detail, description: `${detail} inside ${where}`, apply: (el, raw) => {
      el.children.splice(insertAt(el.children, between), 0, { kind: "text", text: raw(markup), line: el.line, column: el.column });
    } });
  }
  const sample = textOf(item.el);
  if (textType(model, item.decl) !== null && kids === 0 && sample.length > 0) {
    const cut = Math.max(1, Math.floor(sample.length / 2));
    const cdata = (s: string) => `<![CDATA[${s.split("]]>").join("]]]]><![CDATA[>")}]]>`;
    out.push({ ...base, kind: "cdata-section", detail: "value as CDATA", description: `content of ${where} written as a CDATA section`, apply: (el, raw) => setText(el, raw(cdata(sample))) });
    out.push({ ...base, kind: "cdata-section", detail: "value half CDATA", description: `content of ${where} half text, half CDATA`, apply: (el, raw) => setText(el, sample.slice(0, cut) + raw(cdata(sample.slice(cut)))) });
    for (const [detail, markup] of [["comment in value", "<!--c-->"], ["PI in value", "<?p?>"]] as const) {
      out.push({ ...base, kind: "comment-or-pi", detail, description: `${detail} splitting the content of ${where}`, apply: (el, raw) => setText(el, sample.slice(0, cut) + raw(markup) + sample.slice(cut)) });
    }
  }
  return out;
}
