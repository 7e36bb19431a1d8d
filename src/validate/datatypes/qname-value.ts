/**
 * QName and NOTATION values in their value space (XSD 1.0 Part 2 §3.2.18: {namespace name,
 * local part}): the prefix of a literal is resolved through the bindings of the place it was
 * written, the instance's for instance values, the schema document's for enumeration members and
 * fixed/default values. Two literals with different prefixes bound to one namespace are equal;
 * one prefix bound to two namespaces gives two different values.
 */
import { XML_NS } from "../../schema/model.js";
import { parseQNameParts } from "./lexical/names.js";
import type { ValueContext } from "./types.js";
import type { QNameValue } from "./value-space.js";

/**
 * The value of a (lexically valid, normalised) QName literal. Without a context, or with a
 * prefix the context does not bind (reported separately, as type/qname-prefix), only the
 * literal is known.
 */
export function resolveQName(normalized: string, context: ValueContext | undefined): QNameValue {
  const lookup = context?.lookupNamespace;
  if (lookup === undefined) return { lexical: normalized };
  const parts = parseQNameParts(normalized);
  if (!parts.ok) return { lexical: normalized };
  const { prefix, local } = parts.value;
  let uri: string | null | undefined;
  if (prefix === null) uri = lookup("") ?? null; // no default namespace: no namespace
  else if (prefix === "xml") uri = XML_NS;
  else {
    uri = lookup(prefix);
    if (uri === undefined || uri === null || uri === "") return { lexical: normalized };
  }
  return { lexical: normalized, expanded: `{${uri ?? ""}}${local}` };
}

/** A context over bindings kept in the model (prefix → URI; "" = the default namespace). */
export function bindingsContext(namespaces: Readonly<Record<string, string>>): ValueContext {
  return { lookupNamespace: (prefix) => (Object.prototype.hasOwnProperty.call(namespaces, prefix) ? namespaces[prefix] : undefined) };
}

/** `{uri}local` in words: "{urn:t}A", or "A in no namespace". */
function spell(expanded: string): string {
  return expanded.startsWith("{}") ? `${expanded.slice(2)} in no namespace` : expanded;
}

function localOf(expanded: string): string {
  return expanded.slice(expanded.indexOf("}") + 1);
}

/**
 * Why a QName that looks like an allowed one is not: the same local part in another namespace
 * (the prefix is bound elsewhere in the document than in the schema). Undefined when no allowed
 * value has its local part.
 */
export function qnameMismatch(normalized: string, value: unknown, allowed: { literal: string; value: unknown }[]): string | undefined {
  const v = value as QNameValue;
  if (v.expanded === undefined) return undefined;
  const local = localOf(v.expanded);
  const near = allowed.find((a) => {
    const e = (a.value as QNameValue | null)?.expanded;
    return e !== undefined && localOf(e) === local;
  });
  if (near === undefined) return undefined;
  const want = (near.value as QNameValue).expanded!;
  const ns = want.slice(1, want.indexOf("}"));
  const how = ns === "" ? "write it without a prefix, with no default namespace in scope" : `use a prefix bound to ${ns}`;
  return `"${normalized}" is ${spell(v.expanded)} here, but the schema allows ${spell(want)} (written "${near.literal}"): ${how}`;
}
