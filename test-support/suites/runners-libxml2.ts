/** The libxml2 engine as a runner for the shared suites (the oracle checking itself against its recorded output). */
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Libxml2Engine } from "../../src/engines/libxml2.js";
import { localResolver } from "../../src/xml/resolve.js";
import { LIBXML2_DIR } from "../paths.js";
import type { DtdRunner } from "./libxml2-dtd.js";
import type { SchemaRunner } from "./libxml2-schemas.js";

export function libxml2SchemaRunner(engine: Libxml2Engine): SchemaRunner {
  return (c) => {
    const prepared = engine.prepare({ kind: "xsd", file: c.xsd });
    try {
      if (!prepared.ok) return { verdict: "schema-error", detail: prepared.diagnostics[0]?.message };
      const r = prepared.validate(readFileSync(c.xml), { file: c.xml });
      return { verdict: r.valid ? "valid" : "invalid", detail: r.diagnostics.find((d) => d.severity === "error")?.message };
    } finally {
      prepared.dispose();
    }
  };
}

export function libxml2DtdRunner(engine: Libxml2Engine): DtdRunner {
  return (c) => {
    const resolveEntity = localResolver({ allow: [LIBXML2_DIR, dirname(c.file)] });
    const r = engine.validate(readFileSync(c.file), { file: c.file, resolveEntity });
    const verdict = !r.wellFormed ? "not-wf" : r.valid ? "valid" : "invalid";
    return { verdict, detail: r.diagnostics.find((d) => d.severity === "error")?.message };
  };
}
