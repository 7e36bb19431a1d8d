import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { readXsdFile } from "../../src/schema/xsd/index.js";
import { refuseAll } from "../../src/xml/resolve.js";
import { XS } from "./helpers.js";

/** Writes files into a fresh temporary folder; returns its path. */
function files(contents: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "qxml-xsd-"));
  for (const [name, text] of Object.entries(contents)) writeFileSync(join(dir, name), text);
  return dir;
}

const doc = (attrs: string, body: string) => `<xs:schema ${XS} ${attrs}>\n${body}\n</xs:schema>`;

describe("xs:include and xs:import", () => {
  test("include of the same namespace; definitions of both files resolve", () => {
    const dir = files({
      "main.xsd": doc('targetNamespace="urn:m" xmlns:m="urn:m"', `<xs:include schemaLocation="types.xsd"/>\n<xs:element name="root" type="m:T"/>`),
      "types.xsd": doc('targetNamespace="urn:m"', `<xs:complexType name="T"><xs:attribute name="a"/></xs:complexType>`),
    });
    const r = readXsdFile(join(dir, "main.xsd"));
    expect(r.diagnostics).toEqual([]);
    const t = r.model!.namedTypes["{urn:m}T"];
    expect(r.model!.elements[r.model!.globalElements["{urn:m}root"]].type).toEqual(t);
    expect(r.model!.complexTypes[t.id].location.file).toBe(join(dir, "types.xsd"));
  });

  test("chameleon include takes the includer's namespace, and so do its unqualified references", () => {
    const dir = files({
      "main.xsd": doc('targetNamespace="urn:m" xmlns:m="urn:m"', `<xs:include schemaLocation="cham.xsd"/>\n<xs:element name="root" type="m:Outer"/>`),
      "cham.xsd": doc("", `<xs:complexType name="Outer"><xs:sequence><xs:element name="i" type="Inner"/></xs:sequence></xs:complexType>\n<xs:simpleType name="Inner"><xs:restriction base="xs:string"/></xs:simpleType>`),
    });
    const r = readXsdFile(join(dir, "main.xsd"));
    expect(r.diagnostics).toEqual([]);
    expect(Object.keys(r.model!.namedTypes)).toEqual(expect.arrayContaining(["{urn:m}Outer", "{urn:m}Inner"]));
  });

  test("import of another namespace", () => {
    const dir = files({
      "main.xsd": doc('targetNamespace="urn:m" xmlns:o="urn:o"', `<xs:import namespace="urn:o" schemaLocation="other.xsd"/>\n<xs:element name="root" type="o:T"/>`),
      "other.xsd": doc('targetNamespace="urn:o"', `<xs:simpleType name="T"><xs:restriction base="xs:int"/></xs:simpleType>`),
    });
    const r = readXsdFile(join(dir, "main.xsd"));
    expect(r.diagnostics).toEqual([]);
    expect(r.model!.elements[0].type).toEqual({ kind: "simple", id: r.model!.namedTypes["{urn:o}T"].id });
  });

  test("include cycles terminate", () => {
    const dir = files({
      "a.xsd": doc("", `<xs:include schemaLocation="b.xsd"/><xs:element name="a"/>`),
      "b.xsd": doc("", `<xs:include schemaLocation="a.xsd"/><xs:element name="b"/>`),
    });
    const r = readXsdFile(join(dir, "a.xsd"));
    expect(r.diagnostics).toEqual([]);
    expect(Object.keys(r.model!.globalElements).sort()).toEqual(["a", "b"]);
  });

  test("a missing file is an error at the directive (as libxml2: 'failed to load')", () => {
    const dir = files({ "main.xsd": doc("", `<xs:include schemaLocation="gone.xsd"/>`) });
    const r = readXsdFile(join(dir, "main.xsd"));
    expect(r.model).toBeNull();
    expect(r.diagnostics).toMatchObject([{ code: "xsd/load-failed", line: 2, params: { directive: "include", location: "gone.xsd" }, schemaLocation: { file: join(dir, "main.xsd") } }]);
  });

  test("after a failed include, an unresolved reference names the unread document, with no did-you-mean to an unrelated name", () => {
    const dir = files({ "main.xsd": doc("", `<xs:include schemaLocation="common.xsd"/>\n<xs:element name="R" type="ScanType"/>\n<xs:complexType name="ScanTypes"/>`) });
    const r = readXsdFile(join(dir, "main.xsd"));
    expect(r.diagnostics.map((d) => d.code)).toEqual(["xsd/load-failed", "xsd/unresolved-type"]);
    const d = r.diagnostics[1];
    expect(d.message).toBe('type "ScanType" is not defined; it may be declared in "common.xsd", which could not be read');
    expect(d.message).not.toContain("did you mean");
    expect(d.hint).toBe('fix the xs:include of "common.xsd" (reported above), or define ScanType');
  });

  test("after a failed import, element references name every unread document", () => {
    const dir = files({
      "main.xsd": doc(
        'xmlns:a="urn:a"',
        `<xs:import namespace="urn:a" schemaLocation="a.xsd"/>\n<xs:include schemaLocation="b.xsd"/>\n<xs:element name="R"><xs:complexType><xs:sequence><xs:element ref="a:ITEM"/></xs:sequence></xs:complexType></xs:element>\n<xs:element name="ITEMS"/>`,
      ),
    });
    const r = readXsdFile(join(dir, "main.xsd"));
    const d = r.diagnostics.find((x) => x.code === "xsd/unresolved-element")!;
    expect(d.message).toBe('element "a:ITEM" is not declared globally; it may be declared in "a.xsd", "b.xsd", which could not be read');
    expect(d.hint).toBe('fix the xs:import/xs:include of "a.xsd", "b.xsd" (reported above), or define a:ITEM');
  });

  test("without a failed include, a near name is still offered as a did-you-mean", () => {
    const dir = files({ "main.xsd": doc("", `<xs:element name="R" type="ScanType"/>\n<xs:complexType name="ScanTypes"/>`) });
    const r = readXsdFile(join(dir, "main.xsd"));
    expect(r.diagnostics).toMatchObject([{ code: "xsd/unresolved-type", message: 'type "ScanType" is not defined; did you mean ScanTypes?', hint: "use ScanTypes, or define ScanType" }]);
  });

  test("a URL is refused, never fetched", () => {
    const dir = files({ "main.xsd": doc('xmlns:r="urn:r"', `<xs:import namespace="urn:r" schemaLocation="http://example.invalid/r.xsd"/>`) });
    const r = readXsdFile(join(dir, "main.xsd"));
    expect(r.diagnostics).toMatchObject([{ code: "xsd/load-failed", params: { directive: "import" } }]);
    expect(r.diagnostics[0].message).toContain("never reads the network");
  });

  test("a caller's resolver decides what may be read", () => {
    const dir = files({ "main.xsd": doc("", `<xs:include schemaLocation="t.xsd"/>`), "t.xsd": doc("", "") });
    const r = readXsdFile(join(dir, "main.xsd"), { resolveEntity: refuseAll });
    expect(r.diagnostics.map((d) => d.code)).toEqual(["xsd/load-failed"]);
  });

  test("namespace mismatches of include and import", () => {
    const dir = files({
      "main.xsd": doc('targetNamespace="urn:m"', `<xs:include schemaLocation="x.xsd"/>\n<xs:import namespace="urn:y" schemaLocation="x.xsd"/>`),
      "x.xsd": doc('targetNamespace="urn:x"', ""),
    });
    const r = readXsdFile(join(dir, "main.xsd"));
    expect(r.diagnostics.map((d) => [d.code, d.line, d.params?.directive])).toEqual([
      ["xsd/namespace-mismatch", 2, "include"],
      ["xsd/namespace-mismatch", 3, "import"],
    ]);
  });

  test("errors inside an included file point at that file", () => {
    const dir = files({ "main.xsd": doc("", `<xs:include schemaLocation="bad.xsd"/>`), "bad.xsd": doc("", `\n<xs:element name="e" type="Nope"/>`) });
    const r = readXsdFile(join(dir, "main.xsd"));
    expect(r.diagnostics).toMatchObject([{ code: "xsd/unresolved-type", line: 3, schemaLocation: { file: join(dir, "bad.xsd"), line: 3 } }]);
  });

  test("an unreadable root file", () => {
    const r = readXsdFile("/nonexistent/qxml/none.xsd");
    expect(r).toMatchObject({ model: null, diagnostics: [{ code: "xsd/unreadable" }] });
  });
});
