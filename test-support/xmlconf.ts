/**
 * The W3C XML conformance suite catalogue (xmlconf-flat.xml): one record per TEST, with the
 * test file's absolute path (its URI resolved against the enclosing xml:base attributes).
 * Shared by the reader's well-formedness tests and the validator's validity tests.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { isElement, parseTree, type XmlElement } from "../src/xml/tree.js";
import { XMLCONF_DIR } from "./paths.js";

export type XmlconfType = "valid" | "invalid" | "not-wf" | "error";
export type XmlconfEntities = "none" | "parameter" | "general" | "both";

export interface XmlconfTest {
  id: string;
  type: XmlconfType;
  /** Absolute path of the test document. */
  file: string;
  /** Absolute path of the expected canonical output, when the catalogue names one. */
  output?: string;
  entities: XmlconfEntities;
  /** e.g. "XML1.0" (the default when absent), "XML1.1", "NS1.0", "XML1.0-errata4e". */
  recommendation: string;
  /** XML version the test applies to ("1.0" when absent). */
  version: string;
  /** Editions of XML 1.0 the test applies to (e.g. [1,2,3,4] or [5]); empty = all. */
  editions: number[];
  sections: string;
  /** "no": the test is not namespace-well-formed and must be read without namespaces. */
  namespace: "yes" | "no" | undefined;
  /** The PROFILE of the innermost TESTCASES (which suite it comes from). */
  profile: string;
  description: string;
}

/** The xmlconf folder (test-support/paths.ts: ../shared beside the repository, or QXML_SHARED). */
export { XMLCONF_DIR };

function textOf(el: XmlElement): string {
  let s = "";
  for (const c of el.children) if (!isElement(c) && c.kind === "text") s += c.text;
  return s.replace(/\s+/g, " ").trim();
}

export function loadXmlconf(catalogue = resolve(XMLCONF_DIR, "xmlconf-flat.xml")): XmlconfTest[] {
  const root = parseTree(readFileSync(catalogue, "utf8"), catalogue);
  const tests: XmlconfTest[] = [];
  // Iterative walk: a stack of (element, base folder, profile).
  const stack: { el: XmlElement; base: string; profile: string }[] = [{ el: root, base: dirname(catalogue) + "/", profile: "" }];
  while (stack.length > 0) {
    const { el, base: outer, profile: outerProfile } = stack.pop()!;
    const xmlBase = el.attributes.get("xml:base")?.value;
    const base = xmlBase === undefined ? outer : resolve(outer, xmlBase) + "/";
    const profile = el.local === "TESTCASES" ? (el.attributes.get("PROFILE")?.value ?? outerProfile) : outerProfile;
    if (el.local === "TEST") {
      const a = (n: string) => el.attributes.get(n)?.value;
      const output = a("OUTPUT");
      const ns = a("NAMESPACE");
      tests.push({
        id: a("ID") ?? "",
        type: (a("TYPE") ?? "valid") as XmlconfType,
        file: resolve(base, a("URI") ?? ""),
        ...(output !== undefined ? { output: resolve(base, output) } : {}),
        entities: (a("ENTITIES") ?? "none") as XmlconfEntities,
        recommendation: a("RECOMMENDATION") ?? "XML1.0",
        version: a("VERSION") ?? "1.0",
        editions: (a("EDITION") ?? "").split(/\s+/).filter(Boolean).map(Number),
        sections: a("SECTIONS") ?? "",
        namespace: ns === "yes" || ns === "no" ? ns : undefined,
        profile,
        description: textOf(el),
      });
      continue;
    }
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i];
      if (isElement(c)) stack.push({ el: c, base, profile });
    }
  }
  return tests;
}

/** Whether a test concerns XML 1.0, 5th edition (the edition qxml implements). */
export function appliesToXml10Fifth(t: XmlconfTest): boolean {
  if (t.version !== "1.0" && t.version !== "") return false;
  if (t.recommendation === "XML1.1" || t.recommendation === "NS1.1") return false;
  return t.editions.length === 0 || t.editions.includes(5);
}
