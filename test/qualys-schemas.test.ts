/**
 * The bundled Qualys schemas (schemas/qualys/) and their sample fixtures
 * (test/fixtures/qualys/): libxml2 (libxml2-wasm) must accept every schema and
 * find every fixture valid against its schema.
 *
 * Fixture DOCTYPEs name the Qualys https system identifiers; the DTD is never
 * fetched: documents are parsed without DTD loading and validated against the
 * DTD read from schemas/qualys/.
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DtdValidator,
  XmlDocument,
  XmlDtd,
  XmlLibError,
  XsdValidator,
} from "libxml2-wasm";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SCHEMAS = join(ROOT, "schemas");
const FIXTURES = join(ROOT, "test", "fixtures", "qualys");

interface CatalogEntry {
  name: string;
  file: string;
  kind: "dtd" | "xsd";
  purpose: "export" | "import" | "response";
  roots: string[];
  systemIds: string[];
  description: string;
}

const catalog = JSON.parse(
  readFileSync(join(SCHEMAS, "catalog.json"), "utf8"),
) as CatalogEntry[];

/** fixture file -> schema file (relative to schemas/). */
const FIXTURE_SCHEMA: Record<string, string> = {
  // auth_oracle_list_output.dtd
  "auth-oracle-list-template-record.xml": "qualys/auth_oracle_list_output.dtd",
  "auth-oracle-list-templates-only.xml": "qualys/auth_oracle_list_output.dtd",
  "auth-oracle-list-by-template-id.xml": "qualys/auth_oracle_list_output.dtd",
  "auth-oracle-list-by-template-name.xml": "qualys/auth_oracle_list_output.dtd",
  // batch_return.dtd
  "batch-return-oracle-create-template.xml": "qualys/batch_return.dtd",
  "batch-return-oracle-create-template-vault.xml": "qualys/batch_return.dtd",
  "batch-return-oracle-update-template.xml": "qualys/batch_return.dtd",
  "batch-return-oracle-save-as-user-auth.xml": "qualys/batch_return.dtd",
  "batch-return-palo-alto-create-azure-key.xml": "qualys/batch_return.dtd",
  "batch-return-palo-alto-update-azure-key.xml": "qualys/batch_return.dtd",
  "batch-return-unix-create-arcon-pam.xml": "qualys/batch_return.dtd",
  "batch-return-mysql-create-arcon-pam.xml": "qualys/batch_return.dtd",
  // simple_return.dtd
  "simple-return-option-profile-create-oracle-template-id.xml": "qualys/simple_return.dtd",
  "simple-return-option-profile-create-oracle-template-name.xml": "qualys/simple_return.dtd",
  "simple-return-option-profile-update-oracle.xml": "qualys/simple_return.dtd",
  "simple-return-option-profile-import.xml": "qualys/simple_return.dtd",
  "simple-return-scan-template-create-host-ag-details.xml": "qualys/simple_return.dtd",
  "simple-return-policy-import-udc-remediation.xml": "qualys/simple_return.dtd",
  "simple-return-scan-launch-vm-ec2-stockholm.xml": "qualys/simple_return.dtd",
  "simple-return-scan-launch-compliance-ec2-stockholm.xml": "qualys/simple_return.dtd",
  "simple-return-cloud-perimeter-scan-vm-hong-kong.xml": "qualys/simple_return.dtd",
  "simple-return-cloud-perimeter-scan-pc-bahrain.xml": "qualys/simple_return.dtd",
  "simple-return-scheduled-vm-scan-ec2-hong-kong.xml": "qualys/simple_return.dtd",
  "simple-return-scheduled-cloud-perimeter-scan-vm-bahrain.xml": "qualys/simple_return.dtd",
  "simple-return-scheduled-cloud-perimeter-scan-pc-bahrain.xml": "qualys/simple_return.dtd",
  "simple-return-arcon-pam-vault-create.xml": "qualys/simple_return.dtd",
  "simple-return-arcon-pam-vault-update.xml": "qualys/simple_return.dtd",
  "simple-return-option-profile-create-sybase.xml": "qualys/simple_return.dtd",
  "simple-return-option-profile-update-sybase.xml": "qualys/simple_return.dtd",
  // option_profile_info.dtd (export / list)
  "option-profile-info-list-oracle-template.xml": "qualys/option_profile_info.dtd",
  "option-profile-info-export-oracle-template.xml": "qualys/option_profile_info.dtd",
  "option-profile-info-list-sybase.xml": "qualys/option_profile_info.dtd",
  "option-profile-info-export-sybase.xml": "qualys/option_profile_info.dtd",
  // option_profiles.xsd (import)
  "option-profiles-import-oracle-template.xml": "qualys/option_profiles.xsd",
  "option-profiles-import-sybase.xml": "qualys/option_profiles.xsd",
  // policy_export_output.dtd
  "policy-export-udc-remediation.xml": "qualys/policy_export_output.dtd",
  "policy-export-sybase-udc.xml": "qualys/policy_export_output.dtd",
  // ImportableControl.xsd
  "importable-control-unix-file-permission.xml": "qualys/ImportableControl.xsd",
  "importable-control-sybase-database-check.xml": "qualys/ImportableControl.xsd",
};

/** Validates a document against one loaded schema; throws XmlValidateError. */
type Validate = (doc: XmlDocument) => void;

const validators = new Map<string, Validate>();
const disposers: Array<() => void> = [];

function describeError(err: unknown): string {
  if (err instanceof XmlLibError) {
    return err.details
      .map((d) => `${d.line ?? "?"}:${d.col ?? "?"} ${d.message.trim()}`)
      .join("\n");
  }
  return String(err);
}

/** Loads a bundled schema; libxml2 throws if it does not accept it. */
function loadSchema(file: string): Validate {
  const path = join(SCHEMAS, file);
  const bytes = readFileSync(path);
  if (file.endsWith(".dtd")) {
    const dtd = XmlDtd.fromBuffer(bytes);
    const validator = new DtdValidator(dtd);
    disposers.push(() => validator.dispose());
    return (doc) => validator.validate(doc);
  }
  const xsdDoc = XmlDocument.fromBuffer(bytes, { url: path });
  try {
    const validator = XsdValidator.fromDoc(xsdDoc);
    disposers.push(() => validator.dispose());
    return (doc) => validator.validate(doc);
  } finally {
    xsdDoc.dispose();
  }
}

function validatorFor(file: string): Validate {
  let v = validators.get(file);
  if (!v) {
    v = loadSchema(file);
    validators.set(file, v);
  }
  return v;
}

/** Parses XML without loading any external DTD (the default options). */
function parse(xml: string): XmlDocument {
  return XmlDocument.fromString(xml);
}

/** Returns the libxml2 messages, or [] when the document is valid. */
function validationErrors(schemaFile: string, xml: string): string[] {
  const doc = parse(xml);
  try {
    validatorFor(schemaFile)(doc);
    return [];
  } catch (err) {
    return [describeError(err)];
  } finally {
    doc.dispose();
  }
}

function doctypeOf(xml: string): { root: string; systemId: string } | null {
  const m = /<!DOCTYPE\s+([A-Za-z_][\w.-]*)\s+SYSTEM\s+"([^"]*)"\s*>/.exec(xml);
  return m ? { root: m[1], systemId: m[2] } : null;
}

function rootElementOf(xml: string): string {
  const body = xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, "");
  const m = /<([A-Za-z_][\w.-]*)/.exec(body);
  return m ? m[1] : "";
}

beforeAll(() => {
  for (const entry of catalog) validatorFor(entry.file);
});

afterAll(() => {
  for (const dispose of disposers.splice(0)) dispose();
  validators.clear();
});

describe("schemas/catalog.json", () => {
  it("lists the seven bundled Qualys schemas", () => {
    expect(catalog.map((e) => e.file).sort()).toEqual([
      "qualys/ImportableControl.xsd",
      "qualys/auth_oracle_list_output.dtd",
      "qualys/batch_return.dtd",
      "qualys/option_profile_info.dtd",
      "qualys/option_profiles.xsd",
      "qualys/policy_export_output.dtd",
      "qualys/simple_return.dtd",
    ]);
    for (const e of catalog) {
      expect(e.kind).toBe(e.file.endsWith(".xsd") ? "xsd" : "dtd");
      expect(["export", "import", "response"]).toContain(e.purpose);
      expect(e.roots.length).toBeGreaterThan(0);
      if (e.kind === "xsd") expect(e.systemIds).toEqual([]);
      else expect(e.systemIds.length).toBeGreaterThan(0);
    }
  });

  it("names OPTION_PROFILES as root of both the export DTD and the import XSD", () => {
    const op = catalog.filter((e) => e.roots.includes("OPTION_PROFILES"));
    expect(op.map((e) => `${e.name}:${e.purpose}`).sort()).toEqual([
      "option_profile_info:export",
      "option_profiles:import",
    ]);
  });
});

describe("bundled Qualys schemas load in libxml2", () => {
  for (const entry of catalog) {
    it(entry.file, () => {
      expect(validators.get(entry.file)).toBeTypeOf("function");
    });
  }
});

describe("Qualys fixtures are valid against their schema", () => {
  it("every fixture in test/fixtures/qualys is in the fixture table", () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith(".xml")).sort();
    expect(files).toEqual(Object.keys(FIXTURE_SCHEMA).sort());
  });

  for (const [fixture, schemaFile] of Object.entries(FIXTURE_SCHEMA)) {
    it(`${fixture} -> ${schemaFile}`, () => {
      const xml = readFileSync(join(FIXTURES, fixture), "utf8");
      const entry = catalog.find((e) => e.file === schemaFile);
      expect(entry, `${schemaFile} missing from catalog.json`).toBeDefined();
      const root = rootElementOf(xml);
      expect(entry!.roots).toContain(root);
      const doctype = doctypeOf(xml);
      if (entry!.kind === "dtd") {
        expect(doctype, "DTD-validated fixture needs a DOCTYPE").not.toBeNull();
        expect(doctype!.root).toBe(root);
        expect(entry!.systemIds).toContain(doctype!.systemId);
      } else {
        expect(doctype, "XSD-validated payloads carry no DOCTYPE").toBeNull();
      }
      expect(validationErrors(schemaFile, xml)).toEqual([]);
    });
  }
});

describe("the schemas enforce what the release notes state", () => {
  const importOracle = readFileSync(
    join(FIXTURES, "option-profiles-import-oracle-template.xml"),
    "utf8",
  );
  const importSybase = readFileSync(join(FIXTURES, "option-profiles-import-sybase.xml"), "utf8");
  const udc = readFileSync(join(FIXTURES, "importable-control-unix-file-permission.xml"), "utf8");
  const xsd = "qualys/option_profiles.xsd";

  it("option_profiles.xsd: AUTHENTICATION_TYPE is one of the five technologies", () => {
    for (const t of ["Apache Web Server", "IBM WebSphere App Server", "Jboss Server", "Tomcat Server"]) {
      const xml = importOracle.replace(
        "<AUTHENTICATION_TYPE>Oracle</AUTHENTICATION_TYPE>",
        `<AUTHENTICATION_TYPE>${t}</AUTHENTICATION_TYPE>`,
      );
      expect(validationErrors(xsd, xml)).toEqual([]);
    }
    const bad = importOracle.replace(
      "<AUTHENTICATION_TYPE>Oracle</AUTHENTICATION_TYPE>",
      "<AUTHENTICATION_TYPE>MySQL</AUTHENTICATION_TYPE>",
    );
    expect(validationErrors(xsd, bad)).not.toEqual([]);
  });

  it("option_profiles.xsd: ALLOW_AUTH_CREATION requires ORACLE_AUTHENTICATION_TEMPLATE (as printed)", () => {
    const bad = importOracle.replace(
      /<ORACLE_AUTHENTICATION_TEMPLATE>[\s\S]*<\/ORACLE_AUTHENTICATION_TEMPLATE>\s*/,
      "",
    );
    expect(bad).not.toBe(importOracle);
    expect(validationErrors(xsd, bad)).not.toEqual([]);
  });

  it("option_profiles.xsd: INCLUDE_SYSTEM_AUTH is a choice of two flags fixed to 1", () => {
    const withInclude = (inner: string) =>
      importOracle.replace(
        /<ALLOW_AUTH_CREATION>[\s\S]*<\/ALLOW_AUTH_CREATION>/,
        `<INCLUDE_SYSTEM_AUTH>${inner}</INCLUDE_SYSTEM_AUTH>`,
      );
    expect(validationErrors(xsd, withInclude("<ON_DUPLICATE_USE_USER_AUTH>1</ON_DUPLICATE_USE_USER_AUTH>"))).toEqual([]);
    expect(validationErrors(xsd, withInclude("<ON_DUPLICATE_USE_SYSTEM_AUTH>1</ON_DUPLICATE_USE_SYSTEM_AUTH>"))).toEqual([]);
    expect(validationErrors(xsd, withInclude("<ON_DUPLICATE_USE_USER_AUTH>0</ON_DUPLICATE_USE_USER_AUTH>"))).not.toEqual([]);
    expect(
      validationErrors(
        xsd,
        withInclude(
          "<ON_DUPLICATE_USE_USER_AUTH>1</ON_DUPLICATE_USE_USER_AUTH><ON_DUPLICATE_USE_SYSTEM_AUTH>1</ON_DUPLICATE_USE_SYSTEM_AUTH>",
        ),
      ),
    ).not.toEqual([]);
  });

  it("option_profiles.xsd: SYBASE DB_UDC_RESTRICTION = 1 and DB_UDC_LIMIT in 1..256", () => {
    const sybase = (restriction: string, limit: string) =>
      importSybase
        .replace("<DB_UDC_RESTRICTION>1</DB_UDC_RESTRICTION>", `<DB_UDC_RESTRICTION>${restriction}</DB_UDC_RESTRICTION>`)
        .replace("<DB_UDC_LIMIT>60</DB_UDC_LIMIT>", `<DB_UDC_LIMIT>${limit}</DB_UDC_LIMIT>`);
    expect(validationErrors(xsd, sybase("1", "1"))).toEqual([]);
    expect(validationErrors(xsd, sybase("1", "256"))).toEqual([]);
    expect(validationErrors(xsd, sybase("1", "0"))).not.toEqual([]);
    expect(validationErrors(xsd, sybase("1", "257"))).not.toEqual([]);
    expect(validationErrors(xsd, sybase("0", "60"))).not.toEqual([]);
  });

  it("ImportableControl.xsd: CHECK_TYPE accepts Sybase Database Check and rejects unknown types", () => {
    const withType = (t: string) =>
      udc.replace(
        "<CHECK_TYPE>Unix File/Directory Permission</CHECK_TYPE>",
        `<CHECK_TYPE>${t}</CHECK_TYPE>`,
      );
    expect(validationErrors("qualys/ImportableControl.xsd", withType("Sybase Database Check"))).toEqual([]);
    expect(validationErrors("qualys/ImportableControl.xsd", withType("PostgreSQL Database Check"))).not.toEqual([]);
  });

  it("auth_oracle_list_output.dtd: a wrong element order is reported", () => {
    const xml = readFileSync(join(FIXTURES, "auth-oracle-list-templates-only.xml"), "utf8").replace(
      "<IS_ACTIVE>1</IS_ACTIVE>\n        <IS_TEMPLATE>1</IS_TEMPLATE>",
      "<IS_TEMPLATE>1</IS_TEMPLATE>\n        <IS_ACTIVE>1</IS_ACTIVE>",
    );
    expect(validationErrors("qualys/auth_oracle_list_output.dtd", xml)).not.toEqual([]);
  });
});
