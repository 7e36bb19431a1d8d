/**
 * libxml2's messages are kept whole (src/engines/codes.ts: "verbatim", the wording people search
 * for): the message clip that keeps qxml's own messages one readable line does not cut them; the
 * MAX_PARAM_TEXT bound against hostile input still does.
 */
import { describe, expect, it } from "vitest";
import { diagnose, MAX_PARAM_TEXT, MESSAGE_BARE_KEEP } from "../../src/diagnostics/codes.js";
import "../../src/engines/codes.js";

const where = { line: 1, column: 1 };
// The length of a real one: an xsi:type that does not resolve, with two long namespace URIs.
const long =
  "Element '{http://apache.org/cocoon/i18n/2.0}text', attribute '{http://www.w3.org/2001/XMLSchema-instance}type': The QName value '{http://gitk.sourceforge.net/}NoSuchType' of the xsi:type attribute does not resolve to a type definition.";

describe("libxml2 messages", () => {
  it("are shown whole past the message clip", () => {
    expect(long.length).toBeGreaterThan(MESSAGE_BARE_KEEP + 20);
    expect(diagnose("libxml2/error", { message: long, phase: "validation" }, where).message).toBe(long);
    expect(diagnose("libxml2/warning", { message: long }, where).message).toBe(long);
  });
  it("are still cut at MAX_PARAM_TEXT", () => {
    const huge = "x".repeat(MAX_PARAM_TEXT + 1);
    expect(diagnose("libxml2/error", { message: huge, phase: "validation" }, where).message).toMatch(/^x{200}… \(1001 characters\)$/);
  });
  it("a qxml message with the same text in a bare parameter is cut", () => {
    const d = diagnose("libxml2/unavailable", { reason: long }, where);
    expect(d.message).not.toContain(long);
    expect(d.message).toMatch(new RegExp(`… \\(${long.length} characters\\)$`));
  });
});
