import { describe, expect, it } from "vitest";
import { _, Code, jsdoc, join, key, lit, Name, prop, safeStringify, comment } from "../../generators/code.js";

describe("code builder", () => {
  it("quotes interpolated values as literals and splices code", () => {
    const name = new Name("value");
    expect(_`if (${name} === ${"a\"b"}) return ${42};`.text).toBe('if (value === "a\\"b") return 42;');
    expect(_`f(${null}, ${true}, ${["x", 1]})`.text).toBe('f(null, true, ["x",1])');
  });

  it("cannot turn an XML name or value into code", () => {
    const hostile = '"); process.exit(1); ("';
    expect(_`report(${hostile})`.text).toBe('report("\\"); process.exit(1); (\\"")');
    expect(() => new Name(hostile)).toThrow(/not a safe identifier/);
  });

  it("Name refuses reserved words and non-identifiers", () => {
    for (const bad of ["class", "delete", "interface", "any", "never", "undefined", "1abc", "a-b", "", "a b"]) {
      expect(() => new Name(bad), bad).toThrow();
    }
    expect(new Name("OptionProfiles").text).toBe("OptionProfiles");
  });

  it("quotes property keys that are not identifiers", () => {
    expect(key("OPTION_PROFILE").text).toBe("OPTION_PROFILE");
    expect(key("@_name").text).toBe('"@_name"');
    expect(key("#text").text).toBe('"#text"');
    expect(prop(new Name("v"), "@_id").text).toBe('v["@_id"]');
    expect(prop(new Name("v"), "ID").text).toBe("v.ID");
  });

  it("escapes U+2028/2029 in literals and comment terminators in docs", () => {
    expect(safeStringify("a\u2028b")).toBe('"a\\u2028b"');
    expect(jsdoc("ends */ early").text).toContain("*\\/");
    expect(comment("line\nbreak").text).toBe("// line break");
    expect(lit({ a: 1 }).text).toBe('{"a":1}');
  });

  it("join accepts punctuation separators only", () => {
    expect(join([new Code("a"), new Code("b")], " | ").text).toBe("a | b");
    expect(() => join([new Code("a")], "x")).toThrow();
  });

  it("refuses code pieces inside an array value", () => {
    expect(() => _`${[new Code("a")] as unknown as string[]}`).toThrow(/join/);
  });
});
