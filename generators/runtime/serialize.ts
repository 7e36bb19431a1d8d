/**
 * serialize: the object form back to XML, children in schema order (the object form does not keep
 * document order), attributes first, typed values in their XSD lexical form.
 */
import { XMLBuilder } from "fast-xml-parser";
import { ATTR_PREFIX, TEXT_KEY, type FormTable } from "./table.js";
import { childName, clarkParts, XML_NS, XSI_NS } from "./qnames.js";
import { toLexical } from "./values.js";

export interface SerializeOptions {
  /** Emit a DOCTYPE naming this system identifier. */
  doctypeSystemId?: string;
  /** Indent the output (fast-xml-parser's formatter; it adds whitespace around mixed content). */
  pretty?: boolean;
}

type Json = unknown;

/**
 * The names serialize writes for a namespaced table (docs/codegen.md "Namespaces"): the target
 * namespace is the default namespace when every element the schema declares is qualified (none
 * in no namespace), so its elements are written without a prefix; every other namespace, and a
 * qualified attribute's, gets a prefix `ns1`, `ns2`, ... in the order first written (the xsi and
 * xml prefixes are kept). The declarations go on the root.
 */
class Names {
  readonly defaultNs: string | null;
  private readonly prefixes = new Map<string, string>([[XML_NS, "xml"]]);
  private readonly declared: [string, string][] = [];
  constructor(readonly table: FormTable) {
    const target = table.namespaces?.target ?? null;
    this.defaultNs = target !== null && !this.hasUnqualified() ? target : null;
  }

  private hasUnqualified(): boolean {
    if (Object.keys(this.table.globals).some((k) => !k.startsWith("{"))) return true;
    return this.table.nodes.some((n) => Object.values(n.children ?? {}).some((e) => e.length < 3 || e[2] === null));
  }

  private prefix(uri: string): string {
    let p = this.prefixes.get(uri);
    if (p === undefined) {
      p = uri === XSI_NS ? "xsi" : `ns${this.declared.filter(([q]) => q !== "xsi").length + 1}`;
      this.prefixes.set(uri, p);
      this.declared.push([p, uri]);
    }
    return p;
  }

  /**
   * The written name of child key `key` of node `node`, under default namespace `inScope`; `undeclare`:
   * it needs xmlns="" (no namespace under a default one). A local name `taken` by a sibling in no namespace is prefixed.
   */
  element(node: number | undefined, key: string, inScope: string | null = this.defaultNs, taken?: ReadonlySet<string>): { name: string; undeclare: boolean } {
    const { uri, local } = childName(this.table, node, key);
    if (uri === null) return { name: local, undeclare: inScope !== null };
    const plain = uri === inScope && taken?.has(local) !== true;
    return { name: plain ? local : `${this.prefix(uri)}:${local}`, undeclare: false };
  }

  /** The written name (with "@_") of attribute key `key` of node `node`. */
  attribute(node: number | undefined, key: string): string {
    const name = key.slice(ATTR_PREFIX.length);
    const ns = node === undefined ? undefined : this.table.nodes[node].attrNs?.[name];
    const { uri, local } = ns !== undefined ? { uri: ns[0], local: ns[1] } : (clarkParts(name) ?? { uri: null, local: name });
    if (uri === null) {
      if (local.startsWith("xsi:")) this.prefix(XSI_NS);
      return ATTR_PREFIX + local;
    }
    return `${ATTR_PREFIX}${this.prefix(uri)}:${local}`;
  }

  /** The root's declarations, as attributes. */
  declarations(): Record<string, string> {
    const out: Record<string, string> = {};
    if (this.defaultNs !== null) out[`${ATTR_PREFIX}xmlns`] = this.defaultNs;
    for (const [p, uri] of this.declared) out[`${ATTR_PREFIX}xmlns:${p}`] = uri;
    return out;
  }
}

/** One element being converted: its declaration, its value, the output object, and the default namespace in effect on it. */
type Pending = [node: number | undefined, value: Json, out: Record<string, Json>, defaultNs: string | null];

/** A copy of `value` with keys in schema order and every leaf a string. Iterative: no recursion on depth. */
function ordered(table: FormTable, root: number, value: Json, names?: Names): Json {
  const convert = (node: number | undefined, v: Json, defaultNs: string | null, put: (x: Json) => void): Pending[] => {
    if (v === null || typeof v !== "object") {
      put(v === undefined ? "" : toLexical(v));
      return [];
    }
    const out: Record<string, Json> = {};
    put(out);
    return [[node, v, out, defaultNs]];
  };
  let result: Json;
  const stack = convert(root, value, names?.defaultNs ?? null, (x) => (result = x));
  while (stack.length > 0) {
    const [node, v, out, defaultNs] = stack.pop()!;
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
    // `{u}a` unprefixed under default namespace u and `a` in no namespace would be one property: the one in u gets a prefix.
    const taken = new Set<string>();
    if (names !== undefined) for (const k of order) if (!k.startsWith(ATTR_PREFIX) && k !== TEXT_KEY && childName(table, node, k).uri === null) taken.add(childName(table, node, k).local);
    for (const k of order) {
      const x = src[k];
      if (x === undefined) continue;
      const child = info?.children?.[k]?.[0];
      if (k === TEXT_KEY) out[k] = toLexical(x);
      else if (k.startsWith(ATTR_PREFIX)) out[names === undefined ? k : names.attribute(node, k)] = toLexical(x);
      else {
        const written = names === undefined ? { name: k, undeclare: false } : names.element(node, k, defaultNs, taken);
        // An element in no namespace under a default namespace: xmlns="" on it (a bare value becomes {#text}); its subtree then has none.
        const inner = written.undeclare ? null : defaultNs;
        const put = (y: Json, store: (z: Json) => void): void => store(written.undeclare ? withAttribute(y, `${ATTR_PREFIX}xmlns`, "") : y);
        if (Array.isArray(x)) {
          const arr: Json[] = [];
          out[written.name] = arr;
          for (const item of x) stack.push(...convert(child, item, inner, (y) => put(y, (z) => arr.push(z))));
        } else stack.push(...convert(child, x, inner, (y) => put(y, (z) => (out[written.name] = z))));
      }
    }
  }
  return result;
}

/** `y` with one more attribute (an object is filled in later by `ordered`, so the attribute is added to it now and kept first). */
function withAttribute(y: Json, key: string, value: string): Json {
  if (typeof y === "object" && y !== null) {
    (y as Record<string, Json>)[key] = value;
    return y;
  }
  return y === "" ? { [key]: value } : { [key]: value, [TEXT_KEY]: y };
}

export function serializeWithTable(table: FormTable, rootKey: string, value: unknown, options: SerializeOptions = {}): string {
  const root = table.globals[rootKey];
  if (root === undefined) throw new Error(`no global element ${rootKey} in the schema`);
  const names = table.namespaces === undefined ? undefined : new Names(table);
  let rootName = rootKey;
  let body: Json = ordered(table, root, value, names);
  if (names !== undefined) {
    rootName = names.element(undefined, rootKey).name;
    const decls = names.declarations();
    if (Object.keys(decls).length > 0) {
      const rest = typeof body === "object" && body !== null ? (body as Record<string, Json>) : body === "" ? {} : { [TEXT_KEY]: body };
      body = { ...decls, ...rest };
    }
  }
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
  const text = builder.build({ [rootName]: body }) as string;
  return head + doctype + text + (text.endsWith("\n") ? "" : "\n");
}
