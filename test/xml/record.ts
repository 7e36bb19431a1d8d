/** Test helper: runs the reader and records its calls as plain data. */
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { DoctypeInfo, StartTag, XmlHandler } from "../../src/xml/events.js";
import { createReader, type ReaderOptions } from "../../src/xml/reader.js";

export type Event =
  | ["start", StartTag]
  | ["end", string, number, number]
  | ["text", string, number, number, boolean]
  | ["pi", string, string, number, number]
  | ["comment", string, number, number]
  | ["doctype", DoctypeInfo]
  | ["diag", Diagnostic];

export interface Run {
  events: Event[];
  diagnostics: Diagnostic[];
  errors: Diagnostic[];
  ended: number;
}

export function recorder(): { handler: XmlHandler; run: Run } {
  const run: Run = { events: [], diagnostics: [], errors: [], ended: 0 };
  const handler: XmlHandler = {
    startElement: (t) => run.events.push(["start", t]),
    endElement: (n, p) => run.events.push(["end", n, p.line, p.column]),
    text: (t, p, cdata) => run.events.push(["text", t, p.line, p.column, cdata]),
    processingInstruction: (t, d, p) => run.events.push(["pi", t, d, p.line, p.column]),
    comment: (t, p) => run.events.push(["comment", t, p.line, p.column]),
    doctype: (d) => run.events.push(["doctype", d]),
    diagnostic: (d) => {
      run.events.push(["diag", d]);
      run.diagnostics.push(d);
      if (d.severity === "error") run.errors.push(d);
    },
    end: () => run.ended++,
  };
  return { handler, run };
}

/** Reads the input given as chunks (strings or byte arrays). */
export function read(chunks: (string | Uint8Array)[] | string | Uint8Array, options: ReaderOptions = {}): Run {
  const { handler, run } = recorder();
  const r = createReader(handler, options);
  for (const c of Array.isArray(chunks) ? chunks : [chunks]) r.write(c);
  r.close();
  return run;
}

/** Events with adjacent text merged (chunking may split text), for comparing runs. */
export function normalized(run: Run): unknown[] {
  const out: unknown[] = [];
  for (const e of run.events) {
    const last = out[out.length - 1] as unknown[] | undefined;
    if (e[0] === "text" && last !== undefined && last[0] === "text" && last[4] === e[4]) {
      last[1] = (last[1] as string) + e[1];
      continue;
    }
    if (e[0] === "doctype") out.push(["doctype", e[1].name, e[1].systemId, e[1].line, e[1].column]);
    else out.push([...e]);
  }
  return out;
}

export function firstError(run: Run): Diagnostic {
  const d = run.errors[0];
  if (d === undefined) throw new Error(`expected an error; got ${JSON.stringify(run.diagnostics)}`);
  return d;
}
