/**
 * What the DTD's attribute-list declarations do to a start tag (§3.3): values of attributes
 * declared with a type other than CDATA are collapsed, and declared defaults that are not
 * specified are added with specified = false.
 */
import type { AttributeDef, DtdDocument } from "../dtd/syntax.js";
import type { XmlAttribute } from "./events.js";
import { normalizeAttributeValue } from "../dtd/attribute-value.js";
import type { Parser } from "./parser.js";

interface DeclaredAttribute {
  name: string;
  cdata: boolean;
  /** Value to add when the attribute is absent (default or #FIXED), already normalised. */
  defaultValue: string | undefined;
}

/** Per element name, the declared attributes (null: none declared). Built on first use. */
export type AttlistCache = Map<string, DeclaredAttribute[] | null>;

function compile(defs: AttributeDef[], dtd: DtdDocument): DeclaredAttribute[] {
  const seen = new Set<string>();
  const out: DeclaredAttribute[] = [];
  for (const d of defs) {
    // The first definition of an attribute binds (§3.3).
    if (seen.has(d.name)) continue;
    seen.add(d.name);
    const cdata = d.type.kind === "CDATA";
    // Default values are stored as written: normalise them like a value in the document.
    const raw = d.default.kind === "default" || d.default.kind === "#FIXED" ? d.default.value : undefined;
    const dflt = raw === undefined ? undefined : normalizeAttributeValue(raw, dtd.generalEntities, cdata).value;
    out.push({ name: d.name, cdata, defaultValue: dflt });
  }
  return out;
}

/** Non-CDATA normalisation: leading and trailing spaces dropped, runs of spaces made one. */
export function collapse(v: string): string {
  if (v.indexOf(" ") === -1) return v;
  return v.replace(/^ +| +$/g, "").replace(/ {2,}/g, " ");
}

/**
 * Adds the declared defaults to a start tag and collapses non-CDATA values. A specified
 * attribute is found by a linear scan when the tag has few, else through a map: an internal
 * subset declaring 16,000 defaulted attributes made each `<e/>` cost 0.76 s when every default
 * was looked up among the ones already added.
 */
export function applyDeclaredAttributes(p: Parser, element: string, attrs: XmlAttribute[], line: number, column: number): void {
  const cache = p.attlists!;
  let declared = cache.get(element);
  if (declared === undefined) {
    const defs = p.dtd!.attlists.get(element);
    declared = defs === undefined || defs.length === 0 ? null : compile(defs, p.dtd!);
    cache.set(element, declared);
  }
  if (declared === null) return;
  const limit = p.o.limits.maxAttributes;
  // Defaults count like attributes written in the tag (the same limit), and towards the
  // document's expansion budget: they are text the document did not write.
  if (declared.length > limit) p.failAt("xml/limit", { what: `the number of attributes declared for <${element}>`, limit }, { line, column });
  const specified = attrs.length;
  const byName = specified > 8 ? new Map(attrs.map((a) => [a.name, a])) : null;
  for (const d of declared) {
    let a: XmlAttribute | undefined;
    if (byName !== null) a = byName.get(d.name);
    else {
      for (let i = 0; i < specified; i++) {
        if (attrs[i].name === d.name) {
          a = attrs[i];
          break;
        }
      }
    }
    if (a !== undefined) {
      if (!d.cdata) {
        const v = collapse(a.value);
        if (v !== a.value) {
          a.value = v;
          a.typeNormalized = true;
        }
      }
    } else if (d.defaultValue !== undefined) {
      attrs.push({ name: d.name, value: d.defaultValue, uri: null, local: d.name, line, column, specified: false });
    }
  }
  if (attrs.length > specified) p.chargeDefaults(attrs.length - specified, { line, column });
}
