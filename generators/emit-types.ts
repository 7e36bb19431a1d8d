/**
 * TypeScript types of the object form: one exported type per element declaration, named in
 * PascalCase; enumerations as a const array of values plus the union of its literals.
 */
import { _, Code, indentTail, jsdoc, join, key, lines, lit, Name } from "./code.js";
import { isRepeatable, namesOf, type ChildProp, type ContentForm } from "./content.js";
import { childForm, TEXT_KEY, type AttrForm, type ElementForm, type EnumForm, type SchemaForm } from "./form.js";
import { PREFIX } from "./names.js";
import { typedLiteral, type ValueForm } from "./values.js";

const OPTIONAL = new Code("?");
const REQUIRED = new Code("");
const UNKNOWN = new Code("unknown");
const INDEX_SIGNATURE = new Code("[name: string]: unknown;");
const KIND: Record<ValueForm["kind"], Code> = { string: new Code("string"), number: new Code("number"), boolean: new Code("boolean") };

function valueType(value: ValueForm, enumName: string | undefined): Code {
  if (enumName !== undefined) return new Name(enumName);
  return KIND[value.kind];
}

function childType(schema: SchemaForm, p: ChildProp): Code {
  const names = [...new Set(p.elements.map((id) => childForm(schema, id).typeName))];
  const one = names.length === 0 ? UNKNOWN : join(names.map((n) => new Name(n)), " | ");
  return isRepeatable(p.max) ? (names.length > 1 ? _`(${one})[]` : _`${one}[]`) : one;
}

interface Member {
  code: Code;
  doc?: string;
}

function propMember(schema: SchemaForm, p: ChildProp): Member {
  const first = p.elements.length > 0 ? childForm(schema, p.elements[0]) : undefined;
  return { code: _`${key(p.name)}${p.min === 0 ? OPTIONAL : REQUIRED}: ${childType(schema, p)};`, doc: first?.doc?.split("\n")[0] };
}

/** At least one of `names`: a union of objects each requiring one of them (a non-empty array when it repeats). */
function atLeastOneType(schema: SchemaForm, props: ChildProp[], names: string[]): Code {
  const alts = names.map((n) => {
    const p = props.find((x) => x.name === n)!;
    const t = childType(schema, { ...p, max: 1 });
    return isRepeatable(p.max) ? _`{ ${key(n)}: [${t}, ...${t}[]] }` : _`{ ${key(n)}: ${t} }`;
  });
  return _`(${join(alts, " | ")})`;
}

function neverMember(name: string): Member {
  return { code: _`${key(name)}?: never;` };
}

function objectLiteral(members: Member[]): Code {
  if (members.length === 0) return new Code("{}");
  const body = members.map((m) => _`${jsdoc(m.doc)}${m.code}`);
  return _`{
${lines(body, 1)}
}`;
}

/** The type of a content form; `extra` are members that belong to the same object literal. */
function contentType(schema: SchemaForm, form: ContentForm, extra: Member[] = []): Code {
  if (form.kind === "props") {
    const literal = objectLiteral([...extra, ...form.props.map((p) => propMember(schema, p))]);
    return form.atLeastOne === undefined ? literal : join([literal, ...form.atLeastOne.map((g) => atLeastOneType(schema, form.props, g))], " & ");
  }
  if (form.kind === "all") {
    const [first, ...rest] = form.parts;
    const head = first.kind === "props" ? contentType(schema, first, extra) : extra.length > 0 ? objectLiteral(extra) : null;
    const tail = (first.kind === "props" ? rest : form.parts).map((p) => contentType(schema, p));
    const parts = head === null ? tail : [head, ...tail];
    return join(parts, " & ");
  }
  const all = namesOf(form);
  const alts = form.alts.map((alt) => {
    const absent = all.filter((n) => !namesOf(alt).includes(n)).map(neverMember);
    if (alt.kind === "props") return objectLiteral([...alt.props.map((p) => propMember(schema, p)), ...absent]);
    return absent.length > 0 ? _`(${contentType(schema, alt)}) & ${objectLiteral(absent)}` : contentType(schema, alt);
  });
  const union = join(alts.map((a) => indentTail(a, 1)), "\n  | ");
  const body = extra.length > 0 ? _`${objectLiteral(extra)} & (\n  | ${union}\n)` : _`(\n  | ${union}\n)`;
  return body;
}

function attrMember(a: AttrForm): Member {
  const t = a.fixed !== undefined ? lit(typedLiteral(a.value.kind, a.fixed)) : valueType(a.value, a.enumName);
  return { code: _`${key(a.key)}${a.required ? REQUIRED : OPTIONAL}: ${t};`, doc: a.doc };
}

function docOf(form: ElementForm): string | undefined {
  const parts = [`<${form.xmlName}>`];
  if (form.doc !== undefined) parts.push(form.doc);
  if (form.inferred !== undefined) parts.push(`Inferred by qxml (not stated by Qualys): ${form.inferred}`);
  return parts.join("\n\n");
}

function elementType(schema: SchemaForm, form: ElementForm): Code {
  const name = new Name(form.typeName);
  const doc = jsdoc(docOf(form));
  switch (form.shape) {
    case "value":
      if (form.fixed !== undefined) return _`${doc}export type ${name} = ${lit(typedLiteral(form.text!.kind, form.fixed))};`;
      if (form.textEnumName === form.typeName) return REQUIRED; // emitted with the enumerations
      return _`${doc}export type ${name} = ${valueType(form.text!, form.textEnumName)};`;
    case "empty":
      return _`${doc}export type ${name} = "";`;
    case "any":
      return _`${doc}export type ${name} = unknown;`;
    case "object": {
      const members: Member[] = form.attributes.map(attrMember);
      if (form.text !== undefined) {
        const t = valueType(form.text, form.textEnumName);
        members.push({ code: _`${key(TEXT_KEY)}${form.text.kind === "string" ? OPTIONAL : REQUIRED}: ${t};` });
      }
      if (form.open) members.push({ code: INDEX_SIGNATURE });
      const content = form.content ?? { kind: "props", props: [] };
      const t = contentType(schema, content, members);
      if (content.kind === "props" && content.atLeastOne === undefined) return _`${doc}export interface ${name} ${t}`;
      return _`${doc}export type ${name} = ${t};`;
    }
  }
}

function enumType(e: EnumForm, form: ElementForm | undefined): Code {
  const values = new Name(e.name + PREFIX.values);
  const doc = form !== undefined && form.typeName === e.name ? docOf(form) : e.doc;
  return _`/** The values of ${new Name(e.name)}. */
export const ${values} = ${e.values} as const;
${jsdoc(doc)}export type ${new Name(e.name)} = (typeof ${values})[number];`;
}

export function emitTypes(schema: SchemaForm, header: Code): Code {
  const byName = new Map(schema.elements.map((f) => [f.typeName, f]));
  const seen = new Set<string>();
  const blocks: Code[] = [header];
  for (const e of schema.enums) blocks.push(enumType(e, byName.get(e.name)));
  for (const form of schema.elements) {
    if (seen.has(form.typeName)) continue; // a second declaration with the same name and type
    seen.add(form.typeName);
    const t = elementType(schema, form);
    if (t.text !== "") blocks.push(t);
  }
  return join(blocks, "\n\n");
}
