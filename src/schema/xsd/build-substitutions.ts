/**
 * Substitution groups (XSD 1.0 §3.3.6): each global element's `substitutionGroup` is resolved
 * to its head's id; a cycle is an error (libxml2: "defines a circular substitution group"); a
 * member without a type of its own takes its head's (§3.3.2 {type definition}); a member's type
 * must derive from its head's, by no method in the head's `final` (e-props-correct.4). Then
 * `model.substitutions` lists, per head, every element that may stand in its place:
 * transitive members, minus those the head's `block` (or the block of a type on the derivation
 * path) excludes (Substitution Group OK (Transitive), cos-equiv-derived-ok-rec).
 * Runs once every type is complete, before default/fixed values are checked.
 */
import { blockedStep, derivationSteps } from "../../validate/derivation-steps.js";
import type { ElementDecl, SchemaModel } from "../model.js";
import { unresolvedIn, type BuildContext } from "./build-context.js";
import { qnameKey } from "./globals.js";

export function buildSubstitutions(ctx: BuildContext): void {
  const { model } = ctx;
  const typed = new Set<number>();
  let any = false;
  for (const def of ctx.globals.elements.values()) {
    const id = ctx.globalElementIds.get(def.key)!;
    if (def.node.type !== undefined || def.node.complexType !== undefined || def.node.simpleType !== undefined) typed.add(id);
    const q = def.node.substitutionGroup;
    if (q === undefined) continue;
    any = true;
    const head = ctx.globalElementIds.get(qnameKey(q));
    if (head === undefined) unresolvedIn(ctx, "xsd/unresolved-element", q, def.node.loc, ctx.globals.elements.keys());
    else model.elements[id].substitutionGroup = head;
  }
  if (!any) return;
  breakCycles(ctx);
  const members = model.elements.filter((e) => e.substitutionGroup !== undefined);
  for (const m of members) inheritType(model, m, typed);
  for (const m of members) checkMember(ctx, m);
  model.substitutions = substitutionTable(ctx, members);
}

/**
 * Member/head pairs looked at (every head up each member's chain). A chain of n elements has
 * n²/2 pairs: 20,000 took over a minute and 1.4 GB, and real substitution groups have a few
 * hundred members a few levels deep. Past this the schema is refused.
 */
export const MAX_SUBSTITUTION_PAIRS = 1_000_000;

/** An element whose head chain comes back to it is reported once, and its link removed. */
function breakCycles(ctx: BuildContext): void {
  const els = ctx.model.elements;
  const done = new Set<number>();
  for (const start of els) {
    if (start.substitutionGroup === undefined || done.has(start.id)) continue;
    const chain: number[] = [];
    const onChain = new Set<number>();
    let cur: ElementDecl | undefined = start;
    while (cur !== undefined && !done.has(cur.id) && !onChain.has(cur.id)) {
      chain.push(cur.id);
      onChain.add(cur.id);
      cur = cur.substitutionGroup === undefined ? undefined : els[cur.substitutionGroup];
    }
    if (cur !== undefined && onChain.has(cur.id)) {
      const loop = chain.slice(chain.indexOf(cur.id)).map((i) => els[i].name);
      ctx.reporter.report("xsd/circular", { kind: "substitution group of element", name: cur.name, cycle: [...loop, cur.name].join(" → ") }, cur.location);
      delete cur.substitutionGroup;
    }
    for (const id of chain) done.add(id);
  }
}

/** A member declared without a type takes its head's (the head's own inherited one first). */
function inheritType(model: SchemaModel, m: ElementDecl, typed: Set<number>): void {
  if (typed.has(m.id)) return;
  const chain: ElementDecl[] = [];
  let cur: ElementDecl = m;
  while (!typed.has(cur.id) && cur.substitutionGroup !== undefined) {
    chain.push(cur);
    cur = model.elements[cur.substitutionGroup];
  }
  for (const e of chain) {
    e.type = cur.type;
    typed.add(e.id);
  }
}

function checkMember(ctx: BuildContext, m: ElementDecl): void {
  const head = ctx.model.elements[m.substitutionGroup!];
  const steps = derivationSteps(ctx.model, m.type, head.type);
  const report = (problem: string): void => {
    ctx.reporter.report("xsd/invalid-substitution", { name: m.name, head: head.name, problem }, m.location);
    delete m.substitutionGroup;
  };
  if (steps === null) return report("its type does not derive from the head's type");
  const excluded = steps.find((s) => head.final?.includes(s.method) === true);
  if (excluded !== undefined) report(`its type derives by ${excluded.method}, which the head excludes (final="${head.final!.join(" ")}")`);
}

function substitutionTable(ctx: BuildContext, members: ElementDecl[]): Record<number, number[]> {
  const model = ctx.model;
  const table: Record<number, number[]> = {};
  let pairs = 0;
  for (const m of members) {
    // Every head up the chain may be replaced by m, unless that head blocks it.
    const seen = new Set<number>();
    for (let h = m.substitutionGroup; h !== undefined && !seen.has(h); h = model.elements[h].substitutionGroup) {
      if (++pairs > MAX_SUBSTITUTION_PAIRS) {
        ctx.reporter.report("xsd/substitution-groups-too-large", { limit: MAX_SUBSTITUTION_PAIRS, name: m.name }, m.location);
        return table;
      }
      seen.add(h);
      const head = model.elements[h];
      if (head.block?.includes("substitution") === true) continue;
      const steps = derivationSteps(model, m.type, head.type);
      if (steps === null || blockedStep(model, steps, head.block) !== undefined) continue;
      (table[h] ??= []).push(m.id);
    }
  }
  return table;
}
