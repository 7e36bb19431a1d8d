/** Comparing element paths as qxml ("/A/B[2]/C", [1] optional) and libxml2 (xmlGetNodePath) write them. */
import { isElement, type XmlElement } from "../src/xml/tree.js";

/** "/A/B[1]/C" and "/A/B/C" are the same element: [1] is optional where a name is single. */
export function normalizePath(p: string): string {
  return p.replace(/\[1\]/g, "");
}

/** qxml's path is libxml2's element or inside it; null when libxml2 gave no path. */
export function inside(qxmlPath: string | undefined, libxml2Path: string | undefined): boolean | null {
  if (libxml2Path === undefined) return null;
  if (qxmlPath === undefined) return false;
  const q = normalizePath(qxmlPath);
  const l = normalizePath(libxml2Path);
  return q === l || q.startsWith(l + "/");
}

/**
 * libxml2's path (xmlGetNodePath) rewritten the way qxml writes paths, by walking the document:
 * libxml2 writes an element in a default namespace as "*[n]" (the n-th element child) and counts
 * same-named siblings by qualified name; qxml writes the name as written, with [k] among
 * same-named siblings. Undefined when the path does not lead to an element of `root` (libxml2's
 * DTD checks during parsing name a node not yet linked into the tree: "/ID" for a deep <ID>).
 */
export function libxml2PathInTree(libxml2Path: string, root: XmlElement): string | undefined {
  const steps = libxml2Path.split("/").slice(1);
  let el: XmlElement | undefined;
  let out = "";
  for (const step of steps) {
    const m = /^([^[\]]+)(?:\[(\d+)\])?$/.exec(step);
    if (m === null) return undefined;
    const [, name, nth] = m;
    const n = nth === undefined ? 1 : Number(nth);
    const candidates = el === undefined ? [root] : el.children.filter(isElement);
    // libxml2 counts "*" over all element siblings, a name over siblings of that name and namespace.
    const matching = name === "*" ? candidates : candidates.filter((c) => c.name === name && (name.includes(":") || c.uri === null));
    el = matching[n - 1];
    if (el === undefined) return undefined;
    const same = candidates.filter((c) => c.name === el!.name);
    out += same.length > 1 ? `/${el.name}[${same.indexOf(el) + 1}]` : `/${el.name}`;
  }
  return el === undefined ? undefined : out;
}
