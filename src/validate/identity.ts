/**
 * Identity constraints (xs:unique, xs:key, xs:keyref; XSD 1.0 §3.11.4), evaluated while the
 * document streams. Each element that declares a constraint opens an instance for its subtree;
 * selector paths are matched against the open elements' names as each start tag arrives, field
 * paths relative to each selected element; attribute fields are read from the start tag,
 * element fields take the element's value at its end tag. When a selected element ends, its
 * key-sequence goes into the instance's table (key/unique: a duplicate is an error) or its
 * reference list (keyref), and when the instance's element ends its keyrefs are resolved.
 *
 * Keys declared on descendants reach a keyref further up through per-element tables that are
 * merged upwards (a value coming from two different places conflicts and is dropped, XSD's
 * "identity-constraint table"), but only for constraints some keyref refers to. Memory is
 * bounded by the number of key values, not by the document: nothing else outlives its element.
 *
 * Values compare in their value space: the key is the primitive type plus a canonical form
 * (decimal family by numeric value, float/double likewise), so "1.0" matches an xs:integer 1
 * but an xs:string "L4" does not match an untyped (anySimpleType) "L4", as in libxml2. QName
 * and NOTATION fields compare {namespace}local: the instance's prefixes resolve through its
 * bindings, a default or fixed value's through the schema's.
 */
import { keep } from "../diagnostics/keep.js";
import { diagnose } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { primitiveOf } from "../schema/builtins.js";
import { XSI_NS, type ElementDecl, type IdentityConstraint, type SchemaModel } from "../schema/model.js";
import type { StartTag } from "../xml/events.js";
import type { CompiledType } from "./compile.js";
import { decimalToString, parseDecimal } from "./datatypes/lexical/decimal.js";
import { parseDouble } from "./datatypes/lexical/float.js";
import { nameTestMatches, parseIdentityPath, type IdentityPath, type NameTest } from "./identity-path.js";
import type { ValueContext } from "./datatypes/index.js";
import { resolveQName } from "./datatypes/qname-value.js";
import { schemaValueContext, simpleChecker, type SimpleChecker } from "./simple.js";
import "./identity-codes.js";

const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

interface CompiledConstraint {
  c: IdentityConstraint;
  selector: IdentityPath[];
  fields: IdentityPath[][];
  /** keyref: the kind of the referenced constraint, for messages. */
  referKind?: string;
  /** How far below a selected element its fields can lie: the longest field path, Infinity with `.//`. */
  fieldReach: number;
}

interface Entry {
  line: number;
  column: number;
}

/** A value found at two places below one element: dropped from the table passed upwards. */
const CONFLICT: Entry = { line: 0, column: 0 };

interface Instance {
  idc: CompiledConstraint;
  depth: number;
  scope: string;
  table: Map<string, Entry>;
  refs: { key: string; display: string; element: string; line: number; column: number; path: string }[];
}

interface Target {
  inst: Instance;
  depth: number;
  element: string;
  line: number;
  column: number;
  /** A field error found before it ended, reported then (with its path). */
  pending: { code: string; params: Record<string, string | number> } | null;
  keys: (string | null)[];
  displays: string[];
  reported: boolean;
}

interface Watch {
  target: Target;
  field: number;
  depth: number;
}

export type IdentityValue = { key: string; display: string };

/** Whether the model declares identity constraints at all (otherwise the engine needs no tracker). */
export function hasIdentityConstraints(model: SchemaModel | undefined): boolean {
  return model?.elements.some((e) => e.identity !== undefined && e.identity.length > 0) === true;
}

/**
 * Emitted instead of a diagnostic once the caller is past its limit: 500,000 duplicate keys spent
 * most of their time rendering messages no one would see. Shared; the caller only counts it.
 */
export const NOT_BUILT: Diagnostic = Object.freeze({ severity: "error", code: "valid/too-many-errors", message: "", line: 0, column: 0 });

/** Index of the first of the entries at `depth`, which end the list (it is ordered by depth). */
function tailAt(list: readonly { depth: number }[], depth: number): number {
  let lo = list.length;
  while (lo > 0 && list[lo - 1].depth === depth) lo--;
  return lo;
}

export class IdentityTracker {
  private readonly compiled = new Map<IdentityConstraint, CompiledConstraint>();
  /** Constraint keys some keyref refers to: only their tables travel upwards. */
  private readonly referenced = new Set<string>();
  private readonly kinds = new Map<string, string>();
  private readonly names: { uri: string | null; local: string }[] = [];
  private readonly tables: (Map<string, Map<string, Entry>> | undefined)[] = [];
  private instances: Instance[] = [];
  /**
   * Open selected elements and the element fields waiting for their end, both in document order:
   * ordered by depth, so those of the element that ends are at the tail (nested selections made
   * every start and end walk them all: 8,000 nested keyed elements took 1.25 s, quadratic).
   */
  private targets: Target[] = [];
  private watches: Watch[] = [];
  /** The largest fieldReach of the constraints seen: targets further up cannot have fields here. */
  private maxReach = 0;

  constructor(
    private readonly model: SchemaModel,
    private readonly emit: (d: Diagnostic) => void,
    private readonly path: () => string,
    /** The instance's namespace bindings where the tracker is (QName-typed field values). */
    private readonly context?: ValueContext,
    /** True once the caller reports nothing more: errors are then emitted as NOT_BUILT, only to be counted. */
    private readonly full: () => boolean = () => false,
  ) {
    for (const e of model.elements) {
      for (const c of e.identity ?? []) {
        if (c.refer !== undefined) this.referenced.add(c.refer);
        this.kinds.set(c.key, c.kind);
      }
    }
  }

  /** A start tag at `depth` (root = 1), with its declaration and type when known. */
  start(depth: number, tag: StartTag, decl: ElementDecl | null, type: CompiledType | null): void {
    this.names[depth] = { uri: tag.uri, local: tag.local };
    this.tables[depth] = undefined;
    for (const c of decl?.identity ?? []) {
      this.instances.push({ idc: this.compile(c), depth, scope: tag.name, table: new Map(), refs: [] });
    }
    if (this.instances.length === 0) return;
    // Fields of elements selected earlier that lie at or below this element: only targets within
    // reach, which are the last ones (the targets are ordered by depth).
    let lo = this.targets.length;
    while (lo > 0 && depth - this.targets[lo - 1].depth <= this.maxReach) lo--;
    for (let i = lo; i < this.targets.length; i++) {
      const t = this.targets[i];
      if (depth - t.depth > t.inst.idc.fieldReach) continue;
      const fields = t.inst.idc.fields;
      for (let j = 0; j < fields.length; j++) {
        for (const p of fields[j]) {
          if ((p.steps.length === 0 && !p.descendant) || !this.matches(p, t.depth, depth)) continue;
          if (p.attribute !== undefined) this.attributeField(t, j, p.attribute, tag, type);
          else this.watches.push({ target: t, field: j, depth });
        }
      }
    }
    for (const inst of this.instances) {
      if (!inst.idc.selector.some((p) => this.matches(p, inst.depth, depth))) continue;
      const n = inst.idc.fields.length;
      const t: Target = { inst, depth, element: tag.name, line: tag.line, column: tag.column, pending: null, keys: new Array(n).fill(null), displays: new Array(n).fill(""), reported: false };
      this.targets.push(t);
      for (let j = 0; j < n; j++) {
        for (const p of inst.idc.fields[j]) {
          if (p.steps.length > 0 || p.descendant) continue;
          if (p.attribute !== undefined) this.attributeField(t, j, p.attribute, tag, type);
          else this.watches.push({ target: t, field: j, depth });
        }
      }
    }
  }

  /** The end tag at `depth`: element fields get their values, selected elements and instances close. */
  end(depth: number, element: string, decl: ElementDecl | null, type: CompiledType | null, text: string, nil: boolean): void {
    const watches = this.watches;
    if (watches.length > 0 && watches[watches.length - 1].depth === depth) {
      const lo = tailAt(watches, depth);
      for (let i = lo; i < watches.length; i++) this.elementField(watches[i], element, decl, type, text, nil);
      watches.length = lo;
    }
    const targets = this.targets;
    if (targets.length > 0 && targets[targets.length - 1].depth === depth) {
      this.ending = depth;
      const lo = tailAt(targets, depth);
      for (let i = lo; i < targets.length; i++) this.finishTarget(targets[i]);
      targets.length = lo;
      this.ending = -1;
    }
    if (this.instances.length > 0 && this.instances[this.instances.length - 1].depth === depth) {
      const closing = this.instances.filter((i) => i.depth === depth);
      this.instances = this.instances.filter((i) => i.depth !== depth);
      // Own keys first (they take precedence over descendants'), then the keyrefs that use them.
      for (const inst of closing) if (inst.idc.c.kind !== "keyref" && this.referenced.has(inst.idc.c.key)) this.publish(inst, depth);
      for (const inst of closing) if (inst.idc.c.kind === "keyref") this.resolve(inst, depth);
    }
    const table = this.tables[depth];
    if (table !== undefined) {
      this.tables[depth] = undefined;
      if (depth > 1) this.mergeUp(table, depth - 1);
    }
  }

  // --- Paths ----------------------------------------------------------------------------------

  private compile(c: IdentityConstraint): CompiledConstraint {
    let out = this.compiled.get(c);
    if (out !== undefined) return out;
    const resolve = (prefix: string): string | undefined => (Object.prototype.hasOwnProperty.call(c.namespaces, prefix) ? c.namespaces[prefix] : undefined);
    const parse = (text: string, kind: "selector" | "field"): IdentityPath[] => {
      const r = parseIdentityPath(text, kind, resolve);
      return r.ok ? r.paths : []; // the reader reported it; match nothing
    };
    const fields = c.fields.map((f) => parse(f, "field"));
    const fieldReach = Math.max(0, ...fields.flat().map((f) => (f.descendant ? Infinity : f.steps.length)));
    this.maxReach = Math.max(this.maxReach, fieldReach);
    out = { c, selector: parse(c.selector, "selector"), fields, fieldReach };
    if (c.refer !== undefined) out.referKind = this.kinds.get(c.refer) ?? "key";
    this.compiled.set(c, out);
    return out;
  }

  /** Whether the element at `depth` is selected by `p` evaluated from the element at `base`. */
  private matches(p: IdentityPath, base: number, depth: number): boolean {
    const rel = depth - base;
    const k = p.steps.length;
    if (p.descendant ? rel < Math.max(k, 1) : rel !== k) return false;
    const first = depth - k + 1;
    for (let i = 0; i < k; i++) {
      const n = this.names[first + i];
      if (!nameTestMatches(p.steps[i], n.uri, n.local)) return false;
    }
    return true;
  }

  // --- Field values ---------------------------------------------------------------------------

  private attributeField(t: Target, j: number, test: NameTest, tag: StartTag, type: CompiledType | null): void {
    for (const a of tag.attributes) {
      if (a.uri === XMLNS_NS || !nameTestMatches(test, a.uri, a.local)) continue;
      const checker = this.attributeChecker(type, a.uri, a.local);
      // No declaration: the attribute was not assessed and has no type (cvc-identity-constraint.3).
      // xsi:* have built-in declarations (§3.2.7) and keep their literal value.
      if (checker === null && a.uri !== XSI_NS) this.report(t, "valid/key-field-untyped", { field: t.inst.idc.c.fields[j], found: a.name, owner: tag.name });
      else this.setField(t, j, typedValue(checker, a.value, this.context), tag.name);
      return;
    }
    // An absent attribute with a declared default or fixed value has that value (PSVI).
    if (type === null || test.local === "*") return;
    for (const c of type.attributes.get(test.local) ?? []) {
      const v = c.decl.default ?? c.decl.fixed;
      if (c.decl.namespace === test.uri && v !== undefined) this.setField(t, j, typedValue(c.checker, v, this.schemaContext(c.decl.valueNamespaces)), tag.name);
    }
  }

  private attributeChecker(type: CompiledType | null, uri: string | null, local: string): SimpleChecker | null {
    for (const c of type?.attributes.get(local) ?? []) if (c.decl.namespace === uri) return c.checker;
    const global = this.model.globalAttributes?.[uri === null ? local : `{${uri}}${local}`];
    return global === undefined ? null : simpleChecker(this.model, global.type);
  }

  private elementField(w: Watch, element: string, decl: ElementDecl | null, type: CompiledType | null, text: string, nil: boolean): void {
    if (nil) return; // a nilled element has no value: the field is absent
    if (type !== null && type.text !== "simple") {
      const t = w.target;
      this.report(t, "valid/key-field-not-simple", { field: t.inst.idc.c.fields[w.field], found: element });
      return;
    }
    let value = text;
    let context = this.context;
    const standIn = decl?.default ?? decl?.fixed;
    if (value.length === 0 && standIn !== undefined) {
      value = standIn;
      context = this.schemaContext(decl?.valueNamespaces);
    }
    this.setField(w.target, w.field, typedValue(type?.simple ?? null, value, context), element);
  }

  /** Where a declaration's default or fixed value resolves its QNames (the schema's bindings). */
  private schemaContext(namespaces: Record<string, string> | undefined): ValueContext | undefined {
    return this.context === undefined ? undefined : schemaValueContext(namespaces, this.context);
  }

  private setField(t: Target, j: number, v: IdentityValue, _from: string): void {
    if (t.keys[j] !== null) {
      this.report(t, "valid/key-field-multiple", { field: t.inst.idc.c.fields[j] });
      return;
    }
    // Kept until the scope ends: copies, so no read chunk stays alive with them.
    t.keys[j] = keep(v.key);
    t.displays[j] = keep(v.display);
  }

  // --- Tables ---------------------------------------------------------------------------------

  private finishTarget(t: Target): void {
    const c = t.inst.idc.c;
    if (t.pending !== null) {
      this.report(t, t.pending.code, t.pending.params);
      return;
    }
    const missing = t.keys.indexOf(null);
    if (missing >= 0) {
      // unique and keyref ignore elements without a complete key-sequence; a key requires one.
      if (c.kind === "key") this.report(t, "valid/missing-key-field", { field: c.fields[missing] });
      return;
    }
    const key = t.keys.length === 1 ? t.keys[0]! : t.keys.join("\u0000");
    if (c.kind === "keyref") {
      t.inst.refs.push({ key, display: displayOf(t), element: t.element, line: t.line, column: t.column, path: this.path() });
      return;
    }
    const prior = t.inst.table.get(key);
    if (prior !== undefined) {
      this.report(t, "valid/duplicate-key", { values: displayOf(t), kind: c.kind === "key" ? "key" : "unique", firstLine: prior.line, firstColumn: prior.column, scope: t.inst.scope });
      return;
    }
    t.inst.table.set(key, { line: t.line, column: t.column });
  }

  /** A key/unique instance's table joins its element's table, over values from descendants. */
  private publish(inst: Instance, depth: number): void {
    const table = this.tableAt(depth, inst.idc.c.key);
    for (const [k, e] of inst.table) table.set(k, e);
  }

  private resolve(inst: Instance, depth: number): void {
    const c = inst.idc.c;
    const table = this.tables[depth]?.get(c.refer ?? "");
    let loose: Map<string, string> | undefined;
    for (const r of inst.refs) {
      const e = table?.get(r.key);
      if (e !== undefined && e !== CONFLICT) continue;
      if (this.full()) {
        this.emit(NOT_BUILT);
        continue;
      }
      // Built on the first miss only: explains a value that is there but of another type.
      loose ??= untypedIndex(table);
      const other = loose.get(untyped(r.key));
      const d = diagnose(
        "valid/keyref-no-match",
        { element: r.element, values: r.display, name: c.name, referKind: inst.idc.referKind ?? "key", refer: (c.refer ?? "").replace(/^\{[^}]*\}/, ""), scope: inst.scope },
        { line: r.line, column: r.column, path: r.path },
      );
      if (other !== undefined) {
        d.hint = `The value exists, but as ${typeLabel(other)} while this one is ${typeLabel(r.key)}: values of different types never match; give both fields the same type.`;
      } else if (e === CONFLICT) {
        d.hint = `The value occurs more than once below <${inst.scope}>, so it does not identify one element.`;
      }
      this.emit(d);
    }
  }

  private mergeUp(child: Map<string, Map<string, Entry>>, depth: number): void {
    for (const [name, entries] of child) {
      const into = this.tableAt(depth, name);
      for (const [k, e] of entries) into.set(k, into.has(k) ? CONFLICT : e);
    }
  }

  private tableAt(depth: number, name: string): Map<string, Entry> {
    let byName = this.tables[depth];
    if (byName === undefined) this.tables[depth] = byName = new Map();
    let t = byName.get(name);
    if (t === undefined) byName.set(name, (t = new Map()));
    return t;
  }

  /** Reported when the selected element ends (its path is then the engine's), once per element. */
  private report(t: Target, code: string, params: Record<string, string | number>): void {
    if (t.reported) return;
    if (!this.finishing(t)) {
      t.pending ??= { code, params };
      return;
    }
    t.reported = true;
    if (this.full()) {
      this.emit(NOT_BUILT);
      return;
    }
    const c = t.inst.idc.c;
    this.emit(diagnose(code, { element: t.element, name: c.name, kind: c.kind, ...params }, { line: t.line, column: t.column, path: this.path() }));
  }

  /** The depth whose selected elements are being finished (their path is the engine's current one). */
  private ending = -1;

  private finishing(t: Target): boolean {
    return t.depth === this.ending;
  }
}

/** The value's identity in its value space: primitive type + canonical form; display as written (normalised). */
export function typedValue(checker: SimpleChecker | null, raw: string, context?: ValueContext): IdentityValue {
  if (checker === null) return { key: `anySimpleType\u0001${raw}`, display: raw };
  if (checker.member !== undefined) {
    // A union value is the value of the member that validated it (XSD 1.0 Part 2 §2.5.1.3): an
    // xs:int member's "01" equals an xs:int 1, an xs:string member's "1" does not. A value no
    // member accepts was reported by the type check; it compares as the union's literal.
    const member = checker.member(raw, context);
    if (member !== undefined) return typedValue(member, raw, context);
  }
  const normalized = checker.normalize(raw);
  if (checker.item !== undefined) return { key: listKey(checker.item, normalized, context), display: normalized };
  const primitive = checker.builtin === "anySimpleType" ? "anySimpleType" : primitiveOf(checker.builtin);
  let canonical = normalized;
  if (primitive === "decimal") {
    const d = parseDecimal(normalized);
    if (d.ok) canonical = decimalToString(d.value);
  } else if (primitive === "float" || primitive === "double") {
    const n = parseDouble(normalized);
    if (n.ok) canonical = String(n.value);
  } else if (primitive === "QName" || primitive === "NOTATION") {
    // {uri}local when the prefix resolves; else as written (the type check reports an unbound prefix).
    canonical = resolveQName(normalized, context).expanded ?? normalized;
  }
  return { key: `${primitive}\u0001${canonical}`, display: normalized };
}

/**
 * A list value's key: its items' keys in order. Lists are equal when their items are pairwise
 * equal, and a one-item list equals that item as an atomic value (XSD 1.1 Part 2 §2.2.3, the
 * resolution of W3C bug 2046 left open in 1.0; libxml2 compares so too), so ['41'] of xs:NMTOKENS
 * matches '41' of xs:string. There is one empty list, whatever its item type.
 */
function listKey(item: SimpleChecker, normalized: string, context: ValueContext | undefined): string {
  if (normalized === "") return "list\u0001";
  return normalized
    .split(" ")
    .map((v) => typedValue(item, v, context).key)
    .join(LIST_ITEMS);
}

/** Separates the items of a list key (fields are separated by \u0000, a type from its value by \u0001). */
const LIST_ITEMS = "\u0002";

function displayOf(t: Target): string {
  return `[${t.displays.map((d) => `'${d}'`).join(", ")}]`;
}

/** A key-sequence without its types ("string\u0001L4" → "L4"), to explain type mismatches. */
function untyped(key: string): string {
  const strip = (f: string) => f.slice(f.indexOf("\u0001") + 1);
  return key
    .split("\u0000")
    .map((f) => f.split(LIST_ITEMS).map(strip).join(LIST_ITEMS))
    .join("\u0000");
}

function untypedIndex(table: Map<string, Entry> | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, e] of table ?? []) if (e !== CONFLICT) out.set(untyped(k), k);
  return out;
}

/** The types of a key-sequence, e.g. "xs:string" or "(xs:string, xs:decimal)". */
function typeLabel(key: string): string {
  const types = key.split("\u0000").map((f) => `xs:${f.slice(0, f.indexOf("\u0001"))}`);
  return types.length === 1 ? types[0] : `(${types.join(", ")})`;
}
