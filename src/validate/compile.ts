/**
 * Compiles a SchemaModel once into the tables the engine runs on: per complex type a content
 * matcher, an attribute table and a text rule; per element declaration its type. The result
 * is cached per model object.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnose } from "../diagnostics/codes.js";
import type { AttributeDecl, ElementDecl, SchemaModel, Wildcard } from "../schema/model.js";
import { builtinDerivesFrom } from "../schema/builtins.js";
import { buildMatcher, leafLabel, MAX_EDGES, MAX_PARTICLE_DEPTH, type ContentMatcher, type Leaf } from "./automaton.js";
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
  /** By element declaration id. */
  elements: CompiledElement[];
  /** Global element declarations by local name (DTD: name); several when namespaces differ. */
  globals: Map<string, CompiledElement[]>;
  /** Compiled complex types by id (for xsi:type). */
  complexTypes: (CompiledType | undefined)[];
  /** Global element names, for did-you-mean and "expected one of" at the root. */
  globalNames: string[];
}

const cache = new WeakMap<SchemaModel, { schema: CompiledSchema; diagnostics: Diagnostic[] }>();

export function compileSchema(model: SchemaModel): { schema: CompiledSchema; diagnostics: Diagnostic[] } {
  const hit = cache.get(model);
  if (hit !== undefined) return hit;
  const diagnostics: Diagnostic[] = [];
  const complexTypes: (CompiledType | undefined)[] = [];
  const elements: CompiledElement[] = [];
  const typeOf = (decl: ElementDecl): CompiledType => {
    if (decl.type.kind === "simple") return simpleElementType(model, decl.type.id);
    const id = decl.type.id;
    complexTypes[id] ??= compileComplexType(model, id, decl, diagnostics);
    return complexTypes[id]!;
  };
  for (const decl of model.elements) elements[decl.id] = { decl, type: typeOf(decl), abstract: decl.abstract, fixed: decl.fixed };
  const globals = new Map<string, CompiledElement[]>();
  for (const id of Object.values(model.globalElements)) {
    const el = elements[id];
    const list = globals.get(el.decl.name);
    if (list === undefined) globals.set(el.decl.name, [el]);
    else list.push(el);
  }
  const schema: CompiledSchema = {
    model,
    kind: model.kind,
    elements,
    globals,
    complexTypes,
    globalNames: [...globals.keys()],
  };
  const result = { schema, diagnostics };
  cache.set(model, result);
  return result;
}

/** The compiled type for xsi:type, compiled on first use. */
export function complexTypeById(schema: CompiledSchema, id: number, diagnostics: Diagnostic[]): CompiledType {
  schema.complexTypes[id] ??= compileComplexType(schema.model, id, null, diagnostics);
  return schema.complexTypes[id]!;
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
  for (const el of list) if (el.decl.namespace === uri) return el;
  return undefined;
}

function compileComplexType(model: SchemaModel, id: number, owner: ElementDecl | null, diagnostics: Diagnostic[]): CompiledType {
  const ct = model.complexTypes[id];
  const ownerName = owner?.name ?? ct.name ?? `complex type #${id}`;
  const content = ct.content;
  let text: TextRule;
  let matcher: ContentMatcher | null = null;
  let simple: SimpleChecker | null = null;
  switch (content.kind) {
    case "empty":
      text = "empty";
      break;
    case "any":
      text = "any";
      break;
    case "simple":
      text = "simple";
      simple = simpleChecker(model, content.type);
      break;
    case "mixed":
    case "elements": {
      text = content.kind;
      const build = buildMatcher(withSubstitutions(model, content.particle));
      matcher = build.matcher;
      const where = ct.location;
      // XSD: UPA makes the schema invalid. DTD: XML 1.0 §3.2.1 calls it an error "for compatibility";
      // libxml2 reports it as a validity error, and so does qxml (the matcher still runs exactly).
      for (const a of build.ambiguities) diagnostics.push(ambiguityDiagnostic(ownerName, a.found, a.first, a.second));
      if (build.tooDeep === true) {
        diagnostics.push(
          diagnose("valid/content-model-too-deep", { element: ownerName, limit: MAX_PARTICLE_DEPTH }, { line: where.line, column: where.column }),
        );
      }
      if (build.tooLarge === true) {
        diagnostics.push(diagnose("valid/content-model-too-large", { element: ownerName, limit: MAX_EDGES }, { line: where.line, column: where.column }));
      }
      if (build.nestedAll !== undefined) {
        diagnostics.push(
          diagnose(
            "valid/unsupported-content",
            { element: ownerName, feature: "xs:all inside another group", fallback: "it is checked as a sequence" },
            { line: build.nestedAll.line, column: build.nestedAll.column },
          ),
        );
      }
      break;
    }
  }
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
    matcher,
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
  const at = (l: Leaf): string => `${l.kind === "element" ? `<${l.name}>` : leafLabel(l)} at ${l.location.file}:${l.location.line}:${l.location.column}`;
  const d = diagnose(
    "valid/ambiguous-content-model",
    { element, found: found.startsWith("an ") ? found : `<${found}>`, first: at(first), second: at(second) },
    { line: second.location.line, column: second.location.column },
  );
  d.schemaLocation = { file: second.location.file, line: second.location.line, column: second.location.column };
  return d;
}
