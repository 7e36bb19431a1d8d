/**
 * parse: XML text to the object form with fast-xml-parser, configured from a generated FormTable:
 * arrays are decided by the schema (by the element's place, never by the data), numbers and
 * booleans by the schema's types, CDATA kept as text, whitespace between children of element-only
 * content dropped. fast-xml-parser reads in its ordered form; `objectForm` then builds the grouped
 * object form (as fast-xml-parser's own conversion does) and records each element's child order
 * (./order.ts), which the generated validators use to run content models as `qxml validate` does.
 */
import { XMLParser } from "fast-xml-parser";
import { setOrder } from "./order.js";
import { attributeKey, childKey, clark, nodeNames, ROOT_NAME, setHidden, WRITTEN, WRITTEN_ATTRS, type NodeNames } from "./qnames.js";
import { ATTR_PREFIX, TEXT_KEY, type FormNode, type FormTable } from "./table.js";
import { applyWs, fromLexical } from "./values.js";

const BLANK = /^[ \t\r\n]*$/;
const UNSAFE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/** Typing is done while the object form is built (./objectForm), where each element's declaration is known by its resolved name. */
function parserFor(withPositions: boolean): XMLParser {
  return new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: ATTR_PREFIX,
    textNodeName: TEXT_KEY,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: true,
    captureMetaData: withPositions,
  });
}

/** One text segment of an element of kind `info`, typed as the schema says ("" drops it: whitespace between children). */
function typedSegment(info: FormNode | undefined, value: string): unknown {
  if (info === undefined || value === "") return value;
  if (info.text === undefined && BLANK.test(value)) return "";
  if (info.shape === "value" || (info.shape === "object" && !info.mixed)) return fromLexical(info.text, applyWs(info.textWs, value));
  return value;
}

function typedAttribute(info: FormNode | undefined, name: string, value: unknown): unknown {
  return typeof value === "string" ? fromLexical(info?.attrs?.[name], applyWs(info?.attrWs?.[name], value)) : value;
}

type Json = unknown;
/** fast-xml-parser's ordered form: one single-key object per child ({name: children} or {"#text": v}), attributes under ":@". */
type OrderedItem = Record<string, Json>;

/** The element name of an ordered item (its first key other than ":@"). */
function itemName(item: OrderedItem): string | undefined {
  for (const k of Object.keys(item)) if (k !== ":@") return k;
  return undefined;
}

/** An unbound prefix: thrown with the source offset when fast-xml-parser recorded one. */
class UnboundPrefix extends Error {
  constructor(
    readonly prefix: string,
    readonly what: string,
    /** The element's start tag offset, when recorded. */
    readonly offset: number | undefined,
    /** The attribute's name, for an attribute (its position is found in the start tag). */
    readonly attribute?: string,
  ) {
    super(`namespace prefix ${prefix} of ${what} is not declared`);
  }
}

/** Prefix → namespace URI in scope ("" = the default namespace; "" as a URI undeclares it). */
type Scope = ReadonlyMap<string, string>;
const NO_SCOPE: Scope = new Map([["xml", "http://www.w3.org/XML/1998/namespace"]]);

/** One element being converted: its ordered children, the object being filled, its text and child order. */
interface Pending {
  items: OrderedItem[];
  i: number;
  node: number | undefined;
  obj: Record<string, Json>;
  text: Json;
  order: string[];
  /** Namespaced tables: names as written, parallel to `order` (null until one differs from its key). */
  written: string[] | null;
  scope: Scope;
  /** Text here is not content (element-only, or unknown): non-white segments are recorded in the order. */
  recordText: boolean;
  attrs: Record<string, Json> | undefined;
  /** Puts the finished value into its parent. */
  done: (value: Json) => void;
}

function offsetOf(item: OrderedItem): number | undefined {
  const m = (item as { [k: symbol]: unknown })[META] as { startIndex?: number } | undefined;
  return m?.startIndex;
}

/** The in-scope declarations after an element's xmlns attributes; they are taken out of `attrs` (not data). */
function declare(scope: Scope, attrs: Record<string, Json> | undefined): Scope {
  if (attrs === undefined) return scope;
  let next: Map<string, string> | undefined;
  for (const k of Object.keys(attrs)) {
    const name = k.slice(ATTR_PREFIX.length);
    if (name !== "xmlns" && !name.startsWith("xmlns:")) continue;
    next ??= new Map(scope);
    next.set(name === "xmlns" ? "" : name.slice(6), String(attrs[k]));
    delete attrs[k];
  }
  return next ?? scope;
}

/** {uri, local} of a qualified name in `scope` (elements take the default namespace, attributes do not). */
function resolveName(scope: Scope, qname: string, element: boolean, item: OrderedItem): { uri: string | null; local: string } {
  const colon = qname.indexOf(":");
  if (colon < 0) {
    const d = element ? scope.get("") : undefined;
    return { uri: d === undefined || d === "" ? null : d, local: qname };
  }
  const prefix = qname.slice(0, colon);
  const uri = scope.get(prefix);
  if (uri === undefined || uri === "") throw new UnboundPrefix(prefix, element ? `element <${qname}>` : `attribute ${qname}`, offsetOf(item), element ? undefined : qname);
  return { uri, local: qname.slice(colon + 1) };
}

/** The attributes of an element, keyed and typed for its declaration (`names`: namespaced tables). */
function attributesOf(info: FormNode | undefined, raw: Record<string, Json> | undefined, scope: Scope | null, names: NodeNames | undefined, item: OrderedItem): Record<string, Json> | undefined {
  if (raw === undefined) return undefined;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (scope === null) {
      out[k] = typedAttribute(info, k.slice(ATTR_PREFIX.length), v);
      continue;
    }
    const { uri, local } = resolveName(scope, k.slice(ATTR_PREFIX.length), false, item);
    const key = attributeKey(names, uri, local);
    out[key] = typedAttribute(info, key.slice(ATTR_PREFIX.length), v);
    // The name as written, for diagnostics worded as the engine's (non-enumerable: not data).
    if (key !== k) {
      const written = (out as { [WRITTEN_ATTRS]?: Record<string, string> })[WRITTEN_ATTRS] ?? {};
      written[key] = k.slice(ATTR_PREFIX.length);
      setHidden(out, WRITTEN_ATTRS, written);
    }
  }
  return Object.keys(out).length === 0 && scope !== null ? undefined : out;
}

/**
 * fast-xml-parser's conversion to the grouped object form (its node2json `compress`), iterative, with
 * the schema deciding arrays, shapes and value types: "" → {} and a bare value → {"#text": v} for
 * elements that have attributes or children (so shapes depend on the schema only), and each element
 * object gets its child order. Namespaced tables: names are resolved and keyed by the schema's names.
 */
function objectForm(table: FormTable, top: OrderedItem[]): Record<string, Json> {
  const namespaced = table.namespaces !== undefined;
  const result: Record<string, Json> = {};
  const stack: Pending[] = [];
  const put = (p: Pending, name: string, value: Json): void => {
    const prior = p.obj[name];
    if (prior !== undefined && Object.prototype.hasOwnProperty.call(p.obj, name)) {
      if (Array.isArray(prior)) prior.push(value);
      else p.obj[name] = [prior, value];
      return;
    }
    const array = p.node === undefined ? false : (table.nodes[p.node].children?.[name]?.[1] ?? false);
    p.obj[name] = array ? [value] : value;
  };
  // The document level: its children are the root (and nothing else, ignored PIs aside).
  stack.push({ items: top, i: 0, node: undefined, obj: result, text: undefined, order: [], written: null, scope: NO_SCOPE, recordText: false, attrs: undefined, done: () => undefined });
  const docLevel = stack[0];
  while (stack.length > 0) {
    const p = stack[stack.length - 1];
    if (p.i < p.items.length) {
      const item = p.items[p.i++];
      const written = itemName(item);
      if (written === undefined) continue;
      const info = p.node === undefined ? undefined : table.nodes[p.node];
      if (written === TEXT_KEY) {
        const t = typeof item[TEXT_KEY] === "string" ? typedSegment(info, item[TEXT_KEY] as string) : item[TEXT_KEY];
        if (t === "") continue;
        p.text = p.text === undefined ? t : `${String(p.text)}${String(t)}`;
        if (p.recordText && typeof t === "string" && !BLANK.test(t)) {
          p.order.push("#" + t);
          p.written?.push("");
        }
        continue;
      }
      const rawAttrs = item[":@"] as Record<string, Json> | undefined;
      let name = written;
      let scope = p.scope;
      let node: number | undefined;
      if (namespaced) {
        scope = declare(p.scope, rawAttrs);
        const { uri, local } = resolveName(scope, written, true, item);
        name = p === docLevel ? clark(uri, local) : childKey(p.node === undefined ? undefined : nodeNames(table, p.node), uri, local);
        // fast-xml-parser refuses these names unprefixed; a prefix must not bring them back as keys.
        if (UNSAFE_KEYS.has(name)) throw new Error(`[SECURITY] Invalid name: "${written}" would be the key "${name}", which could cause prototype pollution`);
        node = p === docLevel ? table.globals[name] : info?.children?.[name]?.[0];
      } else node = p === docLevel ? table.globals[name] : info?.children?.[name]?.[0];
      if (p !== docLevel) {
        if (namespaced && p.written === null && name !== written) p.written = p.order.map((e) => (e.startsWith("#") ? "" : e));
        p.order.push(name);
        p.written?.push(written);
      }
      const childInfo = node === undefined ? undefined : table.nodes[node];
      const attrs = attributesOf(childInfo, rawAttrs, namespaced ? scope : null, namespaced && node !== undefined ? nodeNames(table, node) : undefined, item);
      const done = p === docLevel && namespaced && written !== name ? (v: Json) => put(p, name, withRootName(v, written)) : (v: Json) => put(p, name, v);
      stack.push({ items: (item[written] as OrderedItem[] | undefined) ?? [], i: 0, node, obj: {}, text: undefined, order: [], written: null, scope, recordText: childInfo === undefined || childInfo.text === undefined, attrs, done });
      continue;
    }
    stack.pop();
    if (p === docLevel) break;
    p.done(finish(table, p));
  }
  return result;
}

/** The root as written, when it is not its local name (a prefix): for paths worded as `qxml validate` words them. */
function withRootName(v: Json, written: string): Json {
  if (typeof v === "object" && v !== null && written.includes(":")) setHidden(v, ROOT_NAME, written);
  return v;
}

/** The finished value of one element, as fast-xml-parser shapes it, normalised by the schema. */
function finish(table: FormTable, p: Pending): Json {
  const obj = p.obj;
  if (typeof p.text === "string") {
    if (p.text.length > 0) obj[TEXT_KEY] = p.text;
  } else if (p.text !== undefined) obj[TEXT_KEY] = p.text;
  if (p.attrs !== undefined) {
    for (const [k, v] of Object.entries(p.attrs)) obj[k] = v;
    const written = (p.attrs as { [WRITTEN_ATTRS]?: unknown })[WRITTEN_ATTRS];
    if (written !== undefined) setHidden(obj, WRITTEN_ATTRS, written);
  }
  const objectShaped = p.node !== undefined && table.nodes[p.node].shape === "object";
  if (!objectShaped && p.attrs === undefined) {
    const keys = Object.keys(obj);
    if (keys.length === 1 && obj[TEXT_KEY] !== undefined) return obj[TEXT_KEY];
    if (keys.length === 0) return "";
  }
  setOrder(obj, p.order);
  if (p.written !== null) setHidden(obj, WRITTEN, p.written);
  return obj;
}

/** The document could not be parsed: not well-formed, refused (external entity, too deep), an unbound prefix, or the wrong root. */
export class ParseError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
    /** The engine's code where `qxml validate` has one for the same problem (xml/unbound-prefix). */
    readonly code?: string,
  ) {
    super(line === undefined ? message : `${line}:${column ?? 0}: ${message}`);
    this.name = "ParseError";
  }
}

function parseError(err: unknown): ParseError {
  const message = err instanceof Error ? err.message : String(err);
  // fast-xml-parser's validator appends ":line:column" to its messages.
  const m = /^(.*?)\.?:(\d+):(\d+|undefined)$/s.exec(message);
  if (m === null) return new ParseError(message);
  return new ParseError(m[1], Number(m[2]), m[3] === "undefined" ? undefined : Number(m[3]));
}

/** Line and column (1-based) of a source offset. */
function position(xml: string, offset: number): [number, number] {
  let line = 1;
  let start = 0;
  for (let i = xml.indexOf("\n"); i >= 0 && i < offset; i = xml.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return [line, offset - start + 1];
}

function build(table: FormTable, xml: string, withPositions: boolean): Record<string, unknown> {
  try {
    return objectForm(table, parserFor(withPositions).parse(xml, true) as OrderedItem[]);
  } catch (err) {
    if (!(err instanceof UnboundPrefix)) throw parseError(err);
    // Positions cost a second pass: taken only to report this error where it is.
    if (err.offset === undefined && !withPositions) return build(table, xml, true);
    const [line, column] = err.offset === undefined ? [undefined, undefined] : position(xml, attributeOffset(xml, err.offset, err.attribute));
    throw new ParseError(err.message, line, column, "xml/unbound-prefix");
  }
}

/** Where attribute `name` starts in the start tag at `offset` (the tag itself when not found): the engine reports the attribute's position. */
function attributeOffset(xml: string, offset: number, name: string | undefined): number {
  if (name === undefined) return offset;
  const end = xml.indexOf(">", offset);
  const tag = xml.slice(offset, end < 0 ? undefined : end);
  const at = new RegExp(`\\s${name.replace(/[.]/g, "\\.")}\\s*=`).exec(tag);
  return at === null ? offset : offset + at.index + 1;
}

/** A root key as a message names it: <local>, or <local> in namespace uri. */
function describeRoot(key: string): string {
  const m = /^\{([^}]*)\}(.*)$/s.exec(key);
  return m === null ? `<${key}>` : m[1] === "" ? `<${m[2]}> in no namespace` : `<${m[2]}> in namespace ${m[1]}`;
}

/** Parses `xml`, whose root must be `rootKey` (its name, or `{uri}local` in a namespaced table), into its object form. */
export function parseWithTable(table: FormTable, rootKey: string, xml: string): unknown {
  const root = table.globals[rootKey];
  if (root === undefined) throw new ParseError(`no global element ${rootKey} in the schema`);
  const result = build(table, xml, false);
  const names = Object.keys(result).filter((k) => !k.startsWith("?") && !k.startsWith("!"));
  if (names.length !== 1 || names[0] !== rootKey) throw new ParseError(`expected root element ${describeRoot(rootKey)}; found ${names.map(describeRoot).join(", ") || "none"}`);
  return result[rootKey];
}
