/**
 * parse: XML text to the object form with fast-xml-parser, configured from a generated FormTable:
 * arrays are decided by the schema (isArray by path), numbers and booleans by the schema's types,
 * CDATA kept as text, whitespace between children of element-only content dropped.
 */
import { XMLParser } from "fast-xml-parser";
import { ATTR_PREFIX, isArrayChild, resolvePath, TEXT_KEY, type FormTable } from "./table.js";
import { applyWs, fromLexical } from "./values.js";

const BLANK = /^[ \t\r\n]*$/;

function parserFor(table: FormTable): XMLParser {
  const cache = new Map<string, number | undefined>();
  const nodeAt = (jPath: unknown): number | undefined => (typeof jPath === "string" ? resolvePath(table, jPath, cache) : undefined);
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: ATTR_PREFIX,
    textNodeName: TEXT_KEY,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: true,
    isArray: (name: string, jPath: unknown, _leaf: boolean, isAttribute: boolean) => {
      if (isAttribute || typeof jPath !== "string") return false;
      const dot = jPath.lastIndexOf(".");
      return dot >= 0 && isArrayChild(table, jPath.slice(0, dot), name, cache);
    },
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

/** Makes shapes depend on the schema only: "" → {} and a bare value → {"#text": value} for object-shaped elements. */
function normalise(table: FormTable, root: number, value: Json): Json {
  const fix = (node: number, v: Json): Json => {
    if (table.nodes[node].shape !== "object") return v;
    if (v === "") return {};
    if (v === null || typeof v !== "object") return { [TEXT_KEY]: v };
    return v;
  };
  const top = fix(root, value);
  // Iterative walk: documents may nest deeply.
  const stack: [number, Json][] = [[root, top]];
  while (stack.length > 0) {
    const [node, v] = stack.pop()!;
    const children = table.nodes[node].children;
    if (children === undefined || v === null || typeof v !== "object" || Array.isArray(v)) continue;
    const obj = v as Record<string, Json>;
    for (const [name, [child]] of Object.entries(children)) {
      const c = obj[name];
      if (c === undefined) continue;
      if (Array.isArray(c)) {
        for (let i = 0; i < c.length; i++) {
          c[i] = fix(child, c[i]);
          stack.push([child, c[i]]);
        }
      } else {
        obj[name] = fix(child, c);
        stack.push([child, obj[name]]);
      }
    }
  }
  return top;
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
    result = parserFor(table).parse(xml, true) as Record<string, unknown>;
  } catch (err) {
    throw parseError(err);
  }
  const names = Object.keys(result).filter((k) => !k.startsWith("?") && !k.startsWith("!"));
  if (names.length !== 1 || names[0] !== rootName) throw new ParseError(`expected root element <${rootName}>; found ${names.map((n) => `<${n}>`).join(", ") || "none"}`);
  return normalise(table, root, result[rootName]);
}
