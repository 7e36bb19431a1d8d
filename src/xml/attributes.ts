/**
 * What the DTD's attribute-list declarations do to a start tag (§3.3): values of attributes
 * declared with a type other than CDATA are collapsed, and declared defaults that are not
 * specified are added with specified = false.
 */
import type { AttributeDef, DtdDocument } from "../dtd/syntax.js";
import type { XmlAttribute } from "./events.js";
import { normalizeAttributeValue } from "../dtd/attribute-value.js";

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

export function applyDeclaredAttributes(
  dtd: DtdDocument,
  cache: AttlistCache,
  element: string,
  attrs: XmlAttribute[],
  line: number,
  column: number,
): void {
  let declared = cache.get(element);
  if (declared === undefined) {
    const defs = dtd.attlists.get(element);
    declared = defs === undefined || defs.length === 0 ? null : compile(defs, dtd);
    cache.set(element, declared);
  }
  if (declared === null) return;
  for (const d of declared) {
    let found = false;
    for (const a of attrs) {
      if (a.name === d.name) {
        found = true;
        if (!d.cdata) {
          const v = collapse(a.value);
          if (v !== a.value) {
            a.value = v;
            a.typeNormalized = true;
          }
        }
        break;
      }
    }
    if (!found && d.defaultValue !== undefined) {
      attrs.push({ name: d.name, value: d.defaultValue, uri: null, local: d.name, line, column, specified: false });
    }
  }
}
