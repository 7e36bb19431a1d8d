/**
 * The XSD reader on identity constraints: what the model holds, and the schema errors (XPath
 * outside XSD's subset, unresolved or mismatched keyref, duplicate names) with their places.
 */
import { describe, expect, test } from "vitest";
import { parseIdentityPath } from "../../src/validate/identity-path.js";
import { globalElement, model, read, schema } from "./helpers.js";

const ROOT = (constraints: string) =>
  schema(
    `<xs:element name="r"><xs:complexType><xs:sequence><xs:element name="i" maxOccurs="unbounded"><xs:complexType><xs:attribute name="k"/><xs:attribute name="j"/></xs:complexType></xs:element></xs:sequence></xs:complexType>
${constraints}
</xs:element>`,
    'targetNamespace="urn:t" xmlns:t="urn:t"',
  );

const errors = (text: string) =>
  read(text)
    .diagnostics.filter((d) => d.severity === "error")
    .map((d) => ({ code: d.code, line: d.line, message: d.message }));

describe("identity constraints in the model", () => {
  test("key and keyref: kind, qualified name, refer, paths, in-scope namespaces, place", () => {
    const m = model(ROOT(`<xs:key name="K"><xs:selector xpath="t:i"/><xs:field xpath="@k"/></xs:key>
<xs:keyref name="R" refer="t:K"><xs:selector xpath=".//t:i"/><xs:field xpath="@j"/></xs:keyref>`));
    const [k, r] = globalElement(m, "r", "urn:t").identity!;
    expect(k).toMatchObject({ kind: "key", name: "K", namespace: "urn:t", key: "{urn:t}K", selector: "t:i", fields: ["@k"], location: { line: 4, column: 1 } });
    expect(k.namespaces.t).toBe("urn:t");
    expect(r).toMatchObject({ kind: "keyref", key: "{urn:t}R", refer: "{urn:t}K", selector: ".//t:i", fields: ["@j"] });
  });

  test("no unsupported warning any more", () => {
    const r = read(ROOT(`<xs:unique name="U"><xs:selector xpath="t:i"/><xs:field xpath="@k"/></xs:unique>`));
    expect(r.diagnostics).toEqual([]);
  });
});

describe("identity constraint errors", () => {
  test("an XPath outside the subset, at the xpath attribute", () => {
    expect(errors(ROOT(`<xs:unique name="U"><xs:selector xpath="t:i[1]"/><xs:field xpath="../@k"/></xs:unique>`))).toEqual([
      { code: "xsd/invalid-xpath", line: 4, message: 'the selector "t:i[1]" of xs:unique "U" is not in XSD\'s XPath subset: expected "|" or the end at position 4 (found "[")' },
      { code: "xsd/invalid-xpath", line: 4, message: 'the field "../@k" of xs:unique "U" is not in XSD\'s XPath subset: ".." (the parent) is not in the subset at position 2 (found ".")' },
    ]);
  });

  test("a selector cannot end in an attribute; an unbound prefix", () => {
    expect(errors(ROOT(`<xs:unique name="U"><xs:selector xpath="@k"/><xs:field xpath="x:k"/></xs:unique>`)).map((e) => e.message)).toEqual([
      'the selector "@k" of xs:unique "U" is not in XSD\'s XPath subset: a selector cannot select attributes at position 2 (found "k")',
      'the field "x:k" of xs:unique "U" is not in XSD\'s XPath subset: the prefix "x" is not bound to a namespace at position 3 (found "k")',
    ]);
  });

  test("keyref refers to nothing, or to another keyref", () => {
    const e = errors(ROOT(`<xs:keyref name="R" refer="t:Nope"><xs:selector xpath="t:i"/><xs:field xpath="@k"/></xs:keyref>
<xs:keyref name="R2" refer="t:R"><xs:selector xpath="t:i"/><xs:field xpath="@k"/></xs:keyref>`));
    expect(e.map((x) => [x.code, x.line])).toEqual([
      ["xsd/unresolved-key", 4],
      ["xsd/unresolved-key", 5],
    ]);
    expect(e[0].message).toBe('xs:keyref "R" refers to "{urn:t}Nope", which is not an xs:key or xs:unique of the schema');
  });

  test("keyref with a different number of fields", () => {
    expect(errors(ROOT(`<xs:key name="K"><xs:selector xpath="t:i"/><xs:field xpath="@k"/><xs:field xpath="@j"/></xs:key>
<xs:keyref name="R" refer="t:K"><xs:selector xpath="t:i"/><xs:field xpath="@k"/></xs:keyref>`))).toEqual([
      { code: "xsd/keyref-fields", line: 5, message: 'xs:keyref "R" has 1 field but the xs:key "K" it refers to has 2' },
    ]);
  });

  test("the same constraint name twice in the schema", () => {
    const e = errors(ROOT(`<xs:key name="K"><xs:selector xpath="t:i"/><xs:field xpath="@k"/></xs:key>
<xs:unique name="K"><xs:selector xpath="t:i"/><xs:field xpath="@j"/></xs:unique>`));
    expect(e).toEqual([{ code: "xsd/duplicate-global", line: 5, message: 'identity constraint "{urn:t}K" is defined twice (first at line 4, column 1)' }]);
  });

  test("a selector and at least one field are required", () => {
    expect(errors(ROOT(`<xs:key name="K"><xs:selector xpath="t:i"/></xs:key>`)).map((e) => e.code)).toEqual(["xsd/syntax"]);
  });
});

describe("XSD's XPath subset (identity-path.ts)", () => {
  const resolve = (p: string) => (p === "t" ? "urn:t" : undefined);
  const ok = (text: string, kind: "selector" | "field" = "field") => {
    const r = parseIdentityPath(text, kind, resolve);
    if (!r.ok) throw new Error(r.problem);
    return r.paths;
  };

  test("steps, descendant, wildcards, attributes, alternatives, white space", () => {
    expect(ok(".//t:a/b | c", "selector")).toEqual([
      { descendant: true, steps: [{ uri: "urn:t", local: "a", anyNamespace: false }, { uri: null, local: "b", anyNamespace: false }] },
      { descendant: false, steps: [{ uri: null, local: "c", anyNamespace: false }] },
    ]);
    expect(ok(" ./ child::* / t:* / attribute::k ")).toEqual([
      { descendant: false, steps: [{ uri: null, local: "*", anyNamespace: true }, { uri: "urn:t", local: "*", anyNamespace: false }], attribute: { uri: null, local: "k", anyNamespace: false } },
    ]);
    expect(ok(".")).toEqual([{ descendant: false, steps: [] }]);
    expect(ok("@t:k")).toEqual([{ descendant: false, steps: [], attribute: { uri: "urn:t", local: "k", anyNamespace: false } }]);
  });

  test("refuses what the subset does not have", () => {
    for (const bad of ["a//b", "//a", "..", "a/", "@k/b", "a[1]", "text()", "a | ", "/a", "descendant::a"]) {
      expect(parseIdentityPath(bad, "field", resolve).ok, bad).toBe(false);
    }
  });
});
