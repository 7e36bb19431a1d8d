/** The public shapes of the datatypes API (re-exported by index.ts). */

export type ValueParams = Record<string, string | number | boolean | string[]>;

/** null = valid; otherwise a diagnostic code of codes.ts with the parameters of its message. */
export type ValueCheck = null | { code: string; params: ValueParams };

/** What a checker may need from the document to check QName values. */
export interface ValueContext {
  /** The namespace URI bound to `prefix` ("" for the default namespace), or undefined/null when unbound. */
  lookupNamespace?(prefix: string): string | null | undefined;
  /**
   * Whether `name` is an unparsed entity (ENTITY ... NDATA) declared in the document's DTD: the
   * value space of xs:ENTITY (XSD 1.0 Part 2 §3.3.11). Absent: ENTITY values are checked as NCNames only.
   */
  unparsedEntity?(name: string): boolean;
}

export interface SimpleTypeChecker {
  /** Checks a lexical value as it appears in the document (before whitespace processing). */
  check(lexical: string, context?: ValueContext): ValueCheck;
  /** The value after the type's whiteSpace processing (for a union: the accepting member's). */
  normalize(lexical: string): string;
  /** A short description for messages, e.g. "xs:integer in 1..256". */
  describe(): string;
  /** The enumerated values (as written in the schema), when the type has an enumeration facet. */
  enumeration?: string[];
  /** Whether values may contain QNames (QName, NOTATION, or a list or union over one): their prefixes need bindings. */
  hasQNames?: boolean;
  /**
   * Whether two lexical values are the same value, each resolved through its own context (for a
   * fixed value: the instance's bindings and the schema's). When either is not valid, whether
   * the normalised literals are equal.
   */
  sameValue?(a: string, aContext: ValueContext | undefined, b: string, bContext: ValueContext | undefined): boolean;
}
