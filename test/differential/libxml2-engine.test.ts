import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Libxml2Engine, validateWithLibxml2 } from "../../src/engines/libxml2.js";
import { localResolver } from "../../src/xml/resolve.js";

const dir = mkdtempSync(join(tmpdir(), "qxml-libxml2-"));
const outside = mkdtempSync(join(tmpdir(), "qxml-outside-"));
writeFileSync(
  join(dir, "r.dtd"),
  `<!ELEMENT R (A+)>\n<!ELEMENT A (#PCDATA)>\n<!ATTLIST A x (p|q) #REQUIRED>\n`,
);
writeFileSync(
  join(dir, "r.xsd"),
  `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="R"><xs:complexType><xs:sequence>
    <xs:element name="A" maxOccurs="unbounded"><xs:complexType><xs:simpleContent>
      <xs:extension base="xs:string"><xs:attribute name="x" use="required"><xs:simpleType>
        <xs:restriction base="xs:string"><xs:enumeration value="p"/><xs:enumeration value="q"/></xs:restriction>
      </xs:simpleType></xs:attribute></xs:extension>
    </xs:simpleContent></xs:complexType></xs:element>
  </xs:sequence></xs:complexType></xs:element>
</xs:schema>`,
);
writeFileSync(join(outside, "secret.xsd"), `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="S"/></xs:schema>`);
mkdirSync(join(dir, "inc"));
writeFileSync(
  join(dir, "inc", "leak.xsd"),
  `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:include schemaLocation="${join(outside, "secret.xsd")}"/></xs:schema>`,
);

const docFile = join(dir, "doc.xml");
const withDoctype = (body: string, system = "r.dtd") => `<?xml version="1.0"?>\n<!DOCTYPE R SYSTEM "${system}">\n${body}\n`;
const good = `<R>\n  <A x="p">t</A>\n</R>`;
const bad = `<R>\n  <A x="z">t</A>\n  <B/>\n</R>`;

let engine: Libxml2Engine;
beforeAll(async () => {
  engine = await Libxml2Engine.load();
});

describe("libxml2 engine, the document's own DOCTYPE", () => {
  const resolveEntity = localResolver({ allow: [dir] });

  it("accepts a valid document and reports root and doctype", () => {
    const r = engine.validate(withDoctype(good), { file: docFile, resolveEntity });
    expect(r).toMatchObject({ valid: true, wellFormed: true, root: "R", doctype: { name: "R", systemId: "r.dtd" } });
    expect(r.diagnostics).toEqual([]);
  });

  it("reports each validity error with line, column, path and libxml2's message", () => {
    const r = engine.validate(withDoctype(bad), { file: docFile, resolveEntity });
    expect(r.valid).toBe(false);
    expect(r.wellFormed).toBe(true);
    const simple = r.diagnostics.map((d) => ({ code: d.code, line: d.line, path: d.path, phase: d.params?.phase }));
    expect(simple).toEqual([
      { code: "libxml2/error", line: 4, path: "/R/A", phase: "validate" },
      { code: "libxml2/error", line: 5, path: "/R/B", phase: "validate" },
      { code: "libxml2/error", line: 6, path: "/R", phase: "validate" },
    ]);
    expect(r.diagnostics[0].message).toContain('Value "z" for attribute x of A is not among the enumerated set');
    expect(r.diagnostics[0].column).toBeGreaterThan(1);
  });

  it("never reads the network: an http DTD is refused with the resolver's reason", () => {
    const r = engine.validate(withDoctype(good, "http://example.com/r.dtd"), { file: docFile, resolveEntity });
    expect(r.valid).toBe(false);
    expect(r.wellFormed).toBe(true);
    expect(r.diagnostics.map((d) => d.message).join("\n")).toMatch(/never reads the network/);
  });

  it("reads nothing external without a resolver", () => {
    const r = engine.validate(withDoctype(good), { file: docFile });
    expect(r.valid).toBe(false);
    expect(r.diagnostics.some((d) => /external entities are disabled/.test(d.message))).toBe(true);
  });

  it("a DOCTYPE whose DTD file is missing: one finding at the DOCTYPE, as qxml's engine gives (was: a line-0 warning, 'failed to load', 'no DTD found')", () => {
    const r = engine.validate(withDoctype(good, "missing.dtd"), { file: docFile, resolveEntity });
    expect(r).toMatchObject({ valid: false, wellFormed: true });
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({
      severity: "error",
      code: "xml/external-entity-refused",
      line: 2,
      column: 1,
      params: { what: "DTD", systemId: "missing.dtd" },
    });
    expect(r.diagnostics[0].message).toBe(`external DTD "missing.dtd" was not read: external entity "${join(dir, "missing.dtd")}" resolves to ${join(dir, "missing.dtd")}, which does not exist`);
  });

  it("an external entity that is not read: the resolver's reason stands where libxml2 reports the failed load, never at line 0", () => {
    const doc = `<!DOCTYPE R [\n<!ELEMENT R ANY>\n<!ENTITY e SYSTEM "gone.txt">\n]>\n<R>&e;</R>\n`;
    const r = engine.validate(doc, { file: docFile, resolveEntity });
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["libxml2/error", 5],
      ["libxml2/warning", 5],
    ]);
    expect(r.diagnostics[1].message).toMatch(/gone\.txt, which does not exist/);
  });

  it("tells a well-formedness error from a validity error", () => {
    const r = engine.validate(withDoctype(`<R><A x="p">t</R>`), { file: docFile, resolveEntity });
    expect(r).toMatchObject({ valid: false, wellFormed: false });
    expect(r.diagnostics[0].params?.phase).toBe("parse");
    expect(r.diagnostics[0].line).toBe(3);
  });
});

describe("libxml2 engine, well-formedness", () => {
  it("counts an undefined namespace prefix as a well-formedness error", () => {
    const r = engine.validate(`<a><b:c/></a>`, { file: docFile });
    expect(r).toMatchObject({ valid: false, wellFormed: false });
    const ns = r.diagnostics.find((d) => /Namespace prefix b on c is not defined/.test(d.message));
    expect(ns).toMatchObject({ line: 1, params: { phase: "parse" } });
  });

  it("also when the prefix starts with U+FEFF (a name character, which JavaScript's \\s matches)", () => {
    const r = engine.validate(`<a><\uFEFFq:c/></a>`, { file: docFile });
    expect(r).toMatchObject({ valid: false, wellFormed: false });
  });

  it("counts a colon in a PI target and a name that is no QName as well-formedness errors (Namespaces in XML 1.0 §7)", () => {
    for (const doc of [`<!DOCTYPE r [<!ELEMENT r EMPTY><?a:b x?>]>\n<r/>`, `<!DOCTYPE r [<!ELEMENT r ANY>]>\n<r><p:7a xmlns:p="urn:p"/></r>`]) {
      const r = engine.validate(doc, { file: docFile });
      expect(r.wellFormed, doc).toBe(false);
      expect(r.diagnostics.some((d) => d.params?.phase === "parse" && /colons are forbidden from|Failed to parse QName/.test(d.message)), doc).toBe(true);
    }
  });

  it("counts a duplicate ID as a validity error, not a well-formedness one", () => {
    const doc = `<!DOCTYPE r [<!ELEMENT r (e*)><!ELEMENT e EMPTY><!ATTLIST e id ID #REQUIRED>]>\n<r><e id="a"/><e id="a"/></r>`;
    const r = engine.validate(doc, { file: docFile });
    expect(r).toMatchObject({ valid: false, wellFormed: true });
    expect(r.diagnostics.map((d) => d.message)).toEqual(["ID a already defined"]);
  });
});

describe("libxml2 engine, hostile input", () => {
  it("stops an entity expansion bomb with a diagnostic", () => {
    let entities = `<!ENTITY a0 "xxxxxxxxxx">`;
    for (let i = 1; i < 12; i++) entities += `<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`;
    const r = engine.validate(`<!DOCTYPE r [${entities}<!ELEMENT r (#PCDATA)>]><r>&a11;</r>`, { file: docFile });
    expect(r).toMatchObject({ valid: false, wellFormed: false });
    expect(r.diagnostics.map((d) => d.message).join("\n")).toMatch(/amplification/);
  });

  it("reports libxml2's nesting limit (256 levels) instead of overflowing", () => {
    const r = engine.validate("<d>".repeat(5000) + "</d>".repeat(5000), { file: docFile });
    expect(r.wellFormed).toBe(false);
    expect(r.diagnostics.map((d) => d.message).join("\n")).toMatch(/Excessive depth in document: 256/);
  });
});

describe("libxml2 engine, a schema file", () => {
  it("validates against a DTD file, ignoring the DOCTYPE", () => {
    const schema = { kind: "dtd" as const, file: join(dir, "r.dtd") };
    expect(engine.validate(`<R><A x="q">t</A></R>`, { file: docFile, schema }).valid).toBe(true);
    const r = engine.validate(withDoctype(`<R><A>t</A></R>`, "http://example.com/none.dtd"), { file: docFile, schema });
    expect(r.valid).toBe(false);
    expect(r.diagnostics.map((d) => d.message).join("\n")).toMatch(/Element A does not carry attribute x/);
  });

  it("reads a DTD file's external parameter entities relative to the DTD", () => {
    mkdirSync(join(dir, "pe"), { recursive: true });
    writeFileSync(join(dir, "pe", "common.ent"), `<!ELEMENT A (#PCDATA)>`);
    writeFileSync(join(dir, "pe", "main.dtd"), `<!ENTITY % common SYSTEM "common.ent">\n%common;\n<!ELEMENT R (A)>`);
    const schema = { kind: "dtd" as const, file: join(dir, "pe", "main.dtd") };
    expect(engine.validate(`<R><A>t</A></R>`, { file: docFile, schema }).valid).toBe(true);
    expect(engine.validate(`<R><B/></R>`, { file: docFile, schema }).valid).toBe(false);
  });

  it("reports a DTD syntax error as a schema error in the DTD file", () => {
    writeFileSync(join(dir, "broken.dtd"), `<!ELEMENT R (A)>\n<!ELEMENT A (#PCDATA>\n`);
    const prepared = engine.prepare({ kind: "dtd", file: join(dir, "broken.dtd") });
    prepared.dispose();
    expect(prepared.ok).toBe(false);
    expect(prepared.diagnostics[0]).toMatchObject({ line: 2, params: { phase: "schema", file: join(dir, "broken.dtd") } });
  });

  it("validates against an XSD file and keeps it compiled for many documents", () => {
    const prepared = engine.prepare({ kind: "xsd", file: join(dir, "r.xsd") });
    try {
      expect(prepared.ok).toBe(true);
      expect(prepared.validate(`<R><A x="p">t</A></R>`, { file: docFile }).valid).toBe(true);
      const r = prepared.validate(`<R>\n<A x="z">t</A></R>`, { file: docFile });
      expect(r.valid).toBe(false);
      expect(r.diagnostics[0]).toMatchObject({ code: "libxml2/error", line: 2, path: "/R/A" });
      expect(r.diagnostics[0].message).toMatch(/\[facet 'enumeration'\]/);
      expect(prepared.validate(`<R><A x="p">`, { file: docFile })).toMatchObject({ valid: false, wellFormed: false });
    } finally {
      prepared.dispose();
    }
  });

  it("refuses an xs:include outside the schema's folder", () => {
    const prepared = engine.prepare({ kind: "xsd", file: join(dir, "inc", "leak.xsd") });
    prepared.dispose();
    const text = prepared.diagnostics.map((d) => d.message).join("\n");
    expect(text).toMatch(/outside the folders allowed/);
    expect(prepared.diagnostics.every((d) => d.params?.phase === "schema")).toBe(true);
    expect(prepared.diagnostics.every((d) => d.line >= 1)).toBe(true);
  });

  it("reports a schema that does not compile on every validation", async () => {
    writeFileSync(join(dir, "broken.xsd"), `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="R" type="nope"/></xs:schema>`);
    const r = await validateWithLibxml2(`<R/>`, { file: docFile, schema: { kind: "xsd", file: join(dir, "broken.xsd") } });
    expect(r.valid).toBe(false);
    expect(r.diagnostics[0].params?.phase).toBe("schema");
  });
});
