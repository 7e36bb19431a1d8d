/**
 * Load: the root schema document and everything it includes or imports, as XSD syntax. Files
 * are found through an EntityResolver relative to the including document — never the network.
 * Each (file, chameleon namespace) pair is read once, so include cycles terminate.
 */
import { dirname, relative } from "node:path";
import { XmlTreeError, parseTree } from "../../xml/tree.js";
import { isRefusal, type EntityResolver } from "../../xml/resolve.js";
import { XSD_NS, type SourceLocation } from "../model.js";
import { decodeXml } from "./decode.js";
import { readSchema } from "./read.js";
import { treeDepth } from "./read-support.js";
import type { Reporter } from "./report.js";
import type { XInclude, XSchema } from "./syntax.js";

/** Schema documents nest far less than this; deeper input is refused before any recursive pass. */
export const MAX_SCHEMA_DEPTH = 256;

/** Parses and reads one document; null (with a diagnostic) when it is not a readable schema. */
export function readDocument(text: string, file: string, reporter: Reporter, chameleonNamespace: string | null): XSchema | null {
  let root;
  try {
    root = parseTree(text, file);
  } catch (e) {
    if (e instanceof XmlTreeError) {
      const prefix = `${e.file}:${e.line}:${e.column}: `;
      const reason = e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
      reporter.report("xsd/not-well-formed", { reason }, { file, line: e.line, column: e.column });
      return null;
    }
    throw e;
  }
  const at: SourceLocation = { file, line: root.line, column: root.column };
  const depth = treeDepth(root);
  if (depth > MAX_SCHEMA_DEPTH) {
    reporter.report("xsd/too-deep", { depth, limit: MAX_SCHEMA_DEPTH }, at);
    return null;
  }
  if (root.uri !== XSD_NS || root.local !== "schema") {
    const d = reporter.report("xsd/not-a-schema", { found: root.name }, at);
    // <xs:schema> bound to a wrong URI (or to none): "found <xs:schema>, expected xs:schema" would not say what is wrong.
    if (root.local === "schema") {
      const colon = root.name.indexOf(":");
      const xmlns = colon < 0 ? "xmlns" : `xmlns:${root.name.slice(0, colon)}`;
      d.params = { ...d.params, namespace: root.uri ?? "" };
      d.message = `the root element <${root.name}> is ${root.uri === null || root.uri === "" ? "in no namespace" : `in namespace "${root.uri}"`}; expected xs:schema in namespace ${XSD_NS}`;
      d.hint = `declare ${xmlns}="${XSD_NS}" on <${root.name}> (the namespace URI must be exactly this)`;
    }
    return null;
  }
  return readSchema(root, file, reporter, chameleonNamespace);
}

function describeNs(ns: string | null): string {
  return ns === null ? "no namespace" : `"${ns}"`;
}

/** An xs:redefine and the document it loaded (the one whose components it replaces). */
export interface LoadedRedefine {
  directive: XInclude;
  /** The redefining document (the one holding the xs:redefine). */
  from: XSchema;
  target: XSchema;
  /**
   * Where the components to redefine are looked for: the target, then what it includes or
   * redefines, breadth first (§4.2.2: the redefined schema is the target with its includes; so
   * libxml2's xmlSchemaFindRedefCompInGraph). The redefining document is left out.
   */
  scope: XSchema[];
}

export interface SchemaSet {
  /** Every document read, root first. */
  docs: XSchema[];
  /** In load order (an outer redefine before the ones its target makes). */
  redefines: LoadedRedefine[];
}

/**
 * Follows xs:include, xs:redefine and xs:import from `root`, breadth first. A document already
 * read is not read again; a redefine of it still names it as its target.
 */
export function loadSchemaSet(root: XSchema, resolver: EntityResolver, reporter: Reporter): SchemaSet {
  const docs: XSchema[] = [root];
  const redefines: LoadedRedefine[] = [];
  const seen = new Map<string, XSchema | null>([[`${root.file}|${root.targetNamespace ?? ""}`, root]]);
  const imported = new Map<string, string>();
  /** The documents each one includes or redefines (its own namespace). */
  const included = new Map<XSchema, XSchema[]>();
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i];
    for (const d of doc.directives) {
      const next = loadDirective(doc, d, resolver, reporter, seen, imported);
      if (next === null) continue;
      if (next.isNew) docs.push(next.doc);
      if (d.directive !== "import") included.set(doc, [...(included.get(doc) ?? []), next.doc]);
      if (d.directive === "redefine") redefines.push({ directive: d, from: doc, target: next.doc, scope: [] });
    }
  }
  for (const r of redefines) r.scope = includeClosure(r.target, included, r.from);
  return { docs, redefines };
}

/** `start` and the documents it includes or redefines, directly or not, breadth first, without `except`. */
function includeClosure(start: XSchema, included: ReadonlyMap<XSchema, XSchema[]>, except: XSchema): XSchema[] {
  const out = [start];
  const seen = new Set([start, except]);
  for (let i = 0; i < out.length; i++) {
    for (const next of included.get(out[i]) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      out.push(next);
    }
  }
  return out;
}

function loadDirective(
  doc: XSchema,
  d: XInclude,
  resolver: EntityResolver,
  reporter: Reporter,
  /** Documents by (file, namespace); null when reading it failed (reported once). */
  seen: Map<string, XSchema | null>,
  /** The file each namespace was first imported from. */
  imported: Map<string, string>,
): { doc: XSchema; isNew: boolean } | null {
  if (d.schemaLocation === undefined) return null; // import of a namespace without a location: nothing to read
  const res = resolver(d.schemaLocation, undefined, doc.file);
  // One document per imported namespace, as libxml2 and Xerces read them (XSD 1.0 §4.3.2 leaves
  // the use of location hints to the processor): a later import of the namespace from another
  // file is skipped, so its components are not there, as they are not for those two.
  const first = d.directive === "import" ? imported.get(d.namespace ?? "") : undefined;
  if (first !== undefined && !isRefusal(res) && first !== res.file) {
    reporter.report("xsd/import-skipped", { location: d.schemaLocation, namespace: describeNs(d.namespace ?? null), first: relative(dirname(doc.file), first) }, d.loc);
    return null;
  }
  if (isRefusal(res)) {
    const diagnostic = reporter.report("xsd/load-failed", { directive: d.directive, location: d.schemaLocation, reason: res.error }, d.loc);
    // An import's schemaLocation is only a hint (XSD 1.0 §4.2.3): not reading it is no error by
    // itself; a reference into the namespace it names still is (xsd/unresolved-*, naming this file).
    if (d.directive === "import") diagnostic.severity = "warning";
    return null;
  }
  // xs:redefine includes its document exactly as xs:include does (XSD 1.0 §4.2.2).
  const including = d.directive !== "import";
  const chameleonNs = including ? doc.targetNamespace : null;
  const key = `${res.file}|${including ? (doc.targetNamespace ?? "") : (d.namespace ?? "")}`;
  const prior = seen.get(key);
  if (prior !== undefined) return prior === null ? null : { doc: prior, isNew: false };
  seen.set(key, null);
  const decoded = decodeXml(res.bytes);
  if ("error" in decoded) {
    reporter.report("xsd/load-failed", { directive: d.directive, location: d.schemaLocation, reason: decoded.error }, d.loc);
    return null;
  }
  const next = readDocument(decoded.text, res.file, reporter, chameleonNs);
  if (next === null) return null;
  if (including && next.declaredTargetNamespace !== null && next.declaredTargetNamespace !== doc.targetNamespace) {
    reporter.report(
      "xsd/namespace-mismatch",
      { directive: d.directive, location: d.schemaLocation, found: describeNs(next.declaredTargetNamespace), expected: describeNs(doc.targetNamespace) },
      d.loc,
    );
    return null;
  }
  if (d.directive === "import" && next.declaredTargetNamespace !== (d.namespace ?? null)) {
    reporter.report(
      "xsd/namespace-mismatch",
      { directive: "import", location: d.schemaLocation, found: describeNs(next.declaredTargetNamespace), expected: describeNs(d.namespace ?? null) },
      d.loc,
    );
    return null;
  }
  seen.set(key, next);
  if (d.directive === "import") imported.set(d.namespace ?? "", res.file);
  return { doc: next, isNew: true };
}
