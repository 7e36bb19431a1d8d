/**
 * The data generated parse/serialize code hands to the runtime: per element type, its shape in
 * the object form, the kinds of its text and attributes, and its children (for arrays decided by
 * the schema and for output in schema order). Plain JSON data, emitted as a literal.
 */
export type ValueKind = "string" | "number" | "boolean";

export interface FormNode {
  /** value: the element is its text; empty: ""; object: attributes/children/#text; any: anything. */
  shape: "value" | "empty" | "object" | "any";
  /** Kind of the text content, when it has text. */
  text?: ValueKind;
  /** Text beside child elements is kept (mixed content); otherwise whitespace between children is dropped. */
  mixed?: boolean;
  /** The text's whiteSpace facet when it is not "preserve": parse normalises the value. */
  textWs?: "replace" | "collapse";
  /** Attribute name → kind, in declaration order. */
  attrs?: Record<string, ValueKind>;
  /** Attribute name → whiteSpace facet, for attributes whose type does not preserve white space. */
  attrWs?: Record<string, "replace" | "collapse">;
  /** Child element key → [node index, is an array, namespace URI?, local name?], in schema order. */
  children?: Record<string, ChildEntry>;
  /** Namespaced tables: attribute key (without "@_") → [namespace URI, local name], for qualified attributes and keys that are not the local name. */
  attrNs?: Record<string, readonly [string | null, string]>;
}

/**
 * A child of an element type: [node index, is an array] when the child is in no namespace and
 * keyed by its name; [node, array, uri] for a child in namespace `uri` keyed by its local name;
 * [node, array, uri, local] when the key is not the local name (two children of one local name in
 * different namespaces: docs/codegen.md "Namespaces").
 */
export type ChildEntry = readonly [number, boolean] | readonly [number, boolean, string | null] | readonly [number, boolean, string | null, string];

export interface FormTable {
  nodes: FormNode[];
  /** Global element key → node index: the name, or `{uri}local` for a global in a namespace. */
  globals: Record<string, number>;
  /**
   * Present for XSDs with namespaces (a target namespace, a qualified name, or a wildcard): parse
   * resolves prefixes and keys names by the schema's names, serialize writes declarations back.
   * `target`: the schema's target namespace. Absent (DTDs, the bundled no-namespace XSDs): names
   * are keys as written.
   */
  namespaces?: { target: string | null };
}

export const ATTR_PREFIX = "@_";
export const TEXT_KEY = "#text";
