import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dtdToModel, readDtdSchema } from "../../src/schema/dtd/index.js";
import { MAX_MODEL_NOTES } from "../../src/schema/dtd/read.js";
import type { SchemaModel } from "../../src/schema/model.js";
import { parse } from "./helpers.js";

function model(text: string): SchemaModel {
  return dtdToModel(parse(text), "t.dtd");
}

function typeOf(m: SchemaModel, name: string) {
  const el = m.elements[m.globalElements[name]];
  if (el.type.kind !== "complex") throw new Error("complex expected");
  return m.complexTypes[el.type.id];
}

describe("dtdToModel", () => {
  it("gives every element an anonymous complex type with its content", () => {
    const m = model(`<!ELEMENT e EMPTY><!ELEMENT a ANY><!ELEMENT t (#PCDATA)><!ELEMENT x (#PCDATA|e|t)*>
<!ELEMENT c (e, (a | t)*, undeclared?, x+)>`);
    expect(m.kind).toBe("dtd");
    expect(m.elements.map((e) => e.name)).toEqual(["e", "a", "t", "x", "c"]);
    expect(m.complexTypes.every((t) => t.name === undefined)).toBe(true);
    expect(typeOf(m, "e").content).toEqual({ kind: "empty" });
    expect(typeOf(m, "a").content).toEqual({ kind: "any" });
    expect(typeOf(m, "t").content).toEqual({ kind: "mixed", particle: null });
    const x = typeOf(m, "x").content;
    expect(x).toMatchObject({ kind: "mixed", particle: { kind: "choice", min: 0, max: "unbounded" } });
    if (x.kind !== "mixed" || x.particle === null || x.particle.kind !== "choice") throw new Error();
    expect(x.particle.items.map((p) => (p.kind === "element" ? [p.name, p.element, p.min, p.max] : null))).toEqual([
      ["e", 0, 1, 1],
      ["t", 2, 1, 1],
    ]);
    const c = typeOf(m, "c").content;
    if (c.kind !== "elements" || c.particle.kind !== "sequence") throw new Error("sequence expected");
    expect(c.particle.items.map((p) => [p.kind, p.min, p.max])).toEqual([
      ["element", 1, 1],
      ["choice", 0, "unbounded"],
      ["element", 0, 1],
      ["element", 1, "unbounded"],
    ]);
    expect(c.particle.items[2]).toMatchObject({ name: "undeclared", element: null });
  });

  it("maps attribute types onto XSD built-ins, enumerations onto restrictions", () => {
    const m = model(`<!NOTATION gif SYSTEM "g"><!NOTATION png SYSTEM "p"><!ELEMENT e EMPTY>
<!ENTITY amp2 "&#38;#38;">
<!ATTLIST e c CDATA " a  b " i ID #REQUIRED ts NMTOKENS #FIXED "  x   y " k (a|b) "b" n NOTATION (gif|png) #IMPLIED r IDREFS #IMPLIED e2 CDATA "&amp2;&#x9;">`);
    const attrs = typeOf(m, "e").attributes;
    const builtin = (id: number) => m.simpleTypes[id].builtin;
    expect(attrs.map((a) => [a.name, builtin(a.type), a.dtdType, a.use])).toEqual([
      ["c", "string", "CDATA", "optional"],
      ["i", "ID", "ID", "required"],
      ["ts", "NMTOKENS", "NMTOKENS", "optional"],
      ["k", "NMTOKEN", "enumeration", "optional"],
      ["n", "NOTATION", "NOTATION", "optional"],
      ["r", "IDREFS", "IDREFS", "optional"],
      ["e2", "string", "CDATA", "optional"],
    ]);
    expect(attrs[0].default).toBe(" a  b ");
    expect(attrs[2].fixed).toBe("x y");
    expect(attrs[3].default).toBe("b");
    expect(attrs[6].default).toBe("&\t");
    const k = m.simpleTypes[attrs[3].type];
    expect(k.name).toBeUndefined();
    expect(k.facets.enumeration).toEqual([{ value: "a" }, { value: "b" }]);
    expect(m.simpleTypes[k.base!].name).toBe("NMTOKEN");
    expect(m.simpleTypes[attrs[4].type].facets.enumeration).toEqual([{ value: "gif" }, { value: "png" }]);
    expect(Object.keys(m.notations)).toEqual(["gif", "png"]);
    expect(m.entities.amp2).toMatchObject({ value: "&#38;" });
  });

  it("turns comments into docs, and qxml:inferred comments into provenance", () => {
    const m = model(`<!-- The profile. --><!ELEMENT P EMPTY>
<!-- qxml:inferred from 3 payloads --><!ELEMENT Q EMPTY>
<!-- qxml:inferred --><!ATTLIST Q a CDATA #IMPLIED>`);
    expect(m.elements[0].doc).toBe("The profile.");
    expect(m.elements[0].provenance).toBeUndefined();
    expect(m.elements[1].provenance).toEqual({ inferred: true, note: "qxml:inferred from 3 payloads" });
    expect(typeOf(m, "Q").attributes[0].provenance).toEqual({ inferred: true, note: "qxml:inferred" });
  });

  it("copies general entities only", () => {
    const m = model(`<!ENTITY % p "x"><!ENTITY g "v"><!ENTITY u SYSTEM "u.gif" NDATA gif><!NOTATION gif SYSTEM "g">`);
    expect(Object.keys(m.entities)).toEqual(["g", "u"]);
    expect(m.entities.u).toMatchObject({ systemId: "u.gif", notation: "gif" });
  });

  it("is JSON-serialisable", () => {
    const m = model(`<!ELEMENT a (b*)><!ELEMENT b (#PCDATA|a)*><!ATTLIST a x (1|2) "1">`);
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });
});

describe("readDtdSchema", () => {
  const dir = mkdtempSync(join(tmpdir(), "qxml-dtd-"));

  it("reads a file with external parameter entities beside it and notes undeclared names", () => {
    writeFileSync(join(dir, "mod.ent"), `<!ELEMENT child EMPTY>`);
    writeFileSync(join(dir, "main.dtd"), `<!ENTITY % mod SYSTEM "mod.ent">%mod;\n<!ELEMENT root (child, ghost)>\n<!ATTLIST nobody a CDATA #IMPLIED>`);
    const r = readDtdSchema(join(dir, "main.dtd"));
    expect(r.model?.elements.map((e) => e.name)).toEqual(["child", "root"]);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.params])).toEqual([
      ["dtd/attlist-undeclared-element", "info", { element: "nobody" }],
      ["dtd/undeclared-child", "info", { element: "root", name: "ghost" }],
    ]);
  });

  it("keeps the first 1,000 notes and counts the rest in one more", () => {
    const decls = Array.from({ length: 600 }, (_, i) => `<!ELEMENT e${i} (a${i}, b${i})>`).join("\n");
    writeFileSync(join(dir, "many.dtd"), decls);
    const r = readDtdSchema(join(dir, "many.dtd"));
    expect(r.model?.elements.length).toBe(600);
    expect(r.diagnostics.length).toBe(MAX_MODEL_NOTES + 1);
    expect(r.diagnostics.slice(0, MAX_MODEL_NOTES).every((d) => d.code === "dtd/undeclared-child")).toBe(true);
    expect(r.diagnostics[MAX_MODEL_NOTES]).toMatchObject({
      code: "dtd/too-many-notes",
      severity: "info",
      line: 500,
      message: "200 more notes about undeclared elements were not reported (the first 1000 are)",
    });
  });

  it("gives no model for a DTD with a syntax error, and a located diagnostic", () => {
    writeFileSync(join(dir, "bad.dtd"), `<!ELEMENT a EMPTY>\n<!ELEMENT b (a,)>`);
    const r = readDtdSchema(join(dir, "bad.dtd"));
    expect(r.model).toBeNull();
    expect(r.diagnostics[0]).toMatchObject({ code: "dtd/syntax", line: 2, column: 16, schemaLocation: { file: join(dir, "bad.dtd") } });
  });

  it("decodes UTF-16 with a BOM and honours a declared ISO-8859-1 encoding", () => {
    const text = `<!ELEMENT caf\u00e9 EMPTY>`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    writeFileSync(join(dir, "u16.dtd"), le);
    expect(readDtdSchema(join(dir, "u16.dtd")).model?.elements[0].name).toBe("café");
    writeFileSync(join(dir, "l1.dtd"), Buffer.from(`<?xml encoding="ISO-8859-1"?>${text}`, "latin1"));
    expect(readDtdSchema(join(dir, "l1.dtd")).model?.elements[0].name).toBe("café");
    writeFileSync(join(dir, "bad8.dtd"), Buffer.from([0x3c, 0x21, 0xff, 0x3e]));
    expect(readDtdSchema(join(dir, "bad8.dtd")).diagnostics[0].code).toBe("dtd/encoding");
  });
});
