/**
 * What the XML reader reports, as calls on a handler (no event objects on the hot path).
 * Positions are 1-based line and column; columns count characters (UTF-16 code units' worth of
 * characters as JavaScript sees them, a surrogate pair counting as one).
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { DtdDocument } from "../dtd/syntax.js";

export interface Position {
  line: number;
  column: number;
}

export interface XmlAttribute {
  /** Qualified name as written, e.g. "xsi:type". */
  name: string;
  /** Value after entity expansion and attribute-value normalisation (by declared type when a DTD declares it). */
  value: string;
  /** Namespace URI (null for none) and local name, resolved when namespaces are processed. */
  uri: string | null;
  local: string;
  /** Position of the attribute name. */
  line: number;
  column: number;
  /** false for an attribute added from a DTD default. */
  specified: boolean;
  /**
   * true when normalisation by the DTD-declared (non-CDATA) type changed the value, i.e. the
   * value differs from its CDATA normalisation (needed for the standalone="yes" validity check).
   */
  typeNormalized?: boolean;
}

export interface StartTag {
  /** Qualified name as written. */
  name: string;
  uri: string | null;
  local: string;
  /** Includes xmlns declarations, which have uri "http://www.w3.org/2000/xmlns/". */
  attributes: XmlAttribute[];
  /** Position of the `<`. */
  line: number;
  column: number;
  selfClosing: boolean;
  /** Nesting depth, root = 1. */
  depth: number;
}

export interface XmlDeclaration {
  version: string;
  encoding?: string;
  standalone?: boolean;
}

export interface DoctypeInfo {
  name: string;
  publicId?: string;
  systemId?: string;
  /** The parsed internal and external subsets, in document order; null when there is neither. */
  dtd: DtdDocument | null;
  line: number;
  column: number;
}

export interface XmlHandler {
  xmlDeclaration?(decl: XmlDeclaration): void;
  doctype?(doctype: DoctypeInfo): void;
  startElement(tag: StartTag): void;
  endElement(name: string, pos: Position): void;
  /**
   * Character data, with entity references and CDATA sections already resolved. Adjacent text
   * may arrive in several calls (chunk boundaries, CDATA); `pos` is where this piece starts.
   * `cdata` is true for text from a CDATA section.
   */
  text(text: string, pos: Position, cdata: boolean): void;
  /**
   * Optional: a reference in content, reported just before the text (if any) it produces, for
   * validity checks that depend on where text came from (XML 1.0 erratum E15, VC Element Valid):
   * a character reference to white space is not ignorable white space, and an entity reference
   * inside an EMPTY element is content even when its replacement text is empty.
   * kind "char": a character reference, `text` is the character it stands for;
   * kind "entity": a reference to a declared general entity other than the five predefined
   * ones, `text` is the entity's name.
   */
  reference?(kind: "char" | "entity", text: string, pos: Position): void;
  processingInstruction?(target: string, data: string, pos: Position): void;
  comment?(text: string, pos: Position): void;
  /**
   * A well-formedness or reader error (code prefix "xml/"), or a warning. After an error of
   * severity "error" the reader stops: no further calls but `end`. Exception: diagnostics of the
   * DTD parser (prefix "dtd/") are passed on too, and only its well-formedness errors stop the
   * reader; DTD validity errors do not.
   */
  diagnostic(d: Diagnostic): void;
  /** The end of input (after the last call, also after a fatal error). */
  end?(): void;
}
