/**
 * block / final / blockDefault / finalDefault: "#all" or a list of derivation methods. Each
 * attribute allows its own methods (XSD 1.0 §3.3.2, §3.4.2, §3.14.2, §3.15.2); the schema's
 * defaults apply to declarations without their own attribute, keeping only the methods that
 * make sense there (blockDefault="substitution" does not reach complex types).
 */
import type { DerivationMethod } from "../model.js";
import type { XmlElement } from "../../xml/tree.js";
import { didYouMean } from "../../diagnostics/suggest.js";
import { attr, locOfAttr, type ReadContext } from "./read-support.js";

export const ELEMENT_BLOCK: readonly DerivationMethod[] = ["extension", "restriction", "substitution"];
export const ELEMENT_FINAL: readonly DerivationMethod[] = ["extension", "restriction"];
export const COMPLEX_SET: readonly DerivationMethod[] = ["extension", "restriction"];
export const SIMPLE_FINAL: readonly DerivationMethod[] = ["restriction", "list", "union"];
export const FINAL_DEFAULT: readonly DerivationMethod[] = ["extension", "restriction", "list", "union"];

/** The attribute's set; undefined when absent (or invalid, which is reported). */
export function derivationSetAttr(ctx: ReadContext, el: XmlElement, name: string, allowed: readonly DerivationMethod[]): DerivationMethod[] | undefined {
  const v = attr(el, name);
  if (v === undefined) return undefined;
  const tokens = v.trim().split(/\s+/).filter((t) => t !== "");
  if (tokens.length === 1 && tokens[0] === "#all") return [...allowed];
  const out: DerivationMethod[] = [];
  for (const t of tokens) {
    if (!(allowed as readonly string[]).includes(t)) {
      // The schema for schemas writes this "(#all | List of (extension | restriction))": said in words here.
      const expected = `#all or a space-separated list of ${allowed.join(", ")}`;
      const d = ctx.reporter.report("xsd/invalid-value", { name, element: el.local, value: v, expected }, locOfAttr(ctx, el, name));
      const near = didYouMean(t, allowed);
      if (near !== undefined) {
        d.message += `; did you mean ${near}?`;
        d.hint = `write ${near} for ${t}`;
      }
      return undefined;
    }
    if (!out.includes(t as DerivationMethod)) out.push(t as DerivationMethod);
  }
  return out;
}

/** The declaration's own attribute, else the schema default narrowed to what applies here. */
export function effectiveSet(
  ctx: ReadContext,
  el: XmlElement,
  name: "block" | "final",
  allowed: readonly DerivationMethod[],
  fallback: readonly DerivationMethod[] | undefined,
): DerivationMethod[] | undefined {
  const own = derivationSetAttr(ctx, el, name, allowed);
  if (own !== undefined || el.attributes.has(name)) return own;
  const inherited = fallback?.filter((m) => allowed.includes(m));
  return inherited !== undefined && inherited.length > 0 ? inherited : undefined;
}
