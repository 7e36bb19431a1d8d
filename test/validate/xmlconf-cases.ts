/**
 * A minimal loader for the W3C XML conformance catalogue (xmlconf-flat.xml): the cases with
 * their absolute paths, type and the attributes that select the XML 1.0 fifth-edition set.
 * (The harness's test-support/xmlconf.ts supersedes this once it lands.)
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

export interface XmlconfCase {
  id: string;
  type: "valid" | "invalid" | "not-wf" | "error";
  path: string;
  entities: string;
  recommendation: string;
  edition?: string;
  namespace?: string;
  sections: string;
}

const TOKEN = /<TESTCASES\b([^>]*)>|<\/TESTCASES>|<TEST\b([^>]*)>/g;
const ATTR = /([\w:]+)="([^"]*)"/g;

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(ATTR)) out[m[1]] = m[2];
  return out;
}

export function loadXmlconf(catalogue: string): XmlconfCase[] {
  const text = readFileSync(catalogue, "utf8");
  const bases: string[] = [dirname(catalogue)];
  const out: XmlconfCase[] = [];
  for (const m of text.matchAll(TOKEN)) {
    if (m[1] !== undefined) {
      const a = attrs(m[1]);
      bases.push(a["xml:base"] !== undefined ? resolve(bases[bases.length - 1], a["xml:base"]) : bases[bases.length - 1]);
    } else if (m[2] !== undefined) {
      const a = attrs(m[2]);
      const c: XmlconfCase = {
        id: a.ID,
        type: a.TYPE as XmlconfCase["type"],
        path: resolve(bases[bases.length - 1], a.URI),
        entities: a.ENTITIES ?? "none",
        recommendation: a.RECOMMENDATION ?? "XML1.0",
        sections: a.SECTIONS ?? "",
      };
      if (a.EDITION !== undefined) c.edition = a.EDITION;
      if (a.NAMESPACE !== undefined) c.namespace = a.NAMESPACE;
      out.push(c);
    } else bases.pop();
  }
  return out;
}

/** XML 1.0 fifth edition: not the 1.1 or namespaces-1.1 cases, not those for editions 1–4 only. */
export function isXml10Fifth(c: XmlconfCase): boolean {
  if (c.recommendation === "XML1.1" || c.recommendation === "NS1.1") return false;
  if (c.edition !== undefined && !c.edition.split(" ").includes("5")) return false;
  return true;
}
