/**
 * XML 1.0 erratum E15 (VC Element Valid) through the reader's reference calls: an entity
 * reference inside an EMPTY element is content even when it expands to nothing; a character
 * reference to white space in element content is text, not ignorable white space.
 */
import { describe, expect, it } from "vitest";
import { validateString } from "../../src/validate/index.js";

function check(xml: string) {
  const r = validateString(xml, { file: "doc.xml" });
  expect(r.wellFormed).toBe(true);
  return r.diagnostics.map((d) => [d.code, d.line, d.column, d.path, d.message]);
}

describe("E15: references in EMPTY and element content", () => {
  it("an empty entity reference in an EMPTY element is reported where the reference is", () => {
    expect(check('<!DOCTYPE foo [<!ELEMENT foo EMPTY><!ENTITY empty "">]>\n<foo>&empty;</foo>')).toEqual([
      ["valid/not-empty", 2, 6, "/foo", "foo: declared EMPTY; found the entity reference &empty;"],
    ]);
  });
  it("a non-empty entity reference in an EMPTY element is reported once", () => {
    expect(check('<!DOCTYPE foo [<!ELEMENT foo EMPTY><!ENTITY e "x">]>\n<foo>&e;</foo>')).toHaveLength(1);
  });
  it("an empty entity reference in element content or mixed content is allowed", () => {
    expect(check('<!DOCTYPE foo [<!ELEMENT foo (bar*)><!ELEMENT bar (#PCDATA)><!ENTITY e "">]>\n<foo>&e;<bar>&e;</bar>&e;</foo>')).toEqual([]);
  });
  it("a character reference to white space in element content is reported at the reference, not at the white space before it", () => {
    expect(check("<!DOCTYPE foo [<!ELEMENT foo (foo*)>]>\n<foo><foo/> &#32;<foo/></foo>")).toEqual([
      ["valid/text-not-allowed", 2, 13, "/foo", "foo: element-only content; found a character reference to white space (&#32;), which is text, not ignorable white space"],
    ]);
  });
  it("the same through an entity whose replacement text holds the character reference (&#38;#32;)", () => {
    const got = check('<!DOCTYPE foo [<!ELEMENT foo (foo*)><!ENTITY space "&#38;#32;">]>\n<foo><foo/>&space;<foo/></foo>');
    expect(got.map((d) => d[0])).toEqual(["valid/text-not-allowed"]);
    expect(got[0][4]).toContain("(&#32;)");
  });
  it("white space written literally, or from an entity whose value was a character reference, stays ignorable", () => {
    expect(check('<!DOCTYPE foo [<!ELEMENT foo (foo*)><!ENTITY space "&#32;">]>\n<foo> <foo/>&space;\n<foo/>\t</foo>')).toEqual([]);
  });
  it("a character reference to a non-white-space character is reported as text, as before", () => {
    expect(check("<!DOCTYPE foo [<!ELEMENT foo (foo*)>]>\n<foo><foo/>&#65;</foo>")).toEqual([
      ["valid/text-not-allowed", 2, 12, "/foo", 'foo: element-only content; found text "A"'],
    ]);
  });
  it("character references in mixed and #PCDATA content are fine", () => {
    expect(check("<!DOCTYPE foo [<!ELEMENT foo (#PCDATA|bar)*><!ELEMENT bar (#PCDATA)>]>\n<foo>&#32;<bar>&#10;</bar>&#32;</foo>")).toEqual([]);
  });
});
