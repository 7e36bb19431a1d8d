/**
 * Values the schema writes for QName and NOTATION types (enumeration members, default and fixed
 * values; also as list items and union members) are tuples {namespace, local part} whose prefix
 * is bound by the schema document, not by the instance (XSD 1.0 Part 2 §3.2.18). The model keeps
 * the bindings such a value uses next to it, so the validator can compare values, not prefixes.
 * Values of other types keep none: their models are unchanged.
 */
import type { SchemaModel } from "../model.js";
import type { XValueSite } from "./syntax.js";

/** Whether values of simple type `typeId` may contain QNames: QName/NOTATION, or a list or union over one. */
export function involvesQName(model: SchemaModel, typeId: number): boolean {
  const seen = new Set<number>();
  const stack = [typeId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const t = model.simpleTypes[id];
    if (t === undefined) continue;
    if (t.variety === "atomic" && (t.builtin === "QName" || t.builtin === "NOTATION")) return true;
    if (t.itemType !== undefined) stack.push(t.itemType);
    if (t.memberTypes !== undefined) stack.push(...t.memberTypes);
  }
  return false;
}

/**
 * The bindings of `site` that the tokens of `value` use: each token's prefix, and the default
 * namespace for an unprefixed token. An unbound prefix is left out (the value check reports it).
 */
export function usedBindings(value: string, site: XValueSite): Record<string, string> {
  const out: Record<string, string> = {};
  for (const token of value.split(/[ \t\r\n]+/)) {
    if (token === "") continue;
    const colon = token.indexOf(":");
    const prefix = colon < 0 ? "" : token.slice(0, colon);
    const uri = site.namespaces.get(prefix);
    if (uri !== undefined && uri !== "") out[prefix] = uri;
  }
  return out;
}

/** The bindings to keep for a value of type `typeId` written at `site`; undefined when the type has no QNames. */
export function valueNamespaces(model: SchemaModel, typeId: number, value: string, site: XValueSite | undefined): Record<string, string> | undefined {
  if (site === undefined || !involvesQName(model, typeId)) return undefined;
  return usedBindings(value, site);
}
