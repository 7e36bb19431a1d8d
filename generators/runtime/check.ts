/**
 * Helpers the generated validators call. The structure (which children, how many, which
 * attributes) is plain generated code; these only build diagnostics and check simple-type values
 * with the datatypes module, from a literal table of the schema's simple types.
 */
import "../../src/validate/codes.js"; // registers the "valid/" codes the diagnostics use
import "./codes.js";
import { diagnose, type Params } from "../../src/diagnostics/codes.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { emptyModel } from "../../src/schema/build.js";
import type { SimpleType } from "../../src/schema/model.js";
import { compileSimpleType, type SimpleTypeChecker } from "../../src/validate/datatypes/index.js";
import { toLexical } from "./values.js";

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

/** The engine's list of expected names: "<A>", "one of <A>, <B> or <C>". */
export function expectedText(names: readonly string[]): string {
  const items = names.map((n) => `<${n}>`);
  if (items.length === 0) return "no child element";
  if (items.length === 1) return items[0];
  return `one of ${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

export function typeError(out: Diagnostic[], path: string, element: string, expected: string, v: unknown): void {
  report(out, "object/type", { element, expected, found: describeJs(v) }, path);
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
  if (problem !== null) {
    const found = lexical.trim().replace(/\s+/g, " ");
    report(out, "valid/attribute-value", { element, name, expected: checker.describe(), found: found.length > 40 ? found.slice(0, 37) + "..." : found, typeCode: problem.code }, path);
  }
}

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
): void {
  const missing = (): void => report(out, "valid/missing-element", { parent, expected: `<${name}>` }, path);
  if (c === undefined) {
    if (min > 0) missing();
    return;
  }
  if (!repeatable) {
    if (Array.isArray(c)) report(out, "valid/unexpected-element", { parent, expected: `</${parent}>`, found: name }, childPath(path, name, 1));
    else check?.(c, childPath(path, name, 0), out, d + 1);
    return;
  }
  if (!Array.isArray(c)) {
    typeError(out, childPath(path, name, 0), name, "an array (the schema lets it repeat)", c);
    return;
  }
  if (c.length < min) missing();
  if (c.length > max) report(out, "valid/unexpected-element", { parent, expected: `</${parent}>`, found: name }, childPath(path, name, max));
  for (let i = 0; i < c.length; i++) check?.(c[i], childPath(path, name, i), out, d + 1);
}
