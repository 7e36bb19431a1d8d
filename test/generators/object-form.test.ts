/**
 * The object form of the constructs the bundled schemas use little: typed values (int, boolean,
 * unbounded integer, double), attributes, simple content, mixed content, EMPTY with attributes,
 * fixed values, element enumerations; and hostile input to the generated parser.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readXsdText } from "../../src/schema/xsd/index.js";
import { compileSchema, validateString } from "../../src/validate/index.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { renderSchema } from "../../generators/render.js";
import { writeRendered } from "../../generators/write.js";
import { runtimeEntry } from "./helpers.js";

const XSD = `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="ROOT">
    <xs:annotation><xs:documentation>The root of the test document; a */ in docs is harmless.</xs:documentation></xs:annotation>
    <xs:complexType>
      <xs:sequence>
        <xs:element name="COUNT" type="xs:int"/>
        <xs:element name="BIG_ID" type="xs:long"/>
        <xs:element name="RATIO" type="xs:double" minOccurs="0"/>
        <xs:element name="ENABLED" type="xs:boolean"/>
        <xs:element name="ITEM" maxOccurs="unbounded">
          <xs:complexType>
            <xs:simpleContent>
              <xs:extension base="xs:string">
                <xs:attribute name="id" type="xs:int" use="required"/>
                <xs:attribute name="code" type="xs:token"/>
                <xs:attribute name="kind">
                  <xs:simpleType>
                    <xs:restriction base="xs:string">
                      <xs:enumeration value="a"/>
                      <xs:enumeration value="b"/>
                    </xs:restriction>
                  </xs:simpleType>
                </xs:attribute>
              </xs:extension>
            </xs:simpleContent>
          </xs:complexType>
        </xs:element>
        <xs:element name="NOTE" minOccurs="0">
          <xs:complexType mixed="true">
            <xs:sequence>
              <xs:element name="B" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
            </xs:sequence>
          </xs:complexType>
        </xs:element>
        <xs:element name="FLAG" minOccurs="0">
          <xs:complexType>
            <xs:attribute name="on" type="xs:boolean" fixed="true"/>
          </xs:complexType>
        </xs:element>
        <xs:element name="LEVEL" minOccurs="0">
          <xs:simpleType>
            <xs:restriction base="xs:string">
              <xs:enumeration value="low"/>
              <xs:enumeration value="high"/>
            </xs:restriction>
          </xs:simpleType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>`;

const DOC = `<?xml version="1.0"?>
<ROOT>
  <COUNT> 42 </COUNT>
  <BIG_ID>9007199254740993</BIG_ID>
  <RATIO>INF</RATIO>
  <ENABLED>1</ENABLED>
  <ITEM id="7" kind="a">first &amp; <![CDATA[<raw>]]></ITEM>
  <ITEM id="8" code="  x
   y ">second</ITEM>
  <NOTE>see <B>this</B> now</NOTE>
  <FLAG on="true"/>
  <LEVEL>high</LEVEL>
</ROOT>
`;

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, ".out", "object-form");
mkdirSync(out, { recursive: true });
const read = readXsdText(XSD, join(out, "t.xsd"));
if (read.model === null) throw new Error(read.diagnostics.map((d) => d.message).join("; "));
writeRendered(out, renderSchema(read.model, { name: "t", sourceLabel: "t.xsd", runtime: runtimeEntry }));
writeFileSync(join(out, "t.xsd"), XSD);

type Module = Record<string, (...args: unknown[]) => unknown>;
const load = async (file: string): Promise<Module> => (await import(join(out, "t", file))) as Module;

describe("object form of typed values, attributes, simple and mixed content", () => {
  it("parses with schema-decided arrays and types", async () => {
    const { parseRoot } = await load("parse.ts");
    expect(parseRoot(DOC)).toEqual({
      COUNT: 42,
      BIG_ID: "9007199254740993",
      RATIO: Infinity,
      ENABLED: true,
      ITEM: [
        { "#text": "first & <raw>", "@_id": 7, "@_kind": "a" },
        { "#text": "second", "@_id": 8, "@_code": "x y" },
      ],
      NOTE: { "#text": "see  now", B: ["this"] },
      FLAG: { "@_on": true },
      LEVEL: "high",
    });
  });

  it("a single repeatable element is still an array; an attribute-less value of an attribute-bearing element is still an object", async () => {
    const { parseRoot } = await load("parse.ts");
    const v = parseRoot("<ROOT><COUNT>1</COUNT><BIG_ID>1</BIG_ID><ENABLED>false</ENABLED><ITEM id='1'/><FLAG/></ROOT>") as Record<string, unknown>;
    expect(v.ITEM).toEqual([{ "@_id": 1 }]);
    expect(v.FLAG).toEqual({});
    expect(v.ENABLED).toBe(false);
  });

  it("serializes typed values back in schema order and validates", async () => {
    const { parseRoot, serializeRoot } = await load("parse.ts");
    const { validateRoot } = await load("validate.ts");
    const v = parseRoot(DOC);
    expect(validateRoot(v)).toEqual([]);
    const xml = serializeRoot({ LEVEL: "low", ENABLED: false, COUNT: 3, BIG_ID: "1", ITEM: [{ "@_id": 1, "#text": "x<y" }] }) as string;
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<ROOT><COUNT>3</COUNT><BIG_ID>1</BIG_ID><ENABLED>false</ENABLED><ITEM id="1">x&lt;y</ITEM><LEVEL>low</LEVEL></ROOT>\n');
  });

  it("reports what is wrong in engine terms", async () => {
    const { validateRoot } = await load("validate.ts");
    const diags = validateRoot({ COUNT: 3.5, BIG_ID: "x1", ENABLED: 5, ITEM: { "@_id": 1 }, FLAG: { "@_on": false, "@_off": true }, LEVEL: "mid", EXTRA: 1 }) as { code: string; path: string; params?: Record<string, unknown> }[];
    expect(diags.map((d) => [d.code, d.path, d.params?.name ?? d.params?.found])).toEqual([
      ["valid/unexpected-element", "/ROOT/EXTRA", "EXTRA"],
      ["valid/text-type", "/ROOT/COUNT", "3.5"],
      ["valid/text-type", "/ROOT/BIG_ID", "x1"],
      ["object/type", "/ROOT/ENABLED", "number 5"],
      ["object/type", "/ROOT/ITEM", "an object"],
      ["valid/fixed-attribute", "/ROOT/FLAG", "on"],
      ["valid/undeclared-attribute", "/ROOT/FLAG", "off"],
      ["valid/text-type", "/ROOT/LEVEL", "mid"],
    ]);
  });
});

describe("types of the test schema", () => {
  it("documentation becomes JSDoc, safely", () => {
    const types = readFileSync(join(out, "t", "types.ts"), "utf8");
    expect(types).toContain(" * The root of the test document; a *\\/ in docs is harmless.\n */\nexport interface Root {");
    expect(types).toContain('"@_kind"?: ItemKind;');
    expect(types).toContain("export type Level = (typeof LevelValues)[number];");
    expect(types).toContain("BIG_ID: BigId;");
    expect(types).toMatch(/export type BigId = string;/);
    expect(types).toMatch(/export type Count = number;/);
  });
});

describe("the compiled validator says what qxml validate says", () => {
  const cases: [string, string, number][] = [
    ["bad values", "<ROOT><COUNT>3.5</COUNT><BIG_ID>x</BIG_ID><ENABLED>yes</ENABLED><ITEM id='x' kind='c'/><LEVEL>hihg</LEVEL></ROOT>", 6],
    ["a missing last child", "<ROOT><COUNT>1</COUNT><BIG_ID>1</BIG_ID><ENABLED>true</ENABLED></ROOT>", 1],
    ["a misspelt child (one content error, not two)", "<ROOT><COUNT>1</COUNT><BIG_ID>1</BIG_ID><ENABLED>true</ENABLED><ITEMS id='1'/></ROOT>", 1],
    ["an undeclared attribute on a text-only element", "<ROOT><COUNT unit='s'>1</COUNT><BIG_ID>1</BIG_ID><ENABLED>true</ENABLED><ITEM id='1'/></ROOT>", 1],
    ["a missing attribute and text in element-only content", "<ROOT><COUNT>1</COUNT><BIG_ID>1</BIG_ID><ENABLED>true</ENABLED><ITEM/></ROOT>", 1],
  ];
  for (const [name, xml, count] of cases) {
    it(`${name}: same code, message and path`, async () => {
      const { parseRoot } = await load("parse.ts");
      const { validateRoot } = await load("validate.ts");
      const engine = validateString(xml, { file: "t.xml", schema: compileSchema(read.model!).schema }).diagnostics;
      const compiled = validateRoot(parseRoot(xml)) as Diagnostic[];
      const pick = (d: Diagnostic): unknown => ({ code: d.code, message: d.message, path: d.path });
      expect(compiled.map(pick)).toEqual(engine.map(pick));
      expect(compiled.length).toBe(count);
    });
  }
});

describe("hostile input to the generated parser", () => {
  const cases: [string, string, RegExp][] = [
    ["not well-formed", "<ROOT><COUNT>1</ROOT>", /^1:\d+: Expected closing tag 'COUNT'/],
    ["too deep", "<ROOT>" + "<NOTE>".repeat(5000) + "</NOTE>".repeat(5000) + "</ROOT>", /Maximum nested tags exceeded/],
    ["external entity", '<!DOCTYPE ROOT [<!ENTITY x SYSTEM "file:///etc/passwd">]><ROOT>&x;</ROOT>', /External entities are not supported/],
    ["prototype pollution", "<ROOT><__proto__>x</__proto__></ROOT>", /reserved JavaScript keyword/],
    ["wrong root", "<OTHER/>", /expected root element <ROOT>; found <OTHER>/],
    ["empty", "", /Start tag expected/],
  ];
  for (const [name, xml, message] of cases) {
    it(`${name}: a ParseError, no crash`, async () => {
      const { parseRoot } = await load("parse.ts");
      let caught: unknown;
      try {
        parseRoot(xml);
      } catch (err) {
        caught = err;
      }
      expect((caught as Error).name).toBe("ParseError");
      expect((caught as Error).message).toMatch(message);
    });
  }

  it("an entity expansion bomb is not expanded", async () => {
    const { parseRoot } = await load("parse.ts");
    const levels = ["a", "b", "c", "d", "e", "f"];
    const decls = levels.map((n, i) => `<!ENTITY ${n} "${i === 0 ? "x".repeat(10) : `&${levels[i - 1]};`.repeat(10)}">`).join("");
    const v = parseRoot(`<!DOCTYPE ROOT [${decls}]><ROOT><COUNT>1</COUNT><BIG_ID>&f;</BIG_ID><ENABLED>true</ENABLED><ITEM id="1"/></ROOT>`) as Record<string, unknown>;
    expect(String(v.BIG_ID).length).toBeLessThan(100);
  });
});
