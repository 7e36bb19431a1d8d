/**
 * serialize: the object form back to XML, children in schema order (the object form does not keep
 * document order), attributes first, typed values in their XSD lexical form.
 */
import { XMLBuilder } from "fast-xml-parser";
import { ATTR_PREFIX, TEXT_KEY, type FormTable } from "./table.js";
import { toLexical } from "./values.js";

export interface SerializeOptions {
  /** Emit a DOCTYPE naming this system identifier. */
  doctypeSystemId?: string;
  /** Indent the output (fast-xml-parser's formatter; it adds whitespace around mixed content). */
  pretty?: boolean;
}

type Json = unknown;

/** A copy of `value` with keys in schema order and every leaf a string. Iterative: no recursion on depth. */
function ordered(table: FormTable, root: number, value: Json): Json {
  const convert = (node: number | undefined, v: Json, put: (x: Json) => void): [number | undefined, Json, Record<string, Json>][] => {
    if (v === null || typeof v !== "object") {
      put(v === undefined ? "" : toLexical(v));
      return [];
    }
    const out: Record<string, Json> = {};
    put(out);
    return [[node, v, out]];
  };
  let result: Json;
  const stack = convert(root, value, (x) => (result = x));
  while (stack.length > 0) {
    const [node, v, out] = stack.pop()!;
    const src = v as Record<string, Json>;
    const info = node === undefined ? undefined : table.nodes[node];
    const keys = Object.keys(src);
    const attrNames = Object.keys(info?.attrs ?? {}).map((a) => ATTR_PREFIX + a);
    const childNames = Object.keys(info?.children ?? {});
    const known = new Set([...attrNames, TEXT_KEY, ...childNames]);
    const order = [
      ...attrNames.filter((k) => k in src),
      ...keys.filter((k) => k.startsWith(ATTR_PREFIX) && !known.has(k)),
      ...(TEXT_KEY in src ? [TEXT_KEY] : []),
      ...childNames.filter((k) => k in src),
      ...keys.filter((k) => !k.startsWith(ATTR_PREFIX) && !known.has(k)),
    ];
    for (const k of order) {
      const x = src[k];
      if (x === undefined) continue;
      const child = info?.children?.[k]?.[0];
      if (k.startsWith(ATTR_PREFIX) || k === TEXT_KEY) out[k] = toLexical(x);
      else if (Array.isArray(x)) {
        const arr: Json[] = [];
        out[k] = arr;
        for (const item of x) stack.push(...convert(child, item, (y) => arr.push(y)));
      } else stack.push(...convert(child, x, (y) => (out[k] = y)));
    }
  }
  return result;
}

export function serializeWithTable(table: FormTable, rootName: string, value: unknown, options: SerializeOptions = {}): string {
  const root = table.globals[rootName];
  if (root === undefined) throw new Error(`no global element ${rootName} in the schema`);
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: ATTR_PREFIX,
    textNodeName: TEXT_KEY,
    format: options.pretty === true,
    indentBy: "  ",
    suppressEmptyNode: true,
    suppressBooleanAttributes: false,
  });
  const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
  const id = options.doctypeSystemId;
  if (id !== undefined && id.includes('"')) throw new Error("a system identifier may not contain a double quote here");
  const doctype = id === undefined ? "" : `<!DOCTYPE ${rootName} SYSTEM "${id}">\n`;
  const body = builder.build({ [rootName]: ordered(table, root, value) }) as string;
  return head + doctype + body + (body.endsWith("\n") ? "" : "\n");
}
