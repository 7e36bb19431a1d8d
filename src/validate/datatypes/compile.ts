/**
 * compileSimpleType: a simple type of the model → a checker of lexical values, built once per
 * (model, type) and cached. Atomic types check the built-in's lexical space then the facets;
 * lists check each item with the item type's checker, then facets counting items; unions take
 * the first member that accepts the value, then apply their own pattern and enumeration.
 */
import { codeDef, render } from "../../diagnostics/codes.js";
import "./codes.js"; // registers the type/ codes that list-item messages render
import { BUILTINS } from "../../schema/builtins.js";
import { XSD_NS, type Facets, type SchemaModel, type SimpleType, type WhiteSpace } from "../../schema/model.js";
import { builtinAtomic, xsName } from "./builtin.js";
import { describeFacets } from "./describe.js";
import {
  digitChecks,
  enumerationCheck,
  lengthChecks,
  patternCheck,
  rangeChecks,
  type FacetCheck,
  type FacetSubject,
} from "./facets.js";
import { parseQNameParts } from "./lexical/names.js";
import { bindingsContext, qnameMismatch, resolveQName } from "./qname-value.js";
import type { SimpleTypeChecker, ValueCheck, ValueContext } from "./types.js";
import { applyWhiteSpace } from "./whitespace.js";

/** A checker plus what enclosing lists and unions need: values and their equality. */
interface CompiledType extends SimpleTypeChecker {
  /**
   * The value of a lexical form in this type's value space, or null when it is not valid;
   * `context` resolves QName prefixes (without it, QNames are known by their literal only).
   */
  value(lexical: string, context?: ValueContext): unknown | null;
  equal(a: unknown, b: unknown): boolean;
  hasQNames: boolean;
}

const LIST_BUILTINS_NON_EMPTY = new Set(["NMTOKENS", "IDREFS", "ENTITIES"]);

const caches = new WeakMap<SchemaModel, Map<number, CompiledType>>();

export function compileSimpleType(model: SchemaModel, typeId: number): SimpleTypeChecker {
  return compiled(model, typeId, 0);
}

function compiled(model: SchemaModel, typeId: number, depth: number): CompiledType {
  let cache = caches.get(model);
  if (cache === undefined) {
    cache = new Map();
    caches.set(model, cache);
  }
  let c = cache.get(typeId);
  if (c === undefined) {
    // Lists and unions refer to other types; a malformed model could make that circular.
    if (depth > 64) throw new Error(`simple type ${typeId}: member/item types nest too deeply (circular?)`);
    const type = model.simpleTypes[typeId];
    if (type === undefined) throw new Error(`no simple type with id ${typeId}`);
    c = withSameValue(type.variety === "list" ? compileList(model, type, depth) : type.variety === "union" ? compileUnion(model, type, depth) : compileAtomic(type));
    cache.set(typeId, c);
  }
  return c;
}

function withSameValue(c: Omit<CompiledType, "sameValue">): CompiledType {
  return {
    ...c,
    sameValue(a, aContext, b, bContext) {
      const x = c.value(a, aContext);
      const y = c.value(b, bContext);
      // An invalid value is reported by the type check; compare literals as before.
      return x !== null && y !== null ? c.equal(x, y) : c.normalize(a) === c.normalize(b);
    },
  };
}

/** The first value of `pick` along the restriction chain (lists and unions inherit items/members). */
function inherited<T>(model: SchemaModel, type: SimpleType, pick: (t: SimpleType) => T | undefined): T | undefined {
  for (let t: SimpleType | undefined = type, n = 0; t !== undefined && n < 1000; t = t.base === undefined ? undefined : model.simpleTypes[t.base], n++) {
    const v = pick(t);
    if (v !== undefined) return v;
  }
  return undefined;
}

function runChecks(checks: FacetCheck[], normalized: string, value: unknown): ValueCheck {
  for (const check of checks) {
    const r = check(normalized, value);
    if (r !== null) return r;
  }
  return null;
}

function facetChecks(facets: Facets, subject: FacetSubject): FacetCheck[] {
  const checks: FacetCheck[] = [];
  if (facets.enumeration !== undefined && facets.enumeration.length > 0) {
    // Members keep the schema's bindings when their type has QNames (see schema/xsd/value-namespaces.ts).
    const members = facets.enumeration.map((e) => (e.namespaces === undefined ? { literal: e.value } : { literal: e.value, context: bindingsContext(e.namespaces) }));
    checks.push(enumerationCheck(members, subject));
  }
  checks.push(...lengthChecks(facets, subject));
  if (facets.patterns !== undefined && facets.patterns.length > 0) checks.push(patternCheck(facets.patterns));
  checks.push(...rangeChecks(facets, subject), ...digitChecks(facets, subject));
  return checks;
}

function enumerationOf(facets: Facets): string[] | undefined {
  return facets.enumeration === undefined || facets.enumeration.length === 0 ? undefined : facets.enumeration.map((e) => e.value);
}

function compileAtomic(type: SimpleType): CompiledType {
  const builtin = builtinAtomic(type.builtin);
  const ws = type.facets.whiteSpace ?? BUILTINS[type.builtin].whiteSpace;
  const space = builtin.space;
  const isQName = builtin.primitive === "QName" || builtin.primitive === "NOTATION";
  const value = (lexical: string, context?: ValueContext): unknown | null => {
    const normalized = applyWhiteSpace(lexical, ws);
    const r = builtin.check(normalized);
    if (!r.ok) return null;
    return isQName ? resolveQName(normalized, context) : r.value;
  };
  const subject: FacetSubject = {
    parse: value,
    equal: space.equal,
    compare: space.compare,
    length: space.length,
    lengthUnit: space.lengthUnit ?? "characters",
    digits: space.digits,
  };
  if (isQName) subject.mismatch = qnameMismatch;
  const checks = facetChecks(type.facets, subject);
  const description = xsName(type.builtin) + describeFacets(type.facets, subject.lengthUnit);
  const check = (lexical: string, context?: ValueContext): ValueCheck => {
    const normalized = applyWhiteSpace(lexical, ws);
    const r = builtin.check(normalized);
    if (!r.ok) return r.error;
    if (isQName && context?.lookupNamespace !== undefined) {
      const unbound = unboundPrefix(normalized, context);
      if (unbound !== null) return { code: "type/qname-prefix", params: { value: normalized, prefix: unbound } };
    }
    return runChecks(checks, normalized, isQName ? resolveQName(normalized, context) : r.value);
  };
  return {
    enumeration: enumerationOf(type.facets),
    normalize: (lexical) => applyWhiteSpace(lexical, ws),
    describe: () => description,
    value,
    equal: space.equal,
    hasQNames: isQName,
    // Decided here, once per type: only ENTITY-based values ask the document's DTD.
    check: type.builtin === "ENTITY" ? declaredEntity(check, ws) : check,
  };
}

/**
 * xs:ENTITY and types restricted from it (also as list items and union members): a valid NCName
 * must also name an unparsed entity of the document's DTD (XSD 1.0 Part 2 §3.3.11). A context
 * without `unparsedEntity` (no document at hand, e.g. a schema's own values) checks the NCName only.
 */
function declaredEntity(check: (lexical: string, context?: ValueContext) => ValueCheck, ws: WhiteSpace): (lexical: string, context?: ValueContext) => ValueCheck {
  return (lexical, context) => {
    const r = check(lexical, context);
    if (r !== null || context?.unparsedEntity === undefined) return r;
    const name = applyWhiteSpace(lexical, ws);
    return context.unparsedEntity(name) ? null : { code: "type/entity-undeclared", params: { value: name, type: "xs:ENTITY" } };
  };
}

function unboundPrefix(qname: string, context: ValueContext): string | null {
  const parts = parseQNameParts(qname);
  if (!parts.ok || parts.value.prefix === null || parts.value.prefix === "xml") return null;
  const uri = context.lookupNamespace!(parts.value.prefix);
  return uri === undefined || uri === null ? parts.value.prefix : null;
}

function renderCheck(check: NonNullable<ValueCheck>): string {
  return render(codeDef(check.code).message, check.params);
}

function compileList(model: SchemaModel, type: SimpleType, depth: number): CompiledType {
  const itemId = inherited(model, type, (t) => t.itemType);
  if (itemId === undefined) throw new Error(`list type ${type.name ?? type.id} has no item type`);
  const item = compiled(model, itemId, depth + 1);
  const facets: Facets = { ...type.facets };
  const builtinList = inherited(model, type, (t) => (t.namespace === XSD_NS && LIST_BUILTINS_NON_EMPTY.has(t.name ?? "") ? t.name : undefined));
  if (builtinList !== undefined && facets.length === undefined && facets.minLength === undefined) facets.minLength = 1;
  const split = (normalized: string): string[] => (normalized === "" ? [] : normalized.split(" "));
  const value = (lexical: string, context?: ValueContext): unknown[] | null => {
    const values: unknown[] = [];
    for (const it of split(applyWhiteSpace(lexical, "collapse"))) {
      const v = item.value(it, context);
      if (v === null) return null;
      values.push(v);
    }
    return values;
  };
  const equal = (a: unknown, b: unknown): boolean => {
    const x = a as unknown[];
    const y = b as unknown[];
    return x.length === y.length && x.every((v, i) => item.equal(v, y[i]));
  };
  const subject: FacetSubject = { parse: value, equal, length: (v) => (v as unknown[]).length, lengthUnit: "items" };
  const checks = facetChecks(facets, subject);
  const description = `list of ${item.describe()}` + describeFacets(facets, "items");
  return {
    enumeration: enumerationOf(facets),
    normalize: (lexical) => applyWhiteSpace(lexical, "collapse"),
    describe: () => description,
    value,
    equal,
    hasQNames: item.hasQNames,
    check(lexical: string, context?: ValueContext): ValueCheck {
      const normalized = applyWhiteSpace(lexical, "collapse");
      const items = split(normalized);
      const values: unknown[] = [];
      for (let i = 0; i < items.length; i++) {
        const r = item.check(items[i], context);
        if (r !== null) {
          return { code: "type/list-item", params: { index: i + 1, item: items[i], detail: renderCheck(r), itemCode: r.code } };
        }
        values.push(item.value(items[i], context));
      }
      return runChecks(checks, normalized, values);
    },
  };
}

interface UnionValue {
  member: number;
  value: unknown;
}

function compileUnion(model: SchemaModel, type: SimpleType, depth: number): CompiledType {
  const memberIds = inherited(model, type, (t) => t.memberTypes);
  if (memberIds === undefined || memberIds.length === 0) throw new Error(`union type ${type.name ?? type.id} has no member types`);
  const members = memberIds.map((id) => compiled(model, id, depth + 1));
  const accepting = (lexical: string, context?: ValueContext): number => members.findIndex((m) => m.check(lexical, context) === null);
  const value = (lexical: string, context?: ValueContext): UnionValue | null => {
    const i = accepting(lexical, context);
    return i < 0 ? null : { member: i, value: members[i].value(lexical, context) };
  };
  const equal = (a: unknown, b: unknown): boolean => {
    const x = a as UnionValue;
    const y = b as UnionValue;
    return x.member === y.member && members[x.member].equal(x.value, y.value);
  };
  const subject: FacetSubject = { parse: value, equal, lengthUnit: "characters" };
  const checks = facetChecks({ patterns: type.facets.patterns, enumeration: type.facets.enumeration }, subject);
  const memberNames = members.map((m) => m.describe());
  const description = `union of ${memberNames.join(" | ")}` + describeFacets(type.facets, "characters");
  const tried = triedMembers(memberNames);
  return {
    enumeration: enumerationOf(type.facets),
    normalize(lexical) {
      const i = accepting(lexical);
      return i < 0 ? applyWhiteSpace(lexical, "collapse") : members[i].normalize(lexical);
    },
    describe: () => description,
    value,
    equal,
    hasQNames: members.some((m) => m.hasQNames),
    check(lexical: string, context?: ValueContext): ValueCheck {
      const i = accepting(lexical, context);
      if (i < 0) {
        return { code: "type/union", params: { value: lexical, type: type.name ?? "the union", members: tried } };
      }
      return runChecks(checks, members[i].normalize(lexical), { member: i, value: members[i].value(lexical, context) });
    },
  };
}

/** The longest "(tried ...)" list a type/union reason gives: it precedes the type's own description in a message. */
const MAX_TRIED_TEXT = 100;

/**
 * The members a type/union reason says it tried: each distinct description once, as many as fit
 * MAX_TRIED_TEXT, then "... (N more)" as other lists say it. Nested anonymous unions are described
 * in full, and listing every one made a 250-character reason (deep schema diagnostic sweep,
 * bug306806_1.xsd). Still a list: params keep their shape (docs/findings.md).
 */
export function triedMembers(names: readonly string[]): string[] {
  const distinct = [...new Set(names)];
  const kept: string[] = [];
  let length = 0;
  for (const name of distinct) {
    if (kept.length > 0 && length + 2 + name.length > MAX_TRIED_TEXT) break;
    kept.push(name);
    length += (kept.length > 1 ? 2 : 0) + name.length;
  }
  const more = distinct.length - kept.length;
  return more === 0 ? kept : [...kept, `... (${more} more)`];
}
