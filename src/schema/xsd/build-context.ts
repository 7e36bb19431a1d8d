/**
 * The state one model build carries: the model being filled, the global definitions, and the
 * work lists that let types refer to each other (and to themselves) by id before they are
 * complete. Created per build; nothing here is global.
 */
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { didYouMean } from "../../diagnostics/suggest.js";
import { BUILTINS, isBuiltin } from "../builtins.js";
import { addComplexType, builtinType } from "../build.js";
import { nameKey, XSD_NS, type AttributeDecl, type GroupParticle, type SchemaModel, type SourceLocation, type Wildcard } from "../model.js";
import { qnameKey, type Globals } from "./globals.js";
import type { Reporter } from "./report.js";
import type { FacetName, QName, XComplexType, XSchema, XSimpleType } from "./syntax.js";
import type { PendingValueConstraint } from "./value-constraints.js";

/**
 * Bound on derivation chains and on group references nested in groups: real schemas use a few
 * levels; hostile input must not overflow the stack (or build particles thousands deep).
 */
export const MAX_DEFINITION_DEPTH = 200;

export type JobState = "pending" | "building" | "done";

export interface Job<T> {
  node: T;
  schema: XSchema;
  state: JobState;
  /** Display name for cycle messages. */
  label: string;
}

export interface AttributeSet {
  attributes: AttributeDecl[];
  anyAttribute?: Wildcard;
}

export type TypeRef = { kind: "complex" | "simple"; id: number };

export interface BuildContext {
  model: SchemaModel;
  globals: Globals;
  reporter: Reporter;
  complexJobs: Map<number, Job<XComplexType>>;
  simpleJobs: Map<number, Job<XSimpleType>>;
  /** Complex types allocated but not yet built (local element types are built after their parents). */
  queue: number[];
  /** Types currently being derived, innermost last: the cycle shown when one repeats. */
  derivationStack: string[];
  /** Named groups being expanded, innermost last. */
  groupDepth: number;
  /** Set once a too-deep or too-large diagnostic was reported, so a hostile chain yields one error. */
  tooDeep: boolean;
  groups: Map<string, GroupParticle | null | "building">;
  attributeGroups: Map<string, AttributeSet | "building">;
  globalAttributes: Map<string, AttributeDecl | "building">;
  globalElementIds: Map<string, number>;
  /** Facets declared fixed="true", per simple type id, inherited by restriction (restrict-facets.ts). */
  fixedFacets: Map<number, ReadonlyMap<FacetName, string>>;
  /** default/fixed values, checked once every type is complete (value-constraints.ts). */
  valueConstraints: PendingValueConstraint[];
  anyTypeId?: number;
}

/** xs:anyType: any content, any attributes, both lax (XSD Part 1 §3.4.7). */
export function anyType(ctx: BuildContext): number {
  if (ctx.anyTypeId !== undefined) return ctx.anyTypeId;
  const t = addComplexType(ctx.model, {
    name: "anyType",
    namespace: XSD_NS,
    content: { kind: "any" },
    attributes: [],
    anyAttribute: { namespaces: "##any", targetNamespace: null, processContents: "lax" },
    abstract: false,
    location: { file: "(built-in)", line: 0, column: 0 },
  });
  ctx.anyTypeId = t.id;
  return t.id;
}

function suggest(q: QName, names: Iterable<string>): string | undefined {
  const byLocal = new Map<string, string>();
  for (const key of names) byLocal.set(key.replace(/^\{[^}]*\}/, ""), key);
  const local = didYouMean(q.local, byLocal.keys());
  if (local === undefined) return undefined;
  const key = byLocal.get(local)!;
  if (key === qnameKey(q)) return undefined;
  return display(key, q);
}

/** A key shown the way the reference was written: same namespace → same prefix. */
function display(key: string, q: QName): string {
  const m = /^\{([^}]*)\}(.*)$/.exec(key);
  if (m === null) return key; // no namespace
  const colon = q.raw.indexOf(":");
  if (m[1] === q.namespace) return colon < 0 ? m[2] : `${q.raw.slice(0, colon)}:${m[2]}`;
  if (m[1] === XSD_NS) return `xs:${m[2]}`;
  return key;
}

function typeNames(ctx: BuildContext, q: QName): Iterable<string> {
  const names = [...ctx.globals.types.keys()];
  if (q.namespace === XSD_NS || q.namespace === null) names.push(nameKey(XSD_NS, "anyType"), nameKey(XSD_NS, "anySimpleType"));
  return names;
}

/** Resolves a type QName to a model id; unresolved → diagnostic and undefined. */
export function resolveTypeRef(ctx: BuildContext, q: QName, loc: SourceLocation): TypeRef | undefined {
  if (q.namespace === XSD_NS) {
    if (q.local === "anyType") return { kind: "complex", id: anyType(ctx) };
    if (isBuiltin(q.local)) return { kind: "simple", id: builtinType(ctx.model, q.local) };
  }
  const key = qnameKey(q);
  const named = ctx.model.namedTypes[key];
  if (named !== undefined && ctx.globals.types.has(key)) return named;
  // (The schema for schemas itself defines types in that namespace: there "define it" stands.)
  if (q.namespace === XSD_NS && ![...ctx.globals.types.keys()].some((k) => k.startsWith(`{${XSD_NS}}`))) return notABuiltin(ctx, q, loc);
  let suggestion = suggest(q, typeNames(ctx, q));
  if (suggestion === undefined && isBuiltin(q.local)) suggestion = `xs:${q.local}`;
  if (q.unimported !== undefined) return notImported(q.unimported, suggestion);
  ctx.reporter.unresolved("xsd/unresolved-type", q.raw, loc, suggestion);
  return undefined;
}

/**
 * A name in the XML Schema namespace that is no built-in (xs:strng): a schema cannot define it, so
 * "define it" is no advice; the nearest built-in is.
 */
function notABuiltin(ctx: BuildContext, q: QName, loc: SourceLocation): undefined {
  const prefix = q.raw.includes(":") ? q.raw.slice(0, q.raw.indexOf(":") + 1) : "";
  const near = didYouMean(q.local, [...Object.keys(BUILTINS), "anyType"]);
  const d = ctx.reporter.report("xsd/unresolved-type", { name: q.raw, suggestion: near === undefined ? "" : `${prefix}${near}` }, loc);
  d.message += `: the XML Schema namespace has no type ${q.local}${near === undefined ? "" : `; did you mean ${prefix}${near}?`}`;
  d.hint = near === undefined ? `use an XML Schema built-in type (such as ${prefix}string, ${prefix}int or ${prefix}dateTime), or a type of your own without the ${prefix.slice(0, -1) || "XML Schema"} prefix` : `use ${prefix}${near}`;
  return undefined;
}

/** True (and reported once) when one more nesting level would pass MAX_DEFINITION_DEPTH. */
export function tooDeep(ctx: BuildContext, depth: number, kind: string, name: string, loc: SourceLocation): boolean {
  if (depth < MAX_DEFINITION_DEPTH) return false;
  reportLimitOnce(ctx, "xsd/too-deep-definitions", { kind, limit: MAX_DEFINITION_DEPTH, name }, loc);
  return true;
}

/** A hostile-size limit reached: reported once per schema (a chain would hit it again at every later link). */
export function reportLimitOnce(ctx: BuildContext, code: string, params: Record<string, string | number>, loc: SourceLocation): void {
  if (!ctx.tooDeep) ctx.reporter.report(code, params, loc);
  ctx.tooDeep = true;
}

export function unresolvedIn(ctx: BuildContext, code: string, q: QName, loc: SourceLocation, names: Iterable<string>): void {
  if (q.unimported !== undefined) return notImported(q.unimported, suggest(q, names));
  ctx.reporter.unresolved(code, q.raw, loc, suggest(q, names));
}

/** A reference into a namespace not imported was reported when read: one error, with the did-you-mean added. */
function notImported(reported: Diagnostic, suggestion: string | undefined): undefined {
  if (suggestion === undefined || reported.params?.suggestion !== undefined) return undefined;
  reported.params = { ...reported.params, suggestion };
  reported.message += `; did you mean ${suggestion}?`;
  reported.hint = `use ${suggestion}, or ${reported.hint ?? ""}`;
  return undefined;
}

/**
 * Builds a type job once: a job met again while it is being built is a derivation cycle
 * (reported with the chain), one too deep is refused, else `build` runs with the job on the
 * derivation stack. Shared by complex and simple types.
 */
export function runTypeJob<T>(ctx: BuildContext, job: Job<T> | undefined, kind: "complexType" | "simpleType", from: SourceLocation, build: (job: Job<T>) => void): void {
  if (job === undefined || job.state === "done") return;
  if (job.state === "building") {
    const i = ctx.derivationStack.indexOf(job.label);
    const cycle = [...ctx.derivationStack.slice(i < 0 ? 0 : i), job.label].join(" → ");
    ctx.reporter.report("xsd/circular", { kind, name: job.label, cycle }, from);
    return;
  }
  if (tooDeep(ctx, ctx.derivationStack.length, "type", job.label, from)) {
    job.state = "done"; // left as a placeholder; the error already makes the model unusable
    return;
  }
  job.state = "building";
  ctx.derivationStack.push(job.label);
  try {
    build(job);
  } finally {
    ctx.derivationStack.pop();
    job.state = "done";
  }
}
