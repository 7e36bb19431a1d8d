/**
 * xs:anyURI, the libxml2 way. The spec (Part 2 §3.2.17) leaves most strings acceptable; libxml2
 * first replaces characters that URIs forbid (controls, space, non-ASCII, < > " { } | \ ^ ` ')
 * with "_" and then requires an RFC 3986 URI reference. We do the same, so qxml and libxml2
 * reject the same values (e.g. "%zz", "a#b#c", "http://[::1").
 */
import { bad, ok, type Parsed } from "./result.js";

const UNRESERVED = "A-Za-z0-9\\-._~";
const SUB_DELIMS = "!$&'()*+,;=";
const PCT = "%[0-9A-Fa-f]{2}";
const PCHAR = `(?:[${UNRESERVED}${SUB_DELIMS}:@]|${PCT})`;
const SCHEME = "[A-Za-z][A-Za-z0-9+\\-.]*";
const USERINFO = `(?:[${UNRESERVED}${SUB_DELIMS}:]|${PCT})*`;
const IP_LITERAL = `\\[(?:[0-9A-Fa-f:.]+|v[0-9A-Fa-f]+\\.[${UNRESERVED}${SUB_DELIMS}:]+)\\]`;
const REG_NAME = `(?:[${UNRESERVED}${SUB_DELIMS}]|${PCT})*`;
const AUTHORITY = `(?:${USERINFO}@)?(?:${IP_LITERAL}|${REG_NAME})(?::\\d*)?`;
const SEGMENT = `${PCHAR}*`;
const SEGMENT_NZ = `${PCHAR}+`;
const SEGMENT_NZ_NC = `(?:[${UNRESERVED}${SUB_DELIMS}@]|${PCT})+`;
const PATH_ABEMPTY = `(?:/${SEGMENT})*`;
const PATH_ABSOLUTE = `/(?:${SEGMENT_NZ}(?:/${SEGMENT})*)?`;
const PATH_ROOTLESS = `${SEGMENT_NZ}(?:/${SEGMENT})*`;
const PATH_NOSCHEME = `${SEGMENT_NZ_NC}(?:/${SEGMENT})*`;
const QUERY = `(?:\\?(?:${PCHAR}|[/?])*)?`;
const FRAGMENT = `(?:#(?:${PCHAR}|[/?])*)?`;
const URI = `${SCHEME}:(?://${AUTHORITY}${PATH_ABEMPTY}|${PATH_ABSOLUTE}|${PATH_ROOTLESS}|)${QUERY}${FRAGMENT}`;
const RELATIVE = `(?://${AUTHORITY}${PATH_ABEMPTY}|${PATH_ABSOLUTE}|${PATH_NOSCHEME}|)${QUERY}${FRAGMENT}`;
const URI_REFERENCE = new RegExp(`^(?:${URI}|${RELATIVE})$`);

/** The characters libxml2 masks with "_" before parsing. */
const MASKED = /[\u0000-\u001f\u007f-\u{10ffff} <>"{}|\\^`']/gu;

export function parseAnyUri(s: string): Parsed<string> {
  if (!URI_REFERENCE.test(s.replace(MASKED, "_"))) {
    return bad("a URI reference (RFC 3986), e.g. https://example.com/a?b#c; escape stray % as %25");
  }
  return ok(s);
}
