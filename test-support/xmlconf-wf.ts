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
  let fatal: Diagnostic | null = null;
  const reader = createReader(
    {
      startElement() {},
      endElement() {},
      text() {},
      diagnostic(d) {
        diagnostics.push(d);
        if (d.severity === "error" && fatal === null && (d.code.startsWith("xml/") || isFatalDtd(d))) fatal = d;
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
  return { fatal, diagnostics };
}

/** A DTD diagnostic that stopped the reader (a well-formedness error in the DTD). */
function isFatalDtd(d: Diagnostic): boolean {
  return fatalDtdCodes.has(d.code);
}

import { FATAL_DTD_CODES as fatalDtdCodes } from "../src/dtd/codes.js";
