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
import { ATTR_PREFIX, resolvePath, TEXT_KEY, type FormTable } from "./table.js";
import { applyWs, fromLexical } from "./values.js";

const BLANK = /^[ \t\r\n]*$/;

function parserFor(table: FormTable): XMLParser {
  const cache = new Map<string, number | undefined>();
  const nodeAt = (jPath: unknown): number | undefined => (typeof jPath === "string" ? resolvePath(table, jPath, cache) : undefined);
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
    tagValueProcessor: (_tag: string, value: string, jPath: unknown) => {
      const id = nodeAt(jPath);
      const node = id === undefined ? undefined : table.nodes[id];
      if (node === undefined) return value;
      // Whitespace between the children of element-only content is not data.
      if (node.text === undefined && BLANK.test(value)) return "";
      if (node.shape === "value" || (node.shape === "object" && !node.mixed)) return fromLexical(node.text, applyWs(node.textWs, value));
      return value;
    },
    attributeValueProcessor: (name: string, value: string, jPath: unknown) => {
      const id = nodeAt(jPath);
      const node = id === undefined ? undefined : table.nodes[id];
      return fromLexical(node?.attrs?.[name], applyWs(node?.attrWs?.[name], value));
    },
  });
}

type Json = unknown;
/** fast-xml-parser's ordered form: one single-key object per child ({name: children} or {"#text": v}), attributes under ":@". */
type OrderedItem = Record<string, Json>;

/** The element name of an ordered item (its first key other than ":@"). */
function itemName(item: OrderedItem): string | undefined {
  for (const k of Object.keys(item)) if (k !== ":@") return k;
  return undefined;
}

/** One element being converted: its ordered children, the object being filled, its text and child order. */
interface Pending {
  items: OrderedItem[];
  i: number;
  node: number | undefined;
  obj: Record<string, Json>;
  text: Json;
  order: string[];
  /** Text here is not content (element-only, or unknown): non-white segments are recorded in the order. */
  recordText: boolean;
  attrs: Record<string, Json> | undefined;
  /** Puts the finished value into its parent. */
  done: (value: Json) => void;
}

/**
 * fast-xml-parser's conversion to the grouped object form (its node2json `compress`), iterative, with
 * the schema deciding arrays and shapes: "" → {} and a bare value → {"#text": v} for elements that
 * have attributes or children (so shapes depend on the schema only), and each element object gets
 * its child order.
 */
function objectForm(table: FormTable, top: OrderedItem[]): Record<string, Json> {
  const result: Record<string, Json> = {};
  const stack: Pending[] = [];
  const open = (items: OrderedItem[], node: number | undefined, attrs: Record<string, Json> | undefined, done: (v: Json) => void): void => {
    const info = node === undefined ? undefined : table.nodes[node];
    stack.push({ items, i: 0, node, obj: {}, text: undefined, order: [], recordText: info === undefined || info.text === undefined, attrs, done });
  };
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
  stack.push({ items: top, i: 0, node: undefined, obj: result, text: undefined, order: [], recordText: false, attrs: undefined, done: () => undefined });
  const docLevel = stack[0];
  while (stack.length > 0) {
    const p = stack[stack.length - 1];
    if (p.i < p.items.length) {
      const item = p.items[p.i++];
      const name = itemName(item);
      if (name === undefined) continue;
      if (name === TEXT_KEY) {
        const t = item[TEXT_KEY];
        p.text = p.text === undefined ? t : `${String(p.text)}${String(t)}`;
        if (p.recordText && typeof t === "string" && !BLANK.test(t)) p.order.push("#" + t);
        continue;
      }
      if (p !== docLevel) p.order.push(name);
      const node = p === docLevel ? table.globals[name] : p.node === undefined ? undefined : table.nodes[p.node].children?.[name]?.[0];
      const attrs = item[":@"] as Record<string, Json> | undefined;
      open((item[name] as OrderedItem[] | undefined) ?? [], node, attrs, (v) => put(p, name, v));
      continue;
    }
    stack.pop();
    if (p === docLevel) break;
    p.done(finish(table, p));
  }
  return result;
}

/** The finished value of one element, as fast-xml-parser shapes it, normalised by the schema. */
function finish(table: FormTable, p: Pending): Json {
  const obj = p.obj;
  if (typeof p.text === "string") {
    if (p.text.length > 0) obj[TEXT_KEY] = p.text;
  } else if (p.text !== undefined) obj[TEXT_KEY] = p.text;
  if (p.attrs !== undefined) for (const [k, v] of Object.entries(p.attrs)) obj[k] = v;
  const objectShaped = p.node !== undefined && table.nodes[p.node].shape === "object";
  if (!objectShaped && p.attrs === undefined) {
    const keys = Object.keys(obj);
    if (keys.length === 1 && obj[TEXT_KEY] !== undefined) return obj[TEXT_KEY];
    if (keys.length === 0) return "";
  }
  setOrder(obj, p.order);
  return obj;
}

/** The document could not be parsed: not well-formed, refused (external entity, too deep) or the wrong root. */
export class ParseError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
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

/** Parses `xml`, whose root must be `rootName`, into its object form. */
export function parseWithTable(table: FormTable, rootName: string, xml: string): unknown {
  const root = table.globals[rootName];
  if (root === undefined) throw new ParseError(`no global element ${rootName} in the schema`);
  let result: Record<string, unknown>;
  try {
    result = objectForm(table, parserFor(table).parse(xml, true) as OrderedItem[]);
  } catch (err) {
    throw parseError(err);
  }
  const names = Object.keys(result).filter((k) => !k.startsWith("?") && !k.startsWith("!"));
  if (names.length !== 1 || names[0] !== rootName) throw new ParseError(`expected root element <${rootName}>; found ${names.map((n) => `<${n}>`).join(", ") || "none"}`);
  return result[rootName];
}
