/**
 * Compiled validators of the object form: `validateX(value: unknown): Diagnostic[]` per root,
 * one plain check function per element type. The diagnostics reuse the validation engine's codes
 * and parameters (valid/missing-element, valid/unexpected-element, valid/attribute-value, ...);
 * paths are the engine's (/A/B[2]/C); object forms have no positions, so line and column are 0.
 */
import { _, Code, join, jsdoc, lines, lit, Name } from "./code.js";
import { isRepeatable, namesOf, nullable, type ChildProp, type ContentForm } from "./content.js";
import type { Particle, SchemaModel, Wildcard } from "../src/schema/model.js";
import { particleOrder } from "./emit-table.js";
import { childForm, TEXT_KEY, type AttrForm, type ElementForm, type SchemaForm } from "./form.js";
import { N, PREFIX } from "./names.js";
import { simpleTypeTable, type SimpleTypeTable } from "./simple-types.js";
import { contentLiteral } from "./emit-ordered.js";
import type { ContentLiteral } from "./runtime/ordered.js";
import { isPlainString, valueForm, type ValueForm } from "./values.js";
import { isNamespaced } from "./namespaces.js";
import type { AttributeWildcard } from "./runtime/check.js";
import { clippedList } from "../src/validate/messages.js";

interface Ctx {
  schema: SchemaForm;
  types: SimpleTypeTable;
  form: ElementForm;
  /** Numbers the choice flags of one function (alt0, alt1, ...). */
  counter: { next: number };
  /** The form's index (its declaration in the generated tables). */
  at: number;
  /** Its content model is generated for the ordered checks (objects that carry their child order). */
  ordered: boolean;
  /** The element's name in messages: its name, or (namespaced schemas) `el`, the name as written, taken from the path. */
  element: Code;
}

function checkName(form: ElementForm): Name {
  return new Name(PREFIX.check + form.typeName);
}

function typeRef(ctx: Ctx, value: ValueForm): Code {
  if (value.type === null || isPlainString(ctx.schema.model, value)) return _`null`;
  return lit(ctx.types.index.get(value.type)!);
}

function valueCheck(ctx: Ctx, value: ValueForm, name: string | Code, fixed: string | undefined, subject: Code, path: Code): Code {
  const types = value.type === null || isPlainString(ctx.schema.model, value) ? _`null` : N.TYPES;
  return _`${N.checkValue}(${N.out}, ${path}, ${ctx.element}, ${name}, ${value.kind}, ${types}, ${typeRef(ctx, value)}, ${fixed ?? null}, ${subject});`;
}

function childCheck(ctx: Ctx, p: ChildProp): Code {
  const target = p.elements.length > 0 ? childForm(ctx.schema, p.elements[0]) : undefined;
  const check = target === undefined ? _`null` : checkName(target);
  const max = p.max === "unbounded" ? N.Infinity : lit(p.max);
  return _`${N.checkChild}(${N.out}, ${N.path}, ${ctx.element}, ${p.name}, ${field(p.name)}, ${p.min}, ${max}, ${isRepeatable(p.max)}, ${check}, ${N.d}, ${N.ce});`;
}

/**
 * `v["NAME"]`, never `v.NAME`: `v` is a `Record<string, unknown>` there, and a consumer's
 * `noPropertyAccessFromIndexSignature` refuses dotted access to an index signature (TS4111).
 */
function field(name: string): Code {
  return _`${N.v}[${name}]`;
}

function present(names: string[]): Code {
  if (names.length === 0) return _`false`;
  return join(names.map((n) => _`${field(n)} !== undefined`), " || ");
}

/** Checks of a content form: children, choices (exactly one alternative), at-least-one groups. */
function contentChecks(ctx: Ctx, form: ContentForm): Code[] {
  if (form.kind === "props") {
    const groups = (form.atLeastOne ?? []).map((names) => {
      const absent = join(names.map((n) => _`(${field(n)} === undefined || (Array.isArray(${field(n)}) && ${field(n)}.length === 0))`), " && ");
      return _`if (${absent}) ${N.ce}.report("valid/missing-element", { parent: ${ctx.element}, expected: ${N.ce}.expectedMissing() });`;
    });
    return [...form.props.map((p) => childCheck(ctx, p)), ...groups];
  }
  if (form.kind === "all") return form.parts.flatMap((p) => contentChecks(ctx, p));
  const parent = ctx.element;
  const alt = new Name(`${N.alt.name}${ctx.counter.next++}`);
  const flags = form.alts.map((a) => present(namesOf(a)));
  const emptyAlt = form.alts.findIndex((a) => nullable(a));
  const altNames = form.alts.map((a) => namesOf(a));
  const firstNames = altNames.map((n) => n[0]).filter((n): n is string => n !== undefined);
  const cases = form.alts.map((a, i) => _`case ${i}: {
${lines(contentChecks(ctx, a), 1)}
  break;
}`);
  return [
    _`{
  const ${alt} = [${join(flags)}];
  const ${N.n} = ${alt}.filter(Boolean).length;
  if (${N.n} > 1) {
    const ${N.item} = ${altNames}[${alt}.indexOf(true, ${alt}.indexOf(true) + 1)]?.find((${N.k}) => ${N.v}[${N.k}] !== undefined) ?? "";
    ${N.ce}.report("valid/unexpected-element", { parent: ${parent}, expected: ${N.ce}.expectedAfter(${N.item}), found: ${N.item} }, ${N.childPath}(${N.path}, ${N.item}, 0));
  }
  switch (${N.n} === 0 ? ${emptyAlt} : ${alt}.indexOf(true)) {
${lines(cases, 2)}
    default:
      ${N.ce}.report("valid/missing-element", { parent: ${parent}, expected: ${N.expectedText}(${firstNames}) });
  }
}`,
  ];
}

/**
 * The attributes present, in the object's key order (parse keeps document order): each declared one's
 * value, each undeclared one reported (none when an xs:anyAttribute opens them), as the engine goes
 * through a start tag's attributes.
 */
function attributeChecks(ctx: Ctx, attrs: AttrForm[], xsd: boolean): Code[] {
  const form = ctx.form;
  const element = ctx.element;
  // Namespaced schemas check an attribute wildcard's namespace constraint (and strict's global declarations) by the real namespace.
  const wildcard = attributeWildcard(ctx);
  const open = form.open && (form.openChildren !== true || form.openAttributes === true) && wildcard === undefined;
  if (attrs.length === 0 && open) return [];
  const cases = attrs.map((a) => {
    const get = field(a.key);
    const check =
      a.dtd !== undefined
        ? _`${N.checkDtdAttribute}(${N.out}, ${N.path}, ${element}, ${a.name}, ${a.dtd.type}, ${a.dtd.names}, ${a.fixed ?? null}, ${get});`
        : valueCheck(ctx, a.value, a.namespace !== null && ctx.element.text === N.el.text ? _`${N.writtenAttribute}(${N.v}, ${a.key}, ${a.name})` : a.name, a.fixed, get, N.path);
    return _`case ${a.key}:
  ${check}
  break;`;
  });
  // Clipped as the engine clips its list (20 names, LIST_BUDGET characters, "... (N more)").
  const attrNames = clippedList(attrs.map((a) => a.name), 20).join(", ") || "none";
  if (attrs.length === 0) {
    return [
      _`for (const ${N.k} of Object.keys(${N.v})) if (${N.k}.startsWith("@_")${xsd ? _` && !${N.xsdReservedAttribute}(${N.k})` : _``}) ${undeclared(ctx, attrs, _`"none"`, wildcard)}`,
    ];
  }
  const otherwise = open
    ? _``
    : _`default:
  if (${N.k}.startsWith("@_")${xsd ? _` && !${N.xsdReservedAttribute}(${N.k})` : _``}) ${undeclared(ctx, attrs, lit(attrNames), wildcard)}`;
  return [
    _`for (const ${N.k} of Object.keys(${N.v})) {
  switch (${N.k}) {
${lines([...cases, otherwise], 2)}
  }
}`,
  ];
}

/** The report of undeclared attribute `k`: by its key; namespaced schemas by its name as written and namespace, as the engine words it. */
function undeclared(ctx: Ctx, attrs: AttrForm[], expected: Code, wildcard: AttributeWildcard | undefined): Code {
  if (ctx.element.text !== N.el.text) return _`${N.report}(${N.out}, "valid/undeclared-attribute", { element: ${ctx.element}, found: ${N.k}.slice(2), expected: ${expected} }, ${N.path});`;
  const declared = lit(attrs.map((a) => [a.name, a.namespace]));
  if (wildcard !== undefined) {
    const types = ctx.types.types.length > 0 && wildcard.globals !== undefined ? N.TYPES : _`null`;
    return _`${N.wildcardAttribute}(${N.out}, ${N.path}, ${ctx.element}, ${N.v}, ${N.k}, ${declared}, ${lit(wildcard)}, ${types});`;
  }
  return _`${N.undeclaredAttribute}(${N.out}, ${N.path}, ${ctx.element}, ${N.v}, ${N.k}, ${declared});`;
}

/** The element type's xs:anyAttribute as generated data (namespaced schemas only; strict: the global attribute keys too). */
function attributeWildcard(ctx: Ctx): AttributeWildcard | undefined {
  if (ctx.element.text !== N.el.text) return undefined;
  const decl = ctx.schema.model.elements[ctx.form.decl];
  const w = decl.type.kind === "complex" ? ctx.schema.model.complexTypes[decl.type.id].anyAttribute : undefined;
  if (w === undefined) return undefined;
  const out: AttributeWildcard = { any: w.namespaces, tns: w.targetNamespace, pc: w.processContents };
  if (w.processContents !== "skip") {
    // The global declarations a lax/strict wildcard checks against: [simple type (index) or null for a plain string, fixed value or null].
    const globals: Record<string, [number | null, string | null]> = {};
    for (const [key, a] of Object.entries(ctx.schema.model.globalAttributes ?? {}).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
      const plain = isPlainString(ctx.schema.model, valueForm(ctx.schema.model, a.type));
      globals[key] = [plain ? null : (ctx.types.index.get(a.type) ?? null), a.fixed ?? null];
    }
    out.globals = globals;
  }
  return out;
}

/** Required attributes that are absent: reported after the undeclared ones, as the engine does at the end of the start tag. */
function missingAttributes(ctx: Ctx, attrs: AttrForm[]): Code[] {
  return attrs.filter((a) => a.required).map((a) => _`if (${field(a.key)} === undefined) ${N.report}(${N.out}, "valid/missing-attribute", { element: ${ctx.element}, name: ${a.name} }, ${N.path});`);
}

/** The names an element's object may hold (attributes, text, children), for the two loops below. */
function knownKeys(form: ElementForm): Code {
  const names = form.content === undefined ? [] : namesOf(form.content);
  return knownSet([...form.attributes.map((a) => a.key), ...(form.text !== undefined ? [TEXT_KEY] : []), ...names]);
}

/** Keys that are neither attributes nor known: stray text, unexpected children (attributes: undeclaredAttributes). */
function unknownKeys(form: ElementForm, ordered: boolean, element: Code, model: SchemaModel): Code {
  // A wildcard opens child names (openChildren) or attribute names (xs:anyAttribute), not both:
  // text in element-only or EMPTY content is still checked.
  const childrenOpen = form.openChildren === true;
  // Namespaced schemas: the element wildcards open only the namespaces they allow (a key's namespace is in its Clark form).
  const wildcards = childrenOpen && element.text === N.el.text ? elementWildcards(model, form) : [];
  const textProblem =
    form.content === undefined
      ? _`${N.ce}.report("valid/not-empty", { parent: ${element}, found: ${N.foundText}(${field(TEXT_KEY)}) });`
      : _`${N.ce}.report("valid/text-not-allowed", { parent: ${element}, found: ${N.foundText}(${field(TEXT_KEY)}) });`;
  return _`for (const ${N.k} of Object.keys(${N.v})) {
  if (${N.known}.has(${N.k}) || ${N.k}.startsWith("@_")) continue;${ordered ? _`
  if (${N.order} !== null) continue;` : _``}
  if (${N.k} === ${TEXT_KEY}) ${textProblem}${childrenOpen && wildcards.length === 0 ? _`` : _`
  else${wildcards.length > 0 ? _` if (!${N.wildcardTakes}(${lit(wildcards)}, ${N.k}))` : _``} ${N.ce}.report("valid/unexpected-element", { parent: ${element}, expected: ${N.ce}.expectedFor(${N.k}), found: ${N.k} }, ${N.childPath}(${N.path}, ${N.k}, 0));`}
}`;
}

/** The element wildcards of an element's content model, as [namespaces, target namespace] (none for "##any": it takes every key). */
function elementWildcards(model: SchemaModel, form: ElementForm): [Wildcard["namespaces"], string | null][] {
  const decl = model.elements[form.decl];
  const c = decl.type.kind === "complex" ? model.complexTypes[decl.type.id].content : undefined;
  const stack: Particle[] = c !== undefined && (c.kind === "elements" || c.kind === "mixed") && c.particle !== null ? [c.particle] : [];
  const out: [Wildcard["namespaces"], string | null][] = [];
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (p.kind === "any") {
      if (p.wildcard.namespaces === "##any") return [];
      out.push([p.wildcard.namespaces, p.wildcard.targetNamespace]);
    } else if (p.kind !== "element") stack.push(...p.items);
  }
  return out;
}

/** Children required whatever alternative is taken (min > 0 outside choices), in schema order. */
function requiredNames(form: ContentForm): string[] {
  if (form.kind === "props") return form.props.filter((p) => p.min > 0).map((p) => p.name);
  if (form.kind === "all") return form.parts.flatMap(requiredNames);
  return [];
}

/** The element's ContentErrors: its child names in schema order, the required ones, the at-least-one groups. */
function contentErrors(form: ElementForm, model: SchemaModel, element: Code): Code {
  const order = particleOrder(model, form.decl);
  const required = form.content === undefined ? [] : requiredNames(form.content);
  const groups = form.content === undefined ? [] : atLeastOneGroups(form.content);
  return _`const ${N.ce} = new ${N.ContentErrors}(${N.out}, ${N.path}, ${element}, ${N.v}, ${order}, ${required}, ${groups});`;
}

function atLeastOneGroups(form: ContentForm): string[][] {
  if (form.kind === "props") return form.atLeastOne ?? [];
  if (form.kind === "all") return form.parts.flatMap(atLeastOneGroups);
  return [];
}

function knownSet(known: string[]): Code {
  return _`const ${N.known}: ReadonlySet<string> = new Set(${known});`;
}

function elementCheck(ctx: Ctx): Code {
  const form = ctx.form;
  const element = ctx.element;
  const signature = _`function ${checkName(form)}(${N.v}: unknown, ${N.path}: string, ${N.out}: ${N.Diagnostic}[], ${N.d}: number): void`;
  const deep = _`if (${N.d} > ${N.MAX_DEPTH}) return ${N.report}(${N.out}, "object/too-deep", { element: ${element}, limit: ${N.MAX_DEPTH} }, ${N.path});`;
  let body: Code[];
  switch (form.shape) {
    case "any":
      body = ctx.ordered
        ? [
            deep,
            // DTD ANY / xs:anyType: only a parsed object (child order recorded) is checked, child by child;
            // its attributes as any element's (DTD ANY declares them; xs:anyType's wildcard takes any).
            _`if (!${N.isRecord}(${N.v})) return;`,
            ...attributeChecks(ctx, form.attributes, ctx.schema.model.kind === "xsd"),
            ...missingAttributes(ctx, form.attributes),
            _`const ${N.order} = ${N.orderOf}(${N.v}, false);`,
            _`if (${N.order} !== null) ${N.walkContent}(${N.v}, ${N.order}, ${N.path}, ${N.out}, ${N.d}, ${ctx.at}, ${N.ORDERED});`,
          ]
        : [_`void ${N.v}; void ${N.path}; void ${N.out}; void ${N.d};`];
      break;
    case "empty":
      // An object of attributes only: undeclared attributes, as the engine reports them on the start tag.
      body = [
        _`const ${N.t} = ${ctx.schema.model.kind === "xsd" ? _`${N.textOf}(${N.out}, ${N.path}, ${element}, ${N.v}, true)` : _`${N.textOf}(${N.out}, ${N.path}, ${element}, ${N.v})`};`,
        _`if (${N.t} !== "") ${N.report}(${N.out}, "valid/not-empty", { parent: ${element}, found: typeof ${N.t} === "string" ? ${N.foundText}(${N.t}) : ${N.describeJs}(${N.t}) }, ${N.path});`,
        _`void ${N.d};`,
      ];
      break;
    case "value":
      body = ctx.ordered
        ? // A parsed object of a text-only element (attributes or children it may not have): reported in document order.
          [valueCheck(ctx, form.text!, "text", form.fixed, _`${N.orderedText}(${N.out}, ${N.path}, ${element}, ${N.v}, ${N.d}, ${ctx.at}, ${N.ORDERED})`, N.path)]
        : [_`void ${N.d};`, valueCheck(ctx, form.text!, "text", form.fixed, (ctx.schema.model.kind === "xsd" ? _`${N.textOf}(${N.out}, ${N.path}, ${element}, ${N.v}, true)` : _`${N.textOf}(${N.out}, ${N.path}, ${element}, ${N.v})`), N.path)];
      break;
    case "object": {
      const text =
        form.text === undefined
          ? []
          : form.mixed || form.text.kind === "string"
            ? [_`if (${field(TEXT_KEY)} !== undefined) ${valueCheck(ctx, form.text, "text", form.fixed, field(TEXT_KEY), N.path)}`]
            : [valueCheck(ctx, form.text, "text", form.fixed, field(TEXT_KEY), N.path)];
      // Unknown names first: a renamed child is reported as unexpected, as the engine does, not as missing.
      // Parsed objects carry their child order: their content model runs as the engine runs it.
      const ordered = ctx.ordered
        ? {
            order: _`const ${N.order} = ${N.orderOf}(${N.v}, ${!form.mixed && form.text === undefined});`,
            walk: _`if (${N.order} !== null) return ${N.walkContent}(${N.v}, ${N.order}, ${N.path}, ${N.out}, ${N.d}, ${ctx.at}, ${N.ORDERED});`,
          }
        : undefined;
      body = [
        deep,
        _`if (!${N.isRecord}(${N.v})) return ${N.typeError}(${N.out}, ${N.path}, ${element}, "an object", ${N.v});`,
        contentErrors(form, ctx.schema.model, element),
        knownKeys(form),
        ...attributeChecks(ctx, form.attributes, ctx.schema.model.kind === "xsd"),
        ...missingAttributes(ctx, form.attributes),
        ...text,
        ...(ordered === undefined ? [] : [ordered.order]),
        unknownKeys(form, ordered !== undefined, element, ctx.schema.model),
        ...(ordered === undefined ? [] : [ordered.walk]),
        ...(form.content === undefined ? [] : contentChecks(ctx, form.content)),
      ];
      if (form.content === undefined || namesOf(form.content).length === 0) body.push(_`void ${N.d};`);
      // Wildcards only: no unknown-key or child check reads the content errors (noUnusedLocals).
      if (form.open && (form.content === undefined || namesOf(form.content).length === 0)) body.push(_`void ${N.ce};`);
      break;
    }
  }
  // cvc-elt.1 (XSD 1.0 §3.3.4): reported first, then the content is still checked, as the engine does.
  if (form.abstract === true) body.unshift(_`${N.report}(${N.out}, "valid/abstract-element", { found: ${element} }, ${N.path});`);
  if (element.text === N.el.text && body.some((c) => /(?<![\w$.])el(?![\w$])/.test(c.text))) body.unshift(_`const ${N.el} = ${N.nameInPath}(${N.path});`);
  return _`${signature} {
${lines(body.filter((c) => c.text !== ""), 1)}
}`;
}

export function emitValidators(schema: SchemaForm, header: Code, runtime: string, typesModule: string, tableModule: string): Code {
  const types = simpleTypeTable(schema);
  const namespaced = isNamespaced(schema.model);
  const seen = new Set<string>();
  const checks: Code[] = [];
  const contents: Record<string, ContentLiteral> = {};
  schema.elements.forEach((form, at) => {
    if (seen.has(form.typeName)) return;
    seen.add(form.typeName);
    const content = contentLiteral(schema, form);
    if (content !== undefined) contents[at] = content;
    checks.push(elementCheck({ schema, types, form, counter: { next: 0 }, at, ordered: content !== undefined, element: namespaced ? N.el : lit(form.xmlName) }));
  });
  const ordered = Object.keys(contents).length > 0;
  const roots = schema.roots.map((id) => childForm(schema, id));
  const typeNames = [...new Set(roots.map((r) => r.typeName))].map((n) => new Name(n));
  const entry = roots.map((r) => {
    const t = new Name(r.typeName);
    return _`${jsdoc(`Validates the object form of a <${r.xmlName}> document; returns the diagnostics \`qxml validate\` would give (no positions).`)}export function ${new Name(PREFIX.validate + r.typeName)}(${N.value}: unknown): ${N.Diagnostic}[] {
  const ${N.out}: ${N.Diagnostic}[] = [];
  ${checkName(r)}(${N.value}, ${namespaced ? _`"/" + ${N.rootNameOf}(${N.value}, ${r.xmlName})` : lit("/" + r.xmlName)}, ${N.out}, 0);
  return ${N.out};
}

/** True when \`value\` is a valid ${t}. */
export function ${new Name(PREFIX.is + r.typeName)}(${N.value}: unknown): ${N.value} is ${t} {
  return ${new Name(PREFIX.validate + r.typeName)}(${N.value}).every((x) => x.severity !== "error");
}`;
  });
  const usesTypes = types.types.length > 0;
  const body = _`${usesTypes ? _`
/** The schema's simple types (facets, enumerations), checked by the datatypes module. */
const ${N.TYPES} = new ${N.SimpleTypes}(${lit(types.types, 2)});
` : _``}
${join(entry, "\n\n")}
${ordered ? _`
/**
 * The content models of the schema as the validation engine's automata (generated tables), for
 * objects that carry their child order (from parse): checked in document order, as \`qxml validate\` does.
 */
const ${N.ORDERED} = ${N.orderedSchema}(${schema.model.kind === "dtd"}, ${N.TABLE}, [
${lines(schema.elements.map((f) => _`${checkName(f)},`), 1)}
], {
${lines(Object.entries(contents).map(([at, c]) => _`${at}: ${lit(c)},`), 1)}
});
` : _``}
${join(checks, "\n\n")}
`;
  // Only the helpers the code calls are imported: projects that compile generated code with
  // noUnusedLocals would otherwise fail on it.
  const used = usedNames(body.toString(), RUNTIME_HELPERS);
  // A schema with no global element has nothing to validate: the module says so and imports nothing unused.
  const runtimeImport = used.length > 0 ? _`import { ${join(used)}, type ${N.Diagnostic} } from ${runtime};` : roots.length > 0 ? _`import type { ${N.Diagnostic} } from ${runtime};` : _``;
  const typesImport = typeNames.length > 0 ? _`
import type { ${join(typeNames)} } from ${typesModule};` : _`
// The schema declares no global element: no document can be validated against it, so there is no validator.
export {};`;
  return _`${header}
/* eslint-disable */
${runtimeImport}${typesImport}${ordered ? _`
import { ${N.TABLE} } from ${tableModule};` : _``}
${body}`;
}

/** The runtime's exports generated validators may call. */
const RUNTIME_HELPERS: readonly Name[] = [
  N.checkChild,
  N.checkValue,
  N.checkDtdAttribute,
  N.ContentErrors,
  N.textOf,
  N.xsdReservedAttribute,
  N.childPath,
  N.describeJs,
  N.expectedText,
  N.foundText,
  N.isRecord,
  N.MAX_DEPTH,
  N.report,
  N.SimpleTypes,
  N.typeError,
  N.orderOf,
  N.orderedSchema,
  N.orderedText,
  N.walkContent,
  N.nameInPath,
  N.rootNameOf,
  N.undeclaredAttribute,
  N.wildcardAttribute,
  N.wildcardTakes,
  N.writtenAttribute,
];

/** The names that occur as identifiers in `code` (not as part of a longer identifier or a property). */
function usedNames(code: string, names: readonly Name[]): Name[] {
  return names.filter((n) => new RegExp(`(?<![\\w$.])${n.name}(?![\\w$])`).test(code));
}
