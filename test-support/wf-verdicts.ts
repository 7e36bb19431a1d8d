/**
 * Well-formedness verdicts of both engines on the same bytes, with nothing external read:
 *
 * - qxml: the streaming reader (namespaces on, no validation, no resolver, no external DTD);
 *   rejected = the reader stopped on a fatal `xml/…` error (namespace errors are fatal in qxml).
 * - libxml2: a plain parse (no DTD loading, no validation, no network, no external entities);
 *   rejected = a fatal (level 3) error, or one of the namespace errors libxml2 reports at level
 *   "error" (Namespaces in XML well-formedness, which qxml treats as fatal too). Warnings and
 *   other level-2 reports (e.g. an undeclared entity where an external subset could declare it)
 *   do not reject.
 */
import { createReader } from "../src/xml/reader.js";
import { loadLibxml2Module, type Libxml2Module } from "../src/engines/libxml2-load.js";
import { installInputProvider, withReadScope } from "../src/engines/libxml2-io.js";
import { refuseAll } from "../src/xml/resolve.js";
import { NAMESPACE_ERROR } from "../src/engines/libxml2.js";

export interface WfError {
  line: number;
  /** 1-based, in characters (both engines count a character, astral or not, as one column). */
  column: number;
  /** qxml: the diagnostic code; libxml2: "fatal" or "namespace". */
  code: string;
  message: string;
}

export interface WfVerdict {
  wellFormed: boolean;
  /** The error that decided the verdict (the first fatal one). */
  first?: WfError;
}

/** `split`: write the bytes in two chunks cut there (the verdict must not depend on it). */
export function qxmlVerdict(bytes: Uint8Array, file = "mutant.xml", split?: number): WfVerdict {
  let last: WfError | undefined;
  const reader = createReader(
    {
      startElement() {},
      endElement() {},
      text() {},
      diagnostic(d) {
        if (d.severity === "error") last = { line: d.line, column: d.column, code: d.code, message: d.message };
      },
    },
    { file, namespaces: true },
  );
  if (split === undefined) reader.write(bytes);
  else {
    reader.write(bytes.subarray(0, split));
    reader.write(bytes.subarray(split));
  }
  reader.close();
  // The reader stops at its fatal error, so the last error reported is the one that stopped it.
  return reader.failed && last !== undefined ? { wellFormed: false, first: last } : { wellFormed: true };
}

/** The namespace well-formedness errors libxml2 reports at level 2: the libxml2 engine's list. */
export const LIBXML2_NAMESPACE_ERROR = NAMESPACE_ERROR;

interface Detail {
  message: string;
  level: number;
  line: number;
  col: number;
}

function firstRejecting(details: readonly Detail[]): WfError | undefined {
  for (const d of details) {
    if (d.level >= 3) return { line: d.line, column: d.col, code: "fatal", message: d.message.trim() };
    if (d.level === 2 && LIBXML2_NAMESPACE_ERROR.test(d.message)) return { line: d.line, column: d.col, code: "namespace", message: d.message.trim() };
  }
  return undefined;
}

export interface Libxml2WfParser {
  verdict(bytes: Uint8Array): WfVerdict;
}

export async function libxml2WfParser(): Promise<Libxml2WfParser> {
  const lib: Libxml2Module = await loadLibxml2Module();
  installInputProvider(lib);
  const P = lib.ParseOption;
  // No DTDLOAD/DTDVALID: the external subset is not read; NO_XXE + NONET: no external entity either.
  const option = P.XML_PARSE_NONET | P.XML_PARSE_NO_XXE | P.XML_PARSE_BIG_LINES;
  const scope = { resolver: refuseAll, base: "/nonexistent/mutant.xml", refusals: [], reads: [] };
  return {
    verdict(bytes) {
      let details: Detail[];
      try {
        const doc = withReadScope(scope, () => lib.XmlDocument.fromBuffer(bytes, { option }));
        details = doc.warnings as Detail[];
        doc.dispose();
      } catch (e) {
        const d = (e as { details?: Detail[] }).details;
        details = Array.isArray(d) && d.length > 0 ? d : [{ message: String(e), level: 3, line: 0, col: 0 }];
      }
      const first = firstRejecting(details);
      return first === undefined ? { wellFormed: true } : { wellFormed: false, first };
    },
  };
}
