/**
 * JSON Schema (2020-12) of the object form, one $defs entry per element type. Choices are anyOf
 * alternatives that forbid the names of the other alternatives (`false`), so "both at once" fails
 * as it does in the types and the compiled validator. Simple types carry what JSON Schema can say:
 * kind, enumeration, patterns (XSD regex translated), lengths, numeric bounds, fixed values.
 */
import { builtinDerivesFrom } from "../src/schema/builtins.js";
import { translateXsdRegexSource } from "../src/validate/datatypes/index.js";
import { isRepeatable, namesOf, type ChildProp, type ContentForm } from "./content.js";
import { childForm, TEXT_KEY, type ElementForm, type SchemaForm } from "./form.js";
import { isPlainString, typedLiteral, type ValueForm } from "./values.js";

type Json = Record<string, unknown>;

const DIALECT = "https://json-schema.org/draft/2020-12/schema";

/** Patterns for built-in lexical spaces JSON Schema cannot name (only the common ones). */
const BUILTIN_PATTERNS: Record<string, string> = {
  integer: "^[+-]?[0-9]+$",
  long: "^[+-]?[0-9]+$",
  decimal: "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)$",
  nonNegativeInteger: "^\\+?[0-9]+$|^-0+$",
  positiveInteger: "^\\+?0*[1-9][0-9]*$",
  NMTOKEN: "^[-.:\\w\\u00B7\\u0300-\\u036F\\u203F\\u2040\\u00C0-\\uFFFD]+$",
};

const INTEGER_RANGES: Record<string, [number, number]> = {
  byte: [-128, 127],
  short: [-32768, 32767],
  int: [-2147483648, 2147483647],
  unsignedByte: [0, 255],
  unsignedShort: [0, 65535],
  unsignedInt: [0, 4294967295],
};

function ref(form: ElementForm): Json {
  return { $ref: `#/$defs/${form.typeName}` };
}

function numberBound(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

export function valueSchema(schema: SchemaForm, value: ValueForm, fixed?: string): Json {
  const out: Json = {};
  if (value.kind === "number") {
    const integer = value.type !== null && builtinDerivesFrom(schema.model.simpleTypes[value.type].builtin, "integer");
    out.type = integer ? "integer" : "number";
  } else out.type = value.kind;
  if (fixed !== undefined) out.const = typedLiteral(value.kind, fixed);
  if (value.enumeration !== undefined) out.enum = value.enumeration;
  if (value.type === null || isPlainString(schema.model, value)) return out;
  const t = schema.model.simpleTypes[value.type];
  if (t.variety !== "atomic") return out;
  const f = t.facets;
  if (value.kind === "string") {
    const patterns: string[] = [];
    for (const step of f.patterns ?? []) {
      try {
        const sources = step.map((p) => translateXsdRegexSource(p));
        // ajv compiles patterns with the "u" flag; a pattern that needs "v" is left to the compiled validator.
        if (sources.every((t) => t.flags === "u")) patterns.push(sources.map((t) => `(?:${t.source})`).join("|"));
      } catch {
        // An untranslatable pattern is left to the compiled validator (documented gap).
      }
    }
    const builtin = BUILTIN_PATTERNS[t.builtin];
    if (builtin !== undefined && value.enumeration === undefined) patterns.push(builtin);
    if (patterns.length === 1) out.pattern = patterns[0];
    else if (patterns.length > 1) out.allOf = patterns.map((pattern) => ({ pattern }));
    if (f.length !== undefined) {
      out.minLength = f.length;
      out.maxLength = f.length;
    }
    if (f.minLength !== undefined) out.minLength = f.minLength;
    if (f.maxLength !== undefined) out.maxLength = f.maxLength;
  } else if (value.kind === "number") {
    const bounds: [string, string | undefined][] = [
      ["minimum", f.minInclusive],
      ["maximum", f.maxInclusive],
      ["exclusiveMinimum", f.minExclusive],
      ["exclusiveMaximum", f.maxExclusive],
    ];
    for (const [k, v] of bounds) {
      const n = numberBound(v);
      if (n !== undefined) out[k] = n;
    }
    // The value space of the bounded integer built-ins (t.builtin is the nearest built-in ancestor).
    const range = INTEGER_RANGES[t.builtin];
    if (range !== undefined) {
      out.minimum = Math.max(range[0], (out.minimum as number | undefined) ?? range[0]);
      out.maximum = Math.min(range[1], (out.maximum as number | undefined) ?? range[1]);
    }
  }
  return out;
}

function childSchema(schema: SchemaForm, p: ChildProp): Json {
  const forms = [...new Map(p.elements.map((id) => [childForm(schema, id).typeName, childForm(schema, id)])).values()];
  let one: Json = forms.length === 0 ? {} : forms.length === 1 ? ref(forms[0]) : { anyOf: forms.map(ref) };
  if (!isRepeatable(p.max)) {
    if (forms.length === 0 || forms.some((f) => f.shape === "any")) one = { ...one, not: { type: "array" } };
    return one;
  }
  const arr: Json = { type: "array", items: one };
  if (p.min > 0) arr.minItems = p.min;
  if (p.max !== "unbounded") arr.maxItems = p.max;
  return arr;
}

/** All child properties of a content form with their schemas (first occurrence wins). */
function allProps(form: ContentForm, out: Map<string, ChildProp>): Map<string, ChildProp> {
  const stack = [form];
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (f.kind === "props") for (const p of f.props) if (!out.has(p.name)) out.set(p.name, p);
    if (f.kind === "all") stack.push(...f.parts);
    if (f.kind === "oneOf") stack.push(...f.alts);
  }
  return out;
}

/** Presence constraints of a content form (required names, forbidden names of other alternatives). */
function presence(schema: SchemaForm, form: ContentForm): Json {
  if (form.kind === "props") {
    const required = form.props.filter((p) => p.min > 0).map((p) => p.name);
    const props: Json = {};
    // Alternatives may give a name its own cardinality; repeat it here where it differs.
    for (const p of form.props) props[p.name] = childSchema(schema, p);
    const out: Json = required.length > 0 ? { properties: props, required } : { properties: props };
    const groups = (form.atLeastOne ?? []).map((names) => ({
      anyOf: names.map((n) => {
        const p = form.props.find((x) => x.name === n)!;
        // ajv's strictRequired wants a required name defined beside it.
        return isRepeatable(p.max) ? { required: [n], properties: { [n]: { type: "array", minItems: 1 } } } : { required: [n], properties: { [n]: true } };
      }),
    }));
    if (groups.length === 1) Object.assign(out, groups[0]);
    else if (groups.length > 1) out.allOf = groups;
    return out;
  }
  if (form.kind === "all") {
    const parts = form.parts.map((p) => presence(schema, p));
    return parts.length === 1 ? parts[0] : { allOf: parts };
  }
  const all = namesOf(form);
  return {
    anyOf: form.alts.map((alt) => {
      const mine = new Set(namesOf(alt));
      const forbidden = Object.fromEntries(all.filter((n) => !mine.has(n)).map((n) => [n, false]));
      const inner = presence(schema, alt);
      return Object.keys(forbidden).length === 0 ? inner : { allOf: [{ properties: forbidden }, inner] };
    }),
  };
}

function elementSchema(schema: SchemaForm, form: ElementForm): Json {
  const title = `<${form.xmlName}>`;
  const description = form.doc;
  const meta: Json = description === undefined ? { title } : { title, description };
  switch (form.shape) {
    case "value":
      return { ...meta, ...valueSchema(schema, form.text!, form.fixed) };
    case "empty":
      return { ...meta, const: "" };
    case "any":
      return meta;
  }
  const properties: Json = {};
  const required: string[] = [];
  for (const a of form.attributes) {
    properties[a.key] = valueSchema(schema, a.value, a.fixed);
    if (a.required) required.push(a.key);
  }
  if (form.text !== undefined) {
    properties[TEXT_KEY] = valueSchema(schema, form.text, form.fixed);
    if (!form.mixed && form.text.kind !== "string") required.push(TEXT_KEY);
  }
  const out: Json = { ...meta, type: "object", properties };
  if (form.content !== undefined) {
    for (const [name, p] of allProps(form.content, new Map())) properties[name] = childSchema(schema, { ...p, min: 0 });
    const constraints = presence(schema, form.content);
    if (form.content.kind === "props") {
      const { properties: p, required: r, ...rest } = constraints;
      Object.assign(properties, p as Json);
      required.push(...((r as string[] | undefined) ?? []));
      if (Object.keys(rest).length > 0) out.allOf = [rest];
    } else out.allOf = [constraints];
  }
  if (required.length > 0) out.required = required;
  if (!form.open) out.additionalProperties = false;
  return out;
}

export function emitJsonSchema(schema: SchemaForm, sourceLabel: string): Json {
  const $defs: Json = {};
  for (const form of schema.elements) if (!($defs as Record<string, unknown>)[form.typeName]) $defs[form.typeName] = elementSchema(schema, form);
  const roots = schema.roots.map((id) => childForm(schema, id));
  const root: Json = {
    $schema: DIALECT,
    $id: `urn:qxml:${sourceLabel.replace(/[^\w./-]/g, "_")}`,
    title: `Object form of ${sourceLabel}`,
    description: "Generated by `qxml generate`. The value of the root element (the object fast-xml-parser gives for it).",
  };
  if (roots.length === 1) root.$ref = ref(roots[0]).$ref;
  else if (roots.length > 1) root.anyOf = roots.map(ref);
  else {
    // No global element: no document is valid (an empty anyOf is not a schema, ajv refuses it).
    root.description = "Generated by `qxml generate`. The schema declares no global element, so no value is a valid document; $defs still describes its element types.";
    root.not = {};
  }
  root.$defs = $defs;
  return root;
}
