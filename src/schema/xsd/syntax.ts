/**
 * The XSD syntax model: what one schema document says, with attributes already typed and every
 * QName already resolved to {namespace, local} through the in-scope namespaces of the element
 * it appeared on. No cross-references are followed here; resolution works on these objects.
 */
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { DerivationMethod, MaxOccurs, Provenance, SourceLocation, WhiteSpace } from "../model.js";

export interface QName {
  namespace: string | null;
  local: string;
  /** As written, for messages. */
  raw: string;
  /**
   * Its namespace is not one this document may refer to (src-resolve.4.2): the error reported when
   * it was read. Not reported again as unresolved; a did-you-mean is added to it instead.
   */
  unimported?: Diagnostic;
}

interface Located {
  loc: SourceLocation;
  doc?: string;
  provenance?: Provenance;
}

/**
 * Where a value written in the schema (a default, fixed or facet value) is, and the namespaces
 * in scope there (a QName value is resolved through them when it is checked against its type).
 */
export interface XValueSite {
  loc: SourceLocation;
  namespaces: ReadonlyMap<string, string>;
}

export interface XElement extends Located {
  kind: "element";
  name?: string;
  ref?: QName;
  type?: QName;
  complexType?: XComplexType;
  simpleType?: XSimpleType;
  min: number;
  max: MaxOccurs;
  nillable: boolean;
  abstract: boolean;
  default?: string;
  fixed?: string;
  /** Where the default or fixed value is written. */
  valueSite?: XValueSite;
  /** Effective namespace of a local declaration (form / elementFormDefault applied); globals use the TNS. */
  qualified: boolean;
  /** Global elements: the head named by substitutionGroup. */
  substitutionGroup?: QName;
  /** block / final, with blockDefault / finalDefault applied. */
  block?: DerivationMethod[];
  final?: DerivationMethod[];
  identity?: XIdentity[];
}

/** xs:unique, xs:key, xs:keyref: the XPath text as written, checked against the XSD subset when read. */
export interface XIdentity {
  kind: "unique" | "key" | "keyref";
  name: string;
  /** The schema's target namespace (identity-constraint names are qualified by it). */
  namespace: string | null;
  refer?: QName;
  selector: string;
  fields: string[];
  /** Prefix → URI in scope on the constraint, for the XPath name tests. */
  namespaces: Record<string, string>;
  loc: SourceLocation;
}

export interface XAttribute extends Located {
  kind: "attribute";
  name?: string;
  ref?: QName;
  type?: QName;
  simpleType?: XSimpleType;
  use: "required" | "optional" | "prohibited";
  default?: string;
  fixed?: string;
  /** Where the default or fixed value is written. */
  valueSite?: XValueSite;
  qualified: boolean;
}

export interface XAttributeGroupRef extends Located {
  kind: "attributeGroupRef";
  ref: QName;
}

export type XAttributeUse = XAttribute | XAttributeGroupRef;

export interface XWildcard extends Located {
  /** The namespace attribute as written, split on whitespace ("##any" when absent). */
  namespace: string[];
  processContents: "strict" | "lax" | "skip";
}

export interface XAny extends XWildcard {
  kind: "any";
  min: number;
  max: MaxOccurs;
}

export interface XCompositor extends Located {
  kind: "sequence" | "choice" | "all";
  items: XParticle[];
  min: number;
  max: MaxOccurs;
}

export interface XGroupRef extends Located {
  kind: "groupRef";
  ref: QName;
  min: number;
  max: MaxOccurs;
}

export type XParticle = XElement | XCompositor | XGroupRef | XAny;

export interface XAttributes {
  attributes: XAttributeUse[];
  anyAttribute?: XWildcard;
}

export type XComplexContent =
  /** No simpleContent/complexContent: an implicit restriction of anyType. */
  | ({ kind: "implicit"; particle: XParticle | null } & XAttributes)
  | ({
      kind: "complexContent";
      derivation: "extension" | "restriction";
      base: QName;
      /** mixed on xs:complexContent, when given (it overrides the type's). */
      mixed?: boolean;
      particle: XParticle | null;
      loc: SourceLocation;
    } & XAttributes)
  | ({
      kind: "simpleContent";
      derivation: "extension" | "restriction";
      base: QName;
      /** restriction only: an inline simple type for the content, and facets on top. */
      simpleType?: XSimpleType;
      facets: XFacet[];
      loc: SourceLocation;
    } & XAttributes);

export interface XComplexType extends Located {
  kind: "complexType";
  name?: string;
  mixed: boolean;
  abstract: boolean;
  content: XComplexContent;
  block?: DerivationMethod[];
  final?: DerivationMethod[];
}

export interface XFacet {
  facet: FacetName;
  value: string;
  doc?: string;
  loc: SourceLocation;
  /** The value attribute (its location; diagnostics about the value point there). */
  valueSite: XValueSite;
  /** fixed="true": types derived from this one cannot change the facet's value. */
  fixed?: boolean;
}

export const FACET_NAMES = [
  "length",
  "minLength",
  "maxLength",
  "pattern",
  "enumeration",
  "whiteSpace",
  "maxInclusive",
  "maxExclusive",
  "minInclusive",
  "minExclusive",
  "totalDigits",
  "fractionDigits",
] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export type XSimpleDerivation =
  | { kind: "restriction"; base?: QName; simpleType?: XSimpleType; facets: XFacet[] }
  | { kind: "list"; itemType?: QName; simpleType?: XSimpleType }
  | { kind: "union"; memberTypes: QName[]; simpleTypes: XSimpleType[] };

export interface XSimpleType extends Located {
  kind: "simpleType";
  name?: string;
  derivation: XSimpleDerivation;
  final?: DerivationMethod[];
}

export interface XGroup extends Located {
  kind: "group";
  name: string;
  particle: XCompositor | null;
}

export interface XAttributeGroup extends Located, XAttributes {
  kind: "attributeGroup";
  name: string;
}

/**
 * xs:redefine's children: new definitions of components of the redefined document, each under
 * the name of the one it replaces (read in the redefining document, whose namespace they take).
 */
export interface XRedefinitions {
  simpleTypes: XSimpleType[];
  complexTypes: XComplexType[];
  groups: XGroup[];
  attributeGroups: XAttributeGroup[];
}

export interface XInclude {
  /** xs:redefine loads like xs:include (same or no target namespace) and then replaces components. */
  directive: "include" | "import" | "redefine";
  /** import: the namespace attribute (null = no namespace). */
  namespace?: string | null;
  schemaLocation?: string;
  /** redefine only. */
  redefinitions?: XRedefinitions;
  loc: SourceLocation;
}

/** xs:notation: a global declaration in its own symbol space. */
export interface XNotation extends Located {
  kind: "notation";
  name: string;
  public?: string;
  system?: string;
}

/** One schema document, read. Global definitions keep document order. */
export interface XSchema {
  file: string;
  /** The effective target namespace (a chameleon include takes its includer's). */
  targetNamespace: string | null;
  /** The targetNamespace attribute as written (null when absent). */
  declaredTargetNamespace: string | null;
  directives: XInclude[];
  elements: XElement[];
  attributes: XAttribute[];
  complexTypes: XComplexType[];
  simpleTypes: XSimpleType[];
  groups: XGroup[];
  attributeGroups: XAttributeGroup[];
  notations: XNotation[];
  doc?: string;
  loc: SourceLocation;
}

export type { WhiteSpace };
