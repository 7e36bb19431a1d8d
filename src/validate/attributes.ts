/**
 * Attribute checks for one start tag: declared, required, fixed, value by type, IDs. DTD
 * schemas compare qualified names literally and check the DTD attribute types (XML 1.0 §3.3);
 * XSD schemas compare {namespace}local and check simple types.
 */
import type { Params } from "../diagnostics/codes.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { XSI_NS, type SchemaModel } from "../schema/model.js";
import type { StartTag, XmlAttribute } from "../xml/events.js";
import { wildcardAllows } from "./automaton.js";
import type { CompiledAttribute, CompiledType } from "./compile.js";
import type { ValueContext } from "./datatypes/index.js";
import type { IdTable } from "./ids.js";
import { explain, schemaValueContext, simpleChecker } from "./simple.js";
import { clippedList, expectedList, inNamespace, typeNote } from "./messages.js";
import { isNmtoken, isXmlName, tokens } from "./names.js";

export const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

export interface AttributeContext {
  model: SchemaModel;
  dtdMode: boolean;
  ids: IdTable;
  /** Reports a diagnostic at the given position, on the current element's path. */
  report(code: string, params: Params, line: number, column: number, hint?: string): void;
  /** The current element's path (computed only when needed). */
  path(): string;
  /** DTD with standalone="yes": whether attribute `name` of `element` is declared externally. */
  externalAttribute?(element: string, name: string): boolean;
  standalone(): boolean;
  /** Resolves prefixes for QName-typed values. */
  valueContext: ValueContext;
  /** Namespace processing on: DTD ID, IDREF(S), ENTITY(IES) and NOTATION values must be NCNames. */
  namespaces: boolean;
}

const XSI_ATTRIBUTES: ReadonlySet<string> = new Set(["type", "nil", "schemaLocation", "noNamespaceSchemaLocation"]);

export function checkAttributes(ctx: AttributeContext, type: CompiledType, tag: StartTag, element: string): void {
  const attrs = tag.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs[i];
    // xsi:type, nil, schemaLocation, noNamespaceSchemaLocation are the engine's; another xsi:* attribute
    // is an ordinary one, allowed only by a declaration or a wildcard (XSD 1.0 cvc-complex-type.3).
    if (!ctx.dtdMode && (a.uri === XMLNS_NS || (a.uri === XSI_NS && XSI_ATTRIBUTES.has(a.local)))) continue;
    const uri = ctx.dtdMode ? null : a.uri;
    const local = ctx.dtdMode ? a.name : a.local;
    const compiled = lookup(type, uri, local);
    if (compiled === undefined) {
      if (type.anyAttribute !== null && !ctx.dtdMode && wildcardAllows(type.anyAttribute, uri)) {
        wildcardAttribute(ctx, type.anyAttribute.processContents, a, element);
        continue;
      }
      undeclared(ctx, type, a, element);
      continue;
    }
    if (compiled.decl.use === "prohibited") {
      ctx.report("valid/prohibited-attribute", { element, name: a.name }, a.line, a.column);
      continue;
    }
    if (!a.specified) {
      if (ctx.externalAttribute?.(element, a.name) === true) {
        ctx.report(
          "valid/standalone",
          { problem: `attribute ${a.name} of <${element}> gets its default value from a declaration in the external subset` },
          tag.line,
          tag.column,
        );
      }
      continue; // defaults were checked with the DTD
    }
    if (a.typeNormalized === true && ctx.standalone() && ctx.externalAttribute?.(element, a.name) === true) {
      ctx.report(
        "valid/standalone",
        { problem: `the value of attribute ${a.name} of <${element}> is normalised by its type, which is declared in the external subset` },
        a.line,
        a.column,
      );
    }
    checkValue(ctx, compiled, a, element);
  }
  for (const r of type.required) {
    if (!present(attrs, r, ctx.dtdMode)) ctx.report("valid/missing-attribute", { element, name: r.decl.name }, tag.line, tag.column);
  }
}

/**
 * An attribute allowed by anyAttribute (XSD 1.0 §3.10.4): skip → nothing; lax → checked against
 * its global declaration if there is one; strict → a global declaration is required. Needs the
 * model's global attribute table; without one, only "skip" semantics are possible.
 */
function wildcardAttribute(ctx: AttributeContext, processContents: "strict" | "lax" | "skip", a: XmlAttribute, element: string): void {
  const table = ctx.model.globalAttributes;
  if (processContents === "skip" || table === undefined) return;
  const key = a.uri === null ? a.local : `{${a.uri}}${a.local}`;
  const decl = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
  if (decl === undefined) {
    if (processContents === "strict") {
      ctx.report("valid/undeclared-attribute", { element, found: a.name, expected: "none of that name globally (anyAttribute processContents=\"strict\" needs a global declaration)" }, a.line, a.column);
    }
    return;
  }
  checkValue(ctx, { decl, checker: simpleChecker(ctx.model, decl.type), idKind: "none" }, a, element);
}

function lookup(type: CompiledType, uri: string | null, local: string): CompiledAttribute | undefined {
  const list = type.attributes.get(local);
  if (list === undefined) return undefined;
  for (const c of list) if (c.decl.namespace === uri) return c;
  return undefined;
}

function present(attrs: XmlAttribute[], r: CompiledAttribute, dtdMode: boolean): boolean {
  for (const a of attrs) {
    if (dtdMode ? a.name === r.decl.name : a.local === r.decl.name && a.uri === r.decl.namespace) return true;
  }
  return false;
}

function undeclared(ctx: AttributeContext, type: CompiledType, a: XmlAttribute, element: string): void {
  const names = type.attributeNames;
  // The local name is declared in another namespace: "did you mean id?" would name the same thing.
  const elsewhere = ctx.dtdMode ? undefined : type.attributes.get(a.local)?.find((c) => c.decl.namespace !== a.uri);
  if (elsewhere !== undefined) {
    const wanted = elsewhere.decl.namespace;
    ctx.report(
      "valid/undeclared-attribute",
      { element, found: inNamespace(a.uri, a.name), expected: clippedList(names.map((n) => (n === a.local ? inNamespace(wanted, n) : n)), 20).join(", ") },
      a.line,
      a.column,
      wanted === null ? `Write ${a.local} without a prefix: unprefixed attributes are in no namespace.` : `Write ${a.local} with a prefix bound to ${wanted} (xmlns:p="${wanted}" and p:${a.local}): an unprefixed attribute is in no namespace, whatever the default xmlns.`,
    );
    return;
  }
  const suggestion = didYouMean(a.name, names);
  ctx.report(
    "valid/undeclared-attribute",
    { element, found: a.name, expected: names.length === 0 ? "none" : clippedList(names, 20).join(", "), ...(suggestion ? { suggestion } : {}) },
    a.line,
    a.column,
    suggestion !== undefined ? `Did you mean ${suggestion}?` : names.length === 0 ? `Remove ${a.name}: <${element}> has no attributes.` : undefined,
  );
}

function checkValue(ctx: AttributeContext, c: CompiledAttribute, a: XmlAttribute, element: string): void {
  const value = a.value;
  const decl = c.decl;
  if (decl.fixed !== undefined && !fixedMatches(ctx, c, value, decl.fixed)) {
    ctx.report("valid/fixed-attribute", { element, name: a.name, expected: decl.fixed, found: value }, a.line, a.column);
    return;
  }
  if (ctx.dtdMode && decl.dtdType !== undefined) {
    const expected = dtdValueProblem(ctx.model, c, value) ?? (ctx.namespaces ? colonProblem(decl.dtdType, value) : null);
    if (expected !== null) {
      ctx.report("valid/attribute-value", { element, name: a.name, expected, found: value }, a.line, a.column);
      return;
    }
  } else if (!c.checker.trivial) {
    const problem = c.checker.check(value, ctx.valueContext);
    if (problem !== null) {
      const { reason, hint } = explain(problem);
      ctx.report("valid/attribute-type", { element, name: a.name, reason, expected: c.checker.describe(), found: value, typeCode: problem.code, typeNote: typeNote(reason, problem.code, c.checker.describe()) }, a.line, a.column, hint);
      return;
    }
  }
  recordIds(ctx, c, a, element);
}

/** DTD values have no namespace bindings; XSD QName values resolve through the instance's and the schema's. */
function fixedMatches(ctx: AttributeContext, c: CompiledAttribute, value: string, fixed: string): boolean {
  if (ctx.dtdMode) return c.checker.fixedMatches(value, undefined, fixed, undefined);
  return c.checker.fixedMatches(value, ctx.valueContext, fixed, schemaValueContext(c.decl.valueNamespaces, ctx.valueContext));
}

function recordIds(ctx: AttributeContext, c: CompiledAttribute, a: XmlAttribute, element: string): void {
  switch (c.idKind) {
    case "none":
      return;
    case "id": {
      const value = c.checker.normalize(a.value);
      const prior = ctx.ids.define(value, a.line);
      if (prior !== undefined) ctx.report("valid/duplicate-id", { found: value, firstLine: prior }, a.line, a.column);
      return;
    }
    case "idref":
    case "idrefs": {
      // A token repeated in one IDREFS value is one reference: one error at the attribute, not one per token.
      const values = c.idKind === "idref" ? [c.checker.normalize(a.value)] : new Set(tokens(c.checker.normalize(a.value)));
      let path: string | undefined;
      for (const value of values) if (!ctx.ids.defines(value)) ctx.ids.reference({ value, element, name: a.name, line: a.line, column: a.column, path: (path ??= ctx.path()) });
    }
  }
}

/** For a DTD attribute: null when the value fits its declared type, else what was expected. */
export function dtdValueProblem(model: SchemaModel, c: CompiledAttribute, value: string): string | null {
  switch (c.decl.dtdType) {
    case "CDATA":
    case undefined:
      return null;
    case "ID":
    case "IDREF":
      return isXmlName(value) ? null : `an XML name (${c.decl.dtdType})`;
    case "IDREFS":
      return listOf(value, isXmlName) ? null : "XML names separated by single spaces (IDREFS)";
    case "NMTOKEN":
      return isNmtoken(value) ? null : "a name token (NMTOKEN)";
    case "NMTOKENS":
      return listOf(value, isNmtoken) ? null : "name tokens separated by single spaces (NMTOKENS)";
    case "ENTITY":
      return isUnparsedEntity(model, value) ? null : "the name of an unparsed entity declared in the DTD (ENTITY)";
    case "ENTITIES":
      return listOf(value, (v) => isUnparsedEntity(model, v)) ? null : "names of unparsed entities declared in the DTD (ENTITIES)";
    case "NOTATION":
    case "enumeration": {
      const values = model.simpleTypes[c.decl.type].facets.enumeration?.map((e) => e.value) ?? [];
      return values.includes(value) ? null : values.length === 1 ? `"${values[0]}"` : expectedList(clippedList(values, 20));
    }
  }
}

/** Namespaces in XML 1.0 §7: with namespaces, these DTD types take NCNames (no colon). */
export function colonProblem(t: string | undefined, value: string): string | null {
  if (t !== "ID" && t !== "IDREF" && t !== "IDREFS" && t !== "ENTITY" && t !== "ENTITIES" && t !== "NOTATION") return null;
  return value.includes(":") ? `a name without a colon (${t} values are NCNames when namespaces are in use)` : null;
}

/**
 * XML 1.0 [6] Names / [8] Nmtokens: items separated by single spaces (#x20). A value read through
 * the document's DTD was normalised already (§3.3.3); one checked against a DTD the document does
 * not declare was not, and then " a", "a " or "a  b" do not match (as " a" is not an ID).
 */
function listOf(value: string, ok: (v: string) => boolean): boolean {
  const list = value.split(" ");
  return value !== "" && list.every(ok);
}

function isUnparsedEntity(model: SchemaModel, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(model.entities, name) && model.entities[name].notation !== undefined;
}
