/** Test support: the W3C XML conformance catalogue (xmlconf-flat.xml) as a list of cases. */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface ConfCase {
  id: string;
  type: "valid" | "invalid" | "not-wf" | "error";
  entities: string;
  file: string;
  version?: string;
  recommendation?: string;
  sections: string;
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

export function readCatalog(root: string): ConfCase[] {
  const text = readFileSync(join(root, "xmlconf-flat.xml"), "utf8");
  const bases: string[] = [];
  const out: ConfCase[] = [];
  const tagRe = /<(\/?)(TESTCASES|TEST)\b([^>]*)>/g;
  for (let m = tagRe.exec(text); m !== null; m = tagRe.exec(text)) {
    const [, close, name, rest] = m;
    if (name === "TESTCASES") {
      if (close === "/") bases.pop();
      else bases.push(attr(rest, "xml:base") ?? "");
      continue;
    }
    if (close === "/") continue;
    const uri = attr(rest, "URI");
    if (uri === undefined) continue;
    out.push({
      id: attr(rest, "ID")!,
      type: attr(rest, "TYPE") as ConfCase["type"],
      entities: attr(rest, "ENTITIES") ?? "none",
      file: join(root, ...bases, uri),
      version: attr(rest, "VERSION"),
      recommendation: attr(rest, "RECOMMENDATION"),
      sections: attr(rest, "SECTIONS") ?? "",
    });
  }
  return out;
}
