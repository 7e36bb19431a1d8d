/**
 * Seeded random content models for the content-model fuzz: a particle tree (the UPA oracle's
 * input) and its text as an XSD schema or a DTD, plus random child sequences. The generators draw
 * from the generator in the same order as the fuzz always did, so a seed gives the same models
 * and documents as before the tree existed.
 *
 * Shape, which the oracle's comments rely on: XSD models are a root sequence or choice (1..1) of
 * 1–3 particles, each an element or a group of 1–3 elements, with occurrence ranges from RANGES
 * (counts at most 4, or unbounded); DTD models are the same depth with ?, * and + only.
 */
import type { OracleParticle } from "./upa-oracle.js";

export const NAMES = ["a", "b", "c"];
const RANGES: [number, number][] = [[1, 1], [1, 1], [0, 1], [0, Infinity], [1, Infinity], [2, 3], [0, 2], [3, 3], [2, Infinity], [1, 4]];
const DTD_OCCURS: [number, number][] = [[1, 1], [1, 1], [0, 1], [0, Infinity], [1, Infinity]];

type Rand = () => number;
const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)];

function xsdParticle(r: Rand, depth: number): OracleParticle {
  if (depth >= 2 || r() < 0.45) {
    const name = pick(r, NAMES);
    const [min, max] = pick(r, RANGES);
    return { kind: "element", name, min, max };
  }
  const kind = r() < 0.5 ? "sequence" : "choice";
  const n = 1 + Math.floor(r() * 3);
  const children = Array.from({ length: n }, () => xsdParticle(r, depth + 1));
  const [min, max] = pick(r, RANGES);
  return { kind, min, max, children };
}

/** A random XSD content model: the root group of element `r`. */
export function randomXsdModel(r: Rand): OracleParticle {
  const kind = r() < 0.5 ? "sequence" : "choice";
  const n = 1 + Math.floor(r() * 3);
  return { kind, min: 1, max: 1, children: Array.from({ length: n }, () => xsdParticle(r, 1)) };
}

function occursAttributes(p: OracleParticle): string {
  const max = p.max === Infinity ? "unbounded" : String(p.max);
  return `${p.min === 1 ? "" : ` minOccurs="${p.min}"`}${p.max === 1 ? "" : ` maxOccurs="${max}"`}`;
}

function xsdParticleText(p: OracleParticle): string {
  if (p.kind === "element") return `<xs:element name="${p.name}" type="xs:string"${occursAttributes(p)}/>`;
  return `<xs:${p.kind}${occursAttributes(p)}>${p.children.map(xsdParticleText).join("")}</xs:${p.kind}>`;
}

/** The schema declaring `r` with `model` as its content. */
export function xsdSchemaText(model: OracleParticle): string {
  return `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="r"><xs:complexType>${xsdParticleText(model)}</xs:complexType></xs:element></xs:schema>`;
}

/** A random DTD content particle (a top-level name is wrapped in a group by `dtdModelText`). */
export function randomDtdModel(r: Rand, depth = 0): OracleParticle {
  const [min, max] = pick(r, DTD_OCCURS);
  if (depth >= 2 || r() < 0.45) return { kind: "element", name: pick(r, NAMES), min, max };
  const kind = r() < 0.5 ? "sequence" : "choice";
  const n = 1 + Math.floor(r() * 3);
  return { kind, min, max, children: Array.from({ length: n }, () => randomDtdModel(r, depth + 1)) };
}

function dtdOccurs(p: OracleParticle): string {
  if (p.min === 1 && p.max === 1) return "";
  if (p.max === 1) return "?";
  return p.min === 0 ? "*" : "+";
}

function dtdParticleText(p: OracleParticle): string {
  if (p.kind === "element") return p.name + dtdOccurs(p);
  return `(${p.children.map(dtdParticleText).join(p.kind === "sequence" ? " , " : " | ")})${dtdOccurs(p)}`;
}

/** The content model as written in `<!ELEMENT r …>` (a lone name gets its group). */
export function dtdModelText(model: OracleParticle): string {
  const text = dtdParticleText(model);
  return text.startsWith("(") ? text : `(${text})`;
}

/** A random child sequence of 0–8 elements. */
export function randomChildren(r: Rand): string[] {
  const n = Math.floor(r() * 9);
  return Array.from({ length: n }, () => pick(r, NAMES));
}

export const documentText = (children: readonly string[]): string => `<r>${children.map((c) => `<${c}/>`).join("")}</r>`;
