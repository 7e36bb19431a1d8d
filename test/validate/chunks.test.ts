/** The engine gets the same diagnostics whether the reader sees the document whole or byte by byte. */
import { describe, expect, it } from "vitest";
import { readXsdText } from "../../src/schema/xsd/index.js";
import { compileSchema, type CompiledSchema } from "../../src/validate/index.js";
import { ValidationEngine } from "../../src/validate/engine.js";
import { dtdParser, schemaFromDoctype } from "../../src/validate/dtd-source.js";
import { createReader } from "../../src/xml/reader.js";

function run(doc: string, chunk: number, schema?: CompiledSchema) {
  const engine = new ValidationEngine({ file: "c.xml", ...(schema ? { schema } : {}), dtdSchema: (info) => schemaFromDoctype(info, "c.xml") });
  const r = createReader(engine, { file: "c.xml", dtdParser });
  const bytes = new TextEncoder().encode(doc);
  for (let i = 0; i < bytes.length; i += chunk) r.write(bytes.subarray(i, i + chunk));
  r.close();
  return engine.diagnostics.map((d) => [d.code, d.line, d.column, d.path, d.message]);
}

describe("validation is independent of chunking", () => {
  it("DTD document with errors in text, attributes and content", () => {
    const doc = `<?xml version="1.0"?>
<!DOCTYPE a [<!ELEMENT a (b+, c?)><!ELEMENT b (#PCDATA)><!ELEMENT c EMPTY><!ATTLIST b n NMTOKEN #REQUIRED>]>
<a>  text é
<b n="x y">ünïcode <![CDATA[cdata]]> more</b><c>x</c><d/></a>`;
    const whole = run(doc, 1 << 20);
    expect(whole.length).toBe(4);
    for (const size of [1, 2, 3, 7]) expect(run(doc, size), `chunks of ${size}`).toEqual(whole);
  });
  it("XSD simple content split across pieces is checked as one value", () => {
    const m = readXsdText(`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="n"><xs:simpleType><xs:restriction base="xs:int"><xs:maxInclusive value="99999"/></xs:restriction></xs:simpleType></xs:element></xs:schema>`, "n.xsd").model!;
    const schema = compileSchema(m).schema;
    expect(run(`<n>12345</n>`, 1, schema)).toEqual([]);
    expect(run(`<n>12<![CDATA[34]]>56</n>`, 2, schema).map((d) => d[4])).toEqual(["n: value 123456 is greater than the maximum 99999 (type xs:int <= 99999)"]);
  });
});
