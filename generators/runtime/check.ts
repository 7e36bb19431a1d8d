/**
 * Helpers the generated validators call. The structure (which children, how many, which
 * attributes) is plain generated code; these only build diagnostics and check simple-type values
 * with the datatypes module, from a literal table of the schema's simple types.
 */
import "../../src/validate/codes.js"; // registers the "valid/" codes the diagnostics use
import "./codes.js";
import { diagnose, type Params } from "../../src/diagnostics/codes.js";
import { didYouMean } from "../../src/diagnostics/suggest.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { emptyModel } from "../../src/schema/build.js";
import type { SimpleType } from "../../src/schema/model.js";
import { compileSimpleType, type SimpleTypeChecker } from "../../src/validate/datatypes/index.js";
import { explain } from "../../src/validate/simple.js";
import { toLexical } from "./values.js";
import { clippedList, expectedText, inNamespace, typeNote } from "../../src/validate/messages.js";
import { clark, clarkParts, writtenAttribute, XML_NS, XSI_NS } from "./qnames.js";
import { wildcardAllows } from "../../src/validate/automaton.js";
import type { Wildcard } from "../../src/schema/model.js";

export type { Diagnostic };

export const MAX_DEPTH = 256;

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Pushes a diagnostic; object forms carry no positions, so line and column are 0. */
export function report(out: Diagnostic[], code: string, params: Params, path: string): void {
  out.push(diagnose(code, params, { line: 0, column: 0, path }));
}

/** "/A/B" for the first of a name, "/A/B[2]" after, as the validation engine writes paths. */
export function childPath(path: string, name: string, index: number): string {
  return index === 0 ? `${path}/${name}` : `${path}/${name}[${index + 1}]`;
}

export function describeJs(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? v.slice(0, 37) + "..." : v);
  if (typeof v === "object") return "an object";
  return `${typeof v} ${String(v)}`;
}

/** The engine's wording of expected names ("<A>" alone, else "one of A, B or </P>"): the engine's own function. */
export { expectedText };

export function typeError(out: Diagnostic[], path: string, element: string, expected: string, v: unknown): void {
  report(out, "object/type", { element, expected, found: describeJs(v) }, path);
}

/** The engine's excerpt of found text: whitespace collapsed, at most 40 characters. */
export function excerpt(text: unknown): string {
  const t = String(text).trim().replace(/\s+/g, " ");
  return t.length > 40 ? t.slice(0, 37) + "..." : t;
}

/** The engine's "found" for text where none may be: text "...". */
export function foundText(text: unknown): string {
  return `text "${excerpt(text)}"`;
}

/** Simple types by index, compiled on first use with the datatypes module. */
export class SimpleTypes {
  private readonly model = emptyModel("xsd", "generated");
  private readonly checkers = new Map<number, SimpleTypeChecker>();
  constructor(types: Omit<SimpleType, "location" | "doc" | "provenance">[]) {
    this.model.simpleTypes = types as SimpleType[];
  }
  checker(id: number): SimpleTypeChecker {
    let c = this.checkers.get(id);
    if (c === undefined) {
      c = compileSimpleType(this.model, id);
      this.checkers.set(id, c);
    }
    return c;
  }
}

/**
 * Checks one typed value (text or attribute) of kind `kind` and simple type `type` (null: any
 * string). Reports as the engine does: valid/attribute-value with name "text" for element text.
 */
export function checkValue(
  out: Diagnostic[],
  path: string,
  element: string,
  name: string,
  kind: "string" | "number" | "boolean",
  types: SimpleTypes | null,
  type: number | null,
  fixed: string | null,
  v: unknown,
): void {
  const checker = types === null || type === null ? null : types.checker(type);
  // parse leaves a number or boolean it cannot read as the string it found: report it as the engine does.
  const unread = typeof v === "string" && kind !== "string" && checker !== null && checker.check(v) !== null;
  if (typeof v !== kind && !unread) {
    typeError(out, path, element, name === "text" ? `text content (${kind})` : `attribute ${name} as a ${kind}`, v);
    return;
  }
  const lexical = toLexical(v);
  if (fixed !== null) {
    const same = checker === null ? lexical === fixed : checker.normalize(lexical) === checker.normalize(fixed);
    if (!same) {
      report(out, name === "text" ? "valid/fixed-element" : "valid/fixed-attribute", name === "text" ? { parent: element, expected: fixed, found: lexical } : { element, name, expected: fixed, found: lexical }, path);
      return;
    }
  }
  if (checker === null) return;
  const problem = checker.check(lexical);
  if (problem === null) return;
  // The engine's wording: the datatype's own message as the reason, its hint as the hint.
  const { reason, hint } = explain(problem);
  const d =
    name === "text"
      ? diagnose("valid/text-type", { parent: element, reason, expected: checker.describe(), found: excerpt(lexical), typeCode: problem.code, typeNote: typeNote(reason, problem.code, checker.describe()) }, { line: 0, column: 0, path })
      : diagnose("valid/attribute-type", { element, name, reason, expected: checker.describe(), found: lexical, typeCode: problem.code, typeNote: typeNote(reason, problem.code, checker.describe()) }, { line: 0, column: 0, path });
  if (hint !== undefined) d.hint = hint;
  out.push(d);
}

/**
 * The content errors of one element: like the validation engine, only the first is reported
 * (the rest usually repeat it: a renamed child is "unexpected", not also "missing"). It also words
 * what was expected as the engine would at the place of the problem: the object form has no order,
 * so the place is taken to be the first required child that is missing (else the end), and the
 * names offered are the absent ones between the last child present before it and there.
 */
export class ContentErrors {
  private reported = false;
  constructor(
    private readonly out: Diagnostic[],
    private readonly path: string,
    private readonly parent: string,
    private readonly v: Record<string, unknown>,
    /** Child names in schema order. */
    private readonly order: readonly string[],
    /** Names that must be present (min > 0 outside choices), and groups of which one must be. */
    private readonly required: readonly string[],
    private readonly groups: readonly (readonly string[])[] = [],
  ) {}

  report(code: string, params: Params, path: string = this.path): void {
    if (this.reported) return;
    this.reported = true;
    report(this.out, code, params, path);
  }

  private present(name: string): boolean {
    const c = this.v[name];
    return c !== undefined && !(Array.isArray(c) && c.length === 0);
  }

  /** Does the content model stop at `name` (a required child, or the last name of an unmet at-least-one group)? */
  private stops(name: string): boolean {
    if (this.required.includes(name)) return true;
    return this.groups.some((g) => !g.some((n) => this.present(n)) && g.every((n) => this.order.indexOf(n) <= this.order.indexOf(name)));
  }

  /** The engine's expected names from position `from` of `order`: up to the first stop; the end tag if none. */
  private from(from: number, withEnd: boolean): string {
    const names: string[] = [];
    for (let i = from; i < this.order.length; i++) {
      names.push(this.order[i]);
      if (this.stops(this.order[i])) return expectedText(names);
    }
    return expectedText(names, withEnd ? this.parent : null);
  }

  /** Position after the last child present before position `p`. */
  private after(p: number): number {
    for (let i = Math.min(p, this.order.length) - 1; i >= 0; i--) if (this.present(this.order[i])) return i + 1;
    return 0;
  }

  /** Position of the first required child (or unmet group) that is missing; order.length if none. */
  private firstMissing(): number {
    for (let i = 0; i < this.order.length; i++) if (!this.present(this.order[i]) && this.stops(this.order[i])) return i;
    return this.order.length;
  }

  /** "expected ..." where an unknown child `found` stands: at the name it likely misspells, else at the first gap. */
  expectedFor(found: string): string {
    const meant = didYouMean(found, this.order.filter((n) => !this.present(n)));
    const p = meant !== undefined ? this.order.indexOf(meant) : this.firstMissing();
    return this.from(this.after(p), true);
  }

  /** "expected ..." after the last allowed occurrence of `name` (one too many). */
  expectedAfter(name: string): string {
    return this.from(this.order.indexOf(name) + 1, true);
  }

  /** "expected ... before </P>": what is missing at the first gap. */
  expectedMissing(): string {
    return this.from(this.after(this.firstMissing()), false);
  }
}

/**
 * A text-only element given as an object: fast-xml-parser's form of the element with attributes the
 * schema does not declare. Reports those attributes (as the engine does) and returns the text.
 */
export function textOf(out: Diagnostic[], path: string, element: string, v: unknown, xsd = false): unknown {
  if (!isRecord(v)) return v;
  const keys = Object.keys(v);
  if (!keys.every((k) => k === "#text" || k.startsWith("@_"))) return v;
  for (const k of keys) if (k.startsWith("@_") && !(xsd && xsdReservedAttribute(k))) report(out, "valid/undeclared-attribute", { element, found: k.slice(2), expected: "none" }, path);
  return v["#text"] ?? "";
}

/**
 * XSD: namespace declarations (`xmlns`, `xmlns:p`) are no attributes of the element, and the four
 * xsi attributes are allowed on every element (XSD 1.0 §3.4.4, cvc-complex-type.3); the object form
 * keeps both as written ("@_xmlns:xsi"), with the conventional xsi prefix. (A DTD declares them like
 * any attribute.)
 */
export function xsdReservedAttribute(k: string): boolean {
  return k === "@_xmlns" || k.startsWith("@_xmlns:") || XSI_ATTRIBUTES.has(k);
}
const XSI_ATTRIBUTES = new Set(["@_xsi:type", "@_xsi:nil", "@_xsi:schemaLocation", "@_xsi:noNamespaceSchemaLocation"]);

/** A generated check function of one element type. */
export type CheckFn = (v: unknown, path: string, out: Diagnostic[], d: number) => void;

/**
 * Checks the value of child property `name` of `parent`: presence (min), repetition (an array
 * when the schema lets it repeat, at most `max`), then each item with `check` (null: an
 * undeclared element, nothing more to check). `required` is false inside a choice alternative
 * that was not taken.
 */
export function checkChild(
  out: Diagnostic[],
  path: string,
  parent: string,
  name: string,
  c: unknown,
  min: number,
  max: number,
  repeatable: boolean,
  check: CheckFn | null,
  d: number,
  content: ContentErrors,
): void {
  const missing = (): void => content.report("valid/missing-element", { parent, expected: content.expectedMissing() });
  if (c === undefined) {
    if (min > 0) missing();
    return;
  }
  if (!repeatable) {
    if (Array.isArray(c)) content.report("valid/unexpected-element", { parent, expected: content.expectedAfter(name), found: name }, childPath(path, name, 1));
    else check?.(c, childPath(path, name, 0), out, d + 1);
    return;
  }
  if (!Array.isArray(c)) {
    typeError(out, childPath(path, name, 0), name, "an array (the schema lets it repeat)", c);
    return;
  }
  if (c.length < min) missing();
  if (c.length > max) content.report("valid/unexpected-element", { parent, expected: content.expectedAfter(name), found: name }, childPath(path, name, max));
  for (let i = 0; i < c.length; i++) check?.(c[i], childPath(path, name, i), out, d + 1);
}

/**
 * Namespaced schemas: an attribute key that is not declared, reported as the engine words it: by
 * its name as written (recorded by parse), and, where its local name is declared in another
 * namespace, with both namespaces. `declared`: [local name, namespace] of each declared attribute.
 */
export function undeclaredAttribute(out: Diagnostic[], path: string, element: string, v: Record<string, unknown>, key: string, declared: readonly (readonly [string, string | null])[]): void {
  const name = key.slice(2);
  const { uri, local } = clarkParts(name) ?? { uri: null, local: name };
  const written = writtenAttribute(v, key) ?? local;
  const names = declared.map((d) => d[0]);
  const elsewhere = declared.find(([n, ns]) => n === local && ns !== uri);
  if (elsewhere !== undefined) {
    const expected = clippedList(names.map((n) => (n === local ? inNamespace(elsewhere[1], n) : n)), 20).join(", ");
    report(out, "valid/undeclared-attribute", { element, found: inNamespace(uri, written), expected }, path);
    return;
  }
  report(out, "valid/undeclared-attribute", { element, found: written, expected: names.length === 0 ? "none" : clippedList(names, 20).join(", ") }, path);
}

/** An element type's xs:anyAttribute, as generated data: its namespace constraint, processContents, and (strict) the global attribute keys. */
export interface AttributeWildcard {
  any: Wildcard["namespaces"];
  tns: string | null;
  pc: Wildcard["processContents"];
  /** lax/strict: the global attribute declarations by Clark key: [simple type index or null (a plain string), fixed value or null]. */
  globals?: Record<string, readonly [number | null, string | null]>;
}

/** {uri, local} of an attribute key without "@_": Clark, the conventional xsi:/xml: prefixes, or a name in no namespace. */
function attributeName(name: string): { uri: string | null; local: string } {
  const c = clarkParts(name);
  if (c !== undefined) return c;
  if (name.startsWith("xsi:")) return { uri: XSI_NS, local: name.slice(4) };
  if (name.startsWith("xml:")) return { uri: XML_NS, local: name.slice(4) };
  return { uri: null, local: name };
}

/**
 * Namespaced schemas: an attribute key an element type does not declare, where it has an
 * xs:anyAttribute: allowed when the wildcard allows its namespace (strict: and a global declaration
 * exists), as the engine decides (cvc-wildcard, XSD 1.0 §3.10.4); otherwise undeclared.
 */
export function wildcardAttribute(out: Diagnostic[], path: string, element: string, v: Record<string, unknown>, key: string, declared: readonly (readonly [string, string | null])[], w: AttributeWildcard, types: SimpleTypes | null = null): void {
  const { uri, local } = attributeName(key.slice(2));
  if (!wildcardAllows({ namespaces: w.any, targetNamespace: w.tns, processContents: w.pc }, uri)) return undeclaredAttribute(out, path, element, v, key, declared);
  if (w.pc === "skip") return;
  const name = writtenAttribute(v, key) ?? key.slice(2);
  const global = w.globals?.[clark(uri, local)];
  if (global === undefined) {
    if (w.pc === "strict") report(out, "valid/undeclared-attribute", { element, found: name, expected: 'none of that name globally (anyAttribute processContents="strict" needs a global declaration)' }, path);
    return;
  }
  // Parse did not type it (no declaration at its place): its lexical form is checked against the global declaration's type.
  checkValue(out, path, element, name, "string", global[0] === null ? null : types, global[0], global[1], typeof v[key] === "string" ? v[key] : toLexical(v[key]));
}

/** Order-free checks of namespaced schemas: does one of an element's wildcards ([namespaces, target namespace]) take child key `key`? */
export function wildcardTakes(wildcards: readonly (readonly [Wildcard["namespaces"], string | null])[], key: string): boolean {
  const uri = clarkParts(key)?.uri ?? null;
  return wildcards.some(([namespaces, targetNamespace]) => wildcardAllows({ namespaces, targetNamespace, processContents: "skip" }, uri));
}
