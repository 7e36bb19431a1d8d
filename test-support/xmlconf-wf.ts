/**
 * Runs one xmlconf test through the qxml reader and reports its well-formedness verdict: the
 * first fatal error, or null when the document is well-formed.
 */
import { readFileSync } from "node:fs";
import type { Diagnostic } from "../src/diagnostics/diagnostic.js";
import { createReader } from "../src/xml/reader.js";
import { localResolver } from "../src/xml/resolve.js";
import { XMLCONF_DIR, type XmlconfTest } from "./xmlconf.js";

export interface WfVerdict {
  fatal: Diagnostic | null;
  diagnostics: Diagnostic[];
}

const resolver = localResolver({ allow: [XMLCONF_DIR] });

export function checkWellFormed(t: XmlconfTest): WfVerdict {
  const diagnostics: Diagnostic[] = [];
  let lastError: Diagnostic | null = null;
  const reader = createReader(
    {
      startElement() {},
      endElement() {},
      text() {},
      diagnostic(d) {
        diagnostics.push(d);
        if (d.severity === "error") lastError = d;
      },
    },
    {
      file: t.file,
      namespaces: t.namespace !== "no",
      resolveEntity: resolver,
      loadExternalDtd: t.entities !== "none",
    },
  );
  reader.write(readFileSync(t.file));
  reader.close();
  // The reader stops at a well-formedness error; DTD validity errors do not stop it.
  return { fatal: reader.failed ? lastError : null, diagnostics };
}
