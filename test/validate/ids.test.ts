import { describe, expect, it } from "vitest";
import { compileSchema } from "../../src/validate/compile.js";
import { ValidationEngine } from "../../src/validate/engine.js";
import { IdTable } from "../../src/validate/ids.js";
import { validateString } from "../../src/validate/index.js";
import { feed } from "./feed.js";
import { model } from "./models.js";
import { el } from "./particles.js";

const DTD = `<!DOCTYPE r [<!ELEMENT r (e)*><!ELEMENT e EMPTY><!ATTLIST e id ID #IMPLIED ref IDREF #IMPLIED refs IDREFS #IMPLIED>]>`;

describe("ID / IDREF bookkeeping keeps only references to IDs not seen yet", () => {
  it("a reference to a known ID is not kept; one to a later ID is kept and resolves", () => {
    const t = new IdTable();
    t.define("a", 1);
    expect(t.defines("a")).toBe(true);
    expect(t.defines("b")).toBe(false);
    t.reference({ value: "b", element: "e", name: "ref", line: 2, column: 1, path: "/r/e" });
    t.reference({ value: "c", element: "e", name: "ref", line: 3, column: 1, path: "/r/e[2]" });
    t.define("b", 4);
    expect(t.pendingCount).toBe(2);
    expect(t.unresolved().map((r) => r.value)).toEqual(["c"]);
  });
  it("1,000 elements whose IDREFs point back keep no reference; forward ones are kept", () => {
    // Before, every IDREF was kept with its path until the end: 623 MB for 1 M such elements.
    let xml = `${DTD}<r>`;
    for (let i = 0; i < 1000; i++) xml += `<e id="i${i}" ref="i${i >> 1}" refs="i${i} i0"/>`;
    for (let i = 0; i < 10; i++) xml += `<e ref="later${i}"/>`;
    for (let i = 0; i < 5; i++) xml += `<e id="later${i}"/>`;
    xml += "</r>";
    const r = validateString(xml, { file: "ids.xml" });
    expect(r.diagnostics.map((d) => `${d.code} ${d.params?.found} ${d.path}`)).toEqual(
      [5, 6, 7, 8, 9].map((i) => `valid/unresolved-idref later${i} /r/e[${1001 + i}]`),
    );
    const { schema } = compileSchema(
      model("dtd", {
        r: { content: { kind: "elements", particle: el("e", 0, "unbounded") } },
        e: { content: "EMPTY", attrs: [{ name: "id", type: "ID" }, { name: "ref", type: "IDREF" }, { name: "refs", type: "IDREFS" }] },
      }),
    );
    const engine = new ValidationEngine({ file: "ids.xml", schema });
    feed(xml.slice(xml.indexOf("<r>")), engine);
    // The engine's table is private: read its count of kept references.
    expect((engine as unknown as { ids: IdTable }).ids.pendingCount).toBe(10);
  });
  it("an IDREFS value naming one missing ID twice gets one error at the attribute; two missing IDs get two", () => {
    const xml = `${DTD}<r><e refs="a b a b a"/></r>`;
    const at = `1:${xml.indexOf("refs=") + 1}`;
    const r = validateString(xml, { file: "ids.xml" });
    expect(r.diagnostics.map((d) => `${d.code} ${d.params?.found} ${d.line}:${d.column}`)).toEqual([`valid/unresolved-idref a ${at}`, `valid/unresolved-idref b ${at}`]);
  });
});
