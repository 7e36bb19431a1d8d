/**
 * The schema model: one plain-data intermediate representation for DTDs and XSDs.
 *
 * Readers (src/schema/dtd, src/schema/xsd) produce it; the validator, the linter and every
 * generator consume it. It is JSON-serialisable: declarations live in tables and refer to each
 * other by numeric id, so recursive types need no object cycles.
 *
 * Names: `name` is the local name as written (for a DTD, the whole qualified name, prefix
 * included, because DTD validation compares names literally); `namespace` is the namespace URI
 * or null. `key` is the lookup form: `name` when namespace is null, else `{uri}name` (Clark).
 */

export const XSD_NS = "http://www.w3.org/2001/XMLSchema";

/**
 * Bounds on a content model, held by both readers and by the validator's automaton (hostile
 * input): nesting levels, and element particles (each an automaton state). Real models nest a
 * few levels and name hundreds; groups, extensions or parameter entities that use each other
 * over and over reach millions in a few lines.
 */
export const MAX_CONTENT_DEPTH = 256;
export const MAX_CONTENT_PARTICLES = 100_000;
export const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
export const XML_NS = "http://www.w3.org/XML/1998/namespace";

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** Where a declaration did not come from schema text but was reconstructed (bundled schemas). */
export interface Provenance {
  /** true when a `qxml:inferred` comment precedes the declaration in its source. */
  inferred: boolean;
  /** The text of that comment, for `qxml schema show`. */
  note?: string;
}

export type MaxOccurs = number | "unbounded";

export interface ElementParticle {
  kind: "element";
  name: string;
  namespace: string | null;
  /** Element declaration id; null for a DTD content model naming an undeclared element. */
  element: number | null;
  min: number;
  max: MaxOccurs;
  location: SourceLocation;
}

export interface GroupParticle {
  kind: "sequence" | "choice" | "all";
  items: Particle[];
  min: number;
  max: MaxOccurs;
  location: SourceLocation;
  /** Name of the xs:group this came from, when it was a group reference (kept for docs). */
  group?: string;
}

export interface WildcardParticle {
  kind: "any";
  wildcard: Wildcard;
  min: number;
  max: MaxOccurs;
  location: SourceLocation;
}

export type Particle = ElementParticle | GroupParticle | WildcardParticle;

export interface Wildcard {
  /** "##any", "##other" (relative to `targetNamespace`), or an explicit list (null = no namespace). */
  namespaces: "##any" | "##other" | (string | null)[];
  targetNamespace: string | null;
  processContents: "strict" | "lax" | "skip";
}

export type Content =
  /** DTD EMPTY, or an XSD complex type with no particle and no mixed content. */
  | { kind: "empty" }
  /** DTD ANY: any declared element, any text. */
  | { kind: "any" }
  /** Character data only, of a simple type (XSD simple types and simpleContent). */
  | { kind: "simple"; type: number }
  /** Text mixed with elements. DTD `(#PCDATA)` is mixed with particle null; `(#PCDATA|a|b)*` has a choice. */
  | { kind: "mixed"; particle: Particle | null }
  /** Element-only content. */
  | { kind: "elements"; particle: Particle };

export interface ElementDecl {
  id: number;
  name: string;
  namespace: string | null;
  key: string;
  /** Complex type id (DTD elements always get an anonymous complex type) or simple type id. */
  type: { kind: "complex"; id: number } | { kind: "simple"; id: number };
  global: boolean;
  nillable: boolean;
  abstract: boolean;
  default?: string;
  fixed?: string;
  /** XSD, for a default or fixed value of a QName-based type: its bindings, as EnumerationValue.namespaces. */
  valueNamespaces?: Record<string, string>;
  /** XSD: the head of this global element's substitution group (element id). */
  substitutionGroup?: number;
  /**
   * XSD `block` (or the schema's `blockDefault`), {disallowed substitutions}: members whose type
   * derives by these methods may not substitute for it, nor may xsi:type name such a type;
   * "substitution" blocks substitution altogether. Absent = none.
   */
  block?: DerivationMethod[];
  /** XSD `final` (or `finalDefault`), {substitution group exclusions}: members may not derive their type by these. */
  final?: DerivationMethod[];
  /** XSD identity constraints (xs:unique, xs:key, xs:keyref) declared on this element. */
  identity?: IdentityConstraint[];
  doc?: string;
  provenance?: Provenance;
  location: SourceLocation;
}

/** Derivation methods named by XSD block/final/blockDefault/finalDefault. */
export type DerivationMethod = "extension" | "restriction" | "substitution" | "list" | "union";

/**
 * An XSD identity constraint. `selector` and `fields` are the restricted XPath expressions as
 * written (XSD 1.0 §3.11.6); their prefixes resolve through `namespaces` (prefix → URI, in scope
 * on the constraint; an unprefixed name is in no namespace). Names are unique per schema in
 * their own symbol space; `key` is the Clark form `{ns}name` used by `refer`.
 */
export interface IdentityConstraint {
  kind: "unique" | "key" | "keyref";
  name: string;
  namespace: string | null;
  key: string;
  /** keyref: the key of the referenced xs:key or xs:unique. */
  refer?: string;
  selector: string;
  fields: string[];
  namespaces: Record<string, string>;
  location: SourceLocation;
}

export interface AttributeDecl {
  name: string;
  namespace: string | null;
  key: string;
  /** Simple type id. DTD attribute types map onto the XSD built-ins of the same name (CDATA → string). */
  type: number;
  /** The DTD type keyword as written (CDATA, ID, NMTOKENS, enumeration, NOTATION...) for DTD schemas. */
  dtdType?: DtdAttributeType;
  use: "required" | "optional" | "prohibited";
  default?: string;
  fixed?: string;
  /** XSD, for a default or fixed value of a QName-based type: its bindings, as EnumerationValue.namespaces. */
  valueNamespaces?: Record<string, string>;
  doc?: string;
  provenance?: Provenance;
  location: SourceLocation;
}

export type DtdAttributeType =
  | "CDATA"
  | "ID"
  | "IDREF"
  | "IDREFS"
  | "ENTITY"
  | "ENTITIES"
  | "NMTOKEN"
  | "NMTOKENS"
  | "NOTATION"
  | "enumeration";

export interface ComplexType {
  id: number;
  /** Set for named XSD types; anonymous types have none. */
  name?: string;
  namespace?: string | null;
  content: Content;
  attributes: AttributeDecl[];
  anyAttribute?: Wildcard;
  abstract: boolean;
  /** XSD `block` (or `blockDefault`), {prohibited substitutions}: xsi:type and substitution may not use types derived by these. */
  block?: DerivationMethod[];
  /** XSD `final` (or `finalDefault`): no type may derive from this one by these methods (checked by the reader). */
  final?: DerivationMethod[];
  /** The type it derives from (XSD), for documentation; content and attributes are already merged. */
  base?: { key: string; derivation: "extension" | "restriction" };
  doc?: string;
  provenance?: Provenance;
  location: SourceLocation;
}

export type WhiteSpace = "preserve" | "replace" | "collapse";

export interface EnumerationValue {
  value: string;
  doc?: string;
  /**
   * XSD, for values of QName or NOTATION types (and lists and unions of them): the namespace
   * bindings the value's prefixes resolve through, as in scope where the schema wrote it (prefix
   * → URI, "" = the default namespace; only the prefixes the value uses). Absent: compared as written.
   */
  namespaces?: Record<string, string>;
}

/** Facets after derivation: each restriction step's facets are merged into its type. */
export interface Facets {
  length?: number;
  minLength?: number;
  maxLength?: number;
  /** One inner array per derivation step; patterns within a step are alternatives (OR), steps are ANDed. */
  patterns?: string[][];
  enumeration?: EnumerationValue[];
  whiteSpace?: WhiteSpace;
  maxInclusive?: string;
  maxExclusive?: string;
  minInclusive?: string;
  minExclusive?: string;
  totalDigits?: number;
  fractionDigits?: number;
}

export interface SimpleType {
  id: number;
  /** Set for named (and built-in) types. */
  name?: string;
  namespace?: string | null;
  variety: "atomic" | "list" | "union";
  /**
   * The XSD built-in this type is, or derives from by restriction (for atomic types: the nearest
   * built-in ancestor, e.g. "integer", "NMTOKEN"; for lists and unions: "anySimpleType").
   */
  builtin: string;
  /** Simple type id this one restricts, if any (built-ins have none). */
  base?: number;
  itemType?: number;
  memberTypes?: number[];
  facets: Facets;
  doc?: string;
  provenance?: Provenance;
  location?: SourceLocation;
}

export interface EntityDecl {
  name: string;
  /** Replacement text of an internal entity. */
  value?: string;
  systemId?: string;
  publicId?: string;
  /** NDATA notation of an unparsed entity. */
  notation?: string;
  location: SourceLocation;
}

export interface NotationDecl {
  name: string;
  systemId?: string;
  publicId?: string;
  location: SourceLocation;
}

/** A schema construct the reader understood but qxml does not model yet: reported, never dropped. */
export interface UnsupportedFeature {
  feature: string;
  detail?: string;
  location: SourceLocation;
}

export interface SchemaModel {
  version: 1;
  kind: "dtd" | "xsd";
  /** The file the model was read from (or a name for an in-memory schema). */
  source: string;
  targetNamespace: string | null;
  /** Every element declaration, global and local, indexed by id. */
  elements: ElementDecl[];
  /** Global element declarations by key. For a DTD, every declared element. */
  globalElements: Record<string, number>;
  complexTypes: ComplexType[];
  simpleTypes: SimpleType[];
  /** Named types by key (built-ins under `{XSD_NS}name`). */
  namedTypes: Record<string, { kind: "complex" | "simple"; id: number }>;
  /**
   * Global (top-level) XSD attribute declarations by key, for attribute wildcards with
   * processContents lax/strict (cvc-wildcard). Absent when the reader does not provide them.
   */
  globalAttributes?: Record<string, AttributeDecl>;
  /**
   * XSD substitution groups: head element id → the ids of every element that may appear in its
   * place (transitive members, in declaration order; the head itself not included; members
   * blocked by the head's `block` or by their types' `block` left out). Absent when no schema
   * element names a substitutionGroup. An element particle of a head matches these too.
   */
  substitutions?: Record<number, number[]>;
  /** DTD general entities (for ENTITY/ENTITIES attributes) and notations. */
  entities: Record<string, EntityDecl>;
  notations: Record<string, NotationDecl>;
  unsupported: UnsupportedFeature[];
  doc?: string;
}

export function nameKey(namespace: string | null, name: string): string {
  return namespace === null ? name : `{${namespace}}${name}`;
}

export function isUnbounded(max: MaxOccurs): max is "unbounded" {
  return max === "unbounded";
}
