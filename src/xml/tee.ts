/**
 * One reader pass, several listeners: forwards every handler call to each handler in order
 * (the validator first, then e.g. the linter's rule collector).
 */
import type { XmlHandler } from "./events.js";

export function teeHandler(first: XmlHandler, rest: XmlHandler[]): XmlHandler {
  if (rest.length === 0) return first;
  const all = [first, ...rest];
  return {
    xmlDeclaration: (decl) => all.forEach((h) => h.xmlDeclaration?.(decl)),
    doctype: (d) => all.forEach((h) => h.doctype?.(d)),
    startElement: (tag) => all.forEach((h) => h.startElement(tag)),
    endElement: (name, pos) => all.forEach((h) => h.endElement(name, pos)),
    text: (text, pos, cdata) => all.forEach((h) => h.text(text, pos, cdata)),
    reference: (kind, text, pos) => all.forEach((h) => h.reference?.(kind, text, pos)),
    processingInstruction: (target, data, pos) => all.forEach((h) => h.processingInstruction?.(target, data, pos)),
    comment: (text, pos) => all.forEach((h) => h.comment?.(text, pos)),
    diagnostic: (d) => all.forEach((h) => h.diagnostic(d)),
    end: () => all.forEach((h) => h.end?.()),
  };
}
