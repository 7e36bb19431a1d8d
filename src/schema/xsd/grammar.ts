/**
 * The part of the schema for schemas the reader enforces: which attributes (in no namespace)
 * and which XSD children each XSD element may have. Attributes in other namespaces are always
 * allowed (XSD permits them as annotations). Keys are "local" or "local@scope".
 */
import { FACET_NAMES } from "./syntax.js";

const OCCURS = ["minOccurs", "maxOccurs"];

export const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  schema: ["id", "targetNamespace", "version", "elementFormDefault", "attributeFormDefault", "blockDefault", "finalDefault"],
  include: ["id", "schemaLocation"],
  import: ["id", "namespace", "schemaLocation"],
  redefine: ["id", "schemaLocation"],
  notation: ["id", "name", "public", "system"],
  annotation: ["id"],
  documentation: ["source", "xml:lang"],
  appinfo: ["source"],
  "element@global": ["id", "name", "type", "substitutionGroup", "default", "fixed", "nillable", "abstract", "final", "block"],
  "element@local": ["id", "name", "ref", "type", "default", "fixed", "nillable", "block", "form", ...OCCURS],
  "attribute@global": ["id", "name", "type", "default", "fixed"],
  "attribute@local": ["id", "name", "ref", "type", "use", "default", "fixed", "form"],
  "complexType@global": ["id", "name", "mixed", "abstract", "final", "block"],
  "complexType@local": ["id", "mixed"],
  "simpleType@global": ["id", "name", "final"],
  "simpleType@local": ["id"],
  "group@global": ["id", "name"],
  "group@local": ["id", "ref", ...OCCURS],
  "attributeGroup@global": ["id", "name"],
  "attributeGroup@local": ["id", "ref"],
  sequence: ["id", ...OCCURS],
  choice: ["id", ...OCCURS],
  all: ["id", ...OCCURS],
  any: ["id", "namespace", "processContents", ...OCCURS],
  anyAttribute: ["id", "namespace", "processContents"],
  simpleContent: ["id"],
  complexContent: ["id", "mixed"],
  extension: ["id", "base"],
  restriction: ["id", "base"],
  list: ["id", "itemType"],
  union: ["id", "memberTypes"],
  unique: ["id", "name"],
  key: ["id", "name"],
  keyref: ["id", "name", "refer"],
  selector: ["id", "xpath"],
  field: ["id", "xpath"],
  facet: ["id", "value", "fixed"],
};

const PARTICLES = ["element", "group", "choice", "sequence", "any"];
const ATTRS = ["attribute", "attributeGroup", "anyAttribute"];
const FACETS: readonly string[] = FACET_NAMES;

export const ALLOWED_CHILDREN: Readonly<Record<string, readonly string[]>> = {
  schema: ["include", "import", "redefine", "annotation", "simpleType", "complexType", "group", "attributeGroup", "element", "attribute", "notation"],
  element: ["annotation", "simpleType", "complexType", "unique", "key", "keyref"],
  attribute: ["annotation", "simpleType"],
  complexType: ["annotation", "simpleContent", "complexContent", "group", "all", "choice", "sequence", ...ATTRS],
  simpleType: ["annotation", "restriction", "list", "union"],
  group: ["annotation", "all", "choice", "sequence"],
  attributeGroup: ["annotation", ...ATTRS],
  sequence: ["annotation", ...PARTICLES],
  choice: ["annotation", ...PARTICLES],
  all: ["annotation", "element"],
  any: ["annotation"],
  anyAttribute: ["annotation"],
  simpleContent: ["annotation", "restriction", "extension"],
  complexContent: ["annotation", "restriction", "extension"],
  "extension@complexContent": ["annotation", "group", "all", "choice", "sequence", ...ATTRS],
  "restriction@complexContent": ["annotation", "group", "all", "choice", "sequence", ...ATTRS],
  "extension@simpleContent": ["annotation", ...ATTRS],
  "restriction@simpleContent": ["annotation", "simpleType", ...FACETS, ...ATTRS],
  "restriction@simpleType": ["annotation", "simpleType", ...FACETS],
  list: ["annotation", "simpleType"],
  union: ["annotation", "simpleType"],
  include: ["annotation"],
  import: ["annotation"],
  redefine: ["annotation", "simpleType", "complexType", "group", "attributeGroup"],
  notation: ["annotation"],
  unique: ["annotation", "selector", "field"],
  key: ["annotation", "selector", "field"],
  keyref: ["annotation", "selector", "field"],
  selector: ["annotation"],
  field: ["annotation"],
  facet: ["annotation"],
  annotation: ["appinfo", "documentation"],
  "group@local": ["annotation"],
  "attributeGroup@local": ["annotation"],
};

export const FACET_SET: ReadonlySet<string> = new Set(FACETS);
