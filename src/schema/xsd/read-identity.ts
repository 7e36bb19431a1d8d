/**
 * xs:unique / xs:key / xs:keyref inside an element declaration → XIdentity. The selector and
 * fields are checked against XSD 1.0's XPath subset here (§3.11.6), so a schema the reader
 * accepts only holds paths the validator can evaluate. Name uniqueness and keyref `refer` are
 * resolved later, over the whole schema set (build-identity.ts).
 */
import type { XmlElement } from "../../xml/tree.js";
import { parseIdentityPath } from "../../validate/identity-path.js";
import { attr, checkAttributes, locOf, locOfAttr, nameAttr, qnameAttr, requireAttr, xsdChildren, type ReadContext } from "./read-support.js";
import type { XIdentity } from "./syntax.js";

export function readIdentity(ctx: ReadContext, el: XmlElement): XIdentity {
  const kind = el.local as XIdentity["kind"];
  checkAttributes(ctx, el, kind);
  const node: XIdentity = {
    kind,
    name: nameAttr(ctx, el, true) ?? "",
    namespace: ctx.targetNamespace,
    selector: "",
    fields: [],
    namespaces: Object.fromEntries(el.namespaces),
    loc: locOf(ctx, el),
  };
  if (kind === "keyref") {
    const refer = requireAttr(ctx, el, "refer") === undefined ? undefined : qnameAttr(ctx, el, "refer");
    if (refer !== undefined) node.refer = refer;
  }
  let selectors = 0;
  for (const c of xsdChildren(ctx, el, kind)) {
    if (c.local === "annotation") continue;
    checkAttributes(ctx, c, c.local);
    xsdChildren(ctx, c, c.local);
    const xpath = requireAttr(ctx, c, "xpath");
    if (c.local === "selector") {
      if (selectors++ > 0 || node.fields.length > 0) ctx.reporter.report("xsd/syntax", { message: `xs:${kind} holds one xs:selector, then its xs:field elements` }, locOf(ctx, c));
      if (xpath !== undefined) node.selector = xpath;
    } else if (xpath !== undefined) node.fields.push(xpath);
    if (xpath !== undefined) {
      for (const [p, uri] of c.namespaces) if (!(p in node.namespaces)) node.namespaces[p] = uri;
      const parsed = parseIdentityPath(xpath, c.local === "selector" ? "selector" : "field", (prefix) => c.namespaces.get(prefix));
      if (!parsed.ok) {
        ctx.reporter.report("xsd/invalid-xpath", { what: `the ${c.local}`, kind, name: node.name, xpath, problem: parsed.problem }, locOfAttr(ctx, c, "xpath"));
      }
    }
  }
  if (selectors === 0 || node.fields.length === 0) {
    ctx.reporter.report("xsd/syntax", { message: `xs:${kind} "${attr(el, "name") ?? ""}" needs an xs:selector and at least one xs:field` }, node.loc);
  }
  return node;
}
