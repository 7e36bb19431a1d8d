/**
 * Schema-mutation outcomes where qxml and libxml2 are known to disagree, each with the spec
 * clause that decides it, who is right, a pinned example (test/differential/schema-mutations.test.ts
 * checks that it still disagrees and is still recognised), and a recogniser for the outcomes of
 * the differential it explains. Also in docs/conformance.md, "Schema mutations".
 */
import type { SchemaOutcome } from "./schema-differential.js";

export interface KnownSchemaDifference {
  id: string;
  /** The clause of XSD 1.0 (2nd ed.) or XML 1.0 (5th ed.) that decides the case. */
  clause: string;
  /** Who is right, and why the other engine differs. */
  why: string;
  /** A schema (text, or a file of the shared libxml2 suite) and documents on which the engines disagree. */
  example: { language: "xsd" | "dtd"; schema?: string; file?: string; xml?: string[] };
  matches(o: SchemaOutcome): boolean;
}

const XS = '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">';
type Side = SchemaOutcome["qxml"];
const says = (s: Side, re: RegExp) => s.first !== undefined && re.test(s.first.message);
const qxmlOnlyRejects = (o: SchemaOutcome, code: string) => o.qxml.verdict === "rejected" && o.libxml2.verdict === "accepted" && o.qxml.first?.code === code;
const libxml2OnlyRejects = (o: SchemaOutcome, re: RegExp) => o.libxml2.verdict === "rejected" && o.qxml.verdict === "accepted" && says(o.libxml2, re);
const docDisagrees = (o: SchemaOutcome, q: boolean, l: boolean) => o.docs.some((d) => !d.agree && d.qxml.valid === q && d.libxml2.valid === l);
const chain = (n: number) =>
  `${XS}${Array.from({ length: n }, (_, i) => `<xs:complexType name="c${i}"><xs:complexContent><xs:extension base="c${i + 1}"/></xs:complexContent></xs:complexType>`).join("")}<xs:complexType name="c${n}"/></xs:schema>`;

export const KNOWN_SCHEMA_DIFFERENCES: readonly KnownSchemaDifference[] = [
  {
    id: "qxml-definition-depth-limit",
    clause: "XSD 1.0 Part 1 §2.4 (conformance: processors may have limits); no clause bounds derivation chains",
    why: "Both conform: qxml refuses type definitions nested more than 200 deep (xsd/too-deep-definitions, its bound against hostile schemas, docs/benchmarks.md); libxml2 has no such bound and reads a 250-long extension chain.",
    example: { language: "xsd", schema: chain(250) },
    matches: (o) => qxmlOnlyRejects(o, "xsd/too-deep-definitions"),
  },
  {
    id: "libxml2-self-include",
    clause: "XSD 1.0 Part 1 §4.2.1 (src-include): the included document's components join the schema; a document already part of the schema adds nothing (circular includes are allowed)",
    why: "qxml right: an xs:include of the schema document itself is a no-op. libxml2 2.15 rejects it (\"The schema must not import/include/redefine itself\"), a check the spec does not make for include.",
    example: { language: "xsd", schema: `${XS}<xs:include schemaLocation="example.xsd"/><xs:element name="a"/></xs:schema>` },
    matches: (o) => libxml2OnlyRejects(o, /must not import\/include\/redefine itself/),
  },
  {
    id: "libxml2-misses-same-term-twice",
    clause: "XSD 1.0 Part 1 §3.8.6 cos-nonambig (Unique Particle Attribution); XML 1.0 §3.2.1 and Appendix E (deterministic content models, an error for compatibility)",
    why: "qxml right: when the same element name (or the same wildcard) can be matched by two particles, e.g. (a|a) or (a?,a?), a child can be attributed to either. libxml2 builds its automaton with equal transitions merged and does not see the choice.",
    example: { language: "xsd", schema: `${XS}<xs:element name="r"><xs:complexType><xs:choice maxOccurs="unbounded"><xs:element name="a"/><xs:element name="a"/></xs:choice></xs:complexType></xs:element></xs:schema>` },
    matches: (o) => qxmlOnlyRejects(o, "valid/ambiguous-content-model") && says(o.qxml, /may match (<[^>]+>|.+?) at \S+ or \1 at /),
  },
  {
    id: "libxml2-misses-overlapping-wildcards",
    clause: "XSD 1.0 Part 1 §3.8.6 cos-nonambig (Unique Particle Attribution), §3.10.6 (wildcard intersection)",
    why: "qxml right: with an optional ##any wildcard followed by a ##other one, a child in another namespace can be attributed to either. libxml2 2.15 accepts the content model.",
    example: {
      language: "xsd",
      schema: `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t"><xs:element name="r"><xs:complexType><xs:sequence><xs:any minOccurs="0" processContents="lax"/><xs:any namespace="##other" processContents="lax"/></xs:sequence></xs:complexType></xs:element></xs:schema>`,
    },
    matches: (o) => qxmlOnlyRejects(o, "valid/ambiguous-content-model") && says(o.qxml, /an element matching both wildcards may match/),
  },
  {
    id: "libxml2-counted-repeats-not-deterministic",
    clause: "XSD 1.0 Part 1 §3.8.6 cos-nonambig: ambiguity means a child that two particles could both match",
    why: "qxml right: in (p{2,2}, p{2,2}) the first two <p> can only be the first particle and the next two only the second, so the model is deterministic. libxml2's counted automaton reports \"The content model is not determinist\".",
    example: { language: "xsd", schema: `${XS}<xs:element name="r"><xs:complexType><xs:sequence><xs:element name="p" minOccurs="2" maxOccurs="2"/><xs:element name="p" minOccurs="2" maxOccurs="2"/></xs:sequence></xs:complexType></xs:element></xs:schema>` },
    matches: (o) => libxml2OnlyRejects(o, /The content model is not determinist/) && /(min|max)Occurs="([2-9]|\d\d+)"\s+(max|min)Occurs="\2"/.test(o.text),
  },
  {
    id: "libxml2-counted-wildcard-not-deterministic",
    clause: "XSD 1.0 Part 1 §3.8.6 cos-nonambig; §3.10.4 (##other excludes the target namespace)",
    why: "qxml right: in (boo*, any(##other){1,5}, boo) with boo in the target namespace, no child can match two particles. libxml2 2.15 reports \"The content model is not determinist\" (libxml2's test/schemas any5_1 with boo made repeatable).",
    example: {
      language: "xsd",
      schema: `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test:foo" elementFormDefault="qualified"><xs:element name="foo"><xs:complexType><xs:sequence><xs:element maxOccurs="unbounded" minOccurs="0" name="boo"/><xs:any namespace="##other" maxOccurs="5" processContents="lax"/><xs:element name="boo"/></xs:sequence></xs:complexType></xs:element></xs:schema>`,
    },
    matches: (o) => libxml2OnlyRejects(o, /The content model is not determinist/) && /<(xs|xsd):any [^>]*namespace="##other"[^>]*maxOccurs="([2-9]|\d\d+)"/.test(o.text),
  },
  {
    id: "any-simple-type-restricted-in-simple-content",
    clause: "XSD 1.0 Part 1 §3.4.2 (simple content: the content type restricts the base's), Part 2 §2.5.1.1 and 2nd-edition erratum E2-13: xs:anySimpleType has no variety and may not be restricted directly",
    why: "Both defensible: a simpleContent restriction without facets of a type whose text is xs:anySimpleType; qxml takes the text type as xs:anySimpleType and accepts, libxml2 2.15 reports \"The variety is absent\" (libxml2's test/schemas subst-group-1_0 with its inner simpleType dropped).",
    example: {
      language: "xsd",
      schema: `${XS}<xs:complexType name="S"><xs:simpleContent><xs:extension base="xs:anySimpleType"/></xs:simpleContent></xs:complexType><xs:element name="t"><xs:complexType><xs:simpleContent><xs:restriction base="S"/></xs:simpleContent></xs:complexType></xs:element></xs:schema>`,
    },
    matches: (o) => libxml2OnlyRejects(o, /The variety is absent/),
  },
  {
    id: "libxml2-absent-compositor-empties-content",
    clause: "XSD 1.0 Part 1 §3.4.2 (complex content, clause 2.1: the explicit content is empty only for a <sequence>/<all> with no children, a <choice minOccurs=\"0\"> with none, or maxOccurs 0 on the particle itself), cvc-complex-type.2.3",
    why: "qxml right: a <sequence> whose only child is a <choice> or <sequence> with maxOccurs=\"0\" has a child, so its content is element-only (white space allowed). libxml2 2.15 drops the maxOccurs-0 compositor first and then takes the empty <sequence> as empty content (\"Character content is not allowed, because the content type is empty\"); with an <element maxOccurs=\"0\"> instead it says element-only, as qxml does (choice_0 with its choice at 0/0).",
    example: {
      language: "xsd",
      schema: `${XS}<xs:element name="doc"><xs:complexType><xs:sequence><xs:choice minOccurs="0" maxOccurs="0"><xs:element name="a"/></xs:choice></xs:sequence></xs:complexType></xs:element></xs:schema>`,
      xml: ["<doc> </doc>"],
    },
    matches: (o) =>
      /maxOccurs="0"/.test(o.text) && o.agree && o.docs.some((d) => !d.agree && d.qxml.valid && !d.libxml2.valid && /Character content is not allowed, because the content type is empty/.test(d.libxml2.first ?? "")),
  },
  {
    id: "libxml2-max-occurs-zero-particle",
    clause: "XSD 1.0 Part 1 §3.3.2, §3.8.2, §3.10.2: an <element>, group or <any> with minOccurs=maxOccurs=0 corresponds to no particle at all",
    why: "qxml right: such a particle neither matches a child, nor makes a choice optional, nor takes part in Unique Particle Attribution. libxml2 2.15 keeps it: it accepts a child it names, lets (a{0,0} | b) match nothing, and counts it when checking determinism.",
    example: {
      language: "xsd",
      schema: `${XS}<xs:element name="r"><xs:complexType><xs:sequence><xs:element name="a" minOccurs="0" maxOccurs="0"/><xs:element name="b" minOccurs="0"/></xs:sequence></xs:complexType></xs:element></xs:schema>`,
      xml: ["<r><a/></r>"],
    },
    matches: (o) =>
      /maxOccurs="0"/.test(o.text) &&
      (libxml2OnlyRejects(o, /The content model is not determinist/) || (o.agree && o.docs.some((d) => !d.agree && !d.qxml.valid && d.libxml2.valid && /^valid\/(unexpected-element|missing-element)/.test(d.qxml.first ?? "")))),
  },
  {
    id: "libxml2-empty-list-length",
    clause: "XSD 1.0 Part 2 §3.3.10 NMTOKENS (minLength 1), §4.3.2 minLength: an empty element's value \"\" is a list of no items",
    why: "qxml right: <b/> of type xs:NMTOKENS (or IDREFS, ENTITIES) has 0 items and is invalid. libxml2 2.15 accepts an empty list value.",
    example: { language: "xsd", schema: `${XS}<xs:element name="b" type="xs:NMTOKENS"/></xs:schema>`, xml: ["<b/>"] },
    matches: (o) =>
      (o.agree && o.docs.some((d) => !d.agree && !d.qxml.valid && d.libxml2.valid && /has 0 items; expected at least \d+/.test(d.qxml.first ?? ""))) ||
      // The same empty list as a union member: "" then fits no member (empty-value_1 with NMTOKENS for string).
      // Messages name an empty value "an empty value" / "(empty)" since the seventh session; "" before.
      (o.agree && o.docs.some((d) => !d.agree && !d.qxml.valid && d.libxml2.valid && /(""|an empty value) is not valid for any member of .*\blist of xs:(NMTOKEN|IDREF|ENTITY) of at least 1 items/.test(d.qxml.first ?? ""))) ||
      ((qxmlOnlyRejects(o, "xsd/invalid-value-constraint") || qxmlOnlyRejects(o, "xsd/invalid-facet-value")) && says(o.qxml, /value (""|\(empty\)) has 0 items; expected at least \d+/)),
  },
  {
    id: "libxml2-white-space-loosened",
    clause: "XSD 1.0 Part 2 §4.3.6.4 whiteSpace-valid-restriction (collapse cannot become replace or preserve), §3.2.3 decimal (whiteSpace fixed to collapse)",
    why: "qxml right: a restriction of xs:decimal with whiteSpace=\"replace\" is a schema error. libxml2 2.15 accepts it.",
    example: { language: "xsd", schema: `${XS}<xs:simpleType name="t"><xs:restriction base="xs:decimal"><xs:whiteSpace value="replace"/></xs:restriction></xs:simpleType></xs:schema>` },
    matches: (o) => qxmlOnlyRejects(o, "xsd/invalid-facet") && says(o.qxml, /^facet xs:whiteSpace has value/),
  },
  {
    id: "libxml2-notation-declarations-unchecked",
    clause: "XML 1.0 §3.3.1 VC Notation Attributes (every notation name in the declaration must be declared), §4.2.2 VC Notation Declared (an unparsed entity's notation)",
    why: "qxml right: a NOTATION attribute type or an NDATA entity naming an undeclared notation makes the DTD invalid. libxml2 2.15 checks a notation only when a document uses the attribute or entity.",
    example: { language: "dtd", schema: `<!ELEMENT a (#PCDATA)>\n<!ATTLIST a n NOTATION (gif) #IMPLIED>\n<!ENTITY pic SYSTEM "pic.gif" NDATA none>\n` },
    matches: (o) => qxmlOnlyRejects(o, "dtd/undeclared-notation"),
  },
  {
    id: "libxml2-notation-on-empty-late-attlist",
    clause: "XML 1.0 §3.3.1 VC No Notation on Empty Element",
    why: "qxml right: an attribute of type NOTATION must not be declared on an element declared EMPTY. libxml2 2.15 checks it only when the ATTLIST comes after the ELEMENT declaration and is the element's first attribute list.",
    example: { language: "dtd", schema: `<!ELEMENT ref EMPTY>\n<!ATTLIST ref id ID #IMPLIED>\n<!NOTATION gif SYSTEM "gif">\n<!ATTLIST ref n NOTATION (gif) #IMPLIED>\n` },
    matches: (o) => qxmlOnlyRejects(o, "dtd/notation-on-empty"),
  },
  {
    id: "libxml2-name-length-limit",
    clause: "XML 1.0 §2.3 (Name has no length limit); implementation limits are the processor's",
    why: "Both conform: libxml2 refuses names over 50,000 characters without XML_PARSE_HUGE (\"Name too long\"); qxml reads a 1 MB name (its bounds are on input size and nesting, docs/benchmarks.md).",
    example: { language: "dtd", schema: `<!ELEMENT ${"q".repeat(60000)} EMPTY>\n` },
    matches: (o) => libxml2OnlyRejects(o, /Name too long/),
  },
  {
    id: "libxml2-notation-used-directly",
    clause: "XSD 1.0 Part 2 §3.2.19 enumeration-required-notation: only types derived from NOTATION by enumeration may be used in a schema",
    why: "qxml right: type=\"xs:NOTATION\" on an attribute or element is a schema error. libxml2 2.15 accepts it.",
    example: { language: "xsd", schema: `${XS}<xs:element name="a"><xs:complexType><xs:attribute name="n" type="xs:NOTATION"/></xs:complexType></xs:element></xs:schema>` },
    matches: (o) => qxmlOnlyRejects(o, "xsd/notation-direct"),
  },
  {
    id: "libxml2-facet-given-twice",
    clause: "XSD 1.0 Part 2 §4.1.3 src-single-facet-value (a facet other than pattern and enumeration at most once per derivation step)",
    why: "qxml right: two xs:maxLength in one restriction are a schema error. libxml2 2.15 accepts them.",
    example: { language: "xsd", schema: `${XS}<xs:simpleType name="t"><xs:restriction base="xs:string"><xs:maxLength value="3"/><xs:maxLength value="4"/></xs:restriction></xs:simpleType></xs:schema>` },
    matches: (o) => qxmlOnlyRejects(o, "xsd/syntax") && says(o.qxml, /is given twice in one restriction/),
  },
  {
    id: "libxml2-min-max-length-order",
    clause: "XSD 1.0 Part 2 §4.3.2.4 minLength-less-than-equal-to-maxLength",
    why: "qxml right: minLength 5 with maxLength 2 in one restriction is a schema error. libxml2 2.15 accepts it when the restriction also has enumerations (it checks the enumeration values instead).",
    example: { language: "xsd", schema: `${XS}<xs:simpleType name="t"><xs:restriction base="xs:string"><xs:enumeration value="abc"/><xs:minLength value="5"/><xs:maxLength value="2"/></xs:restriction></xs:simpleType></xs:schema>` },
    matches: (o) => qxmlOnlyRejects(o, "xsd/invalid-facet") && says(o.qxml, /^facet xs:minLength has value "\d+"; expected at most maxLength/),
  },
  {
    id: "unknown-unicode-block-in-pattern",
    clause: "XSD 1.0 Part 2 Appendix F.1.1 (character class escapes: IsBlockName for the blocks listed); XSD 1.1 Part 2 §G.4.2.3 lets a processor accept block names it does not know",
    why: "Both defensible: qxml rejects \\p{IsNoSuchBlock} as naming no Unicode block (XSD 1.0's list); libxml2 2.15 accepts the pattern.",
    example: { language: "xsd", schema: `${XS}<xs:simpleType name="t"><xs:restriction base="xs:string"><xs:pattern value="\\p{IsNoSuchBlock}"/></xs:restriction></xs:simpleType></xs:schema>` },
    matches: (o) => qxmlOnlyRejects(o, "xsd/invalid-pattern") && says(o.qxml, /unknown character category or block "Is/),
  },
  {
    id: "libxml2-internal-error-empty-list-enumeration",
    clause: "XSD 1.0 Part 2 §4.3.5.4 enumeration-valid-restriction: each enumeration value is in the base type's value space (the empty string is the empty list)",
    why: "qxml right: enumeration value=\"\" of a restricted list type is the empty list, a value of the list type. libxml2 2.15 fails with \"Internal error: xmlSchemaCheckFacet, value was not computed\".",
    example: { language: "xsd", schema: `${XS}<xs:simpleType name="t"><xs:restriction><xs:simpleType><xs:list itemType="xs:integer"/></xs:simpleType><xs:length value="3"/><xs:enumeration value=""/></xs:restriction></xs:simpleType></xs:schema>` },
    matches: (o) => libxml2OnlyRejects(o, /Internal error: xmlSchemaCheckFacet/),
  },
  {
    id: "libxml2-prohibited-attribute-with-simple-type",
    clause: "XSD 1.0 Part 1 §3.2.2 (the content of <attribute> is (annotation?, simpleType?) whatever its use)",
    why: "qxml right: an attribute declared use=\"prohibited\" may still have an inline simpleType. libxml2 2.15 rejects it (\"The content is not valid. Expected is (annotation?)\").",
    example: { language: "xsd", schema: `${XS}<xs:element name="a"><xs:complexType><xs:attribute name="n" use="prohibited"><xs:simpleType><xs:restriction base="xs:string"/></xs:simpleType></xs:attribute></xs:complexType></xs:element></xs:schema>` },
    matches: (o) => libxml2OnlyRejects(o, /attribute'?: The content is not valid\. Expected is \(annotation\?\)/),
  },
  {
    id: "libxml2-prohibited-attribute-type-unresolved",
    clause: "XSD 1.0 Part 1 §3.2.3 src-resolve (every QName reference resolves, whatever the use)",
    why: "qxml right: type=\"xs:NoSuchType\" on a prohibited attribute still names no type. libxml2 2.15 does not resolve the types of prohibited attribute uses and accepts the schema.",
    example: { language: "xsd", schema: `${XS}<xs:element name="a"><xs:complexType><xs:attribute name="n" type="xs:NoSuchType" use="prohibited"/></xs:complexType></xs:element></xs:schema>` },
    matches: (o) => qxmlOnlyRejects(o, "xsd/unresolved-type") && /use="prohibited"/.test(o.text),
  },
  {
    id: "empty-target-namespace",
    clause: "XSD 1.0 Part 1 §3.15.2 (an empty targetNamespace is not the same as none), Namespaces in XML 1.0 §2.2 (the empty string is no namespace name); XSD 1.1 §3.17.2 makes it an error",
    why: "Neither clearly right: qxml reads targetNamespace=\"\" as no target namespace; libxml2 2.15 reads it as a namespace \"\" that no reference or element can reach, and so rejects references to the schema's own components or finds no declaration for the document's root.",
    example: { language: "xsd", schema: `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace=""><xs:element name="a" type="T"/><xs:complexType name="T"/></xs:schema>`, xml: ["<a/>"] },
    matches: (o) => /targetNamespace=""/.test(o.text) && (libxml2OnlyRejects(o, /./) || docDisagrees(o, true, false)),
  },
  {
    id: "libxml2-idref-not-resolved",
    clause: "XSD 1.0 Part 1 §3.3.4 cvc-id.1 (every IDREF names an ID of the document); also docs/conformance.md \"Differential\", xsd-idref-not-resolved",
    why: "qxml right: an element of type xs:IDREF whose value matches no ID is invalid. libxml2's XSD validator never resolves xs:IDREF(S).",
    example: { language: "xsd", schema: `${XS}<xs:element name="r" type="xs:IDREF"/></xs:schema>`, xml: ["<r>nothing</r>"] },
    matches: (o) => o.agree && o.docs.some((d) => !d.agree && !d.qxml.valid && d.libxml2.valid && /^valid\/unresolved-idref/.test(d.qxml.first ?? "")),
  },
  {
    id: "prohibited-attribute-declared-twice",
    clause: "XSD 1.0 Part 1 §3.4.6 ct-props-correct.4 (no two attribute uses with the same name); prohibited uses are not in {attribute uses}",
    why: "Both defensible: qxml reports an attribute declared twice in one type even when it is use=\"prohibited\"; libxml2 2.15 drops prohibited uses before the check and accepts.",
    example: { language: "xsd", schema: `${XS}<xs:element name="a"><xs:complexType><xs:attribute name="n" use="prohibited"/><xs:attribute name="n" use="prohibited"/></xs:complexType></xs:element></xs:schema>` },
    matches: (o) => qxmlOnlyRejects(o, "xsd/duplicate-attribute") && /use="prohibited"/.test(o.text),
  },
  {
    id: "libxml2-prohibited-attribute-of-complex-type",
    clause: "XSD 1.0 Part 1 §3.2.3 src-resolve / a-props-correct: an attribute's type attribute resolves to a simple type definition, whatever its use",
    why: "qxml right: type=\"xs:anyType\" on an attribute names a complex type and is a schema error. libxml2 2.15 reports it, but not on a use=\"prohibited\" attribute, whose type it does not check.",
    example: { language: "xsd", schema: `${XS}<xs:element name="a"><xs:complexType><xs:attribute name="n" type="xs:anyType" use="prohibited"/></xs:complexType></xs:element></xs:schema>` },
    matches: (o) => qxmlOnlyRejects(o, "xsd/invalid-derivation") && says(o.qxml, /is a complex type; a simple type is needed here/) && /use="prohibited"/.test(o.text),
  },
  {
    id: "libxml2-complex-restriction-of-simple-content",
    clause: "XSD 1.0 Part 1 §3.4.6 derivation-ok-restriction.5.4 (element content restricts only element-only or mixed content)",
    why: "qxml right: a complexContent restriction with element content of a simple-content type is a schema error (5.4 needs an element-only or mixed base). libxml2 2.15 accepts it (libxml2's own test/schemas issue491_0 with extension turned into restriction).",
    example: { language: "xsd", schema: `${XS}<xs:complexType name="B"><xs:simpleContent><xs:extension base="xs:int"/></xs:simpleContent></xs:complexType><xs:complexType name="D"><xs:complexContent><xs:restriction base="B"><xs:sequence><xs:element name="bad" minOccurs="0"/></xs:sequence></xs:restriction></xs:complexContent></xs:complexType></xs:schema>` },
    matches: (o) => qxmlOnlyRejects(o, "xsd/invalid-derivation") && says(o.qxml, /^complexContent cannot restrict "[^"]+", which has simple content/),
  },
  {
    id: "libxml2-empty-base-restriction-unchecked",
    clause: "XSD 1.0 Part 1 §3.4.6 derivation-ok-restriction.5 (5.3: only empty content restricts an empty base; 5.4.1.1: element-only content needs an element-only or mixed base)",
    why: "qxml right: a complexContent restriction with a content model (element-only content, §3.4.2 clause 2.1, even a sequence of maxOccurs-0 particles) of a type with empty content is a schema error. libxml2 2.15 accepts it, and then accepts children the empty base never allowed (libxml2's own restriction0_0 with the base's sequence at maxOccurs 0, bug152470_1 with an extension turned into a restriction).",
    example: { language: "xsd", schema: `${XS}<xs:complexType name="E"/><xs:complexType name="D"><xs:complexContent><xs:restriction base="E"><xs:sequence><xs:element name="x" minOccurs="0"/></xs:sequence></xs:restriction></xs:complexContent></xs:complexType></xs:schema>` },
    matches: (o) => qxmlOnlyRejects(o, "xsd/invalid-derivation") && says(o.qxml, /^the restriction has a content model \(element-only content[^)]*\) but its base "[^"]+" has empty content/),
  },
  {
    id: "libxml2-fixed-mixed-element-child",
    clause: "XSD 1.0 Part 1 §3.3.4 cvc-elt.5.2.2.1: an element whose declaration has a fixed value has no element children",
    why: "qxml right: libxml2 2.15 concatenates the text around an element child of a mixed element with a fixed value and compares that, so <my>o<b/>k</my> passes fixed=\"ok\"; qxml reports the child (valid/fixed-mixed-child).",
    example: {
      language: "xsd",
      schema: `${XS}<xs:element name="b"/><xs:element name="my" fixed="ok"><xs:complexType mixed="true"><xs:sequence><xs:element ref="b" minOccurs="0"/></xs:sequence></xs:complexType></xs:element></xs:schema>`,
      xml: ["<my>o<b/>k</my>"],
    },
    matches: (o) => o.agree && o.docs.some((d) => !d.agree && !d.qxml.valid && d.libxml2.valid && (d.qxml.first ?? "").startsWith("valid/fixed-mixed-child:")),
  },
  {
    id: "libxml2-entity-values-in-schema",
    clause: "XSD 1.0 Part 2 §3.3.11 ENTITY (the value space is the unparsed entities of the instance's DTD, \"scoped to a specific instance document\"), §4.3.5 enumeration-valid-restriction, a-props-correct.2",
    why: "Both defensible: an xs:ENTITY value written in the schema (enumeration, default, fixed) has no document, hence no DTD, to be checked against. libxml2 2.15 checks it against none and rejects the schema (so no xs:ENTITY type can have an enumeration); qxml checks it as an NCName and checks the instance's values, a default or fixed stand-in included, against the document's DTD.",
    example: { language: "xsd", schema: `${XS}<xs:simpleType name="E"><xs:restriction base="xs:ENTITY"><xs:enumeration value="pic"/></xs:restriction></xs:simpleType><xs:element name="a" type="E"/></xs:schema>` },
    matches: (o) => libxml2OnlyRejects(o, /^Element '\{http:\/\/www\.w3\.org\/2001\/XMLSchema\}(enumeration|attribute|element)'(, attribute '(default|fixed)')?: '[^']*' is not a valid value of the (atomic|list|union) type/) && /ENTIT(Y|IES)/.test(o.text),
  },
  {
    id: "libxml2-entity-in-element-content",
    clause: "XSD 1.0 Part 2 §3.3.11 ENTITY: the value space is the NCNames declared as unparsed entities in the document's DTD, for attribute values and element content alike",
    why: "qxml right: libxml2 2.15 checks xs:ENTITY against the DTD only for attributes and refuses every ENTITY value in element content, also the name of a declared unparsed entity (<a>pic</a> with <!ENTITY pic SYSTEM \"p.gif\" NDATA gif>).",
    example: {
      language: "xsd",
      schema: `${XS}<xs:element name="a" type="xs:ENTITY"/></xs:schema>`,
      xml: ['<!DOCTYPE a [<!NOTATION gif SYSTEM "gif"><!ENTITY pic SYSTEM "p.gif" NDATA gif>]><a>pic</a>'],
    },
    matches: (o) => o.agree && o.docs.some((d) => !d.agree && d.qxml.valid && !d.libxml2.valid && /^Element '[^']*': '[^']*' is not a valid value of the (atomic|list|union) type/.test(d.libxml2.first ?? "") && /ENTIT(Y|IES)/.test(o.text)),
  },
  {
    id: "libxml2-unassessed-attribute-field-ignored",
    clause: "XSD 1.0 Part 1 §3.11.4 cvc-identity-constraint.3 (each field evaluates to no node or to one node, \"which must have a simple type\"; the key-sequence is of [schema normalized value]s); §3.10.4 and §3.2.4 (an attribute a lax or skip wildcard admits without a declaration is not assessed: no type, no normalized value)",
    why: "qxml right: a unique or keyref field that selects such an attribute selects a node without a simple type, an error (valid/key-field-untyped). libxml2 2.15 drops the field (\"we won't try to resolve IDCs to lax and skip validated attributes\"), so the element is not in the qualified node set and nothing is reported; for a key it reports the same element (\"Not all fields ... evaluate to a node\"), so the engines agree there. libxml2's test/schemas bug303566_1, changelog093_1 and idc-keyref-err1_1 with the complexType declaring the attribute dropped.",
    example: {
      language: "xsd",
      schema: `${XS}<xs:element name="r"><xs:complexType><xs:sequence><xs:element name="i" maxOccurs="unbounded"/></xs:sequence></xs:complexType><xs:unique name="U"><xs:selector xpath="i"/><xs:field xpath="@k"/></xs:unique></xs:element></xs:schema>`,
      xml: ['<r><i k="a"/></r>'],
    },
    matches: (o) => o.agree && o.docs.some((d) => !d.agree && !d.qxml.valid && d.libxml2.valid && (d.qxml.first ?? "").startsWith("valid/key-field-untyped:")),
  },
  {
    id: "libxml2-any-type-simple-content-facets-ignored",
    clause: "XSD 1.0 Part 1 §3.4.2 (complex type with simple content, restriction: the content type is the <simpleType> child restricted by the facets that follow it), Part 2 §4.1.5 and §4.3 (a facet applies to the primitive, and its value is valid)",
    why: "qxml right: in a simpleContent restriction of xs:anyType with an inline simpleType of xs:double, xs:length or xs:totalDigits does not apply, xs:maxLength=\"-1\" is no non-negative integer, xs:minInclusive and xs:minExclusive may not both appear (§4.3.10.4) and an enumeration value must be valid for the base type (§4.3.5.4; seeds 3 and 4: \"\" and \"not-a-number\" on xs:double), so the schema is in error. libxml2 2.15 ignores the facets of such a restriction altogether: it accepts them, and accepts <len>7</len> against a maxInclusive of 5 (libxml2's test/schemas bug306806_1 with facets added to its length and vertices-content types).",
    example: {
      language: "xsd",
      schema: `${XS}<xs:element name="len"><xs:complexType><xs:simpleContent><xs:restriction base="xs:anyType"><xs:simpleType><xs:restriction base="xs:double"/></xs:simpleType><xs:length value="3"/></xs:restriction></xs:simpleContent></xs:complexType></xs:element></xs:schema>`,
    },
    matches: (o) =>
      restrictsAnyTypeInSimpleContent(o) &&
      (["xsd/invalid-facet", "xsd/invalid-pattern", "xsd/facet-loosens", "xsd/exclusive", "xsd/invalid-facet-value"].some((code) => qxmlOnlyRejects(o, code)) || (o.agree && o.docs.some((d) => !d.agree && !d.qxml.valid && d.libxml2.valid && (d.qxml.first ?? "").startsWith("valid/text-type:")))),
  },
  {
    id: "libxml2-derived-id-not-recognised",
    clause: "XSD 1.0 Part 1 §3.2.6 a-props-correct.3 and §3.3.6 e-props-correct.4 (no value constraint on a type that \"is or is derived from ID\"), §3.4.6 ct-props-correct.5 (no two attribute uses whose types are or derive from ID)",
    why: "qxml right: a restriction of xs:ID is an ID type too, so it takes no default or fixed value and counts as a complex type's one ID attribute. libxml2 2.15 applies both rules to xs:ID itself only (libxml2's test/schemas bug145246_0 with an enumeration restricting xs:ID for xs:string, which has a default).",
    example: {
      language: "xsd",
      schema: `${XS}<xs:simpleType name="myId"><xs:restriction base="xs:ID"/></xs:simpleType><xs:element name="a"><xs:complexType><xs:attribute name="id" type="myId" default="x"/></xs:complexType></xs:element></xs:schema>`,
    },
    matches: (o) => (qxmlOnlyRejects(o, "xsd/value-constraint-not-allowed") && says(o.qxml, /its type (?!xs:ID is ).+ is or derives from xs:ID/)) || qxmlOnlyRejects(o, "xsd/two-id-attributes"),
  },
];

/**
 * Whether the restriction in question is one of xs:anyType: the line a facet-break mutant's
 * description names ("restriction (line N) of simpleContent"), else the line of qxml's error.
 */
function restrictsAnyTypeInSimpleContent(o: SchemaOutcome): boolean {
  const m = /^restriction \(line (\d+)\) of simpleContent/.exec(o.description);
  const line = m !== null ? Number(m[1]) : o.qxml.first?.line;
  return line !== undefined && /:restriction base="[\w.-]+:anyType"/.test(o.text.split("\n")[line - 1] ?? "");
}

/**
 * Documents the engines already read differently against the seed as written: differences in
 * reading documents (the document differentials' business), dropped from the mutants' instances.
 */
export const SEED_INSTANCE_DIFFERENCE = "seed-instance-difference";

export function explainSchemaOutcome(o: SchemaOutcome): { id: string } | undefined {
  if (o.id.endsWith("#original") && o.agree && o.docs.some((d) => !d.agree)) return { id: SEED_INSTANCE_DIFFERENCE };
  return KNOWN_SCHEMA_DIFFERENCES.find((k) => k.matches(o));
}
