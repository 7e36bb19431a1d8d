/**
 * Schema diagnostics under mutation (test-support/schema-diagnostic-sweep.ts): seeded mutants of
 * the Qualys, typed and libxml2 schemas, read as `qxml validate --schema FILE` reads them, with
 * invariants on every diagnostic. CI size: a sample of seeds per family. Deep mode:
 * QXML_SCHEMA_DIAG_SCALE=N (N × the mutants per kind, every seed), QXML_SCHEMA_DIAG_SEED=N (other
 * mutants), QXML_SCHEMA_DIAG_OUT=FILE (the violations as JSON).
 */
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { summary } from "../../test-support/diagnostic-sweep.js";
import { runSchemaSweep, schemaDiagnosticProblems, schemaKnownWhy, violationTally, type SchemaSweepReport } from "../../test-support/schema-diagnostic-sweep.js";
import { SYNTAX_KINDS, syntaxMutations } from "../../test-support/schema-mutate.js";

const scale = Number(process.env.QXML_SCHEMA_DIAG_SCALE ?? "0");
const seed = Number(process.env.QXML_SCHEMA_DIAG_SEED ?? "1");
const deep = scale > 0;
/** CI bound per read (read + compile), as the schema differential's: the deep run's threshold is SLOW_SCHEMA_MS (1 s). */
const CI_SCHEMA_MS = 3000;

const show = (r: SchemaSweepReport) =>
  [
    summary(r, 60),
    `mutants by kind (read ms): ${[...r.byMutation].map(([k, n]) => `${k} ${n.mutants} (${n.ms.toFixed(0)})`).join(", ")}`,
    `violations by kind and code: ${JSON.stringify(violationTally(r.violations))}`,
    `known: ${r.violations.filter((v) => schemaKnownWhy(v) !== undefined).length}; diagnostics in another file than the schema read: ${r.inOtherFiles}; slowest read ${r.slowestMs.toFixed(0)} ms`,
  ].join("\n");

describe("schema diagnostics under mutation", () => {
  it(`keep every invariant (${deep ? `deep, scale ${scale}` : "CI sample"}, seed ${seed})`, () => {
    const started = Date.now();
    const report = deep ? runSchemaSweep({ seed, perKind: 2 * scale, syntaxPerKind: 3 * scale }) : runSchemaSweep({ seed, perKind: 1, syntaxPerKind: 2, seedsPerFamily: 6, slowMs: CI_SCHEMA_MS });
    console.log(`${show(report)}\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);
    if (process.env.QXML_SCHEMA_DIAG_OUT) writeFileSync(process.env.QXML_SCHEMA_DIAG_OUT, JSON.stringify(report.violations, null, 1));
    expect(report.seeds).toBeGreaterThanOrEqual(deep ? 150 : 20);
    expect(report.mutants).toBeGreaterThan(report.seeds * 10);
    const unexplained = report.violations.filter((v) => schemaKnownWhy(v) === undefined);
    expect(unexplained.map((v) => `[${v.kind}] ${v.seed} :: ${v.mutant} :: ${v.detail}`)).toEqual([]);
    // Diagnostics in an included file or a parameter entity's file occur, and are checked there.
    expect(report.inOtherFiles).toBeGreaterThan(0);
    // The mutants reach the XSD reader's, the DTD parser's and the compiler's codes.
    for (const code of ["xsd/not-well-formed", "xsd/syntax", "xsd/unresolved-type", "dtd/syntax", "valid/ambiguous-content-model"]) expect(report.perCode.get(code)?.mutants ?? 0, code).toBeGreaterThan(0);
  }, 600_000);
});

describe("the schema sweep's invariants catch what they are for", () => {
  const main = "/s/main.xsd";
  const files: Record<string, string> = { [main]: '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n  <xs:element name="a" type="T"/>\n</xs:schema>\n', "/s/inc.xsd": "<xs:schema>\n</xs:schema>\n" };
  const d = (over: Partial<Diagnostic>): Diagnostic => ({
    severity: "error",
    code: "xsd/unresolved-type",
    message: 'type "T" is not defined',
    hint: "define T as a named xs:simpleType or xs:complexType",
    line: 2,
    column: 3,
    params: { name: "T" },
    schemaLocation: { file: main, line: 2, column: 3 },
    ...over,
  });
  const kinds = (ds: Diagnostic[]) => schemaDiagnosticProblems(ds, main, (f) => files[f]).map((p) => `${p.kind}: ${p.detail.split(":")[0]}`);

  it("a diagnostic as the reader makes it passes", () => {
    expect(kinds([d({})])).toEqual([]);
  });
  it("a position is checked in the file the diagnostic names", () => {
    expect(kinds([d({ line: 4, column: 1, schemaLocation: { file: "/s/inc.xsd", line: 4, column: 1 } })])).toEqual(["location: line outside inc.xsd (3 lines)"]);
    expect(kinds([d({ schemaLocation: undefined })])).toEqual(["location: an XSD diagnostic without its file"]);
    expect(kinds([d({ line: 2, column: 14, schemaLocation: { file: "/s/inc.xsd", line: 2, column: 14 } })])).toEqual(["location: column outside line 2 of inc.xsd (12 characters)"]);
    expect(kinds([d({ schemaLocation: { file: "/s/gone.xsd", line: 2, column: 3 } })])).toEqual(["location: names a file that does not exist (gone.xsd)"]);
    expect(kinds([d({ schemaLocation: { file: main, line: 1, column: 1 } })])).toEqual(["location: schemaLocation 1"]);
  });
  it("text, hints and duplicates as in the document sweep", () => {
    expect(kinds([d({}), d({})])).toEqual(["duplicate: reported twice"]);
    expect(kinds([d({ hint: undefined })])).toEqual(["hint: an error without a hint"]);
    expect(kinds([d({ hint: "define the the type T" })])).toEqual(['message: "the the"']);
    expect(kinds([d({ message: 'type "T" is not defined; did you mean a?', params: { name: "T", suggestion: "a" } })])).toEqual([]);
    expect(kinds([d({ message: 'type "T" is not defined; did you mean U?', params: { name: "T", suggestion: "U" } })])).toEqual(["suggestion: suggests U, which no schema file defines"]);
    // Defined in another file of the folder, with single quotes: found.
    const withU: Record<string, string> = { ...files, "/s/u.xsd": "<xs:schema><xs:simpleType name='U'/></xs:schema>" };
    expect(schemaDiagnosticProblems([d({ message: 'type "T" is not defined; did you mean U?', params: { name: "T", suggestion: "U" } })], main, (f) => withU[f], () => ["/s/u.xsd"])).toEqual([]);
    expect(kinds([d({ message: 'type "{name}" is not defined' })])).toEqual(["message: a placeholder left unfilled in the message"]);
    expect(kinds([d({ message: 'type "Q" is not defined', params: { found: "Q" } })])).toEqual(['found: quoted found value "Q" is not in the document']);
    expect(kinds([d({ code: "xsd/invalid-value", message: 'attribute "type" of xs:element is "Q"; expected a QName', params: { name: "type", element: "element", value: "Q", expected: "a QName" } })])).toEqual(['found: quoted value "Q" is not in the schema']);
  });
});

describe("the syntax mutations", () => {
  const xsd = '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n  <xs:element name="a"><xs:complexType><xs:sequence><xs:element name="b"/></xs:sequence></xs:complexType></xs:element>\n</xs:schema>\n';
  const dtd = "<!ELEMENT a (b)>\n<!ELEMENT b EMPTY>\n<![INCLUDE[<!ELEMENT c EMPTY>]]>\n";
  it("cover every kind on one of the two languages, deterministically, each changing the text", () => {
    const ofXsd = syntaxMutations("xsd", xsd, { seed: 3, perKind: 2, siblings: ["other.xsd"] });
    const ofDtd = syntaxMutations("dtd", dtd, { seed: 3, perKind: 2, siblings: ["other.dtd"] });
    expect(new Set([...ofXsd, ...ofDtd].map((m) => m.kind))).toEqual(new Set(SYNTAX_KINDS));
    for (const m of ofXsd) expect(m.text, m.id).not.toBe(xsd);
    for (const m of ofDtd) expect(m.text, m.id).not.toBe(dtd);
    expect(syntaxMutations("dtd", dtd, { seed: 3, perKind: 2 })).toEqual(syntaxMutations("dtd", dtd, { seed: 3, perKind: 2 }));
    expect(ofXsd.find((m) => m.kind === "syntax-include-sibling")?.text).toContain('<xs:include schemaLocation="other.xsd"/>');
    expect(ofDtd.find((m) => m.kind === "syntax-include-sibling")?.text).toContain('<!ENTITY % qxSibling SYSTEM "other.dtd">%qxSibling;');
  });
});
