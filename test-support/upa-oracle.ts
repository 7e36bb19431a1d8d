/**
 * An independent oracle for small content models: does a child sequence match, and is the model
 * deterministic in the sense of XSD 1.0 Unique Particle Attribution (§3.8.6, Appendix H
 * cos-nonambig: "no element information item can be validated by two particles") or XML 1.0
 * §3.2.1 / Appendix E (deterministic content models)?
 *
 * It exists to check src/validate/automaton.ts and compile.ts, so it shares nothing with them:
 * no Glushkov positions, no counters, no edges. It works on the particle tree directly with
 * Antimirov partial derivatives labelled by the element particle that consumed the child:
 *
 *   pd(x, element p named x)  = { (ε, p) }
 *   pd(x, a₁ … aₙ sequence)   = pd(x, a₁)·a₂…aₙ  ∪  (a₁ emptiable ? pd(x, a₂…aₙ) : ∅)
 *   pd(x, a | b choice)       = pd(x, a) ∪ pd(x, b)
 *   pd(x, e{min,max})         = pd(x, e)·e{min−1,max−1}   (min taken as 0 when e is emptiable)
 *
 * A derivative term is "what may still follow". After a prefix w the set S(w) of terms reachable
 * by all parses of w is the whole state of every matcher; the particles that can take the next
 * child x from S(w) are the labels of pd(x, t) for t in S(w). The model violates UPA iff for some
 * reachable S(w) and some x two different particles appear (every term reachable here still has a
 * completion, since min ≤ max everywhere, so each such prefix is a real "during validation").
 * One particle reached in two ways (another iteration, another count) is one label: not a
 * violation. Taking min as 0 for an emptiable body changes neither the language nor the labels
 * (its iterations may match nothing).
 *
 * Why the search is exhaustive, not a guess at a bound: every term is built from sub-particles of
 * the model with their counts lowered (an unbounded maximum stays unbounded, a finite count only
 * decreases), so there are finitely many terms and finitely many sets S(w). The search visits
 * each reachable set once (breadth first, so the witness is a shortest prefix) and stops when no
 * new set appears; the bound on prefix length is therefore computed from the model (the number of
 * reachable sets), not assumed. `maxStates` guards hostile sizes: beyond it the answer is
 * "unknown", never a wrong "deterministic".
 */

/** A particle of the model. `max` is Infinity for maxOccurs="unbounded" (and DTD * or +). */
export type OracleParticle =
  | { kind: "element"; name: string; min: number; max: number }
  | { kind: "sequence" | "choice"; min: number; max: number; children: OracleParticle[] };

export interface ParticleInfo {
  /** The element name. */
  name: string;
  /**
   * Where it sits, with occurrence ranges other than {1,1} and, where a group has several
   * children, the child's position: `sequence/@1:choice{1,4}/c{1,∞}` is the c{1,∞} inside the
   * choice{1,4} that is the first child of the sequence.
   */
  path: string;
}

export type Determinism =
  | { verdict: "deterministic"; states: number; longestPrefix: number }
  | { verdict: "ambiguous"; prefix: string[]; name: string; particles: [ParticleInfo, ParticleInfo]; states: number }
  | { verdict: "unknown"; states: number };

type Term =
  | { k: "eps"; key: string }
  | { k: "el"; key: string; id: number; name: string }
  | { k: "seq" | "alt"; key: string; items: Term[] }
  | { k: "rep"; key: string; body: Term; min: number; max: number };

const EPS: Term = { k: "eps", key: "ε" };

function seq(items: Term[]): Term {
  const flat: Term[] = [];
  for (const t of items) {
    if (t.k === "eps") continue;
    if (t.k === "seq") flat.push(...t.items);
    else flat.push(t);
  }
  if (flat.length === 0) return EPS;
  if (flat.length === 1) return flat[0];
  return { k: "seq", items: flat, key: `(${flat.map((t) => t.key).join(",")})` };
}

function alt(items: Term[]): Term {
  // Kept as written (no merging of equal alternatives): two equal-looking branches hold different particles.
  if (items.length === 1) return items[0];
  return { k: "alt", items, key: `(${items.map((t) => t.key).join("|")})` };
}

function rep(body: Term, min: number, max: number): Term {
  if (max === 0) return EPS;
  if (min === 1 && max === 1) return body;
  return { k: "rep", body, min, max, key: `${body.key}{${min},${max === Infinity ? "∞" : max}}` };
}

function nullable(t: Term): boolean {
  switch (t.k) {
    case "eps":
      return true;
    case "el":
      return false;
    case "seq":
      return t.items.every(nullable);
    case "alt":
      return t.items.some(nullable);
    case "rep":
      return t.min === 0 || nullable(t.body);
  }
}

/** Labelled partial derivatives of `t` by the child name `x`: [what may follow, particle id]. */
function derive(t: Term, x: string): [Term, number][] {
  switch (t.k) {
    case "eps":
      return [];
    case "el":
      return t.name === x ? [[EPS, t.id]] : [];
    case "alt":
      return t.items.flatMap((i) => derive(i, x));
    case "seq": {
      const out: [Term, number][] = [];
      for (let i = 0; i < t.items.length; i++) {
        const rest = t.items.slice(i + 1);
        for (const [d, id] of derive(t.items[i], x)) out.push([seq([d, ...rest]), id]);
        if (!nullable(t.items[i])) break;
      }
      return out;
    }
    case "rep": {
      // An emptiable body can spend iterations on nothing, so its minimum never forces anything.
      const min = nullable(t.body) ? 0 : t.min;
      const after = rep(t.body, Math.max(min - 1, 0), t.max - 1);
      return derive(t.body, x).map(([d, id]) => [seq([d, after]), id]);
    }
  }
}

/** The model as a term, with each element particle numbered (preorder) and described. */
function toTerm(model: OracleParticle): { term: Term; info: ParticleInfo[]; names: string[] } {
  const info: ParticleInfo[] = [];
  const names = new Set<string>();
  const range = (p: OracleParticle) => (p.min === 1 && p.max === 1 ? "" : `{${p.min},${p.max === Infinity ? "∞" : p.max}}`);
  // Recursion follows the model's depth, which the fuzz generators keep at 3: this oracle is for
  // small generated models, not hostile input.
  const visit = (p: OracleParticle, path: string): Term => {
    const here = `${path}${p.kind === "element" ? p.name : p.kind}${range(p)}`;
    if (p.kind === "element") {
      names.add(p.name);
      info.push({ name: p.name, path: here });
      return rep({ k: "el", id: info.length - 1, name: p.name, key: `${p.name}#${info.length - 1}` }, p.min, p.max);
    }
    const several = p.children.length > 1;
    const items = p.children.map((c, i) => visit(c, `${here}/${several ? `@${i + 1}:` : ""}`));
    return rep(p.kind === "sequence" ? seq(items) : alt(items), p.min, p.max);
  };
  const term = visit(model, "");
  return { term, info, names: [...names].sort() };
}

function uniqueTerms(ts: Term[]): Term[] {
  const seen = new Map<string, Term>();
  for (const t of ts) if (!seen.has(t.key)) seen.set(t.key, t);
  return [...seen.values()];
}

const setKey = (ts: Term[]): string => ts.map((t) => t.key).sort().join(" ; ");

/** Decides UPA for `model` by visiting every reachable set of derivative terms (see the header). */
export function checkDeterminism(model: OracleParticle, maxStates = 20_000): Determinism {
  const { term, info, names } = toTerm(model);
  const start = [term];
  const seen = new Set([setKey(start)]);
  let frontier: { terms: Term[]; prefix: string[] }[] = [{ terms: start, prefix: [] }];
  let longestPrefix = 0;
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const { terms, prefix } of frontier) {
      longestPrefix = Math.max(longestPrefix, prefix.length);
      for (const x of names) {
        const derived = terms.flatMap((t) => derive(t, x));
        const ids = [...new Set(derived.map(([, id]) => id))].sort((a, b) => a - b);
        if (ids.length >= 2) return { verdict: "ambiguous", prefix, name: x, particles: [info[ids[0]], info[ids[1]]], states: seen.size };
        const after = uniqueTerms(derived.map(([t]) => t));
        if (after.length === 0) continue;
        const key = setKey(after);
        if (seen.has(key)) continue;
        if (seen.size >= maxStates) return { verdict: "unknown", states: seen.size };
        seen.add(key);
        next.push({ terms: after, prefix: [...prefix, x] });
      }
    }
    frontier = next;
  }
  return { verdict: "deterministic", states: seen.size, longestPrefix };
}

/** Whether the child sequence `children` matches `model` (every parse followed at once). */
export function matchesModel(model: OracleParticle, children: readonly string[]): boolean {
  let terms = [toTerm(model).term];
  for (const x of children) {
    terms = uniqueTerms(terms.flatMap((t) => derive(t, x).map(([d]) => d)));
    if (terms.length === 0) return false;
  }
  return terms.some(nullable);
}

/** Text of the two competing particles, for messages. */
export function describeAmbiguity(d: Extract<Determinism, { verdict: "ambiguous" }>): string {
  const [p, q] = d.particles;
  const after = d.prefix.length === 0 ? "as the first child" : `after ${d.prefix.map((n) => `<${n}>`).join("")}`;
  return `${after}, <${d.name}> can be matched by two particles: ${p.path} and ${q.path}`;
}

/** Whether some element or group has an exact count above 1 (minOccurs = maxOccurs > 1). */
export function hasExactCount(model: OracleParticle): boolean {
  const stack = [model];
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (p.min === p.max && p.max > 1) return true;
    if (p.kind !== "element") stack.push(...p.children);
  }
  return false;
}
