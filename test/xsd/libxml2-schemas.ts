/**
 * Reads every XSD in libxml2's test/schemas with qxml and asks libxml2 whether it accepts the
 * same schema, for the accept/reject comparison (test and docs/xsd-support.md numbers).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { XmlDocument, XsdValidator } from "libxml2-wasm";
import { xmlRegisterFsInputProviders } from "libxml2-wasm/lib/nodejs.mjs";
import { readXsdFile } from "../../src/schema/xsd/index.js";
import { SHARED_DIR } from "../../test-support/paths.js";

export const SHARED = SHARED_DIR;
export const LIBXML2_SCHEMAS = join(SHARED, "conformance/libxml2/test/schemas");

let registered = false;

/** libxml2's verdict on a schema file (it reads includes/imports from disk by itself). */
export function libxml2Accepts(file: string): { accepted: boolean; error?: string } {
  if (!registered) registered = xmlRegisterFsInputProviders() || true;
  let doc: XmlDocument | undefined;
  try {
    doc = XmlDocument.fromBuffer(readFileSync(file), { url: file });
    XsdValidator.fromDoc(doc).dispose();
    return { accepted: true };
  } catch (e) {
    return { accepted: false, error: String((e as Error).message).split("\n")[0] };
  } finally {
    doc?.dispose();
  }
}

/** libxml2's verdict on a schema given as text (no includes or imports). */
export function libxml2AcceptsText(text: string): boolean {
  const doc = XmlDocument.fromString(text);
  try {
    XsdValidator.fromDoc(doc).dispose();
    return true;
  } catch {
    return false;
  } finally {
    doc.dispose();
  }
}

export interface SchemaVerdict {
  file: string;
  qxml: boolean;
  libxml2: boolean;
  qxmlErrors: string[];
  libxml2Error?: string;
  unsupported: string[];
}

export function compareLibxml2Schemas(): SchemaVerdict[] {
  const out: SchemaVerdict[] = [];
  for (const name of readdirSync(LIBXML2_SCHEMAS).filter((f) => f.endsWith(".xsd")).sort()) {
    const file = join(LIBXML2_SCHEMAS, name);
    const q = readXsdFile(file);
    const l = libxml2Accepts(file);
    const v: SchemaVerdict = {
      file: name,
      qxml: q.model !== null,
      libxml2: l.accepted,
      qxmlErrors: q.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`),
      unsupported: [...new Set(q.diagnostics.filter((d) => d.code === "xsd/unsupported").map((d) => String(d.params?.feature)))],
    };
    if (l.error !== undefined) v.libxml2Error = l.error;
    out.push(v);
  }
  return out;
}
