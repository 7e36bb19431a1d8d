/**
 * Known well-formedness differences between qxml and libxml2 on mutated documents, each with the
 * spec clause that decides it and who is right (also in docs/conformance.md, "Well-formedness
 * differential"). An entry recognises its cases by what the engines say, not by case id, so a
 * new seed or mutation that hits the same difference is explained too; the test requires every
 * entry to still match at least one case.
 */
import type { WfOutcome } from "./wf-differential.js";

export interface KnownWfDifference {
  id: string;
  /** The clause of XML 1.0 (5th ed.) or Namespaces in XML 1.0 that decides the case. */
  clause: string;
  /** Who is right, and why the other engine differs. */
  why: string;
  /** A document that shows the difference: the test requires it to still disagree, matched by this entry. */
  example: string;
  matches(o: WfOutcome): boolean;
}

/** An encoding label with its punctuation dropped, as libxml2 2.15 compares labels. */
const looseLabel = (label: string) => label.toLowerCase().replace(/[^a-z0-9]/g, "");
/** Labels qxml supports under their IANA spelling, in libxml2's loose form. */
const LOOSE_SUPPORTED = new Set(["utf8", "utf16", "utf16le", "utf16be", "iso88591", "latin1", "usascii", "ascii", "windows1252", "cp1252", "koi8r", "shiftjis"]);

export const KNOWN_WF_DIFFERENCES: readonly KnownWfDifference[] = [
  {
    id: "encoding-label-punctuation",
    clause: "XML 1.0 §4.3.3 (Character Encoding in Entities): names SHOULD be IANA names, matched case-insensitively; an encoding the processor cannot process is a fatal error",
    why:
      "libxml2 2.15 matches encoding labels ignoring punctuation, so encoding=\"UTF--8\" or \"U-T-F-8\" reads as UTF-8; qxml matches IANA names and aliases exactly (case-insensitively) and stops on an unknown label. Both conform (an unregistered label is the processor's choice); qxml is stricter on purpose: a mistyped label is reported rather than guessed.",
    example: '<?xml version="1.0" encoding="UTF--8"?><a/>',
    matches: (o) =>
      o.libxml2.wellFormed &&
      o.qxml.first?.code === "xml/unsupported-encoding" &&
      LOOSE_SUPPORTED.has(looseLabel(/encoding "([^"]*)"/.exec(o.qxml.first.message)?.[1] ?? "")),
  },
  {
    id: "encoding-declaration-contradicts-detected",
    clause:
      "XML 1.0 §4.3.3 (Character Encoding in Entities): in the absence of external information, it is a fatal error for an entity including an encoding declaration to be presented in an encoding other than that named in the declaration (a fatal error since erratum E61 of the 2nd edition); Appendix F (autodetection, non-normative)",
    why:
      "a UTF-8 byte-order mark with encoding=\"ISO-8859-1\", a UTF-16 byte-order mark or UTF-16 bytes with encoding=\"UTF-8\" (or a misspelt label such as \"UTFF-16\"): the declaration contradicts the encoding detected from the first bytes. qxml stops at the label; libxml2 2.15 only warns (\"Encoding 'ISO-8859-1' doesn't match auto-detected 'UTF-8'\") and reads on in the detected encoding. qxml is right.",
    example: '\uFEFF<?xml version="1.0" encoding="ISO-8859-1"?><a/>',
    matches: (o) => o.libxml2.wellFormed && o.qxml.first?.code === "xml/encoding" && /^the XML declaration names encoding "[^"]*", but the document starts with /.test(o.qxml.first.message),
  },
  {
    id: "version-not-versionnum",
    clause: "XML 1.0 §2.8 [26] VersionNum ::= '1.' [0-9]+",
    why:
      "a version such as \"1.\" does not match VersionNum, so the XML declaration is not well-formed: qxml reports it; libxml2 only warns \"Unsupported version\" and reads on (lenient by design, for forward compatibility). qxml is right.",
    example: '<?xml version="1."?><a/>',
    matches: (o) => o.libxml2.wellFormed && o.qxml.first?.code === "xml/xml-declaration" && /^version "/.test(o.qxml.first.message),
  },
  {
    id: "cdata-end-in-entity-after-attribute",
    clause: "XML 1.0 §2.4 [14] CharData (no ']]>'), §4.3.2 (an internal general entity is well-formed if its replacement text matches content), §2.1 (every referenced parsed entity is well-formed)",
    why:
      "libxml2 2.15 checks an internal entity's replacement text once: when it is first referenced in an attribute value (where ']]>' is allowed), a later reference in content is not checked again, so ']]>' in the replacement text passes (<!ENTITY e \"x]]>y\"> with <a b=\"&e;\">&e;</a>). Referenced in content first, libxml2 reports it. qxml is right.",
    example: '<!DOCTYPE a [<!ENTITY e "x]]>y">]><a b="&e;">&e;</a>',
    matches: (o) => o.libxml2.wellFormed && o.qxml.first?.code === "xml/cdata-end-in-text" && /<!ENTITY\s+[^\s%]+\s+("[^"]*\]\]>[^"]*"|'[^']*\]\]>[^']*')/.test(o.text),
  },
  {
    id: "undeclared-pe-in-internal-entity-value",
    clause: "XML 1.0 §2.8 WFC: PEs in Internal Subset (in the internal subset, parameter-entity references MUST NOT occur within markup declarations)",
    why:
      "libxml2 reports \"PEReferences forbidden in internal subset\" only for a declared parameter entity (when it would expand it); a reference to an undeclared one, or to the entity being declared (<!ENTITY % p \"%p;\">), inside an entity value passes. The WFC does not depend on the declaration: qxml is right.",
    example: '<!DOCTYPE a [<!ENTITY e "%zz;">]><a/>',
    matches: (o) => o.libxml2.wellFormed && o.qxml.first?.code === "dtd/pe-in-internal-subset",
  },
  {
    id: "attlist-name-not-qname",
    clause: "Namespaces in XML 1.0 §5 (Using Qualified Names) [21] AttDef ::= S (QName | NSAttName) S AttType S DefaultDecl",
    why:
      "an attribute declared as d: in an ATTLIST is not a QName; when its default applies to an element, qxml reports the name; libxml2 checks QNames only in start tags and accepts the defaulted attribute. qxml is right.",
    example: '<!DOCTYPE a [<!ATTLIST a d: CDATA "x">]><a/>',
    matches: (o) => {
      const name = o.libxml2.wellFormed && o.qxml.first?.code === "xml/qname" ? /^(\S+) is not a valid qualified name$/.exec(o.qxml.first.message)?.[1] : undefined;
      return name !== undefined && new RegExp(`<!ATTLIST\\s[^>]*\\s${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s`).test(o.text);
    },
  },
  {
    id: "system-id-fragment",
    clause: "XML 1.0 §4.2.2 [75]: a fragment identifier in a system identifier is an error (an \"error\", §1.2: results undefined, a processor MAY report it), not a fatal error; xmlconf uri01 is TYPE=\"error\" (optional)",
    why:
      "libxml2 stops with \"Fragment not allowed\" on SYSTEM \"x#y\"; qxml reads on, as the document is well-formed. Both conform (an error, not a well-formedness violation); qxml keeps well-formedness verdicts to the fatal errors.",
    example: '<!DOCTYPE a [<!ENTITY e SYSTEM "e.xml#part">]><a/>',
    matches: (o) => o.qxml.wellFormed && o.libxml2.first?.code === "fatal" && /^Fragment not allowed/.test(o.libxml2.first.message),
  },
  {
    id: "namespace-name-not-uri",
    clause: "Namespaces in XML 1.0 §2.2 (the value MUST be a URI reference) and §8 (a processor is not REQUIRED to check that namespace names are URI references)",
    why:
      "libxml2 parses each namespace name as a URI and reports \"xmlns:p: 'urn p' is not a valid URI\" as a namespace error; qxml does not check URI syntax, which §8 explicitly allows. Both conform; qxml accepts such documents.",
    example: '<a xmlns:p="urn p"/>',
    matches: (o) => o.qxml.wellFormed && o.libxml2.first?.code === "namespace" && / is not a valid URI$/.test(o.libxml2.first.message),
  },
];
