/**
 * Diagnostic codes of the XML reader: well-formedness errors (fatal: the reader stops after the
 * first), encoding errors, resource limits, and warnings about entities that were not read.
 */
import { defineCodes } from "../diagnostics/codes.js";

export const XML = defineCodes({
  "xml/syntax": {
    severity: "error",
    message: "expected {expected} {context}; found {found}",
    hint: "Fix the markup: XML 1.0 §2–4 give the grammar.",
  },
  "xml/unexpected-eof": {
    severity: "error",
    message: "the input ends inside {context}",
    hint: "The document is truncated, or {context} is not closed.",
  },
  "xml/empty-document": {
    severity: "error",
    message: "the document is empty",
    hint: "An XML document needs a root element, e.g. <ROOT/>.",
  },
  "xml/no-root": {
    severity: "error",
    message: "the document has no root element",
    hint: "Add a root element after the prolog.",
  },
  "xml/extra-content": {
    severity: "error",
    message: "{found} after the end of the root element </{root}>",
    hint: "A document has exactly one root element; remove the extra content or wrap everything in one element.",
  },
  "xml/text-outside-root": {
    severity: "error",
    message: "text {found} is not allowed before the root element",
    hint: "Only comments, processing instructions, whitespace and the DOCTYPE may precede the root element.",
  },
  "xml/mismatched-end-tag": {
    severity: "error",
    message: "expected </{expected}> (opened at {openLine}:{openColumn}); found </{found}>",
    hint: "Close elements in the reverse order they were opened.",
  },
  "xml/unexpected-end-tag": {
    severity: "error",
    message: "end tag </{found}> has no matching start tag",
    hint: "Remove the end tag or add the start tag <{found}>.",
  },
  "xml/unclosed-element": {
    severity: "error",
    message: "element <{name}> opened at {openLine}:{openColumn} is not closed at the end of {where}",
    hint: "Add </{name}> where the element should end.",
  },
  "xml/invalid-char": {
    severity: "error",
    message: "character U+{code} is not allowed in XML",
    hint: "Remove the character; XML 1.0 §2.2 (Char) lists the characters a document may contain.",
  },
  "xml/encoding": {
    severity: "error",
    message: "{problem}",
    hint: "Save the file in the encoding its XML declaration names (UTF-8 if it names none), or correct the declaration's encoding=\"...\" to the encoding the file is saved in.",
  },
  "xml/unsupported-encoding": {
    severity: "error",
    message: "encoding \"{encoding}\" is not supported",
    hint: "Convert the document to UTF-8 (supported: UTF-8, UTF-16, ISO-8859-1, US-ASCII, windows-1252 and the encodings of the WHATWG Encoding Standard).",
  },
  "xml/invalid-name": {
    severity: "error",
    message: "{what} {found} is not a valid XML name",
    hint: "A name starts with a letter, '_' or ':' and continues with letters, digits, '-', '.', '_' or ':'.",
  },
  "xml/duplicate-attribute": {
    severity: "error",
    message: "attribute {name} appears twice on <{element}> (first at {firstLine}:{firstColumn})",
    hint: "Keep one of the two attributes.",
  },
  "xml/lt-in-attribute": {
    severity: "error",
    message: "'<' is not allowed in the value of attribute {name}",
    hint: "Write '<' as &lt; in attribute values.",
  },
  "xml/cdata-end-in-text": {
    severity: "error",
    message: "']]>' is not allowed in text",
    hint: "Write '>' as &gt; after ']]'.",
  },
  "xml/comment-double-hyphen": {
    severity: "error",
    message: "'--' is not allowed inside a comment",
    hint: "Comments may not contain '--' or end with '-'; rewrite the comment text.",
  },
  "xml/reserved-pi-target": {
    severity: "error",
    message: "processing instruction target {found} is reserved",
    hint: "Targets matching 'xml' in any case are reserved; an XML declaration may only stand at the very start of the document.",
  },
  "xml/xml-declaration": {
    severity: "error",
    message: "{problem} in the {decl}",
    hint: "Write it as <?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?> (encoding and standalone optional, in this order).",
  },
  "xml/doctype": {
    severity: "error",
    message: "{problem}",
    hint: "A document has at most one <!DOCTYPE ...>, before the root element.",
  },
  "xml/invalid-char-ref": {
    severity: "error",
    message: "character reference {ref} does not name a legal XML character",
    hint: "Use a code point allowed by the Char production (XML 1.0 §2.2).",
  },
  "xml/undefined-entity": {
    severity: "error",
    message: "entity &{name}; is not declared{suggestion}",
    hint: "Declare it in the DTD or write the character it stands for; only &lt; &gt; &amp; &apos; &quot; are predefined.",
  },
  "xml/standalone-entity": {
    severity: "error",
    message: "entity &{name}; is declared in the external DTD subset, but the document is standalone=\"yes\"",
    hint: "Declare the entity in the internal subset or remove standalone=\"yes\" (WFC: Entity Declared).",
  },
  "xml/entity-recursion": {
    severity: "error",
    message: "entity &{name}; refers to itself (through {chain})",
    hint: "An entity may not reference itself, directly or indirectly (WFC: No Recursion).",
  },
  "xml/unparsed-entity-ref": {
    severity: "error",
    message: "entity &{name}; is unparsed (NDATA {notation}) and cannot be referenced in {where}",
    hint: "Name unparsed entities in ENTITY-typed attributes instead of referencing them.",
  },
  "xml/external-entity-in-attribute": {
    severity: "error",
    message: "attribute value references the external entity &{name};",
    hint: "Attribute values may only reference internal entities (WFC: No External Entity References).",
  },
  "xml/external-entity-refused": {
    severity: "error",
    message: "external {what} \"{systemId}\" was not read: {reason}",
    hint: "Check the system identifier (a relative one is resolved against the document's folder); qxml only reads local regular files of at most 10,000,000 bytes inside the allowed folders or mapped by the catalog: allow the folder, map the file, or remove the reference.",
  },
  "xml/external-entity-not-read": {
    severity: "warning",
    message: "external {what} \"{systemId}\" was not read (no entity resolver)",
    hint: "Pass resolveEntity to read external entities; the content they would contribute is missing.",
  },
  "xml/undeclared-entity-skipped": {
    severity: "warning",
    message: "entity &{name}; is not declared in the parts of the DTD that were read; it was skipped",
    hint: "The declaration may be in an external DTD subset or parameter entity that was not read (see the diagnostic about the DOCTYPE); library users can set loadExternalDtd to read it.",
  },
  "xml/entity-unbalanced": {
    severity: "error",
    message: "the replacement text of &{name}; {problem}",
    hint: "Elements that begin in an entity must end in the same entity (XML 1.0 §4.3.2).",
  },
  "xml/entity-expansion-limit": {
    severity: "error",
    message: "entity expansion limit exceeded: {what} (limit {limit})",
    hint: "The document expands entities more than qxml allows; this protects against entity bombs (billion laughs). Library users can raise the limit for trusted input.",
  },
  "xml/too-deep": {
    severity: "error",
    message: "elements nest deeper than {limit} levels",
    hint: "qxml stops here to protect against hostile input; Qualys payloads nest far less, so look for runaway nesting (library users can raise limits.maxDepth for trusted input).",
  },
  "xml/limit": {
    severity: "error",
    message: "{what} exceeds the limit of {limit}",
    hint: "qxml stops here to protect against hostile input; check the document (library users can raise the reader limit for trusted input).",
  },
  "xml/unbound-prefix": {
    severity: "error",
    message: "namespace prefix {prefix} of {name} is not declared",
    hint: "Declare it with xmlns:{prefix}=\"...\" on this element or an ancestor.",
  },
  "xml/namespace-declaration": {
    severity: "error",
    message: "{problem}",
    hint: "The prefixes xml and xmlns and their namespace names are reserved (Namespaces in XML 1.0 §3).",
  },
  "xml/qname": {
    severity: "error",
    message: "{name} is not a valid qualified name",
    hint: "With namespaces, a name is either a local name or prefix:local, with one colon and non-empty parts.",
  },
  "xml/duplicate-expanded-attribute": {
    severity: "error",
    message: "attributes {first} and {second} on <{element}> have the same namespace name and local name",
    hint: "Two attributes of an element may not resolve to the same namespace URI and local name; remove one.",
  },
  "xml/dtd-error": {
    severity: "error",
    message: "the DTD could not be read: {problem}",
    hint: "Fix the DTD.",
  },
});
