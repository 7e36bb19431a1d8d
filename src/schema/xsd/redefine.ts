/**
 * xs:redefine (XSD 1.0 §4.2.2), applied to the loaded syntax before globals are collected. The
 * redefined document was loaded as an include; each redefining component then takes the name
 * of the one it replaces, and the original is kept under a name no reference can write (it is
 * not an NCName), which only the redefinition's self-reference (base, group or attributeGroup
 * ref) is pointed at. So every other reference, in the redefined document too, resolves to the
 * redefinition through the ordinary name lookup.
 */
import { nameKey } from "../model.js";
import { qnameKey } from "./globals.js";
import type { LoadedRedefine } from "./load.js";
import type { Reporter } from "./report.js";
import type { QName, XAttributeGroup, XComplexType, XGroup, XGroupRef, XParticle, XSchema, XSimpleType } from "./syntax.js";

/** The name the original of a redefined component keeps (unique per chain of redefinitions). */
function originalName(name: string, level: number): string {
  return level === 1 ? `${name} (before xs:redefine)` : `${name} (before xs:redefine ${level})`;
}

interface RedefineRun {
  reporter: Reporter;
  /** How many times each {namespace}name of each kind was renamed, for unique original names. */
  levels: Map<string, number>;
}

/**
 * Applies every redefine, innermost first: a document that both redefines and is redefined has
 * its own redefinitions in place before an outer redefine replaces them in turn.
 */
export function applyRedefines(redefines: LoadedRedefine[], reporter: Reporter): void {
  const run: RedefineRun = { reporter, levels: new Map() };
  for (let i = redefines.length - 1; i >= 0; i--) applyOne(run, redefines[i]);
}

function applyOne(run: RedefineRun, r: LoadedRedefine): void {
  const defs = r.directive.redefinitions;
  if (defs === undefined) return;
  redefineEach(run, r, defs.simpleTypes, (d) => d.simpleTypes, r.from.simpleTypes, rebaseSimple);
  redefineEach(run, r, defs.complexTypes, (d) => d.complexTypes, r.from.complexTypes, rebaseComplex);
  redefineEach(run, r, defs.groups, (d) => d.groups, r.from.groups, retargetGroupRefs);
  redefineEach(run, r, defs.attributeGroups, (d) => d.attributeGroups, r.from.attributeGroups, retargetAttributeGroupRefs);
}

/**
 * For each redefinition of one kind: renames the original in the redefined document, points the
 * redefinition's self-reference at it (`pointAtOriginal`) and adds the redefinition to the
 * redefining document's components of that kind (`into`).
 */
function redefineEach<T extends Redefinable>(
  run: RedefineRun,
  r: LoadedRedefine,
  redefinitions: T[],
  /** A document's components of this kind. */
  originals: (doc: XSchema) => { name?: string }[],
  into: T[],
  pointAtOriginal: (run: RedefineRun, from: XSchema, c: T, original: string) => void,
): void {
  for (const c of redefinitions) {
    const original = rename(run, r, c, originals);
    if (original === undefined) continue;
    pointAtOriginal(run, r.from, c, original);
    into.push(c);
  }
}

/**
 * Finds the component being redefined in the redefined document or what it includes, and gives
 * it its original name; returns that name, or undefined (reported) when none defines it. A
 * redefinition of nothing is then left out, so its self-reference is not reported again as a
 * cycle.
 */
function rename(run: RedefineRun, r: LoadedRedefine, node: Redefinable, originals: (doc: XSchema) => { name?: string }[]): string | undefined {
  const { kind, name } = node;
  if (name === undefined || name === "") return undefined; // a missing name is reported by the reader
  let original: { name?: string } | undefined;
  for (const doc of r.scope) {
    original = originals(doc).find((o) => o.name === name);
    if (original !== undefined) break;
  }
  if (original === undefined) {
    run.reporter.report("xsd/redefine-missing", { location: r.directive.schemaLocation ?? "", kind, name }, node.loc);
    return undefined;
  }
  const levelKey = `${kind}|${nameKey(r.target.targetNamespace, name)}`;
  const level = (run.levels.get(levelKey) ?? 0) + 1;
  run.levels.set(levelKey, level);
  original.name = originalName(name, level);
  return original.name;
}

type Redefinable = XSimpleType | XComplexType | XGroup | XAttributeGroup;

/** Whether `q` names the component `name` of `schema`'s target namespace (a self-reference). */
function isSelf(q: QName, schema: XSchema, name: string): boolean {
  return qnameKey(q) === nameKey(schema.targetNamespace, name);
}

function toOriginal(q: QName, original: string): QName {
  return { ...q, local: original };
}

function selfQName(schema: XSchema, name: string, like: QName | undefined): string {
  const colon = like?.raw.indexOf(":") ?? -1;
  return colon > 0 && like!.namespace === schema.targetNamespace ? `${like!.raw.slice(0, colon)}:${name}` : name;
}

function rebaseSimple(run: RedefineRun, from: XSchema, c: XSimpleType, original: string): void {
  const name = c.name!;
  const d = c.derivation;
  if (d.kind === "restriction" && d.base !== undefined && isSelf(d.base, from, name)) {
    d.base = toOriginal(d.base, original);
    return;
  }
  const found =
    d.kind !== "restriction" ? `it is an xs:${d.kind}` : d.base !== undefined ? `its base is "${d.base.raw}"` : "it restricts an anonymous simple type";
  const base = d.kind === "restriction" ? d.base : undefined;
  run.reporter.report("xsd/redefine-base", { kind: "simpleType", name, qname: selfQName(from, name, base), found }, c.loc);
}

function rebaseComplex(run: RedefineRun, from: XSchema, c: XComplexType, original: string): void {
  const name = c.name!;
  const content = c.content;
  if (content.kind !== "implicit" && isSelf(content.base, from, name)) {
    content.base = toOriginal(content.base, original);
    return;
  }
  const found = content.kind === "implicit" ? "it has no xs:complexContent or xs:simpleContent derivation" : `its base is "${content.base.raw}"`;
  const at = content.kind === "implicit" ? c.loc : content.loc;
  run.reporter.report("xsd/redefine-base", { kind: "complexType", name, qname: selfQName(from, name, content.kind === "implicit" ? undefined : content.base), found }, at);
}

/** Group references inside a particle, in document order (iterative: no recursion on input). */
function groupRefs(root: XParticle): XGroupRef[] {
  const out: XGroupRef[] = [];
  const stack: XParticle[] = [root];
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (p.kind === "groupRef") out.push(p);
    else if (p.kind === "sequence" || p.kind === "choice" || p.kind === "all") for (let i = p.items.length - 1; i >= 0; i--) stack.push(p.items[i]);
  }
  return out;
}

/**
 * A redefining group may refer to the original once, exactly once in place (minOccurs and
 * maxOccurs 1): src-redefine.6.1. Without a self-reference it must be a restriction of the
 * original, which is not checked (as for complex type restriction, docs/xsd-support.md).
 */
function retargetGroupRefs(run: RedefineRun, from: XSchema, c: XGroup, original: string): void {
  const selves = c.particle === null ? [] : groupRefs(c.particle).filter((g) => isSelf(g.ref, from, c.name));
  selves.forEach((g, i) => {
    if (i === 1) {
      run.reporter.report("xsd/redefine-self-reference", { kind: "group", name: c.name, problem: "refers to its original definition more than once" }, g.loc);
    } else if (i === 0 && (g.min !== 1 || g.max !== 1)) {
      const problem = `refers to its original definition with minOccurs="${g.min}" maxOccurs="${g.max}"; both must be 1`;
      run.reporter.report("xsd/redefine-self-reference", { kind: "group", name: c.name, problem }, g.loc);
    }
    g.ref = toOriginal(g.ref, original);
  });
}

/**
 * src-redefine.7.1: at most one reference to the original attribute group. Extra ones are
 * reported and dropped (they would otherwise also be duplicate attributes).
 */
function retargetAttributeGroupRefs(run: RedefineRun, from: XSchema, c: XAttributeGroup, original: string): void {
  let seen = 0;
  c.attributes = c.attributes.filter((u) => {
    if (u.kind !== "attributeGroupRef" || !isSelf(u.ref, from, c.name)) return true;
    if (++seen > 1) {
      run.reporter.report("xsd/redefine-self-reference", { kind: "attributeGroup", name: c.name, problem: "refers to its original definition more than once" }, u.loc);
      return false;
    }
    u.ref = toOriginal(u.ref, original);
    return true;
  });
}
