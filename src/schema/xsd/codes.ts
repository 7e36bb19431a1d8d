/**
 * Diagnostic codes of the XSD reader. Every schema error names what was expected, what was
 * found and where (line/column, and the schema file in `schemaLocation`).
 */
import { defineCodes } from "../../diagnostics/codes.js";

export const XSD = defineCodes({
  "xsd/unreadable": {
    severity: "error",
    message: "cannot read the schema file {file}: {reason}",
    hint: "check the path and that the file is readable; a schemaLocation is resolved against the folder of the schema that names it",
  },
  "xsd/not-well-formed": {
    severity: "error",
    message: "the schema document is not well-formed XML: {reason}",
    hint: "fix the XML syntax first; a schema must be a well-formed XML document",
  },
  "xsd/not-a-schema": {
    severity: "error",
    message: "the root element is <{found}>, expected xs:schema in namespace http://www.w3.org/2001/XMLSchema",
    hint: "an XSD file starts with <xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">",
  },
  "xsd/syntax": {
    severity: "error",
    message: "{message}",
    hint: "correct the schema here: XML Schema 1.0 Part 1 lists, for each xs: element, the attributes and children it may have (its \"XML Representation Summary\")",
  },
  "xsd/unknown-attribute": {
    severity: "error",
    message: "attribute \"{name}\" is not allowed on xs:{element}",
    hint: "allowed attributes are: {allowed}",
  },
  "xsd/unexpected-child": {
    severity: "error",
    message: "<{found}> is not allowed inside xs:{parent}",
    hint: "expected one of: {expected}",
  },
  "xsd/missing-attribute": {
    severity: "error",
    message: "xs:{element} needs a \"{name}\" attribute",
    hint: "add {name}=\"…\" to the xs:{element}",
  },
  "xsd/invalid-value": {
    severity: "error",
    message: "attribute \"{name}\" of xs:{element} is \"{value}\"; expected {expected}",
    hint: "give {name} a value that is {expected}",
  },
  "xsd/exclusive": {
    severity: "error",
    message: "{first} and {second} cannot both appear on xs:{element}",
    hint: "keep one of them",
  },
  "xsd/unknown-prefix": {
    severity: "error",
    message: "prefix \"{prefix}\" of \"{qname}\" is not bound to a namespace",
    hint: "declare it with xmlns:{prefix}=\"...\" on the schema element",
  },
  "xsd/unresolved-type": { severity: "error", message: "type \"{name}\" is not defined", hint: "define {name} as a named xs:simpleType or xs:complexType, or refer to an existing type (built-ins with the XML Schema prefix, e.g. xs:string)" },
  "xsd/unresolved-element": { severity: "error", message: "element \"{name}\" is not declared globally", hint: "declare {name} as a top-level xs:element, or correct the ref" },
  "xsd/unresolved-attribute": { severity: "error", message: "attribute \"{name}\" is not declared globally", hint: "declare {name} as a top-level xs:attribute, or correct the ref" },
  "xsd/unresolved-group": { severity: "error", message: "group \"{name}\" is not defined", hint: "define {name} as a top-level xs:group, or correct the ref" },
  "xsd/unresolved-attribute-group": { severity: "error", message: "attributeGroup \"{name}\" is not defined", hint: "define {name} as a top-level xs:attributeGroup, or correct the ref" },
  "xsd/duplicate-global": {
    severity: "error",
    message: "{kind} \"{name}\" is defined twice (first at {firstAt})",
    hint: "rename or remove one of the definitions",
  },
  "xsd/duplicate-attribute": {
    severity: "error",
    message: "attribute \"{name}\" is declared twice in the same type",
    hint: "remove one of the two declarations of {name} (an attribute group counts as declaring its attributes), or rename one",
  },
  "xsd/circular": {
    severity: "error",
    message: "{kind} \"{name}\" is defined in terms of itself ({cycle})",
    hint: "break the cycle: a definition cannot derive from, or directly contain, itself",
  },
  "xsd/invalid-derivation": {
    severity: "error",
    message: "{message}",
    hint: "make the type a valid restriction or extension of its base (XML Schema 1.0 Part 1 §3.4.6 and §3.14.6), or derive it from another base",
  },
  "xsd/invalid-facet": {
    severity: "error",
    message: "facet xs:{facet} has value \"{value}\"; expected {expected}",
    hint: "change xs:{facet} to a value that is {expected}, or remove it",
  },
  "xsd/pattern-too-complex": {
    severity: "error",
    message: "xs:pattern \"{pattern}\" is too complex to match without backtracking: its automaton would need more than {states} states",
    hint: "Nested counted repetitions multiply (\"(a{1,1000}){1,1000}\" is a million states): use smaller counts or check lengths with xs:minLength/xs:maxLength instead",
  },
  "xsd/invalid-pattern": {
    severity: "error",
    message: "xs:pattern \"{pattern}\" is not a valid XSD regular expression: {reason} (at character {position})",
    hint: "XSD patterns are not JavaScript or Perl regexes: no anchors, lazy quantifiers, (?: groups or \\u escapes; escape a literal - in a class as \\-",
  },
  "xsd/invalid-facet-value": {
    severity: "error",
    message: "xs:{facet} value \"{value}\" is not a valid value of the base type {base}: {detail}",
    hint: "a facet's value must itself be a value of the type being restricted",
  },
  "xsd/facet-range": {
    severity: "error",
    message: "xs:{facet}=\"{value}\" must be {relation} xs:{other}=\"{otherValue}\"",
    hint: "with these bounds no value is allowed; swap or correct them",
  },
  "xsd/facet-loosens": {
    severity: "error",
    message: "xs:{facet}=\"{value}\" does not narrow the base type's xs:{baseFacet}=\"{baseValue}\"; expected {expected}",
    hint: "a restriction can only narrow its base type",
  },
  "xsd/facet-fixed": {
    severity: "error",
    message: "xs:{facet}=\"{value}\" changes a facet the base type fixed to \"{baseValue}\"",
    hint: "the base type declares this facet fixed=\"true\": derived types must keep its value (or leave the facet out)",
  },
  "xsd/invalid-value-constraint": {
    severity: "error",
    message: "the {constraint} value \"{value}\" of {kind} \"{name}\" is not valid for its type {type}: {detail}",
    hint: "change the {constraint} value to one of type {type}, or remove it",
  },
  "xsd/value-constraint-not-allowed": {
    severity: "error",
    message: "{kind} \"{name}\" cannot have a {constraint} value: {reason}",
    hint: "remove the {constraint} attribute of {name}",
  },
  "xsd/all-not-allowed": {
    severity: "error",
    message: "{what} contains an xs:all, which cannot appear inside xs:{parent}",
    hint: "xs:all must be the whole content model of a complex type; use xs:sequence or xs:choice inside other groups",
  },
  "xsd/all-occurs": {
    severity: "error",
    message: "{what} must have minOccurs 0 or 1 and maxOccurs 1; it has minOccurs {min} and maxOccurs {max}",
    hint: "an xs:all group (or a reference to a group holding one) may occur at most once",
  },
  "xsd/uncompilable-type": {
    severity: "error",
    message: "simple type {name} cannot be compiled into a checker: {reason}",
    hint: "this is a qxml bug: the reader should have reported the cause; please report it with the schema",
  },
  "xsd/occurs": {
    severity: "error",
    message: "minOccurs ({min}) is greater than maxOccurs ({max})",
    hint: "lower minOccurs to at most {max}, or raise maxOccurs to at least {min}",
  },
  "xsd/load-failed": {
    severity: "error",
    message: "could not read the schema in xs:{directive} schemaLocation=\"{location}\": {reason}",
    hint: "qxml reads included and imported schemas only from local files next to the including schema; never from the network",
  },
  "xsd/import-skipped": {
    severity: "warning",
    message: "xs:import of \"{location}\" for namespace {namespace} is skipped: that namespace was already imported from \"{first}\"",
    hint: "one document is read per imported namespace (as libxml2 and Xerces do); put the namespace's components in \"{first}\", or have it xs:include \"{location}\"",
  },
  "xsd/namespace-mismatch": {
    severity: "error",
    message: "xs:{directive} of \"{location}\": its target namespace is {found}, expected {expected}",
    hint: "make the targetNamespace of \"{location}\" {expected}, or change the xs:{directive}",
  },
  "xsd/too-deep": {
    severity: "error",
    message: "the schema nests elements {depth} levels deep; the limit is {limit}",
    hint: "flatten the schema: define deeply nested parts as named types or groups and refer to them",
  },
  "xsd/too-deep-definitions": {
    severity: "error",
    message: "{kind} definitions nest more than {limit} levels deep (at \"{name}\")",
    hint: "shorten the chain at \"{name}\": derive from a type nearer the base, or inline nested group references (qxml stops at {limit} levels to stay bounded)",
  },
  "xsd/substitution-groups-too-large": {
    severity: "error",
    message: "substitution groups chain more than {limit} member/head pairs (at element \"{name}\")",
    hint: "real substitution groups have a few hundred members a few levels deep; qxml refuses chains this long to stay bounded",
  },
  "xsd/union-too-large": {
    severity: "error",
    message: "union type {name} has more than {limit} member types once its nested unions are expanded",
    hint: "unions that name another union more than once double at each step; name each member type once",
  },
  "xsd/content-model-too-large": {
    severity: "error",
    message: "the content model of {kind} \"{name}\" has {what}; the limit is {limit}",
    hint: "group references or extensions that nest or repeat each other this much are not real schemas; qxml refuses them to stay bounded",
  },
  "xsd/invalid-xpath": {
    severity: "error",
    message: "{what} \"{xpath}\" of xs:{kind} \"{name}\" is not in XSD's XPath subset: {problem}",
    hint: "selectors are paths of element names like .//a/b | c (child steps, *, prefix:*, a leading .//); fields may end in @attribute",
  },
  "xsd/unresolved-key": {
    severity: "error",
    message: "xs:keyref \"{name}\" refers to \"{refer}\", which is not an xs:key or xs:unique of the schema",
    hint: "refer must name a key or unique constraint (qualified by the schema's target namespace)",
  },
  "xsd/keyref-fields": {
    severity: "error",
    message: "xs:keyref \"{name}\" has {fields} but the {referKind} \"{refer}\" it refers to has {expected}",
    hint: "a keyref needs as many fields as the key it refers to, in the same order",
  },
  "xsd/invalid-substitution": {
    severity: "error",
    message: "element \"{name}\" cannot be a member of the substitution group of \"{head}\": {problem}",
    hint: "give {name} a type derived from the type of {head} (and allowed by its block/final), or remove its substitutionGroup",
  },
  "xsd/redefine-missing": {
    severity: "error",
    message: "xs:redefine of \"{location}\" redefines {kind} \"{name}\", which neither that document nor what it includes defines",
    hint: "xs:redefine can only replace a {kind} defined in the redefined document or the documents it includes; define it outside xs:redefine instead, or fix the name",
  },
  "xsd/redefine-base": {
    severity: "error",
    message: "the redefined {kind} \"{name}\" must derive from its original definition (base=\"{qname}\"), but {found}",
    hint: "inside xs:redefine a type derives from the definition it replaces: write base=\"{qname}\"",
  },
  "xsd/redefine-self-reference": {
    severity: "error",
    message: "the redefined {kind} \"{name}\" {problem}",
    hint: "a redefinition may refer to the original {kind} once, with minOccurs and maxOccurs 1 (XSD 1.0 §4.2.2)",
  },
  "xsd/notation-direct": {
    severity: "error",
    message: "{what} uses xs:NOTATION without an enumeration of notations",
    hint: "derive a simple type from xs:NOTATION with xs:enumeration values naming declared xs:notation declarations, and use that type",
  },
  "xsd/undeclared-notation": {
    severity: "error",
    message: "xs:enumeration value \"{value}\" of a NOTATION type does not name a declared xs:notation",
    hint: "declare <xs:notation name=\"{local}\" public=\"...\"/> in the schema of that namespace, or fix the value{declared}",
  },
  "xsd/unsupported": {
    severity: "warning",
    message: "{feature} is not supported yet and is ignored",
  },
});
