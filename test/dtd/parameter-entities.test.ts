import { describe, expect, it } from "vitest";
import type { EntityResolver } from "../../src/xml/resolve.js";
import { codes, parse } from "./helpers.js";

/** A resolver over an in-memory file table. */
function memory(files: Record<string, string>): EntityResolver {
  return (systemId) => {
    const text = files[systemId];
    return text === undefined ? { error: `no file ${systemId}` } : { file: systemId, bytes: new TextEncoder().encode(text) };
  };
}

describe("parameter entities", () => {
  it("expands references inside declarations of the external subset", () => {
    const doc = parse(`<!ENTITY % name "OPTION_PROFILE">
<!ENTITY % content "(A | B)*">
<!ENTITY % yes "INCLUDE">
<!ENTITY % att "id CDATA #IMPLIED">
<!ELEMENT %name; %content;>
<!ELEMENT A (%name;, B)>
<!ATTLIST %name; %att; x (%yes;|no) "no">`);
    expect(codes(doc)).toEqual([]);
    expect(doc.elements.get("OPTION_PROFILE")!.content).toMatchObject({ kind: "children", particle: { kind: "choice", occur: "*" } });
    expect(doc.attlists.get("OPTION_PROFILE")!.map((a) => a.name)).toEqual(["id", "x"]);
  });

  it("treats a reference as if surrounded by spaces: no occurrence indicator may follow it (libxml2 agrees)", () => {
    const doc = parse(`<!ENTITY % n "B">\n<!ELEMENT A (%n;?, B)>`);
    expect(doc.diagnostics[0]).toMatchObject({ code: "dtd/syntax", line: 2, column: 17, params: { found: "'?'" } });
  });

  it("allows references between declarations of the internal subset, not inside them", () => {
    const ok = parse(`<!ENTITY % decls "<!ELEMENT a EMPTY>">\n%decls;`, { internal: true });
    expect(codes(ok)).toEqual([]);
    expect(ok.elements.has("a")).toBe(true);
    const bad = parse(`<!ENTITY % c "EMPTY">\n<!ELEMENT a %c;>`, { internal: true });
    expect(codes(bad)).toEqual(["dtd/pe-in-internal-subset"]);
    expect(bad.diagnostics[0]).toMatchObject({ line: 2, column: 13, params: { name: "c" } });
    expect(codes(parse(`<!ENTITY % c "x"><!ENTITY e "%c;">`, { internal: true }))).toEqual(["dtd/pe-in-internal-subset"]);
  });

  it("reports an undeclared parameter entity and skips it", () => {
    const doc = parse(`%missing;\n<!ELEMENT a EMPTY>`);
    expect(codes(doc)).toEqual(["dtd/undeclared-pe"]);
    expect(doc.diagnostics[0]).toMatchObject({ line: 1, column: 1, params: { name: "missing" } });
    expect(doc.elements.has("a")).toBe(true);
  });

  it("reports recursion (WFC: No Recursion)", () => {
    const doc = parse(`<!ENTITY % a "%b;"><!ENTITY % b "x">`);
    expect(codes(doc)).toEqual(["dtd/undeclared-pe"]);
    const rec = parse(`<!ENTITY % a "<!ELEMENT x EMPTY> %b;"><!ENTITY % b "%a;">`);
    expect(codes(rec)).toEqual(["dtd/undeclared-pe"]);
    // %b; inside a's literal is expanded when a is declared, so a's text refers to a itself.
    const self = parse(`<!ENTITY % b "&#37;a;"><!ENTITY % a "<!ELEMENT x EMPTY> %b;">%a;`);
    expect(codes(self)).toEqual(["dtd/recursive-entity"]);
    expect(self.diagnostics[0].params).toMatchObject({ chain: "%a; → %a;" });
    const loop = parse(`<!ENTITY % b "&#37;c;"><!ENTITY % c "&#37;b;">\n%b;`);
    expect(codes(loop)).toEqual(["dtd/recursive-entity"]);
    expect(loop.diagnostics[0]).toMatchObject({ line: 2, column: 1, params: { name: "%b;", chain: "%b; → %c; → %b;" } });
  });

  it("bounds expansion: an exponential entity stops with a limit error, not exhaustion", () => {
    let text = `<!ENTITY % l0 "${"x".repeat(100)}">`;
    for (let i = 1; i <= 12; i++) text += `<!ENTITY % l${i} "${`%l${i - 1};`.repeat(10)}">`;
    const doc = parse(text);
    expect(codes(doc)).toEqual(["dtd/entity-limit"]);
    expect(parse(text, { limits: { maxEntityExpansions: 50 } }).diagnostics[0].params).toMatchObject({ limit: 50 });
  });

  it("bounds nesting depth", () => {
    let text = `<!ENTITY % p0 "<!ELEMENT deep EMPTY>">`;
    for (let i = 1; i <= 60; i++) text += `<!ENTITY % p${i} "&#37;p${i - 1};">`;
    text += "%p60;";
    const doc = parse(text, { limits: { maxEntityNesting: 20 } });
    expect(codes(doc)).toEqual(["dtd/entity-limit"]);
    expect(parse(text).elements.has("deep")).toBe(false);
    expect(parse(text, { limits: { maxEntityNesting: 100 } }).elements.has("deep")).toBe(true);
  });

  it("checks Proper Declaration/PE Nesting and Proper Group/PE Nesting", () => {
    // Referenced between declarations, a PE must hold whole declarations: a well-formedness error.
    const between = parse(`<!ENTITY % open "<!ELEMENT a"><!ENTITY % close "EMPTY>">%open; %close;`);
    expect(codes(between)).toEqual(["dtd/pe-between-declarations"]);
    expect(between.diagnostics[0].params).toMatchObject({ name: "open" });
    // Referenced inside a declaration, a PE holding its end breaks a validity constraint only.
    const inside = parse(`<!ENTITY % e "EMPTY>">\n<!ELEMENT a %e;\n<!ELEMENT b EMPTY>`);
    expect(codes(inside)).toEqual(["dtd/pe-nesting-decl"]);
    expect(inside.diagnostics[0]).toMatchObject({ line: 2, column: 1 });
    expect([...inside.elements.keys()]).toEqual(["a", "b"]);
    const group = parse(`<!ENTITY % p1 "(A|B"><!ENTITY % p2 "|C|D)"><!ELEMENT X %p1;%p2;>`);
    expect(codes(group)).toEqual(["dtd/pe-nesting-group"]);
    expect(group.elements.get("X")!.content).toMatchObject({ kind: "children", particle: { kind: "choice" } });
  });

  it("reads conditional sections, nested and PE-controlled", () => {
    const doc = parse(`<!ENTITY % draft "INCLUDE"><!ENTITY % final "IGNORE">
<![%draft;[
  <!ELEMENT a EMPTY>
  <![ %final; [ <!ELEMENT b EMPTY> <![INCLUDE[ <!ELEMENT c EMPTY> ]]> ]]>
  <![INCLUDE[ <!ELEMENT d EMPTY> ]]>
]]>
<![IGNORE[ <!ELEMENT e EMPTY> ]]>`);
    expect(codes(doc)).toEqual([]);
    expect([...doc.elements.keys()]).toEqual(["a", "d"]);
  });

  it.each([
    [`<![INCLUDE[ <!ELEMENT a EMPTY>`, "dtd/unterminated", 1, 1],
    [`<![IGNORE[ <!ELEMENT a EMPTY>`, "dtd/unterminated", 1, 11],
    [`<![MAYBE[ ]]>`, "dtd/syntax", 1, 4],
    [`<![INCLUDE ]]>`, "dtd/syntax", 1, 12],
  ])("conditional-section error %j", (text, code, line, column) => {
    const doc = parse(text);
    expect(codes(doc)).toEqual([code]);
    expect([doc.diagnostics[0].line, doc.diagnostics[0].column]).toEqual([line, column]);
  });

  it("refuses conditional sections in the internal subset", () => {
    expect(codes(parse(`<![INCLUDE[ ]]>`, { internal: true }))).toEqual(["dtd/conditional-in-internal-subset"]);
  });

  it("reads external parameter entities through the resolver, with text declarations", () => {
    const resolveEntity = memory({
      "mod.ent": `<?xml version="1.0" encoding="UTF-8"?>\n<!ELEMENT fromMod EMPTY>\n<!ELEMENT broken (a,>`,
      "ok.ent": `<?xml encoding="UTF-8"?><!ELEMENT ok (x | y)*>`,
      "frag.ent": `(p | q)`,
    });
    const doc = parse(`<!ENTITY % ok SYSTEM "ok.ent">%ok;<!ENTITY % f SYSTEM "frag.ent"><!ELEMENT z %f;>`, { resolveEntity });
    expect(codes(doc)).toEqual([]);
    expect([...doc.elements.keys()]).toEqual(["ok", "z"]);
    const bad = parse(`<!ENTITY % mod SYSTEM "mod.ent">\n%mod;`, { resolveEntity });
    expect(codes(bad)).toEqual(["dtd/syntax"]);
    expect(bad.diagnostics[0]).toMatchObject({ line: 3, column: 21, schemaLocation: { file: "mod.ent", line: 3, column: 21 } });
    expect(bad.attlists.size + bad.elements.size).toBe(1);
  });

  it("warns and continues when an external parameter entity cannot be read", () => {
    const doc = parse(`<!ENTITY % m SYSTEM "http://example.com/m.ent">%m;<!ELEMENT a EMPTY>`, { resolveEntity: memory({}) });
    expect(codes(doc)).toEqual(["dtd/external-entity-refused"]);
    expect(doc.diagnostics[0].severity).toBe("warning");
    expect(doc.elements.has("a")).toBe(true);
    expect(codes(parse(`<!ENTITY % m SYSTEM "m.ent">%m;`))).toEqual(["dtd/external-entity-refused"]);
  });

  it("includes an external parameter entity's text in an entity value", () => {
    const doc = parse(`<!ENTITY % t SYSTEM "t.ent"><!ENTITY v "[%t;]">`, { resolveEntity: memory({ "t.ent": `<?xml encoding="UTF-8"?>a&#65;b` }) });
    expect(codes(doc)).toEqual([]);
    expect(doc.generalEntities.get("v")!.value).toBe("[aAb]");
  });
});
