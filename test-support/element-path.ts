/** Comparing element paths as qxml ("/A/B[2]/C", [1] optional) and libxml2 (xmlGetNodePath) write them. */

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
