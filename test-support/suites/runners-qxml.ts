/** qxml (XSD/DTD readers + validator) as a runner for the shared libxml2 suites. */
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { readXsdFile } from "../../src/schema/xsd/index.js";
import { compileSchema, validateString } from "../../src/validate/index.js";
import { localResolver } from "../../src/xml/resolve.js";
import { LIBXML2_DIR } from "../paths.js";
import type { DtdRunner } from "./libxml2-dtd.js";
import type { SchemaRunner } from "./libxml2-schemas.js";

const firstError = (ds: { severity: string; code: string; message: string }[]) => {
  const d = ds.find((x) => x.severity === "error");
  return d === undefined ? undefined : `${d.code}: ${d.message}`;
};

/**
 * A schema qxml reads with unsupported features gives "unsupported" (counted by feature), not a
 * verdict; a schema it rejects gives "schema-error" whatever it uses.
 */
export function qxmlSchemaRunner(): SchemaRunner {
  const schemas = new Map<string, ReturnType<typeof readXsdFile>>();
  return (c) => {
    let read = schemas.get(c.xsd);
    if (read === undefined) {
      read = readXsdFile(c.xsd);
      schemas.set(c.xsd, read);
    }
    if (read.model === null) return { verdict: "schema-error", detail: firstError(read.diagnostics) };
    const features = [
      ...read.model.unsupported.map((u) => u.feature),
      ...read.diagnostics.filter((d) => d.code === "xsd/unsupported").map((d) => String(d.params?.feature ?? d.message)),
    ];
    if (features.length > 0) return { verdict: "unsupported", features: [...new Set(features)] };
    const compiled = compileSchema(read.model);
    if (compiled.diagnostics.some((d) => d.severity === "error")) return { verdict: "schema-error", detail: firstError(compiled.diagnostics) };
    const r = validateString(readFileSync(c.xml), { file: c.xml, schema: compiled.schema });
    return { verdict: r.valid ? "valid" : "invalid", detail: firstError(r.diagnostics) };
  };
}

/** Each document against its own DOCTYPE, external DTDs and entities read from the libxml2 test folder. */
export function qxmlDtdRunner(): DtdRunner {
  return (c) => {
    const resolveEntity = localResolver({ allow: [LIBXML2_DIR, dirname(c.file)] });
    const r = validateString(readFileSync(c.file), { file: c.file, resolveEntity });
    return { verdict: !r.wellFormed ? "not-wf" : r.valid ? "valid" : "invalid", detail: firstError(r.diagnostics) };
  };
}
