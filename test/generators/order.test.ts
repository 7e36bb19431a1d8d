/**
 * Child order in the object form: parse records it (non-enumerable, invisible to JSON, deep-equal
 * and serialize); the compiled validator runs the content model over it exactly as `qxml validate`
 * runs it on the XML; objects without a (still valid) recorded order get the order-free checks.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readXsdText } from "../../src/schema/xsd/index.js";
import { readDtdSchema } from "../../src/schema/dtd/read.js";
import { compileSchema, validateString } from "../../src/validate/index.js";
import { renderSchema } from "../../generators/render.js";
import { writeRendered } from "../../generators/write.js";
import { ORDER, orderOf, recordedOrder } from "../../generators/runtime/order.js";
import { runtimeEntry } from "./helpers.js";

const XSD = `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="ROOT">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="A" type="xs:string"/>
        <xs:element name="B" type="xs:int" minOccurs="0"/>
        <xs:element name="C" type="xs:string"/>
        <xs:choice maxOccurs="unbounded">
          <xs:element name="IP" type="xs:string"/>
          <xs:element name="IP_RANGE" type="xs:string"/>
        </xs:choice>
        <xs:element name="TAG" type="xs:string" minOccurs="2" maxOccurs="3"/>
      </xs:sequence>
      <xs:attribute name="id" type="xs:int"/>
    </xs:complexType>
  </xs:element>
</xs:schema>`;

const VALID = `<ROOT id="1"><A>a</A><B>2</B><C>c</C><IP>1.1.1.1</IP><IP_RANGE>1-2</IP_RANGE><IP>2.2.2.2</IP><TAG>x</TAG><TAG>y</TAG></ROOT>`;

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, ".out", "order");
mkdirSync(out, { recursive: true });
const read = readXsdText(XSD, join(out, "o.xsd"));
if (read.model === null) throw new Error(read.diagnostics.map((d) => d.message).join("; "));
const model = read.model;
writeRendered(out, renderSchema(model, { name: "o", sourceLabel: "o.xsd", runtime: runtimeEntry }));

type Module = Record<string, (...args: unknown[]) => unknown>;
const load = async (file: string): Promise<Module> => (await import(join(out, "o", file))) as Module;
interface Diag {
  code: string;
  message: string;
  path?: string;
}
const brief = (ds: Diag[]): string[] => ds.map((d) => `${d.code} ${d.path}: ${d.message}`);
const engine = (xml: string): string[] => brief(validateString(xml, { file: "t.xml", schema: compileSchema(model).schema }).diagnostics as Diag[]);

describe("recorded child order", () => {
  it("parse records document order, interleaving included, without changing the data", async () => {
    const { parseRoot, serializeRoot } = await load("parse.ts");
    const v = parseRoot(VALID) as Record<string, unknown>;
    expect(recordedOrder(v)).toEqual(["A", "B", "C", "IP", "IP_RANGE", "IP", "TAG", "TAG"]);
    expect(Object.keys(v)).not.toContain(ORDER);
    expect(Object.getOwnPropertyDescriptor(v, ORDER)?.enumerable).toBe(false);
    expect(JSON.stringify(v)).toBe(JSON.stringify(structuredClone(v)));
    expect(v).toEqual(structuredClone(v));
    // serialize writes schema order whatever was recorded: the interleaved IPs come back grouped.
    expect(serializeRoot(v)).toBe(serializeRoot(structuredClone(v) as never));
    expect(serializeRoot(v)).toContain("<IP>1.1.1.1</IP><IP>2.2.2.2</IP><IP_RANGE>1-2</IP_RANGE>");
  });

  const cases: [string, string][] = [
    ["two children swapped", VALID.replace("<A>a</A><B>2</B>", "<B>2</B><A>a</A>")],
    ["a required child dropped from the middle", VALID.replace("<C>c</C>", "")],
    ["one too many of a counted child", VALID.replace("</ROOT>", "<TAG>z</TAG><TAG>w</TAG></ROOT>")],
    ["a misspelt child", VALID.replace("<C>c</C>", "<CC>c</CC>")],
    ["stray text before the children", VALID.replace("<A>", "stray<A>")],
    ["text between children, a bad value after it", VALID.replace("<C>c</C>", "<C>c</C>oops").replace("<B>2</B>", "<B>two</B>")],
    ["children after the end of the model", VALID.replace("</ROOT>", "<A>again</A></ROOT>")],
    ["too few of a counted child", VALID.replace("<TAG>y</TAG>", "")],
  ];
  for (const [name, xml] of cases) {
    it(`${name}: the diagnostics of qxml validate, in its order`, async () => {
      const { parseRoot } = await load("parse.ts");
      const { validateRoot } = await load("validate.ts");
      const expected = engine(xml);
      expect(expected.length).toBeGreaterThan(0);
      expect(brief(validateRoot(parseRoot(xml)) as Diag[])).toEqual(expected);
    });
  }

  it("order-only errors are invisible without the order (as in JSON Schema), visible with it", async () => {
    const { parseRoot } = await load("parse.ts");
    const { validateRoot } = await load("validate.ts");
    const v = parseRoot(cases[0][1]);
    expect(validateRoot(structuredClone(v))).toEqual([]);
    expect(brief(validateRoot(v) as Diag[])[0]).toBe("valid/unexpected-element /ROOT/B: ROOT: expected <A> (missing before <B>); found <B>");
  });

  it("an object edited after parsing falls back to the order-free checks", async () => {
    const { parseRoot } = await load("parse.ts");
    const { validateRoot } = await load("validate.ts");
    const v = parseRoot(VALID) as Record<string, unknown>;
    expect(orderOf(v, true)).not.toBeNull();
    delete v.C; // now stale: the order still names C
    expect(orderOf(v, true)).toBeNull();
    expect(brief(validateRoot(v) as Diag[])).toEqual(brief(validateRoot(structuredClone(v)) as Diag[]));
    expect(brief(validateRoot(v) as Diag[])[0]).toMatch(/^valid\/missing-element \/ROOT: /);
    const w = parseRoot(VALID) as Record<string, unknown>;
    (w.TAG as string[]).push("z"); // one more item than recorded
    expect(orderOf(w, true)).toBeNull();
    expect(validateRoot(w)).toEqual([]);
    const x = parseRoot(VALID) as Record<string, unknown>;
    x.B = 3; // a value replaced in place: the order still holds
    expect(orderOf(x, true)).not.toBeNull();
    expect(validateRoot(x)).toEqual([]);
  });

  it("objects built by hand (no order) keep the order-free checks", async () => {
    const { validateRoot } = await load("validate.ts");
    expect(validateRoot({ A: "a", C: "c", IP: ["1"], TAG: ["x", "y"] })).toEqual([]);
    expect(brief(validateRoot({ A: "a", IP: ["1"], TAG: ["x", "y"] }) as Diag[])).toEqual(["valid/missing-element /ROOT: ROOT: expected one of B or C before </ROOT>"]);
  });
});

describe("recorded child order, DTD: ANY, (#PCDATA), undeclared and misplaced elements", () => {
  const DTD = `<!ELEMENT DOC (HEAD, ITEM+, TAIL?)>
<!ELEMENT HEAD (#PCDATA)>
<!ELEMENT ITEM (NAME, VALUE?)>
<!ELEMENT NAME (#PCDATA)>
<!ELEMENT VALUE (#PCDATA)>
<!ELEMENT TAIL ANY>
<!ATTLIST ITEM id CDATA #REQUIRED>
`;
  const dir = join(out, "dtd");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "d.dtd"), DTD);
  const dtd = readDtdSchema(join(dir, "d.dtd"));
  if (dtd.model === null) throw new Error(dtd.diagnostics.map((d) => d.message).join("; "));
  const dtdModel = dtd.model;
  writeRendered(dir, renderSchema(dtdModel, { name: "d", sourceLabel: "d.dtd", runtime: runtimeEntry }));
  const VALID_DTD = `<DOC><HEAD>h</HEAD><ITEM id="1"><NAME>n</NAME><VALUE>v</VALUE></ITEM><TAIL>t<NAME>x</NAME></TAIL></DOC>`;
  const docs: [string, string][] = [
    ["valid, ANY holding a declared element", VALID_DTD],
    ["ANY holding an undeclared element with declared and undeclared children", VALID_DTD.replace("<NAME>x</NAME></TAIL>", "<FOO><NAME>x</NAME><BAR/></FOO></TAIL>")],
    ["ANY holding a declared element with bad content", VALID_DTD.replace("<NAME>x</NAME></TAIL>", "<ITEM id='2'><VALUE>v</VALUE></ITEM></TAIL>")],
    ["a child element in (#PCDATA)", VALID_DTD.replace("<HEAD>h</HEAD>", "<HEAD>h<NAME>n</NAME></HEAD>")],
    ["a misplaced declared element, checked against its declaration", VALID_DTD.replace("<HEAD>h</HEAD>", "<HEAD>h</HEAD><VALUE>v</VALUE>")],
    ["a misspelt child with content", VALID_DTD.replace('<ITEM id="1"><NAME>n</NAME><VALUE>v</VALUE></ITEM>', '<ITEMS id="1"><NAME>n</NAME></ITEMS>')],
  ];
  for (const [name, xml] of docs) {
    it(`${name}: the diagnostics of qxml validate`, async () => {
      const { parseDoc } = (await import(join(dir, "d", "parse.ts"))) as Module;
      const { validateDoc } = (await import(join(dir, "d", "validate.ts"))) as Module;
      const expected = brief(validateString(xml, { file: "t.xml", schema: compileSchema(dtdModel).schema }).diagnostics as Diag[]);
      if (name.startsWith("valid")) expect(expected).toEqual([]);
      else expect(expected.length).toBeGreaterThan(0);
      if (process.env.QXML_SHOW) console.log(expected);
      expect(brief(validateDoc(parseDoc(xml)) as Diag[])).toEqual(expected);
    });
  }
});
