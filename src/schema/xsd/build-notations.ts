/**
 * xs:notation (XSD 1.0 Part 1 §3.12) and the types that use it. Declarations go into
 * `model.notations` by {namespace}name (the map the DTD reader fills with DTD notations).
 * xs:NOTATION may only be used through a type derived from it with an enumeration (Part 2
 * §3.2.19), whose values are QNames of declared notations (Part 2 §3.2.19.1: the value space
 * is the declared notations). Instance values are then checked by the enumeration alone.
 */
import { nameKey, type SchemaModel, type SourceLocation } from "../model.js";
import type { BuildContext } from "./build-context.js";
import type { XSchema, XValueSite } from "./syntax.js";

export function buildNotations(ctx: BuildContext): void {
  for (const def of ctx.globals.notations.values()) {
    const n = def.node;
    ctx.model.notations[def.key] = {
      name: n.name,
      location: n.loc,
      ...(n.public !== undefined ? { publicId: n.public } : {}),
      ...(n.system !== undefined ? { systemId: n.system } : {}),
    };
  }
}

function isNotationType(model: SchemaModel, id: number): boolean {
  const t = model.simpleTypes[id];
  return t.variety === "atomic" && t.builtin === "NOTATION";
}

/** xs:NOTATION itself, or a type derived from it that has no enumeration. */
function isBareNotation(model: SchemaModel, id: number): boolean {
  return isNotationType(model, id) && (model.simpleTypes[id].facets.enumeration?.length ?? 0) === 0;
}

/** The {namespace}local key a QName written in the schema names, or undefined for an unbound prefix. */
function qnameValueKey(value: string, site: XValueSite, schema: XSchema): string | undefined {
  const v = value.trim();
  const colon = v.indexOf(":");
  const prefix = colon < 0 ? "" : v.slice(0, colon);
  const uri = site.namespaces.get(prefix);
  if (uri === undefined && prefix !== "") return undefined; // reported by the facet value check
  let ns = uri === undefined || uri === "" ? null : uri;
  if (ns === null && schema.declaredTargetNamespace === null && schema.targetNamespace !== null) ns = schema.targetNamespace; // chameleon
  return nameKey(ns, colon < 0 ? v : v.slice(colon + 1));
}

/** Enumeration values of NOTATION types must name declared notations. */
function checkEnumerations(ctx: BuildContext): void {
  for (const [id, job] of ctx.simpleJobs) {
    const d = job.node.derivation;
    if (d.kind !== "restriction" || !isNotationType(ctx.model, id)) continue;
    for (const f of d.facets) {
      if (f.facet !== "enumeration") continue;
      const key = qnameValueKey(f.value, f.valueSite, job.schema);
      if (key === undefined || ctx.model.notations[key] !== undefined) continue;
      const local = f.value.trim().replace(/^[^:]*:/, "");
      const names = Object.keys(ctx.model.notations);
      const declared = names.length === 0 ? " (the schema declares no notation)" : ` (declared: ${names.join(", ")})`;
      ctx.reporter.report("xsd/undeclared-notation", { value: f.value, local, declared }, f.valueSite.loc);
    }
  }
}

/** Every place a simple type is used: element and attribute types, simple content, list items, union members. */
function checkUses(ctx: BuildContext): void {
  const model = ctx.model;
  const reported = new Set<string>();
  const report = (what: string, loc: SourceLocation | undefined) => {
    const at = loc ?? { file: model.source, line: 0, column: 0 };
    const key = `${at.file}:${at.line}:${at.column}`;
    if (reported.has(key)) return;
    reported.add(key);
    ctx.reporter.report("xsd/notation-direct", { what }, at);
  };
  for (const el of model.elements) if (el.type.kind === "simple" && isBareNotation(model, el.type.id)) report(`element "${el.name}"`, el.location);
  for (const a of Object.values(model.globalAttributes ?? {})) if (isBareNotation(model, a.type)) report(`attribute "${a.name}"`, a.location);
  for (const t of model.complexTypes) {
    for (const a of t.attributes) if (isBareNotation(model, a.type)) report(`attribute "${a.name}"`, a.location);
    if (t.content.kind === "simple" && isBareNotation(model, t.content.type)) report(`the simple content of complex type ${t.name ?? "(anonymous)"}`, t.location);
  }
  for (const t of model.simpleTypes) {
    if (t.itemType !== undefined && isBareNotation(model, t.itemType)) report(`the item type of list type ${t.name ?? "(anonymous)"}`, t.location);
    for (const m of t.memberTypes ?? []) if (isBareNotation(model, m)) report(`a member type of union type ${t.name ?? "(anonymous)"}`, t.location);
  }
}

export function checkNotationTypes(ctx: BuildContext): void {
  checkEnumerations(ctx);
  checkUses(ctx);
}
