/**
 * Differential outcomes where qxml and libxml2 are known to disagree, each with the spec clause
 * that decides it and who is right (also in docs/conformance.md, "Differential"). Two forms: exact
 * outcome ids ("<fixture>#<mutation id>[@doctype]"), and recognisers that explain a class of
 * cases by what the engines say (as test-support/wf-known.ts does), each with a pinned example
 * that test/differential/known-validity.test.ts checks still disagrees and is still recognised.
 * A recogniser explains a verdict disagreement, or a first error that is not inside libxml2's
 * element because libxml2 does not report qxml's first error at all.
 */
import type { DifferentialOutcome } from "./differential.js";

export const KNOWN_DIFFERENTIAL_DISAGREEMENTS: Readonly<Record<string, string>> = {};

export interface KnownValidityDifference {
  id: string;
  /** The clause of XML 1.0 (5th ed.), Namespaces in XML 1.0 or XSD 1.0 (2nd ed.) that decides the case. */
  clause: string;
  /** Who is right, and why the other engine differs. */
  why: string;
  /**
   * A pinned example: the schema (its kind and text) and a document on which the engines disagree.
   * mode "doctype": the document is validated through its own DOCTYPE (the schema file is written
   * beside it as "<id>.dtd", which the DOCTYPE may name); default: against the schema file.
   */
  example: { kind: "dtd" | "xsd"; schema: string; xml: string; mode?: "doctype" };
  /**
   * The difference is only in which error comes first, and libxml2's order varies between
   * processes (its hash tables are seeded at random): the example's test then checks that both
   * engines report errors on the same elements, not that this run's first errors differ.
   */
  orderOnly?: true;
  matches(o: DifferentialOutcome): boolean;
}

type Side = DifferentialOutcome["qxml"];
/** The first error's message, or libxml2's own text as its diagnostic's params keep it (a message shows a long one cut). */
const says = (v: Side, re: RegExp) => v.first !== undefined && (re.test(v.first.message) || (typeof v.first.params?.message === "string" && re.test(v.first.params.message)));
/** A value with white space around a date, time or duration lexical form. */
const spacedTemporal = (v: string | undefined) => v !== undefined && v !== v.trim() && /^(-?P[\dTYMDHS.]+|-?\d{4,}(-\d\d[-\dT:.Z+]*|Z|[+-]\d\d:\d\d)?|\d\d:\d\d:[\d.:Z+-]+|--[\d-]+Z?)$/.test(v.trim());
const XSD_LIST = '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">';

export const KNOWN_VALIDITY_DIFFERENCES: readonly KnownValidityDifference[] = [
  {
    id: "dtd-char-reference-space-in-element-content",
    clause:
      "XML 1.0 §3 VC Element Valid (element content: child elements with optional white space, comments and PIs, i.e. S and Misc) and its note: white space written as a character reference does not match S",
    why:
      "qxml right: &#32; between the children of an element declared with element content is character data written as a reference, not the white space the content model allows. libxml2 2.15 treats the expanded space as ignorable and accepts it. (In XSD, where the infoset has only the space character, both engines accept it.)",
    example: { kind: "dtd", schema: "<!ELEMENT a (b*)><!ELEMENT b EMPTY>", xml: "<a><b/>&#32;<b/></a>" },
    matches: (o) => o.libxml2.valid && o.qxml.first?.code === "valid/text-not-allowed" && says(o.qxml, /character reference to white space/),
  },
  {
    id: "xsd-cdata-white-space-in-element-only",
    clause:
      "XSD 1.0 Part 1 §3.4.4 cvc-complex-type.2.3 (element-only: no character information item children other than white space); CDATA section boundaries are not in the infoset (XML Infoset §2.6)",
    why:
      "qxml right: an empty CDATA section, or one holding only white space, contributes no character or only white space, which element-only content allows. libxml2 2.15 sees a CDATA node and reports \"Character content other than whitespace\".",
    example: { kind: "xsd", schema: `${XSD_LIST}<xs:element name="a"><xs:complexType><xs:sequence><xs:element name="b" minOccurs="0"/></xs:sequence></xs:complexType></xs:element></xs:schema>`, xml: "<a><![CDATA[ ]]><b/></a>" },
    matches: (o) => o.qxml.valid && !o.libxml2.valid && says(o.libxml2, /Character content other than whitespace is not allowed because the content type is 'element-only'/),
  },
  {
    id: "xsd-date-time-white-space",
    clause: "XSD 1.0 Part 2 §3.2.7 dateTime, §3.2.9 date (whiteSpace fixed to collapse) and §4.3.6 whiteSpace: leading and trailing white space is removed before the lexical check",
    why:
      "qxml right: \" 2024-02-29 \" is a valid xs:date (as \" 1 \" is a valid xs:int, which libxml2 accepts). libxml2 2.15 does not collapse white space before parsing the date/time types and rejects the value.",
    example: { kind: "xsd", schema: `${XSD_LIST}<xs:element name="d" type="xs:date"/></xs:schema>`, xml: "<d> 2024-02-29 </d>" },
    // A type derived from one of them ("the local atomic type", "the atomic type 'MSD'"): its value must then look like a date, time or duration.
    matches: (o) => {
      // libxml2 writes some values' white space escaped ('\n\t2000-02-12\n'): read it back as white space.
      const m = (o.libxml2.first?.message ?? "").replace(/\\[ntr]/g, " ");
      return (
        o.qxml.valid &&
        (/'(\s[^']*|[^']*\s)' is not a valid value of the atomic type 'xs:(dateTime|date|time|gYear|gYearMonth|gMonth|gMonthDay|gDay|duration)'/.test(m) ||
          spacedTemporal(/': '([^']*)' is not a valid value of the (local atomic type|atomic type '[^']*')\./.exec(m)?.[1]))
      );
    },
  },
  {
    id: "xsd-idref-not-resolved",
    clause: "XSD 1.0 Part 1 §3.3.4 cvc-id.1 (every IDREF, also each item of an IDREFS, must have an ID binding in the validation root's ID/IDREF table)",
    why:
      "qxml right: an xs:IDREF or xs:IDREFS value naming no xs:ID of the document is an error. libxml2 2.15's XSD validator checks xs:ID uniqueness but never resolves xs:IDREF values (its DTD validator does).",
    example: {
      kind: "xsd",
      schema: `${XSD_LIST}<xs:element name="a"><xs:complexType><xs:attribute name="id" type="xs:ID"/><xs:attribute name="ref" type="xs:IDREF"/></xs:complexType></xs:element></xs:schema>`,
      xml: '<a id="x" ref="y"/>',
    },
    matches: (o) => o.libxml2.valid && o.qxml.first?.code === "valid/unresolved-idref",
  },
  {
    id: "xsd-empty-idrefs",
    clause: "XSD 1.0 Part 2 §3.3.10 IDREFS (and §3.3.5 NMTOKENS, §3.3.12 ENTITIES): derived by list with minLength 1, so the empty list is not a value",
    why: "qxml right: an empty (or all-white-space) xs:IDREFS value has 0 items. libxml2 2.15 accepts it.",
    example: { kind: "xsd", schema: `${XSD_LIST}<xs:element name="a"><xs:complexType><xs:attribute name="refs" type="xs:IDREFS"/></xs:complexType></xs:element></xs:schema>`, xml: '<a refs=" "/>' },
    matches: (o) => o.libxml2.valid && says(o.qxml, /has 0 items; expected at least 1/),
  },
  {
    id: "dtd-colon-in-id",
    clause:
      "Namespaces in XML 1.0 §7 (Conformance of Documents): in a namespace-valid document, no attribute with a declared type of ID, IDREF(S), ENTITY(IES) or NOTATION contains a colon",
    why:
      "qxml right: with namespaces on (both engines' default), id=\"a:b\" of type ID is not namespace-valid, and qxml reports it where it occurs. libxml2 2.15 checks only that the value is a Name; when the ID is referenced elsewhere its first error is then the dangling IDREF instead.",
    example: { kind: "dtd", schema: "<!ELEMENT a EMPTY><!ATTLIST a id ID #IMPLIED>", xml: '<a id="a:b"/>' },
    matches: (o) => (o.libxml2.valid || o.located === false) && says(o.qxml, /values are NCNames when namespaces are in use/),
  },
  {
    id: "xsd-element-fixed-value",
    clause:
      "XSD 1.0 Part 1 §3.3.4 cvc-elt.5.2.2.2.2 (the actual value must match the {value constraint} value; XSD 1.1 words it \"equal or identical to\"), actual value after whiteSpace (Part 2 §4.3.6)",
    why:
      "qxml right: <rate> 2.50 </rate> and <rate>2.5</rate> have the value 2.5 of a decimal fixed at \"2.50\", and <b>1</b> is the boolean true; libxml2 2.15 compares an element's content with the fixed value as strings, white space included (its attribute check compares values, as qxml does for both).",
    example: { kind: "xsd", schema: `${XSD_LIST}<xs:element name="rate" type="xs:decimal" fixed="2.50"/></xs:schema>`, xml: "<rate> 2.5 </rate>" },
    matches: (o) => o.qxml.valid && says(o.libxml2, /^Element '[^']*': The actual value '[\s\S]*' does not match the fixed value constraint '/),
  },
  {
    id: "xsd-nan-range-facets",
    clause: "XSD 1.0 Part 2 §3.2.4/§3.2.5 (float, double: NaN is incomparable with every value) and §4.3.7–4.3.10 (minInclusive … maxExclusive: the value must compare as less or greater)",
    why:
      "qxml right: NaN is neither greater nor less than 0, so it does not satisfy minExclusive=\"0\" (nor any range facet). libxml2 2.15 accepts NaN against range facets.",
    example: { kind: "xsd", schema: `${XSD_LIST}<xs:element name="d"><xs:simpleType><xs:restriction base="xs:double"><xs:minExclusive value="0"/></xs:restriction></xs:simpleType></xs:element></xs:schema>`, xml: "<d>NaN</d>" },
    matches: (o) => o.libxml2.valid && says(o.qxml, /: value NaN must be (greater|less)/),
  },
  {
    id: "xsd-xsi-type-empty-default-namespace",
    clause: "Namespaces in XML 1.0 §6.2 (xmlns=\"\" undeclares the default namespace: unprefixed names are then in no namespace) and XSD 1.0 cvc-elt.4.1 (xsi:type is a QName resolved in the element's in-scope namespaces)",
    why:
      "qxml right: under xmlns=\"\", xsi:type=\"T\" names the no-namespace type T, which the schema declares. libxml2 2.15 resolves it to a namespace whose name is the empty string ('{}T') and reports that it does not resolve.",
    example: { kind: "xsd", schema: `${XSD_LIST}<xs:complexType name="T"/><xs:element name="a" type="T"/></xs:schema>`, xml: '<a xmlns="" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="T"/>' },
    matches: (o) => o.qxml.valid && says(o.libxml2, /The QName value '\{\}[^']*' of the xsi:type attribute does not resolve to a type definition/),
  },
  {
    id: "xsd-lax-unresolved-xsi-type",
    clause:
      "XSD 1.0 Part 1 §3.3.4 Schema-Validity Assessment (Element), cvc-assess-elt.1.2 and .2: an element with no declaration is validated against its xsi:type only when that resolves; otherwise it is assessed laxly, which is no error (cvc-elt.4's 'must resolve' applies to elements with a declaration)",
    why:
      "qxml right: an element taken by a processContents=\"lax\" wildcard, with no declaration and xsi:type=\"NoSuchType\", is laxly assessed. libxml2 2.15 reports that the xsi:type does not resolve, as it would for a declared element.",
    example: {
      kind: "xsd",
      schema: `${XSD_LIST}<xs:element name="r"><xs:complexType><xs:sequence><xs:any namespace="##other" processContents="lax"/></xs:sequence></xs:complexType></xs:element></xs:schema>`,
      xml: '<r xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><b xmlns="urn:b" xsi:type="NoSuchType"/></r>',
    },
    matches: (o) => o.qxml.valid && says(o.libxml2, /The QName value '(\{[^}]+\})?[^'{}]*' of the xsi:type attribute does not resolve to a type definition/),
  },
  {
    id: "dtd-char-reference-tab-in-list",
    clause:
      "XML 1.0 §3.3.3 Attribute-Value Normalization (a character reference appends the character it names, so &#9; stays a tab; only #x20 is then trimmed and collapsed for non-CDATA types) and §2.3 [8] Nmtokens ::= Nmtoken (#x20 Nmtoken)*, [6] Names",
    why:
      "qxml right: through the document's own DOCTYPE, codes=\"&#9;x y\" of type NMTOKENS normalises to a tab followed by \"x y\"; a tab is neither a name character nor the #x20 separator. libxml2 2.15 splits NMTOKENS, IDREFS and ENTITIES values at any white space character and accepts it.",
    example: { kind: "dtd", schema: "", mode: "doctype", xml: '<!DOCTYPE a [<!ELEMENT a EMPTY><!ATTLIST a codes NMTOKENS #IMPLIED>]><a codes="&#9;x y"/>' },
    matches: (o) => o.mode === "doctype" && o.libxml2.valid && says(o.qxml, /found "[^"]*([\t\n\r]|\\[tnr])[^"]*"$/) && says(o.qxml, /separated by single spaces \((NMTOKENS|IDREFS|ENTITIES)\)/),
  },
  {
    id: "dtd-list-separators-not-normalised",
    clause: "XML 1.0 §2.3 [6] Names ::= Name (#x20 Name)*, [8] Nmtokens ::= Nmtoken (#x20 Nmtoken)*; §3.3.1 VC IDREF and Name Token",
    why:
      "qxml right: validated against a DTD the document does not declare (qxml validate --schema x.dtd), attribute values are not normalised by type (§3.3.3), which is why both engines reject id=\" x \"; likewise \" a\", \"a \" and \"a  b\" do not match Nmtokens or Names. libxml2 2.15 skips leading, trailing and doubled spaces in NMTOKENS and doubled spaces in IDREFS. Through the document's own DOCTYPE the values are normalised first and both engines accept them.",
    example: { kind: "dtd", schema: "<!ELEMENT a EMPTY><!ATTLIST a codes NMTOKENS #IMPLIED>", xml: '<a codes="x  y"/>' },
    matches: (o) => o.libxml2.valid && says(o.qxml, /separated by single spaces \((NMTOKENS|IDREFS|ENTITIES)\)/),
  },
  {
    id: "xsd-float-exponent-without-digits",
    clause: "XSD 1.0 Part 2 §3.2.4.1 float and §3.2.5.1 double lexical representation: a mantissa optionally followed by E or e and an exponent, which must be an integer",
    why: "qxml right: \"1e\", \"1.5E\" and \"1e+\" have an exponent marker and no exponent. libxml2 2.15 accepts them (also listed in docs/datatypes.md).",
    example: { kind: "xsd", schema: `${XSD_LIST}<xs:element name="d" type="xs:double"/></xs:schema>`, xml: "<d>1e</d>" },
    matches: (o) => o.libxml2.valid && says(o.qxml, /"[^"]*[eE][+-]?" is not a valid xs:(double|float)/),
  },
  {
    id: "dangling-idref-report-order",
    clause: "XML 1.0 §3.3.1 VC IDREF (each IDREF must match an ID; a document with several dangling references breaks it several times, and no order of reports is specified)",
    why:
      "Both conform: with several dangling references, qxml reports them in document order, libxml2 2.15 in the order of its reference hash table, which is seeded at random per process (for <r also=\"x zz\"/><r to=\"zz\"/> it may name the second <r> first), so the two first errors can name different elements. Both report every one of them.",
    example: {
      kind: "dtd",
      schema: "<!ELEMENT a (r*)><!ELEMENT r EMPTY><!ATTLIST r to IDREF #IMPLIED also IDREFS #IMPLIED>",
      xml: '<a><r also="x zz"/><r to="zz"/></a>',
    },
    orderOnly: true,
    matches: (o) => o.located === false && o.qxml.first?.code === "valid/unresolved-idref" && says(o.libxml2, /references an unknown ID/),
  },
  {
    id: "xsd-base64-stray-characters",
    clause: "XSD 1.0 Part 2 §3.2.16 base64Binary: the lexical space is the Base64Binary production, groups of four characters from A-Z a-z 0-9 + / (with optional single spaces) and = padding",
    why:
      "qxml right: \"PEhl&\" or \"PEhl!\" has a character outside the base64 alphabet. libxml2 2.15 skips characters that are not base64 digits when it checks an xs:base64Binary value (its source says \"Ignore all stray characters? (yes, currently)\") and accepts it.",
    example: { kind: "xsd", schema: `${XSD_LIST}<xs:element name="b" type="xs:base64Binary"/></xs:schema>`, xml: "<b>PEhl&amp;</b>" },
    matches: (o) => o.libxml2.valid && says(o.qxml, /is not a valid xs:base64Binary/),
  },
  {
    id: "dtd-root-name-prefix",
    clause: "XML 1.0 §2.8 VC Root Element Type (the Name in the document type declaration must match the element type of the root element); the element type of <pfx:notes> is the name pfx:notes",
    why:
      "qxml right: <!DOCTYPE notes> does not match the root <pfx:notes>. libxml2 2.15 compares the DOCTYPE name with the root's local name (it also accepts the prefixed name), so it accepts the document (libxml2's own test/valid/notes.xml).",
    example: { kind: "dtd", schema: "", mode: "doctype", xml: '<!DOCTYPE notes [<!ELEMENT pfx:notes EMPTY><!ATTLIST pfx:notes xmlns:pfx CDATA #FIXED "urn:x">]><pfx:notes xmlns:pfx="urn:x"/>' },
    matches: (o) => {
      const m = o.qxml.first?.code === "valid/root-mismatch" ? /expected <([^>]+)> \(the DOCTYPE name\); found <([^>:]+):([^>]+)>/.exec(o.qxml.first.message) : null;
      return m !== null && m[1] === m[3] && (o.libxml2.valid || o.located === false);
    },
  },
];

/**
 * The known difference that explains a disagreement (or a misplaced first error), if any. A first
 * error is also explained when it is one the other engine never reports (a known difference of
 * its own): with two mistakes in a document, the other engine's first error is then the second.
 */
export function explainDisagreement(o: DifferentialOutcome): KnownValidityDifference | undefined {
  const direct = KNOWN_VALIDITY_DIFFERENCES.find((k) => k.matches(o));
  if (direct !== undefined || o.located !== false) return direct;
  const silent = (v: Side): Side => ({ ...v, valid: true, first: undefined, errors: 0, paths: [] });
  const qxmlOnly: DifferentialOutcome = { ...o, agree: false, located: null, libxml2: silent(o.libxml2) };
  const libxml2Only: DifferentialOutcome = { ...o, agree: false, located: null, qxml: silent(o.qxml) };
  return KNOWN_VALIDITY_DIFFERENCES.find((k) => k.matches(qxmlOnly) || k.matches(libxml2Only));
}
