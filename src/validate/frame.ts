/**
 * One open element during validation: what it is, where its content model stands, and what the
 * engine needs for paths and diagnostics. Frames are reused from a stack, so their fields are
 * reset by the engine (`push`), not reallocated.
 */
import type { ChildRun } from "./child-match.js";
import type { CompiledElement, CompiledType } from "./compile.js";

/**
 * Children recorded by name before counting takes over. Positions among same-named siblings are
 * only needed for the path of a diagnostic, so up to this many children they are derived from the
 * record when a path is built (a valid document never pays for them); beyond it, counted as they come.
 */
const RECORDED_CHILDREN = 1024;
/**
 * Distinct child names counted per element. A hostile document (undeclared names, or a lax
 * wildcard) can give one element millions of differently named children: counting them all made
 * memory grow with the input (438 MB for 4 M names). Beyond this, a new name's position is not
 * known (UNKNOWN_INDEX; the path says [?]); names already counted keep exact positions.
 */
export const MAX_COUNTED_NAMES = 10_000;
export const UNKNOWN_INDEX = -1;

/** How the element's text is handled, decided once at its start tag. */
export const TEXT_IGNORED = 0; // skipped or undeclared, mixed, ANY, or simple content whose value nobody reads
export const TEXT_ELEMENTS = 1; // element-only content: white space only
export const TEXT_EMPTY = 2;
export const TEXT_SIMPLE = 3; // buffered for the value check at the end tag
export const TEXT_NIL = 4; // xsi:nil="true": must be empty
export const TEXT_MIXED_FIXED = 5; // mixed content with a fixed value: no element children, text buffered (cvc-elt.5.2.2)

export class Frame implements ChildRun {
  el: CompiledElement | null = null;
  type: CompiledType | null = null;
  skip = false;
  name = "";
  /** The start tag (its position is the element's). */
  line = 0;
  column = 0;
  /** 1-based position among same-named siblings; 0 while the parent's record still holds it (see indexIn); UNKNOWN_INDEX past MAX_COUNTED_NAMES. */
  index = 1;
  /** Position among all the parent's children so far (0-based), for indexIn. */
  ordinal = 0;
  state = 0;
  counters = new Int32Array(4);
  textMode = TEXT_IGNORED;
  /** Child names in document order, up to RECORDED_CHILDREN; then counts by name. */
  childNames: string[] = [];
  childLen = 0;
  childMap: Map<string, number> | null = null;

  /** Records one more child named `name`; returns its index among same-named siblings, 0 when it is left to indexIn, or UNKNOWN_INDEX. */
  addChild(name: string): number {
    if (this.childLen < RECORDED_CHILDREN) {
      this.childNames[this.childLen++] = name;
      return 0;
    }
    let map = this.childMap;
    if (map === null) {
      map = new Map();
      for (let i = 0; i < this.childLen; i++) map.set(this.childNames[i], (map.get(this.childNames[i]) ?? 0) + 1);
      this.childMap = map;
    }
    this.childLen++;
    const seen = map.get(name);
    if (seen === undefined && map.size >= MAX_COUNTED_NAMES) return UNKNOWN_INDEX;
    const n = (seen ?? 0) + 1;
    map.set(name, n);
    return n;
  }

  /** The 1-based position among same-named siblings of the recorded child at `ordinal`. */
  indexIn(ordinal: number): number {
    const names = this.childNames;
    const name = names[ordinal];
    let n = 1;
    for (let i = 0; i < ordinal; i++) if (names[i] === name) n++;
    return n;
  }

  resetChildren(): void {
    this.childLen = 0;
    this.childMap = null;
  }

  text = "";
  textLine = 0;
  textColumn = 0;
  contentReported = false;
  nil = false;
  /** The current text run (adjacent text calls): where it starts, and bad text in element-only content. */
  runOpen = false;
  runLine = 0;
  runColumn = 0;
  badText: string | null = null;
  /** Expected children skipped by error recovery (null: none), so a moved child is reported once. */
  skipped: string[] | null = null;
  /**
   * A wrong namespace taken as the one meant (right name, wrong namespace: reported once, at the
   * element that has it): children in `wrongNs` are matched as if in `meantNs`, since they
   * inherit the same mistake (a default namespace declared on the element). Undefined: none.
   */
  wrongNs: string | null | undefined = undefined;
  meantNs: string | null = null;
}
