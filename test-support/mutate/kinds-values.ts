/**
 * Value mutations of the deep validity run: edge lexical forms per datatype (element content and
 * attributes), white space around and inside enumerated values, the same value written with
 * character and entity references, and default / fixed values changed.
 */
import { isElement, type XmlElement } from "../../src/xml/tree.js";
import type { AttributeDecl, SchemaModel, SimpleType } from "../../src/schema/model.js";
import { setAttribute, setText, textOf, type Candidate, type Raw } from "./candidate.js";
import { edgeValues } from "./lexical.js";
import { attributeDecls, textType, type IndexedElement } from "./schema-index.js";

/** Writes `value` with its first character as a hex character reference, and spaces as &#32;. */
function withReferences(value: string, raw: Raw): string {
  if (value === "") return raw("&#32;");
  const cp = value.codePointAt(0)!;
  const first = raw(`&#x${cp.toString(16).toUpperCase()};`);
  const rest = value.slice(cp > 0xffff ? 2 : 1);
  return first + rest.split(" ").join(raw("&#32;")).split("&").join(raw("&amp;"));
}

function simpleType(model: SchemaModel, id: number): SimpleType | undefined {
  return model.simpleTypes[id];
}

function textCandidates(model: SchemaModel, item: IndexedElement, at: number): Candidate[] {
  const type = textType(model, item.decl);
  if (type === null || item.el.children.some(isElement)) return [];
  const t = simpleType(model, type);
  if (t === undefined) return [];
  const where = `<${item.el.name}> at ${item.path}`;
  const base = { at, target: item.path };
  const sample = textOf(item.el);
  const out: Candidate[] = edgeValues(t, sample).map((v) => ({
    ...base,
    kind: "datatype-value",
    detail: v.why,
    description: `content of ${where} set to ${JSON.stringify(v.value)} (${t.builtin}: ${v.why})`,
    apply: (el) => setText(el, v.value),
  }));
  for (const v of enumerationSpacing(t)) {
    out.push({ ...base, kind: "enumeration-whitespace", detail: v.why, description: `content of ${where} set to ${JSON.stringify(v.value)} (${v.why})`, apply: (el) => setText(el, v.value) });
  }
  if (sample.trim() !== "") {
    out.push({ ...base, kind: "character-reference", detail: "content", description: `content of ${where} written with character references`, apply: (el, raw) => setText(el, withReferences(sample, raw)) });
    out.push({ ...base, kind: "character-reference", detail: "amp", description: `content of ${where} with &amp; appended`, apply: (el, raw) => setText(el, sample + raw("&amp;")) });
  }
  if (item.decl?.fixed !== undefined || item.decl?.default !== undefined) {
    const v = item.decl.fixed ?? item.decl.default!;
    for (const alt of [v === "" ? "x" : `${v}0`, ` ${v} `, ""]) {
      out.push({ ...base, kind: "default-or-fixed", detail: `content ${JSON.stringify(alt)}`, description: `content of ${where} (${item.decl.fixed !== undefined ? "fixed" : "default"} "${v}") set to ${JSON.stringify(alt)}`, apply: (el) => setText(el, alt) });
    }
  }
  return out;
}

/** Enumerated values with white space added: XSD whiteSpace and DTD attribute normalisation differ here. */
function enumerationSpacing(t: SimpleType): { value: string; why: string }[] {
  const values = t.facets.enumeration?.map((x) => x.value) ?? [];
  if (values.length === 0) return [];
  const v = values.find((x) => /\s/.test(x)) ?? values[0];
  const out = [
    { value: ` ${v}`, why: "enumeration value with a leading space" },
    { value: `${v}\t`, why: "enumeration value with a trailing tab" },
    { value: `\n ${v} \n`, why: "enumeration value between newlines" },
  ];
  if (/\s/.test(v)) out.push({ value: v.replace(/\s+/g, "  "), why: "enumeration value with its inner space doubled" });
  return out;
}

function attributeCandidates(model: SchemaModel, item: IndexedElement, at: number): Candidate[] {
  const out: Candidate[] = [];
  const base = { at, target: item.path };
  for (const a of attributeDecls(model, item.decl)) {
    const t = simpleType(model, a.type);
    if (t === undefined) continue;
    const present = item.el.attributes.get(a.name)?.value;
    const where = `attribute ${a.name} of <${item.el.name}> at ${item.path}`;
    const set = (kind: Candidate["kind"], detail: string, value: string, why: string): Candidate => ({
      ...base,
      kind,
      detail: `${a.name}: ${detail}`,
      description: `${where} set to ${JSON.stringify(value)} (${why})`,
      apply: (el) => setAttribute(el, a.name, value),
    });
    if (present !== undefined) {
      for (const v of edgeValues(t, present)) out.push(set("datatype-attribute", v.why, v.value, `${a.dtdType ?? t.builtin}: ${v.why}`));
      out.push({ ...base, kind: "character-reference", detail: a.name, description: `${where} written with character references`, apply: (el, raw) => setAttribute(el, a.name, withReferences(present, raw)) });
      out.push({ ...base, kind: "character-reference", detail: `${a.name}: tab`, description: `${where} with &#9; before it (a tab that attribute normalisation keeps)`, apply: (el, raw) => setAttribute(el, a.name, raw("&#9;") + present) });
    }
    for (const v of enumerationSpacing(t)) out.push(set("enumeration-whitespace", v.why, v.value, v.why));
    out.push(...defaultOrFixed(a, base, where));
  }
  return out;
}

function defaultOrFixed(a: AttributeDecl, base: { at: number; target: string }, where: string): Candidate[] {
  const v = a.fixed ?? a.default;
  if (v === undefined) return [];
  const what = a.fixed !== undefined ? "fixed" : "default";
  const alts = [`${v}0`, ` ${v} `, v.toUpperCase() === v ? v.toLowerCase() : v.toUpperCase(), "", v];
  if (/^\d+(\.\d+)?$/.test(v)) alts.push(`+${v}`, v.includes(".") ? `${v}0` : `${v}.0`);
  return [...new Set(alts)].map((alt) => ({
    ...base,
    kind: "default-or-fixed" as const,
    detail: `${a.name} ${JSON.stringify(alt)}`,
    description: `${where} (${what} "${v}") set to ${JSON.stringify(alt)}`,
    apply: (el: XmlElement) => setAttribute(el, a.name, alt),
  }));
}

export function valueCandidates(model: SchemaModel, item: IndexedElement, at: number): Candidate[] {
  return [...textCandidates(model, item, at), ...attributeCandidates(model, item, at)];
}
