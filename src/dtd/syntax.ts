/**
 * The DTD as written: the syntax model the DTD parser produces (src/dtd/parse.ts) and the XML
 * reader consults (entities, attribute defaults and types). src/schema/dtd turns it into the
 * schema model. Locations point into the file (or internal subset) where each declaration stands.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceLocation } from "../schema/model.js";

export type Occurrence = "" | "?" | "*" | "+";

export type ContentParticle =
  | { kind: "name"; name: string; occur: Occurrence; location: SourceLocation }
  | { kind: "seq" | "choice"; items: ContentParticle[]; occur: Occurrence; location: SourceLocation };

export type ContentSpec =
  | { kind: "EMPTY" }
  | { kind: "ANY" }
  /** (#PCDATA) has names []; (#PCDATA|a|b)* lists a, b. */
  | { kind: "mixed"; names: string[] }
  | { kind: "children"; particle: ContentParticle };

export interface ElementTypeDecl {
  name: string;
  content: ContentSpec;
  /** The comment immediately before the declaration, if any (used for docs and `qxml:inferred`). */
  comment?: string;
  location: SourceLocation;
}

export type AttributeTypeSyntax =
  | { kind: "CDATA" | "ID" | "IDREF" | "IDREFS" | "ENTITY" | "ENTITIES" | "NMTOKEN" | "NMTOKENS" }
  | { kind: "NOTATION"; values: string[] }
  | { kind: "enumeration"; values: string[] };

/**
 * `value` is the literal as written between the quotes (references not expanded, white space not
 * normalised); normalizeAttributeValue (src/dtd/attribute-value.ts) gives the value to apply.
 */
export type AttributeDefault =
  | { kind: "#REQUIRED" }
  | { kind: "#IMPLIED" }
  | { kind: "#FIXED"; value: string }
  | { kind: "default"; value: string };

export interface AttributeDef {
  element: string;
  name: string;
  type: AttributeTypeSyntax;
  default: AttributeDefault;
  comment?: string;
  /** True when declared in the external subset or an external parameter entity (matters for standalone="yes"). */
  external: boolean;
  location: SourceLocation;
}

export interface EntityDeclSyntax {
  name: string;
  parameter: boolean;
  /** Replacement text (internal entities), with parameter and character references already expanded. */
  value?: string;
  systemId?: string;
  publicId?: string;
  notation?: string;
  /** The base from which a relative systemId resolves (the declaring file's URL or path). */
  base: string;
  external: boolean;
  location: SourceLocation;
}

export interface NotationDeclSyntax {
  name: string;
  systemId?: string;
  publicId?: string;
  location: SourceLocation;
}

export interface DtdDocument {
  /** First declaration of each element (a second one is a validity error reported in diagnostics). */
  elements: Map<string, ElementTypeDecl>;
  /** Attribute definitions by element name, in declaration order; the first definition of a name binds. */
  attlists: Map<string, AttributeDef[]>;
  generalEntities: Map<string, EntityDeclSyntax>;
  parameterEntities: Map<string, EntityDeclSyntax>;
  notations: Map<string, NotationDeclSyntax>;
  /** Syntax errors (fatal), validity errors and warnings found while reading the DTD. */
  diagnostics: Diagnostic[];
  /**
   * Targets of the DTD's processing instructions (absent when it has none), for the reader's
   * namespace check: Namespaces in XML 1.0 §7 forbids colons in PI targets.
   */
  piTargets?: { target: string; location: SourceLocation }[];
}
