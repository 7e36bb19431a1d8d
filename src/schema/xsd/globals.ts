/**
 * The global definitions of a schema set, by symbol space and {namespace}local key. A name
 * defined twice in one symbol space is an error, reported with both locations.
 */
import { nameKey } from "../model.js";
import type { Reporter } from "./report.js";
import type { QName, XAttribute, XAttributeGroup, XComplexType, XElement, XGroup, XNotation, XSchema, XSimpleType } from "./syntax.js";
import { earlierPlace } from "../../diagnostics/location.js";

export interface Def<T> {
  node: T;
  /** The document the definition is in (its target namespace governs local names inside it). */
  schema: XSchema;
  key: string;
}

export interface Globals {
  elements: Map<string, Def<XElement>>;
  attributes: Map<string, Def<XAttribute>>;
  /** Simple and complex types share one symbol space. */
  types: Map<string, Def<XComplexType | XSimpleType>>;
  groups: Map<string, Def<XGroup>>;
  attributeGroups: Map<string, Def<XAttributeGroup>>;
  notations: Map<string, Def<XNotation>>;
}

export function qnameKey(q: QName): string {
  return nameKey(q.namespace, q.local);
}

function add<T extends { name?: string; loc: XSchema["loc"] }>(
  table: Map<string, Def<T>>,
  kind: string,
  node: T,
  schema: XSchema,
  reporter: Reporter,
): void {
  if (node.name === undefined || node.name === "") return;
  const key = nameKey(schema.targetNamespace, node.name);
  const prior = table.get(key);
  if (prior !== undefined) {
    const f = prior.node.loc;
    reporter.report("xsd/duplicate-global", { kind, name: key, first: `${f.file}:${f.line}:${f.column}`, firstAt: earlierPlace(f, node.loc.file) }, node.loc);
    return;
  }
  table.set(key, { node, schema, key });
}

export function collectGlobals(docs: XSchema[], reporter: Reporter): Globals {
  const g: Globals = { elements: new Map(), attributes: new Map(), types: new Map(), groups: new Map(), attributeGroups: new Map(), notations: new Map() };
  for (const schema of docs) {
    for (const n of schema.elements) add(g.elements, "element", n, schema, reporter);
    for (const n of schema.attributes) add(g.attributes, "attribute", n, schema, reporter);
    // Document order between simple and complex types does not matter for duplicates.
    for (const n of schema.simpleTypes) add(g.types, "type", n, schema, reporter);
    for (const n of schema.complexTypes) add(g.types, "type", n, schema, reporter);
    for (const n of schema.groups) add(g.groups, "group", n, schema, reporter);
    for (const n of schema.attributeGroups) add(g.attributeGroups, "attributeGroup", n, schema, reporter);
    for (const n of schema.notations) add(g.notations, "notation", n, schema, reporter);
  }
  return g;
}
