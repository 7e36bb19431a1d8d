/**
 * Namespace mutations of the deep validity run: xsi:nil / xsi:type / xsi:schemaLocation /
 * xsi:noNamespaceSchemaLocation (meaningful to an XSD; undeclared attributes to a DTD), a default
 * namespace or a prefix put on an element (in the schema's namespace or a foreign one), an unused
 * namespace declaration, and a namespaced attribute.
 */
import type { XmlElement } from "../../src/xml/tree.js";
import type { SchemaModel } from "../../src/schema/model.js";
import { setText, type Candidate } from "./candidate.js";
import type { IndexedElement } from "./schema-index.js";

const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const XS = "http://www.w3.org/2001/XMLSchema";
const FOREIGN = "urn:qxml:foreign";

function addXsi(el: XmlElement, local: string, value: string): void {
  el.namespaces.set("xsi", XSI);
  el.attributes.set(`xsi:${local}`, { name: `xsi:${local}`, uri: XSI, local, value, line: el.line, column: el.column });
}

function xsiCandidates(item: IndexedElement, at: number): Candidate[] {
  const base = { at, target: item.path, kind: "xsi-attribute" as const };
  const where = `<${item.el.name}> at ${item.path}`;
  const one = (detail: string, description: string, apply: (el: XmlElement) => void): Candidate => ({ ...base, detail, description: `${description} on ${where}`, apply });
  const out = [
    one("nil true", 'xsi:nil="true" (content kept)', (el) => addXsi(el, "nil", "true")),
    one("nil true empty", 'xsi:nil="true" with the content removed', (el) => {
      addXsi(el, "nil", "true");
      el.children = [];
    }),
    one("nil 1 comment", 'xsi:nil="1" with only a comment inside', (el) => {
      addXsi(el, "nil", "1");
      el.children = [{ kind: "comment", text: " nil ", line: el.line, column: el.column }];
    }),
    one("nil false", 'xsi:nil="false"', (el) => addXsi(el, "nil", "false")),
    one("nil bad", 'xsi:nil="yes"', (el) => addXsi(el, "nil", "yes")),
    one("schemaLocation", "xsi:schemaLocation", (el) => addXsi(el, "schemaLocation", "urn:qxml:absent absent.xsd")),
    one("noNamespaceSchemaLocation", "xsi:noNamespaceSchemaLocation", (el) => addXsi(el, "noNamespaceSchemaLocation", "absent.xsd")),
    one("unknown xsi attribute", "xsi:bogus", (el) => addXsi(el, "bogus", "1")),
  ];
  for (const type of ["xs:string", "xs:token", "xs:int", "xs:anyType", "NoSuchType"]) {
    out.push(one(`type ${type}`, `xsi:type="${type}"`, (el) => {
      el.namespaces.set("xs", XS);
      addXsi(el, "type", type);
    }));
  }
  return out;
}

function targetNamespace(model: SchemaModel): string | null {
  for (const key of Object.keys(model.globalElements)) {
    const decl = model.elements[model.globalElements[key]];
    if (decl?.namespace != null) return decl.namespace;
  }
  return null;
}

function nsCandidates(model: SchemaModel, item: IndexedElement, at: number): Candidate[] {
  const base = { at, target: item.path, kind: "namespace" as const };
  const where = `<${item.el.name}> at ${item.path}`;
  const tns = targetNamespace(model);
  const local = item.el.local;
  const one = (detail: string, description: string, apply: (el: XmlElement) => void): Candidate => ({ ...base, detail, description: `${description} on ${where}`, apply });
  const out = [
    one("foreign default", `xmlns="${FOREIGN}"`, (el) => el.namespaces.set("", FOREIGN)),
    one("foreign prefix", `prefix q: bound to ${FOREIGN}`, (el) => {
      el.namespaces.set("q", FOREIGN);
      el.name = `q:${local}`;
    }),
    one("unused declaration", "an unused xmlns:unused declaration", (el) => el.namespaces.set("unused", "urn:qxml:unused")),
    one("namespaced attribute", `attribute q:extra in ${FOREIGN}`, (el) => {
      el.namespaces.set("q", FOREIGN);
      el.attributes.set("q:extra", { name: "q:extra", uri: FOREIGN, local: "extra", value: "1", line: el.line, column: el.column });
    }),
    one("xml:lang", 'xml:lang="en"', (el) => el.attributes.set("xml:lang", { name: "xml:lang", uri: "http://www.w3.org/XML/1998/namespace", local: "lang", value: "en", line: el.line, column: el.column })),
  ];
  if (tns !== null) {
    out.push(one("schema prefix", `prefix t: bound to the schema's namespace ${tns}`, (el) => {
      el.namespaces.set("t", tns);
      el.name = `t:${local}`;
    }));
    out.push(one("no namespace", 'xmlns="" (out of the schema\'s namespace)', (el) => el.namespaces.set("", "")));
  } else {
    out.push(one("redundant empty default", 'xmlns="" (already no namespace)', (el) => el.namespaces.set("", "")));
  }
  return out;
}

/** xsi:nil on an element whose content is a value: empty content, as a nil element must be. */
export function namespaceCandidates(model: SchemaModel, item: IndexedElement, at: number): Candidate[] {
  const out = [...xsiCandidates(item, at), ...nsCandidates(model, item, at)];
  if (item.decl?.nillable === true) {
    out.push({ at, target: item.path, kind: "xsi-attribute", detail: "nil with text", description: `xsi:nil="true" and text on nillable <${item.el.name}> at ${item.path}`, apply: (el) => {
      addXsi(el, "nil", "true");
      setText(el, "x");
    } });
  }
  return out;
}
