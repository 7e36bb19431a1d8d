/** Display width: the cells a terminal gives text, for the code frame's caret. */
import { describe, expect, it } from "vitest";
import { codePointWidth, displayWidth } from "../../src/report/display-width.js";

describe("display width", () => {
  it("gives ASCII and Latin letters one cell", () => {
    expect(displayWidth("<ROOT a='é'>")).toBe(12);
  });
  it("gives East Asian Wide and Fullwidth characters two cells", () => {
    expect(displayWidth("漢字")).toBe(4); // CJK unified ideographs
    expect(displayWidth("ひらがな")).toBe(8); // Hiragana
    expect(displayWidth("한국")).toBe(4); // Hangul syllables
    expect(displayWidth("ＡＢ")).toBe(4); // Fullwidth forms
    expect(displayWidth("。")).toBe(2); // CJK punctuation
    expect(displayWidth("ｱ")).toBe(1); // Halfwidth katakana is narrow
    expect(codePointWidth(0x20000)).toBe(2); // CJK extension B (a surrogate pair)
    expect(displayWidth("\u{20000}")).toBe(2);
  });
  it("gives emoji two cells, counting a surrogate pair as one character", () => {
    expect(displayWidth("😀")).toBe(2);
    expect(displayWidth("🚀🤖")).toBe(4);
  });
  it("gives combining marks and variation selectors no cell", () => {
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("a\u20dd")).toBe(1);
    expect(displayWidth("\u2764\ufe0f")).toBe(1);
  });
  it("keeps the boundaries of the ranges", () => {
    expect(codePointWidth(0x10ff)).toBe(1);
    expect(codePointWidth(0x1100)).toBe(2);
    expect(codePointWidth(0x115f)).toBe(2);
    expect(codePointWidth(0x1160)).toBe(1);
    expect(codePointWidth(0xd7a3)).toBe(2);
    expect(codePointWidth(0xd7a4)).toBe(1);
    expect(codePointWidth(0xff60)).toBe(2);
    expect(codePointWidth(0xff61)).toBe(1);
    expect(codePointWidth(0x3fffd)).toBe(2);
    expect(codePointWidth(0x3fffe)).toBe(1);
  });
});
