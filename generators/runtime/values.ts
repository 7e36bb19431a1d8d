/** Typed values in the object form: XSD lexical forms to numbers/booleans and back. */
import type { ValueKind } from "./table.js";

const NUMBER = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/** The typed value of a lexical form; a form that is not valid for the kind stays a string (the validator reports it). */
export function fromLexical(kind: ValueKind | undefined, lexical: string): string | number | boolean {
  if (kind === "number") {
    const t = lexical.trim();
    if (NUMBER.test(t)) return Number(t);
    if (t === "INF") return Infinity;
    if (t === "-INF") return -Infinity;
    if (t === "NaN") return NaN;
    return lexical;
  }
  if (kind === "boolean") {
    const t = lexical.trim();
    if (t === "true" || t === "1") return true;
    if (t === "false" || t === "0") return false;
  }
  return lexical;
}

/** The lexical form written for a typed value. */
export function toLexical(value: unknown): string {
  if (typeof value === "number") {
    if (value === Infinity) return "INF";
    if (value === -Infinity) return "-INF";
    return String(value);
  }
  return String(value);
}

/** XSD whiteSpace processing (replace: tab/CR/LF to space; collapse: also squeeze and trim). */
export function applyWs(ws: "replace" | "collapse" | undefined, value: string): string {
  if (ws === undefined) return value;
  const replaced = value.replace(/[\t\n\r]/g, " ");
  return ws === "replace" ? replaced : replaced.replace(/ {2,}/g, " ").trim();
}
