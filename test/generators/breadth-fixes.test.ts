/**
 * What the breadth harness (test-support/codegen-breadth.ts) found on schemas other than the
 * bundled ones, one test per fix: each fails on the generator as it was before.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020Module from "ajv/dist/2020.js";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { runGenerate } from "../../generators/cli.js";
import { contentForm } from "../../generators/content.js";
import { renderSchema } from "../../generators/render.js";
import { writeRendered } from "../../generators/write.js";
import { readSchemaFile } from "../../src/schema/load.js";
import type { Particle } from "../../src/schema/model.js";
import { compileSchema, validateString } from "../../src/validate/index.js";
import { diagnosticLines, repoRoot, runtimeEntry, strictOptions } from "./helpers.js";

type AjvClass = typeof Ajv2020Module.default;
const Ajv2020 = ((Ajv2020Module as unknown as { default?: AjvClass }).default ?? Ajv2020Module) as AjvClass;
type Module = Record<string, (...args: unknown[]) => unknown>;

const out = join(repoRoot, "test/generators/.out/breadth-fixes");
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "src"), { recursive: true });

/** Writes a schema, reads it and renders it into out/<name>/; returns the model. */
function generate(name: string, kind: "xsd" | "dtd", text: string) {
  const file = join(out, "src", `${name}.${kind}`);
  writeFileSync(file, text);
  const { model, diagnostics } = readSchemaFile(file, kind);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  writeRendered(out, renderSchema(model!, { name, sourceLabel: `${name}.${kind}`, runtime: runtimeEntry }));
  return model!;
}

const XS = `xmlns:xs="http://www.w3.org/2001/XMLSchema"`;
const WILDCARD_ONLY = `<xs:schema ${XS} targetNamespace="http://FOO" xmlns:foo="http://FOO">
  <xs:element name="foo"><xs:complexType><xs:sequence>
    <xs:any namespace="##any" processContents="lax" minOccurs="0" maxOccurs="3"/>
  </xs:sequence></xs:complexType></xs:element>
</xs:schema>`;
const NO_GLOBAL_ELEMENT = `<xs:schema ${XS}>
  <xs:attribute name="lang" type="xs:language"/>
  <xs:complexType name="T"><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence></xs:complexType>
</xs:schema>`;
const NO_GLOBAL_DTD = `<!ENTITY % p "x">\n`;
const PLAIN = `<xs:schema ${XS}>
  <xs:element name="r"><xs:complexType><xs:sequence><xs:element name="e" type="xs:int"/></xs:sequence>
    <xs:attribute name="a" type="xs:string"/></xs:complexType></xs:element>
</xs:schema>`;
const SIMPLE_AND_EMPTY = `<xs:schema ${XS}>
  <xs:element name="doc"><xs:complexType><xs:sequence>
    <xs:element name="title" minOccurs="0"><xs:complexType><xs:simpleContent><xs:extension base="xs:token">
      <xs:attribute name="lang" type="xs:language"/></xs:extension></xs:simpleContent></xs:complexType></xs:element>
    <xs:element name="none" minOccurs="0"><xs:complexType/></xs:element>
  </xs:sequence></xs:complexType></xs:element>
</xs:schema>`;
const OVERLAP = `<!ELEMENT o ((a, b) | (a, c))>
<!ELEMENT p (x?, ((a, b) | (a, c) | d))>
<!ELEMENT x (#PCDATA)>
<!ELEMENT d (#PCDATA)>
<!ELEMENT a (#PCDATA)>
<!ELEMENT b (#PCDATA)>
<!ELEMENT c (#PCDATA)>
`;
const SUBSTITUTION = `<xs:schema ${XS}>
  <xs:element name="head" abstract="true" type="xs:string"/>
  <xs:element name="m1" substitutionGroup="head" type="xs:string"/>
  <xs:element name="m2" substitutionGroup="head" type="xs:token"/>
  <xs:element name="list"><xs:complexType><xs:sequence>
    <xs:element ref="head" maxOccurs="unbounded"/><xs:element name="end" type="xs:string"/>
  </xs:sequence></xs:complexType></xs:element>
</xs:schema>`;
const ANY_DTD = `<!ELEMENT a ANY>\n<!ATTLIST a x CDATA #REQUIRED>\n<!ELEMENT b EMPTY>\n`;
const TYPED_DTD = `<!ELEMENT t EMPTY>
<!ATTLIST t u (ks|kg) #IMPLIED id ID #IMPLIED n NMTOKEN #IMPLIED f CDATA #FIXED "1">
`;
const OPEN = `<xs:schema ${XS}>
  <xs:element name="o"><xs:complexType><xs:sequence>
    <xs:element name="e" minOccurs="0"><xs:complexType><xs:anyAttribute processContents="skip"/></xs:complexType></xs:element>
    <xs:element name="q" minOccurs="0"><xs:complexType><xs:attribute name="attr" use="required"/><xs:attribute name="b" type="xs:int"/></xs:complexType></xs:element>
    <xs:element name="w" minOccurs="0"><xs:complexType><xs:sequence><xs:any processContents="skip" minOccurs="0"/></xs:sequence></xs:complexType></xs:element>
  </xs:sequence></xs:complexType></xs:element>
</xs:schema>`;
const DTD = `<!ELEMENT r (e)>\n<!ELEMENT e (#PCDATA)>\n<!ATTLIST r a CDATA #IMPLIED>\n`;

generate("wildcard", "xsd", WILDCARD_ONLY);
generate("noglobal", "xsd", NO_GLOBAL_ELEMENT);
generate("noglobaldtd", "dtd", NO_GLOBAL_DTD);
const plain = generate("plain", "xsd", PLAIN);
generate("plaindtd", "dtd", DTD);
const simpleAndEmpty = generate("simpleempty", "xsd", SIMPLE_AND_EMPTY);
generate("overlap", "dtd", OVERLAP);
const substitution = generate("substitution", "xsd", SUBSTITUTION);
generate("typeddtd", "dtd", TYPED_DTD);
generate("anydtd", "dtd", ANY_DTD);
const openModel = generate("open", "xsd", OPEN);
// nvdcve_0.xsd's <entry>: 15 attributes, 200 characters of names, past the engine's list budget.
const MANY_ATTRS = ["type", "name", "seq", "nvd_name", "discovered", "published", "modified", "severity", "reject", "CVSS_version", "CVSS_score", "CVSS_base_score", "CVSS_impact_subscore", "CVSS_exploit_subscore", "CVSS_vector"];
const manyAttributes = (ns: string) => `<xs:schema ${XS}${ns}>
  <xs:element name="entry"><xs:complexType>${MANY_ATTRS.map((a) => `<xs:attribute name="${a}"/>`).join("")}</xs:complexType></xs:element>
</xs:schema>`;
const manyPlain = generate("manyattrs", "xsd", manyAttributes(""));
const manyNs = generate("manyattrsns", "xsd", manyAttributes(' targetNamespace="urn:m" xmlns="urn:m"'));

const loc = { file: "t", line: 1, column: 1 };

describe("schemas beyond the bundled ones", () => {
  it("a sequence of wildcards only is the empty set of properties (was an empty 'all' that crashed emit-types)", () => {
    const any: Particle = { kind: "any", wildcard: { namespaces: "##any", targetNamespace: null, processContents: "lax" }, min: 0, max: 3, location: loc } as Particle;
    const form = contentForm({ kind: "sequence", items: [any], min: 1, max: 1, location: loc });
    expect(form).toEqual({ kind: "props", props: [] });
  });

  it("every output compiles under --strict, including schemas without a global element (was `import { , type Diagnostic }`)", async () => {
    const files = ["wildcard", "noglobal", "noglobaldtd", "plain", "plaindtd", "simpleempty", "overlap", "substitution", "typeddtd", "open", "anydtd"].flatMap((n) => ["types.ts", "table.ts", "parse.ts", "validate.ts", "index.ts"].map((f) => join(out, n, f)));
    const program = ts.createProgram(files, strictOptions([], { noUnusedLocals: true }));
    expect(diagnosticLines(program)).toEqual([]);
    const { readFileSync } = await import("node:fs");
    for (const f of ["validate.ts", "parse.ts"]) {
      const source = readFileSync(join(out, "noglobal", f), "utf8");
      expect(source).toMatch(/\/\/ The schema declares no global element: no document can/);
      expect(source).toMatch(/^export \{\};$/m);
      expect(source).not.toMatch(/import (type )?\{ *,? *\}|import \{ ,/);
    }
  });

  it("the JSON Schema of a schema without a global element compiles in ajv strict mode and accepts nothing (was an empty anyOf)", async () => {
    const { readFileSync } = await import("node:fs");
    for (const n of ["noglobal", "noglobaldtd"]) {
      const schema = JSON.parse(readFileSync(join(out, n, "schema.json"), "utf8")) as object;
      const validate = new Ajv2020({ strict: true }).compile(schema);
      expect(validate({})).toBe(false);
    }
  });

  it("a schema with a target namespace parses a document in its default namespace (the table was keyed {uri}foo)", async () => {
    const parse = (await import(join(out, "wildcard", "parse.ts"))) as Module;
    const validate = (await import(join(out, "wildcard", "validate.ts"))) as Module;
    const value = parse.parseFoo(`<foo xmlns="http://FOO"><x/><y/></foo>`);
    // Children a wildcard takes are keyed by their Clark name, so their namespace is kept (docs/codegen.md "Namespaces").
    expect(value).toMatchObject({ "{http://FOO}x": "", "{http://FOO}y": "" });
    expect(validate.validateFoo(value)).toEqual([]);
  });

  it("XSD: namespace declarations and xsi attributes are no undeclared attributes, as in qxml validate", async () => {
    const parse = (await import(join(out, "plain", "parse.ts"))) as Module;
    const validate = (await import(join(out, "plain", "validate.ts"))) as Module;
    const xml = `<r xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="plain.xsd" a="1"><e>3</e></r>`;
    expect(validateString(xml, { file: "r.xml", schema: compileSchema(plain).schema }).diagnostics).toEqual([]);
    expect(validate.validateR(parse.parseR(xml))).toEqual([]);
    // Hand-built (order-free) objects too.
    expect(validate.validateR({ "@_xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance", e: 3 })).toEqual([]);
    // Other attributes are still reported.
    expect((validate.validateR({ "@_b": "x", e: 3 }) as { code: string }[]).map((d) => d.code)).toEqual(["valid/undeclared-attribute"]);
  });

  it("DTD: an undeclared xmlns attribute is still reported, as qxml validate does", async () => {
    const parse = (await import(join(out, "plaindtd", "parse.ts"))) as Module;
    const validate = (await import(join(out, "plaindtd", "validate.ts"))) as Module;
    const diags = validate.validateR(parse.parseR(`<r xmlns:x="u"><e>t</e></r>`)) as { code: string; message: string }[];
    expect(diags.map((d) => d.code)).toEqual(["valid/undeclared-attribute"]);
    expect(diags[0].message).toContain("xmlns:x");
  });

  it("the first diagnostic is the engine's for an empty element given an attribute, and for a child of simple content", async () => {
    const parse = (await import(join(out, "simpleempty", "parse.ts"))) as Module;
    const validate = (await import(join(out, "simpleempty", "validate.ts"))) as Module;
    const compiled = compileSchema(simpleAndEmpty).schema;
    const key = (d: { code: string; path?: string; message: string }) => `${d.code} ${d.path ?? ""}: ${d.message}`;
    for (const [xml, code] of [
      [`<doc><none attr="x"/></doc>`, "valid/undeclared-attribute"], // was valid/not-empty ("found an object")
      [`<doc><title lang="fr"><salut/></title></doc>`, "valid/element-in-simple-content"], // was valid/unexpected-element
    ] as const) {
      const engine = validateString(xml, { file: "d.xml", schema: compiled }).diagnostics.filter((d) => d.severity === "error");
      const object = validate.validateDoc(parse.parseDoc(xml)) as { code: string; path?: string; message: string }[];
      expect(engine[0].code, xml).toBe(code);
      expect(object.map(key), xml).toEqual(engine.map(key));
    }
  });

  it("a choice whose alternatives share a name is checked by per-name ranges on hand-built objects (was: both alternatives 'present', a valid object refused)", async () => {
    const validate = (await import(join(out, "overlap", "validate.ts"))) as Module;
    expect(validate.validateO({ a: "x", c: "y" })).toEqual([]);
    expect(validate.validateO({ a: "x", b: "y" })).toEqual([]);
    expect((validate.validateO({ b: "y" }) as { code: string }[]).map((d) => d.code)).toEqual(["valid/missing-element"]);
  });

  it("the JSON Schema of a flattened at-least-one group defines each required name (ajv strictRequired refused it)", async () => {
    const { readFileSync } = await import("node:fs");
    const schema = JSON.parse(readFileSync(join(out, "overlap", "schema.json"), "utf8")) as object;
    const ajv = new Ajv2020({ strict: true });
    ajv.addSchema(schema, "overlap");
    const p = ajv.getSchema("overlap#/$defs/P")!;
    expect(p({ d: "t" })).toBe(true);
    expect(p({})).toBe(false);
  });

  it("a schema whose content model is not deterministic is refused, as qxml validate refuses it (was generated)", async () => {
    const file = join(out, "src", "ambiguous.xsd");
    writeFileSync(file, `<xs:schema ${XS}><xs:element name="book"><xs:complexType><xs:sequence>
      <xs:element name="p" minOccurs="0"/><xs:element name="p"/></xs:sequence></xs:complexType></xs:element></xs:schema>`);
    const err: string[] = [];
    const code = await runGenerate([file, "--out", join(out, "cli")], { stdout: () => {}, stderr: (l) => err.push(l) });
    expect(code).toBe(2);
    expect(err.join("\n")).toMatch(/valid\/ambiguous-content-model: book: content model is not deterministic/);
    expect(err.join("\n")).toMatch(/not generated \(schema errors\)/);
  });

  it("members of a substitution group stand in their head's place (were unexpected names); an abstract head is reported (was accepted)", async () => {
    const parse = (await import(join(out, "substitution", "parse.ts"))) as Module;
    const validate = (await import(join(out, "substitution", "validate.ts"))) as Module;
    const compiled = compileSchema(substitution).schema;
    const key = (d: { code: string; path?: string; message: string }) => `${d.code} ${d.path ?? ""}: ${d.message}`;
    for (const xml of [`<list><m1>a</m1><m2>2</m2><m1>b</m1><end/></list>`, `<list><m2>x</m2><end/></list>`, `<list><end/></list>`, `<list><head>h</head><end/></list>`]) {
      const engine = validateString(xml, { file: "l.xml", schema: compiled }).diagnostics.filter((d) => d.severity === "error");
      const value = parse.parseList(xml);
      const object = validate.validateList(value) as { code: string; path?: string; message: string }[];
      expect(object.map(key), xml).toEqual(engine.map(key));
    }
    const value = parse.parseList(`<list><m1>a</m1><m2>2</m2><m1>b</m1><end/></list>`);
    expect(value).toEqual({ m1: ["a", "b"], m2: ["2"], end: "" });
    expect(validate.validateList(structuredClone(value))).toEqual([]);
  });

  it("DTD attribute types are checked as the engine checks DTD values: valid/attribute-value (was valid/attribute-type of the XSD datatype)", async () => {
    const parse = (await import(join(out, "typeddtd", "parse.ts"))) as Module;
    const validate = (await import(join(out, "typeddtd", "validate.ts"))) as Module;
    const key = (d: { code: string; path?: string; message: string }) => `${d.code} ${d.path ?? ""}: ${d.message}`;
    const subset = `<!DOCTYPE t [${TYPED_DTD}]>`;
    for (const attrs of [`u="KS"`, `id="two words"`, `n="a b"`, `f="2"`, `u="kg" id="x1" n="a.b" f="1"`]) {
      const xml = `${subset}<t ${attrs}/>`;
      const engine = validateString(xml, { file: "t.xml" }).diagnostics.filter((d) => d.severity === "error");
      const object = validate.validateT(parse.parseT(xml)) as { code: string; path?: string; message: string }[];
      expect(object.map(key), attrs).toEqual(engine.map(key));
    }
  });

  it("xs:anyAttribute opens attribute names only, an element wildcard child names only: text in EMPTY or element-only content is still reported (was accepted)", async () => {
    const parse = (await import(join(out, "open", "parse.ts"))) as Module;
    const validate = (await import(join(out, "open", "validate.ts"))) as Module;
    const compiled = compileSchema(openModel).schema;
    const key = (d: { code: string; path?: string; message: string }) => `${d.code} ${d.path ?? ""}: ${d.message}`;
    for (const xml of [`<o><e a="1">stray</e></o>`, `<o><w><x/>stray</w></o>`, `<o><e a="1"/><w b="2"><x/></w></o>`, `<o><e a="1"/><w><x/></w></o>`]) {
      const engine = validateString(xml, { file: "o.xml", schema: compiled }).diagnostics.filter((d) => d.severity === "error");
      const value = parse.parseO(xml);
      expect((validate.validateO(value) as { code: string; path?: string; message: string }[]).map(key), xml).toEqual(engine.map(key));
      // Order-free (hand-built) objects give the same verdict.
      expect((validate.validateO(structuredClone(value)) as unknown[]).length === 0, xml).toBe(engine.length === 0);
    }
  });

  it("attributes are reported in the engine's order: each present one in document order (value or undeclared), then the missing ones (a misspelt required attribute gave missing first)", async () => {
    const parse = (await import(join(out, "open", "parse.ts"))) as Module;
    const validate = (await import(join(out, "open", "validate.ts"))) as Module;
    const compiled = compileSchema(openModel).schema;
    const key = (d: { code: string; path?: string; message: string }) => `${d.code} ${d.path ?? ""}: ${d.message}`;
    for (const xml of [`<o><q atr="1" b="x"/></o>`, `<o><q b="x" atr="1"/></o>`, `<o><q atr="1"/></o>`]) {
      const engine = validateString(xml, { file: "o.xml", schema: compiled }).diagnostics.filter((d) => d.severity === "error");
      expect((validate.validateO(parse.parseO(xml)) as { code: string; path?: string; message: string }[]).map(key), xml).toEqual(engine.map(key));
    }
  });

  it("the attributes of a DTD ANY element are checked (were not: an undeclared or missing one was accepted)", async () => {
    const parse = (await import(join(out, "anydtd", "parse.ts"))) as Module;
    const validate = (await import(join(out, "anydtd", "validate.ts"))) as Module;
    const key = (d: { code: string; path?: string; message: string }) => `${d.code} ${d.path ?? ""}: ${d.message}`;
    for (const body of [`<a x="1" y="2"><b/></a>`, `<a><b/></a>`, `<a x="1"><b/>t</a>`]) {
      const xml = `<!DOCTYPE a [${ANY_DTD}]>${body}`;
      const engine = validateString(xml, { file: "a.xml" }).diagnostics.filter((d) => d.severity === "error");
      expect((validate.validateA(parse.parseA(xml)) as { code: string; path?: string; message: string }[]).map(key), body).toEqual(engine.map(key));
    }
  });
  it("an undeclared attribute's list of declared ones is clipped as the engine clips it (deep breadth run, seed 61: nvdcve_0.xsd listed all 15)", async () => {
    const key = (d: { code: string; path?: string; message: string }) => `${d.code} ${d.path ?? ""}: ${d.message}`;
    for (const [name, model, xml] of [
      ["manyattrs", manyPlain, `<entry type="t" QXML_UNDECLARED="x"/>`],
      ["manyattrsns", manyNs, `<entry xmlns="urn:m" type="t" QXML_UNDECLARED="x"/>`],
    ] as const) {
      const parse = (await import(join(out, name, "parse.ts"))) as Module;
      const validate = (await import(join(out, name, "validate.ts"))) as Module;
      const engine = validateString(xml, { file: "e.xml", schema: compileSchema(model).schema }).diagnostics.filter((d) => d.severity === "error");
      expect(engine[0].message, name).toContain("(2 more)");
      expect((validate.validateEntry(parse.parseEntry(xml)) as { code: string; path?: string; message: string }[]).map(key), name).toEqual(engine.map(key));
    }
  });
});
