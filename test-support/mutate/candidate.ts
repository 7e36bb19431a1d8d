/**
 * What every mutation generator returns: a cheap descriptor of one change to one element, applied
 * later to a fresh copy of the tree. `raw` lets a change insert markup the tree cannot hold (CDATA
 * sections, PIs, character and entity references): it returns a placeholder that the serialised
 * text gets back as the markup, verbatim.
 */
import { isElement, type XmlElement } from "../../src/xml/tree.js";

export type MutationKind =
  | "drop-element"
  | "duplicate-element"
  | "reorder-element"
  | "rename-element"
  | "stray-text"
  | "bad-enumeration"
  | "bad-value"
  | "missing-required-attribute"
  | "undeclared-attribute"
  | "wrong-attribute-enumeration"
  | "bad-attribute-value"
  // Kinds added by the deep validity run (test-support/mutate/*.ts):
  | "datatype-value"
  | "datatype-attribute"
  | "enumeration-whitespace"
  | "character-reference"
  | "cdata-section"
  | "comment-or-pi"
  | "xsi-attribute"
  | "namespace"
  | "id-reference"
  | "default-or-fixed"
  | "move-level"
  /** Two of the above on different elements of one document. */
  | "two-mutations";

export type Raw = (markup: string) => string;

export interface Candidate {
  kind: MutationKind;
  /** Preorder index of the element in the document. */
  at: number;
  target: string;
  detail: string;
  description: string;
  apply(el: XmlElement, raw: Raw): void;
}

/** Placeholders are private-use characters, which neither escaping nor the tree changes. */
export function rawRegistry(): { raw: Raw; expand(text: string): string } {
  const parts: string[] = [];
  return {
    raw: (markup) => {
      parts.push(markup);
      return `\uE000${parts.length - 1}\uE001`;
    },
    expand: (text) => (parts.length === 0 ? text : text.replace(/\uE000(\d+)\uE001/g, (_, i: string) => parts[Number(i)])),
  };
}

/** Replaces the element's character data with one text node. */
export function setText(el: XmlElement, value: string): void {
  el.children = el.children.filter((c) => isElement(c) || c.kind !== "text");
  el.children.unshift({ kind: "text", text: value, line: el.line, column: el.column });
}

/** The element's character data as the tree holds it (entity references already expanded). */
export function textOf(el: XmlElement): string {
  return el.children.map((c) => (!isElement(c) && c.kind === "text" ? c.text : "")).join("");
}

export function setAttribute(el: XmlElement, name: string, value: string): void {
  const colon = name.indexOf(":");
  const old = el.attributes.get(name);
  el.attributes.set(name, { name, uri: old?.uri ?? null, local: colon < 0 ? name : name.slice(colon + 1), value, line: el.line, column: el.column });
}
