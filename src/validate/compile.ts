/**
 * Compiles a SchemaModel into the tables the engine runs on: per complex type a content matcher,
 * an attribute table and a text rule; per element declaration its type. Every content model is
 * checked up front (a non-deterministic one is a schema error whether a document uses it or not),
 * but the tables are kept only for the elements a document meets, compiled on first use: a DTD
 * declares thousands of elements a document may never use, and kept tables cost ≈ 9 KB each
 * (a 4 MB DTD held 370 MB of them). The result is cached per model object.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnose } from "../diagnostics/codes.js";
import { MAX_CONTENT_DEPTH, MAX_CONTENT_PARTICLES, type AttributeDecl, type ElementDecl, type SchemaModel, type Wildcard } from "../schema/model.js";
import { builtinDerivesFrom } from "../schema/builtins.js";
import { buildMatcher, leafLabel, MAX_EDGES, type ContentMatcher, type Leaf, type MatcherBuild } from "./automaton.js";
import { simpleChecker, type SimpleChecker } from "./simple.js";
import { withSubstitutions } from "./substitution.js";
import "./codes.js";

/** What text an element may hold. */
export type TextRule = "empty" | "elements" | "mixed" | "any" | "simple";

/** How an attribute's value is checked beyond its simple type. */
export type IdKind = "none" | "id" | "idref" | "idrefs";

export interface CompiledAttribute {
  decl: AttributeDecl;
  checker: SimpleChecker;
  idKind: IdKind;
}

export interface CompiledType {
  /** Complex type id, or -1 for an element of a simple type. */
  id: number;
  text: TextRule;
  /** For "elements" and "mixed"; for "any" and "simple" null. */
  matcher: ContentMatcher | null;
  /** For "simple": the text's type. */
  simple: SimpleChecker | null;
  /** The text is an xs:ID, IDREF or IDREFS (it takes part in ID bookkeeping). */
  textIds: boolean;
  /** An abstract complex type (XSD): an element validated against it is invalid (cvc-elt.2). */
  abstract: boolean;
  /** Attributes by local name (DTD: by qualified name); several when namespaces differ. */
  attributes: Map<string, CompiledAttribute[]>;
  /** Required attributes, checked at every start tag. */
  required: CompiledAttribute[];
  /** Attributes with a default or fixed value (reported missing ones are added in XSD). */
  anyAttribute: Wildcard | null;
  /** Declared attribute names, for "expected one of" and did-you-mean. */
  attributeNames: string[];
}

export interface CompiledElement {
  decl: ElementDecl;
  type: CompiledType;
  /** Copies of decl.abstract and decl.fixed: declarations come in many shapes (optional fields), this one has one. */
  abstract: boolean;
  fixed: string | undefined;
}

export interface CompiledSchema {
  model: SchemaModel;
  kind: SchemaModel["kind"];
  /** By element declaration id, filled on first use: read them through elementById. */
  elements: (CompiledElement | undefined)[];
  /** Global element declarations by local name (DTD: name); several when namespaces differ. */
  globals: Map<string, ElementDecl[]>;
  /** Compiled complex types by id, filled on first use. */
  complexTypes: (CompiledType | undefined)[];
  /** Complex types whose content model compileSchema has checked (their diagnostics are reported once). */
  checked: ReadonlySet<number>;
  /** Global element names, for did-you-mean and "expected one of" at the root. */
  globalNames: string[];
}

const cache = new WeakMap<SchemaModel, { schema: CompiledSchema; diagnostics: Diagnostic[] }>();

export function compileSchema(model: SchemaModel): { schema: CompiledSchema; diagnostics: Diagnostic[] } {
  const hit = cache.get(model);
  if (hit !== undefined) return hit;
  const diagnostics: Diagnostic[] = [];
  const checked = new Set<number>();
  for (const decl of model.elements) {
    if (decl.type.kind !== "complex" || checked.has(decl.type.id)) continue;
    checked.add(decl.type.id);
    diagnostics.push(...contentModelDiagnostics(model, decl.type.id, decl.name, buildContent(model, decl.type.id)));
  }
  // Named types no declaration uses (a base type, one meant for xsi:type) are checked too: UPA
  // (cos-nonambig) constrains every complex type definition of the schema, as libxml2 checks it.
  for (let id = 0; id < model.complexTypes.length; id++) {
    if (checked.has(id)) continue;
    checked.add(id);
    diagnostics.push(...contentModelDiagnostics(model, id, null, buildContent(model, id)));
  }
  const globals = new Map<string, ElementDecl[]>();
  for (const id of Object.values(model.globalElements)) {
    const decl = model.elements[id];
    const list = globals.get(decl.name);
    if (list === undefined) globals.set(decl.name, [decl]);
    else list.push(decl);
  }
  const schema: CompiledSchema = { model, kind: model.kind, elements: [], globals, complexTypes: [], checked, globalNames: [...globals.keys()] };
  const result = { schema, diagnostics };
  cache.set(model, result);
  return result;
}

/** The compiled element declaration `id`, compiled on first use. */
export function elementById(schema: CompiledSchema, id: number): CompiledElement {
  const known = schema.elements[id];
  if (known !== undefined) return known;
  const decl = schema.model.elements[id];
  // Types reached through a declaration were checked by compileSchema: nothing new to report.
  const type = decl.type.kind === "simple" ? simpleElementType(schema.model, decl.type.id) : complexTypeById(schema, decl.type.id, []);
  const el: CompiledElement = { decl, type, abstract: decl.abstract, fixed: decl.fixed };
  schema.elements[id] = el;
  return el;
}

/** The compiled complex type `id` (also for xsi:type), compiled on first use; reports its content model's problems unless compileSchema did. */
export function complexTypeById(schema: CompiledSchema, id: number, diagnostics: Diagnostic[]): CompiledType {
  const known = schema.complexTypes[id];
  if (known !== undefined) return known;
  const build = buildContent(schema.model, id);
  if (!schema.checked.has(id)) diagnostics.push(...contentModelDiagnostics(schema.model, id, null, build));
  const type = compileComplexType(schema.model, id, build);
  schema.complexTypes[id] = type;
  return type;
}

export function simpleElementType(model: SchemaModel, typeId: number): CompiledType {
  const simple = simpleChecker(model, typeId);
  return {
    id: -1,
    text: "simple",
    matcher: null,
    simple,
    textIds: isIdBuiltin(simple),
    abstract: false,
    attributes: new Map(),
    required: [],
    anyAttribute: null,
    attributeNames: [],
  };
}

export function findGlobal(schema: CompiledSchema, uri: string | null, local: string): CompiledElement | undefined {
  const list = schema.globals.get(local);
  if (list === undefined) return undefined;
  for (const decl of list) if (decl.namespace === uri) return elementById(schema, decl.id);
  return undefined;
}

/** The content model's matcher (null for empty, any and simple content). */
function buildContent(model: SchemaModel, id: number): MatcherBuild | null {
  const content = model.complexTypes[id].content;
  return content.kind === "mixed" || content.kind === "elements" ? buildMatcher(withSubstitutions(model, content.particle)) : null;
}

/** Schema errors in a content model: non-determinism (XSD UPA), and models too deep or too large to compile. */
function contentModelDiagnostics(model: SchemaModel, id: number, owner: string | null, build: MatcherBuild | null): Diagnostic[] {
  if (build === null) return [];
  const ct = model.complexTypes[id];
  const ownerName = owner ?? ct.name ?? `complex type #${id}`;
  const where = ct.location;
  // XSD: UPA makes the schema invalid. DTD: XML 1.0 §3.2.1 calls it an error "for compatibility";
  // libxml2 reports it as a validity error, and so does qxml (the matcher still runs exactly).
  const at = { line: where.line, column: where.column };
  const out = build.ambiguities.map((a) => ambiguityDiagnostic(ownerName, a.found, a.first, a.second));
  if (build.tooDeep === true) out.push(diagnose("valid/content-model-too-deep", { element: ownerName, limit: MAX_CONTENT_DEPTH }, at));
  if (build.tooLarge === true) out.push(diagnose("valid/content-model-too-large", { element: ownerName, limit: MAX_EDGES, what: `more than ${MAX_EDGES} automaton transitions` }, at));
  if (build.tooManyLeaves === true) out.push(diagnose("valid/content-model-too-large", { element: ownerName, limit: MAX_CONTENT_PARTICLES, what: `more than ${MAX_CONTENT_PARTICLES} element particles` }, at));
  if (build.nestedAll !== undefined) {
    const nested = { line: build.nestedAll.line, column: build.nestedAll.column };
    out.push(diagnose("valid/unsupported-content", { element: ownerName, feature: "xs:all inside another group", fallback: "it is checked as a sequence" }, nested));
  }
  return out;
}

function compileComplexType(model: SchemaModel, id: number, build: MatcherBuild | null): CompiledType {
  const ct = model.complexTypes[id];
  const content = ct.content;
  const text: TextRule = content.kind;
  const simple = content.kind === "simple" ? simpleChecker(model, content.type) : null;
  const attributes = new Map<string, CompiledAttribute[]>();
  const required: CompiledAttribute[] = [];
  for (const decl of ct.attributes) {
    const checker = simpleChecker(model, decl.type);
    const compiled: CompiledAttribute = { decl, checker, idKind: idKindOf(decl, checker) };
    const list = attributes.get(decl.name);
    if (list === undefined) attributes.set(decl.name, [compiled]);
    else list.push(compiled);
    if (decl.use === "required") required.push(compiled);
  }
  return {
    id,
    text,
    matcher: build?.matcher ?? null,
    simple,
    textIds: simple !== null && isIdBuiltin(simple),
    abstract: ct.abstract,
    attributes,
    required,
    anyAttribute: ct.anyAttribute ?? null,
    attributeNames: ct.attributes.filter((a) => a.use !== "prohibited").map((a) => a.name),
  };
}

/** The built-ins whose element text the engine records as IDs or references (recordElementId). */
function isIdBuiltin(c: SimpleChecker): boolean {
  return c.builtin === "ID" || c.builtin === "IDREF" || c.builtin === "IDREFS";
}

function idKindOf(decl: AttributeDecl, checker: SimpleChecker): IdKind {
  const t = decl.dtdType;
  if (t === "ID") return "id";
  if (t === "IDREF") return "idref";
  if (t === "IDREFS") return "idrefs";
  if (t !== undefined) return "none";
  if (builtinDerivesFrom(checker.builtin, "ID")) return "id";
  if (builtinDerivesFrom(checker.builtin, "IDREF")) return "idref";
  if (checker.builtin === "IDREFS") return "idrefs";
  return "none";
}

function ambiguityDiagnostic(element: string, found: string, first: Leaf, second: Leaf): Diagnostic {
  // The diagnostic is placed in the second particle's file (schemaLocation): a particle there is
  // named by line and column, one in another file by that file's name too (full paths made these
  // messages run past 300 characters).
  const at = (l: Leaf): string => {
    const where = l.location.file === second.location.file ? "" : `${l.location.file.replace(/^.*[\\/]/, "")}:`;
    return `${l.kind === "element" ? `<${l.name}>` : leafLabel(l)} at ${where}${l.location.line}:${l.location.column}`;
  };
  const d = diagnose(
    "valid/ambiguous-content-model",
    { element, found: found.startsWith("an ") ? found : `<${found}>`, first: at(first), second: at(second) },
    { line: second.location.line, column: second.location.column },
  );
  d.schemaLocation = { file: second.location.file, line: second.location.line, column: second.location.column };
  return d;
}
