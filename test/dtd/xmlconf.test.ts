/**
 * Reader test over the W3C XML conformance suite: the DTD of every valid and invalid XML 1.0
 * case (internal subset, external subset, external parameter entities) is read. Valid cases must
 * give no error; invalid cases no well-formedness error, and exactly the DTD-level validity
 * errors listed in DTD_VC_ERRORS (reviewed by hand against the case descriptions; the other
 * invalid cases are invalid in the document, not the DTD).
 */
import { describe, expect, it } from "vitest";
import { isFatalDtdCode } from "../../src/dtd/codes.js";
import { localResolver } from "../../src/xml/resolve.js";
import { readCatalog, type ConfCase } from "./xmlconf-catalog.js";
import { readDocumentDtd } from "./xmlconf-dtd.js";
import { XMLCONF_DIR } from "../../test-support/paths.js";

const root = XMLCONF_DIR;
const resolver = localResolver({ allow: [root] });

/** Cases not run, with the reason. */
const SKIP: Record<string, string> = {
  "rmt-e2e-61": "error case: declares UTF-16 without a BOM; the document decoder rejects it before the DTD",
};

/** DTD-level errors expected per invalid/error case (code without the "dtd/" prefix). */
const DTD_VC_ERRORS: Record<string, string[]> = {
  "not-wf-not-sa-005": ["undeclared-pe"],
  "invalid--002": ["pe-nesting-group"],
  "invalid--005": ["pe-nesting-decl"],
  "invalid--006": ["pe-nesting-decl"],
  "invalid-not-sa-022": ["pe-nesting-decl"],
  "inv-dtd01": ["duplicate-mixed-name"],
  "inv-dtd02": ["undeclared-notation"],
  "el04": ["duplicate-element"],
  "el05": ["duplicate-mixed-name"],
  "id03": ["multiple-id"],
  "id04": ["id-default"],
  "id05": ["id-default"],
  "attr03": ["notation-on-empty"],
  "attr04": ["notation-on-empty", "undeclared-notation"],
  "attr09": ["bad-default"],
  "attr10": ["bad-default"],
  "attr11": ["bad-default"],
  "attr12": ["bad-default"],
  "attr13": ["bad-default"],
  "attr14": ["bad-default"],
  "attr15": ["notation-on-empty", "bad-default"],
  "attr16": ["bad-default"],
  "o-e2": ["duplicate-token"],
  "ibm-invalid-P45-ibm45i01.xml": ["duplicate-element", "duplicate-element"],
  "ibm-invalid-P49-ibm49i01.xml": ["pe-nesting-group"],
  "ibm-invalid-P50-ibm50i01.xml": ["pe-nesting-group"],
  "ibm-invalid-P51-ibm51i01.xml": ["pe-nesting-group"],
  "ibm-invalid-P51-ibm51i03.xml": ["duplicate-mixed-name"],
  "ibm-invalid-P56-ibm56i03.xml": ["id-default"],
  "ibm-invalid-P56-ibm56i05.xml": ["id-default"],
  "ibm-invalid-P56-ibm56i06.xml": ["multiple-id"],
  "ibm-invalid-P56-ibm56i11.xml": ["undeclared-notation"],
  "ibm-invalid-P56-ibm56i12.xml": ["undeclared-notation"],
  "ibm-invalid-P56-ibm56i14.xml": ["undeclared-notation", "undeclared-notation"],
  "ibm-invalid-P56-ibm56i15.xml": ["undeclared-notation", "undeclared-notation"],
  "ibm-invalid-P58-ibm58i02.xml": ["undeclared-notation", "undeclared-notation"],
  "ibm-invalid-P60-ibm60i03.xml": ["bad-default"],
  "ibm-invalid-P60-ibm60i04.xml": ["bad-default"],
  "ibm-invalid-P68-ibm68i01.xml": ["undeclared-entity-in-default"],
  "ibm-invalid-P68-ibm68i02.xml": ["undeclared-entity-in-default"],
  "ibm-invalid-P68-ibm68i03.xml": ["undeclared-entity-in-default"],
  "ibm-invalid-P68-ibm68i04.xml": ["undeclared-entity-in-default"],
  "ibm-invalid-P69-ibm69i01.xml": ["undeclared-pe"],
  "ibm-invalid-P69-ibm69i02.xml": ["undeclared-pe"],
  "ibm-invalid-P69-ibm69i03.xml": ["undeclared-pe"],
  "ibm-invalid-P69-ibm69i04.xml": ["undeclared-pe"],
  "ibm-invalid-P76-ibm76i01.xml": ["undeclared-notation"],
  "ibm-not-wf-P69-ibm69n05.xml": ["undeclared-pe"],
  "rmt-e2e-2a": ["duplicate-token"],
  "rmt-e2e-2b": ["duplicate-token"],
  "rmt-e2e-9b": ["bad-default"],
  "rmt-e2e-14": ["pe-nesting-decl"],
  "rmt-e3e-06a": ["bad-default"],
  "rmt-e3e-06b": ["bad-default"],
  "rmt-e3e-06c": ["bad-default"],
  "rmt-e3e-06d": ["bad-default"],
  "rmt-e3e-06e": ["bad-default"],
  "rmt-e3e-06f": ["bad-default"],
  "rmt-e3e-06g": ["bad-default"],
  "rmt-e3e-06h": ["bad-default"],
};

function isXml10(c: ConfCase): boolean {
  return !(c.version !== undefined && !c.version.includes("1.0")) && !(c.recommendation !== undefined && /1\.1/.test(c.recommendation));
}

const cases = readCatalog(root).filter(isXml10);

describe("xmlconf: DTDs of valid and invalid cases", () => {
  it("has the catalogue", () => {
    expect(cases.filter((c) => c.type === "valid").length).toBeGreaterThan(700);
  });

  it("reads every valid case's DTD without an error", () => {
    const failures: string[] = [];
    let read = 0;
    for (const c of cases.filter((k) => k.type === "valid")) {
      const r = readDocumentDtd(c.file, resolver);
      if ("skip" in r) continue;
      read++;
      const errors = r.doc.diagnostics.filter((d) => d.severity === "error");
      if (errors.length > 0) failures.push(`${c.id}: ${errors.map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`).join("; ")}`);
    }
    expect(failures).toEqual([]);
    expect(read).toBeGreaterThan(700);
  });

  it("reads every invalid/error case's DTD with exactly the expected DTD-level errors", () => {
    const mismatches: string[] = [];
    for (const c of cases.filter((k) => (k.type === "invalid" || k.type === "error") && SKIP[k.id] === undefined)) {
      const r = readDocumentDtd(c.file, resolver);
      if ("skip" in r) continue;
      const fatal = r.doc.diagnostics.filter((d) => isFatalDtdCode(d.code) && c.type === "invalid");
      const errors = r.doc.diagnostics.filter((d) => d.severity === "error").map((d) => d.code.slice(4));
      if (fatal.length > 0 || JSON.stringify(errors) !== JSON.stringify(DTD_VC_ERRORS[c.id] ?? [])) {
        mismatches.push(`${c.id}: got ${JSON.stringify(errors)}, expected ${JSON.stringify(DTD_VC_ERRORS[c.id] ?? [])}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
