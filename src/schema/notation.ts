/** The schema model in DTD-like notation, for `qxml schema show` and for messages. */
import type { Content, Facets, MaxOccurs, Particle, SchemaModel } from "./model.js";

function occurrence(min: number, max: MaxOccurs): string {
  if (min === 1 && max === 1) return "";
  if (min === 0 && max === 1) return "?";
  if (min === 0 && max === "unbounded") return "*";
  if (min === 1 && max === "unbounded") return "+";
  return `{${min},${max === "unbounded" ? "" : max}}`;
}

export function particleNotation(p: Particle): string {
  switch (p.kind) {
    case "element":
      return p.name + occurrence(p.min, p.max);
    case "any":
      return "ANY-ELEMENT" + occurrence(p.min, p.max);
    default: {
      const sep = p.kind === "sequence" ? ", " : p.kind === "choice" ? " | " : " & ";
      return `(${p.items.map(particleNotation).join(sep)})` + occurrence(p.min, p.max);
    }
  }
}

export function contentNotation(model: SchemaModel, content: Content): string {
  switch (content.kind) {
    case "empty":
      return "EMPTY";
    case "any":
      return "ANY";
    case "simple":
      return `(#PCDATA) : ${simpleTypeNotation(model, content.type)}`;
    case "mixed":
      if (content.particle === null) return "(#PCDATA)";
      return `(#PCDATA | ${particleNotation(content.particle)})`;
    case "elements":
      return particleNotation(content.particle);
  }
}

export function facetsNotation(f: Facets): string[] {
  const out: string[] = [];
  if (f.enumeration) out.push(`enumeration (${f.enumeration.map((e) => e.value).join(" | ")})`);
  for (const k of ["length", "minLength", "maxLength", "minInclusive", "minExclusive", "maxInclusive", "maxExclusive", "totalDigits", "fractionDigits"] as const) {
    if (f[k] !== undefined) out.push(`${k} ${f[k]}`);
  }
  if (f.patterns) for (const step of f.patterns) out.push(`pattern ${step.map((p) => JSON.stringify(p)).join(" | ")}`);
  return out;
}

/** "xs:integer", or "restriction of xs:integer [minInclusive 1, maxInclusive 256]" for derived types. */
export function simpleTypeNotation(model: SchemaModel, id: number): string {
  const t = model.simpleTypes[id];
  if (t === undefined) return `?type#${id}`;
  const named = t.name !== undefined ? (t.namespace === "http://www.w3.org/2001/XMLSchema" ? `xs:${t.name}` : t.name) : undefined;
  if (named !== undefined && t.base === undefined) return named;
  if (t.variety === "list") return `${named ?? "list"} of ${t.itemType === undefined ? "?" : simpleTypeNotation(model, t.itemType)}`;
  if (t.variety === "union") return `${named ?? "union"} of (${(t.memberTypes ?? []).map((m) => simpleTypeNotation(model, m)).join(" | ")})`;
  const facets = facetsNotation(t.facets);
  const base = `xs:${t.builtin}`;
  const head = named ?? base;
  return facets.length > 0 ? `${head} [${facets.join(", ")}]` : head;
}
