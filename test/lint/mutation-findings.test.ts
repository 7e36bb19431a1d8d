/**
 * What the mutation sweep (test-support/lint-sweep.ts) found, reduced to minimal payloads: each
 * case failed before its fix (a message quoting an empty value, an empty list item, a
 * finding on a technology that has no ID, …).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emptyConfig } from "../../src/config/config.js";
import { lintString, rules } from "../../src/lint/index.js";
import { lintDocument } from "../../src/lint/lint-document.js";
import { Catalog } from "../../src/schema/catalog.js";

const findings = (xml: string, id: string) => lintString(xml, { rules: rules.filter((r) => r.meta.id === id) });
const one = (xml: string, id: string) => {
  const got = findings(xml, id);
  expect(got).toHaveLength(1);
  return { messageId: got[0].params?.messageId, message: got[0].message };
};
const udc = (inner: string) => `<CONTROL_LIST><CONTROL>${inner}</CONTROL></CONTROL_LIST>`;
const auth = (types: string[], extra = "") =>
  `<ALLOW_AUTH_CREATION><AUTHENTICATION_TYPE_LIST>${types.map((t) => `<AUTHENTICATION_TYPE>${t}</AUTHENTICATION_TYPE>`).join("")}</AUTHENTICATION_TYPE_LIST>${extra}</ALLOW_AUTH_CREATION>`;
const oracle = (inner: string) => `<AUTH_ORACLE_LIST><AUTH_ORACLE>${inner}</AUTH_ORACLE></AUTH_ORACLE_LIST>`;

describe("an empty value is named as empty, never as \"\"", () => {
  const cases: [string, string, string, string][] = [
    ["qualys/udc-check-type", udc("<CHECK_TYPE></CHECK_TYPE>"), "empty", "CHECK_TYPE is empty"],
    ["qualys/auth-type", auth([""]), "empty", "AUTHENTICATION_TYPE is empty; it must be one of Apache Web Server"],
    ["qualys/criticality", udc("<CRITICALITY><LABEL> </LABEL><VALUE>3</VALUE></CRITICALITY>").replace(/CONTROL>/g, "USER_DEFINED_CONTROL>"), "emptyLabel", "CRITICALITY LABEL is empty"],
    ["qualys/udc-control-id", "<USER_DEFINED_CONTROL><ID/></USER_DEFINED_CONTROL>", "empty", "USER_DEFINED_CONTROL ID is empty"],
    ["qualys/udc-id", udc("<UDC_ID>  </UDC_ID>"), "empty", "UDC_ID is empty"],
    ["qualys/on-duplicate-value", "<ON_DUPLICATE_USE_SYSTEM_AUTH></ON_DUPLICATE_USE_SYSTEM_AUTH>", "empty", "ON_DUPLICATE_USE_SYSTEM_AUTH is empty"],
  ];
  for (const [id, xml, messageId, text] of cases) {
    it(id, () => {
      const got = one(xml, id);
      expect(got.messageId).toBe(messageId);
      expect(got.message).toContain(text);
      expect(got.message).not.toContain('""');
    });
  }

  it("qualys/db-udc-limit: an empty limit, and an empty restriction named as such", () => {
    const got = findings("<DATABASE_PREFERENCE_KEY><SYBASE><DB_UDC_RESTRICTION></DB_UDC_RESTRICTION><DB_UDC_LIMIT></DB_UDC_LIMIT></SYBASE></DATABASE_PREFERENCE_KEY>", "qualys/db-udc-limit");
    expect(got.map((d) => d.params?.messageId)).toEqual(["noRestriction", "empty"]);
    expect(got[0].message).toBe("DB_UDC_LIMIT is given without DB_UDC_RESTRICTION 1 (found an empty DB_UDC_RESTRICTION), so the limit does not apply");
    expect(got[1].message).toMatch(/^DB_UDC_LIMIT is empty;/);
  });

  it("qualys/template-status: an empty IS_ACTIVE, on a record with no ID", () => {
    const got = one(oracle("<TITLE>T</TITLE><IS_ACTIVE></IS_ACTIVE><IS_TEMPLATE>1</IS_TEMPLATE>"), "qualys/template-status");
    expect(got.message).toMatch(/^Oracle record "T" is a template with IS_ACTIVE empty;/);
  });

  it("qualys/template-names-template: a record with neither ID nor TITLE, naming an empty TEMPLATE", () => {
    const got = one(oracle("<ID></ID><IS_TEMPLATE>1</IS_TEMPLATE><TEMPLATE><ID/></TEMPLATE>"), "qualys/template-names-template");
    expect(got.message).toMatch(/^Oracle record \(no ID or TITLE\) is a template \(IS_TEMPLATE 1\) but names TEMPLATE \(with no ID or TITLE\);/);
  });
});

describe("empty values are left out of lists and duplicate checks", () => {
  it("qualys/duplicate-auth-type does not call two empty types a duplicate (auth-type reports each)", () => {
    expect(findings(auth(["", ""]), "qualys/duplicate-auth-type")).toEqual([]);
  });

  it("qualys/oracle-template-unused lists only the types that have a value, and names an unnamed template", () => {
    const got = one(auth(["", "Tomcat Server", ""], "<ORACLE_AUTHENTICATION_TEMPLATE><TITLE/></ORACLE_AUTHENTICATION_TEMPLATE>"), "qualys/oracle-template-unused");
    expect(got.messageId).toBe("unusedUnnamed");
    expect(got.message).toContain("(Tomcat Server)");
  });
});

describe("operator-mismatch with empty operators or no technology ID", () => {
  const tech = (id: string, op: string, operator: string) =>
    `<TECHNOLOGY>${id}<EVALUATE><CTRL><DP><K>k</K>${op}</DP></CTRL></EVALUATE><DATAPOINT><OPERATOR>${operator}</OPERATOR></DATAPOINT></TECHNOLOGY>`;
  it("an empty DATAPOINT OPERATOR and no OP", () => {
    const got = one(tech("<ID>217</ID>", "", ""), "qualys/operator-mismatch");
    expect(got).toEqual({ messageId: "emptyNoOp", message: expect.stringMatching(/^DATAPOINT OPERATOR is empty and EVALUATE has no OP for TECHNOLOGY 217;/) });
  });
  it("an empty DATAPOINT OPERATOR and an OP", () => {
    expect(one(tech("<ID>217</ID>", "<OP>re</OP>", ""), "qualys/operator-mismatch").messageId).toBe("emptyOperator");
  });
  it("an empty OP, on a technology without ID", () => {
    const got = one(tech("", "<OP></OP>", "re"), "qualys/operator-mismatch");
    expect(got.messageId).toBe("emptyOp");
    expect(got.message).toContain("for TECHNOLOGY (no ID)");
  });
});

describe("technologies without an ID", () => {
  const policy = (policyTechs: string, controlTechs: string, check = "Sybase Database Check") =>
    `<POLICY><TECHNOLOGIES>${policyTechs}</TECHNOLOGIES><SECTIONS><SECTION><CONTROLS><USER_DEFINED_CONTROL><CHECK_TYPE>${check}</CHECK_TYPE><TECHNOLOGIES>${controlTechs}</TECHNOLOGIES></USER_DEFINED_CONTROL></CONTROLS></SECTION></SECTIONS></POLICY>`;
  it("qualys/unknown-technology: a control TECHNOLOGY without ID is the schema's error, so quiet", () => {
    expect(findings(policy("<TECHNOLOGY><ID>69</ID></TECHNOLOGY>", "<TECHNOLOGY><NAME>x</NAME></TECHNOLOGY>"), "qualys/unknown-technology")).toEqual([]);
  });
  it("qualys/unknown-technology: an empty ID is named, and the policy's list leaves out its own IDs-less entries", () => {
    const got = one(policy("<TECHNOLOGY><ID>69</ID></TECHNOLOGY><TECHNOLOGY><NAME>y</NAME></TECHNOLOGY>", "<TECHNOLOGY><ID> </ID></TECHNOLOGY>"), "qualys/unknown-technology");
    expect(got).toEqual({ messageId: "emptyId", message: "a TECHNOLOGY of this control has an empty ID; the policy's TECHNOLOGIES are (69)" });
  });
  it("qualys/sybase-technology: a TECHNOLOGY with no ID names no technology, so quiet", () => {
    expect(findings(policy("", "<TECHNOLOGY><NAME>Red Hat</NAME></TECHNOLOGY><TECHNOLOGY><ID/></TECHNOLOGY>"), "qualys/sybase-technology")).toEqual([]);
  });
});

describe("count-mismatch under mutation", () => {
  it("a total with white space around the number is shown as the number", () => {
    const got = one('<TECHNOLOGIES total="&#9;4&#10;"><TECHNOLOGY/></TECHNOLOGIES>', "qualys/count-mismatch");
    expect(got.message).toBe('TECHNOLOGIES total="4" but it has 1 TECHNOLOGY element');
  });
  it("children of another name count, and the message says 'child' then", () => {
    const got = one('<SECTIONS total="3"><SECTION/><SECTIONX/></SECTIONS>', "qualys/count-mismatch");
    expect(got.message).toBe('SECTIONS total="3" but it has 2 child elements');
  });

  // The decision (docs/lint.md, Robustness): a renamed child is one mistake, reported by the
  // schema alone; a dropped or pasted child changes the count, and the rule speaks next to
  // whatever the schema says.
  const dir = mkdtempSync(join(tmpdir(), "qxml-lint-mutation-"));
  const lint = async (name: string, xml: string) => {
    writeFileSync(join(dir, name), xml);
    return (await lintDocument(join(dir, name), { catalog: Catalog.bundled(), config: emptyConfig(), cwd: dir, rules })).result.diagnostics.map((d) => d.code);
  };
  const list = (controls: string) =>
    `<CONTROL_LIST total="2">${controls}</CONTROL_LIST>`;
  const control = (name = "CONTROL") =>
    `<${name}><CHECK_TYPE>Registry Key Existence</CHECK_TYPE><CATEGORY><ID>1</ID></CATEGORY><STATEMENT>s</STATEMENT><CRITICALITY><LABEL>SERIOUS</LABEL><VALUE>3</VALUE></CRITICALITY></${name}>`;
  it("a renamed CONTROL: the schema's error alone", async () => {
    const codes = await lint("renamed.xml", list(control() + control("CONTRO")));
    expect(codes.some((c) => c.startsWith("valid/"))).toBe(true);
    expect(codes).not.toContain("qualys/count-mismatch");
  });
  it("a dropped CONTROL: count-mismatch speaks", async () => {
    expect(await lint("dropped.xml", list(control()))).toContain("qualys/count-mismatch");
  });
});

describe("records pasted inside records", () => {
  it("qualys/discovery-with-scan-by-policy: a profile inside a profile is reported once, for itself", () => {
    const xml = "<OPTION_PROFILES><OPTION_PROFILE><SCAN_BY_POLICY/>\n<OPTION_PROFILE><ALLOW_AUTH_CREATION/><SCAN_BY_POLICY/></OPTION_PROFILE>\n</OPTION_PROFILE></OPTION_PROFILES>";
    const got = findings(xml, "qualys/discovery-with-scan-by-policy");
    expect(got.map((d) => `${d.line}:${d.column}`)).toEqual(["2:17"]);
  });
  it("qualys/discovery-with-scan-by-policy: the outer profile keeps its own elements across the inner one", () => {
    const xml = "<OPTION_PROFILES><OPTION_PROFILE><ALLOW_AUTH_CREATION/>\n<OPTION_PROFILE></OPTION_PROFILE>\n<SCAN_BY_POLICY/></OPTION_PROFILE></OPTION_PROFILES>";
    expect(findings(xml, "qualys/discovery-with-scan-by-policy").map((d) => `${d.line}:${d.column}`)).toEqual(["1:34"]);
  });
});

it("qualys/empty-remediation names a technology without an ID as such", () => {
  expect(one("<TECHNOLOGY><ID> </ID><REMEDIATION/></TECHNOLOGY>", "qualys/empty-remediation").message).toBe("REMEDIATION is empty for TECHNOLOGY (no ID)");
  expect(one("<TECHNOLOGY><REMEDIATION/></TECHNOLOGY>", "qualys/empty-remediation").message).toBe("REMEDIATION is empty for TECHNOLOGY (no ID)");
});

describe("qualys/duplicate-control on pasted controls", () => {
  const uuid = "c50922a1-1482-df3f-83e2-bb96c99ffc48";
  it("a control pasted inside another: the later UDC_ID is the duplicate, and 'first' points back", () => {
    const got = findings(`<CONTROL_LIST><CONTROL>\n<UDC_ID>${uuid}</UDC_ID>\n<CONTROL>\n<UDC_ID>${uuid}</UDC_ID></CONTROL></CONTROL></CONTROL_LIST>`, "qualys/duplicate-control");
    expect(got.map((d) => [d.line, d.params?.firstLine])).toEqual([[4, 2]]);
  });
  it("a second ID in one control is the schema's error, not a second control", () => {
    expect(findings("<CONTROL_LIST><CONTROL><ID>100001</ID><ID>100001</ID></CONTROL></CONTROL_LIST>", "qualys/duplicate-control")).toEqual([]);
  });
});

it("a value with line breaks is shown escaped: a message is one line; params keep the value", () => {
  const got = findings("<CONTROL_LIST><CONTROL><CHECK_TYPE>\n\tRegistry Key Existence\n</CHECK_TYPE></CONTROL></CONTROL_LIST>", "qualys/udc-check-type");
  expect(got).toHaveLength(1);
  expect(got[0].message).toBe('CHECK_TYPE "\\n\\tRegistry Key Existence\\n" is not one of the 22 check types of ImportableControl.xsd; did you mean "Registry Key Existence"?');
  expect(got[0].params?.value).toBe("\n\tRegistry Key Existence\n");
});

it("qualys/unknown-technology's hint reads for an empty ID too (it named the ID: 'add TECHNOLOGY  to')", () => {
  const got = findings("<POLICY><TECHNOLOGIES><TECHNOLOGY><ID>69</ID></TECHNOLOGY></TECHNOLOGIES><USER_DEFINED_CONTROL><TECHNOLOGIES><TECHNOLOGY><ID/></TECHNOLOGY></TECHNOLOGIES></USER_DEFINED_CONTROL></POLICY>", "qualys/unknown-technology");
  expect(got).toHaveLength(1);
  expect(got[0].hint).not.toMatch(/ {2}/);
});

it("qualys/duplicate-control: a policy pasted inside another is compared on its own, and the outer one keeps its IDs", () => {
  const udcWith = (id: string) => `<USER_DEFINED_CONTROL><ID>${id}</ID></USER_DEFINED_CONTROL>`;
  const xml = `<POLICY>${udcWith("100001")}\n<POLICY>${udcWith("100002")}</POLICY>\n${udcWith("100001")}${udcWith("100002")}</POLICY>`;
  const got = findings(xml, "qualys/duplicate-control");
  expect(got.map((d) => `${d.line} ${d.params?.value}`)).toEqual(["3 100001"]);
});
